// The Hono application: fault injection, latency, bearer auth and rate limits in front of the
// HubSpot routes; one error handler turns anything unexpected into HubSpot's 500 body.
import { Hono } from 'hono';
import { MESSAGES, errorBody, notFoundFailure } from './errors.ts';
import { registerAssociationRoutes } from './routes/associations.ts';
import {
  API_VERSIONS,
  internalErrorBody,
  sendFailure,
  sendJson,
  type Ctx,
  type SandboxEnv,
} from './routes/http.ts';
import { registerObjectRoutes } from './routes/objects.ts';
import { registerOwnerRoutes, registerPipelineRoutes } from './routes/owners-and-pipelines.ts';
import { registerPropertyRoutes } from './routes/properties.ts';
import { registerPropertyValidationRoutes } from './routes/property-validations.ts';
import { registerSchemaRoutes } from './routes/schemas.ts';
import type { CrmStore } from './store/crm-store.ts';
import type { FaultInjector } from './traffic/faults.ts';
import type { Policy, RateLimiter } from './traffic/rate-limiter.ts';
import { requestKind } from './traffic/request-kinds.ts';

/** What the middleware reads on every request; `control` changes it while the server runs. */
export type TrafficState = {
  token: string;
  baseUrl: string;
  latencyMs: number;
  faults: FaultInjector;
  rateLimiter: RateLimiter | undefined;
  /** Requests received, whatever their answer (read by `control.requestCount`). */
  requests: number;
  /** Requests answered 429, injected or refused by the limits (read by `control.rateLimitedCount`). */
  rateLimited: number;
  /** Requests on HubSpot's legacy v3/v4 paths (read by `control.legacyRequestCount`). */
  legacy: number;
  /** The same requests by kind (`requestKind`), read by `control.requestsByKind`. */
  kinds: Map<string, number>;
};

/** The legacy (unversioned v3/v4) paths HubSpot stops supporting; the sandbox still serves them. */
const LEGACY_PATH = /^\/(?:crm\/v[34]\/|crm-object-schemas\/v3\/)/;

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

const isSearch = (c: Ctx): boolean => c.req.method === 'POST' && c.req.path.endsWith('/search');

/** HubSpot's 429 body; `policyName` and the secondly text are what the v14 client's retry reads. */
function rateLimited(
  c: Ctx,
  portalId: number,
  policy: Policy,
  retryAfterSeconds: number,
  headers: Record<string, string>,
): Response {
  const message =
    policy === 'SECONDLY'
      ? MESSAGES.secondly()
      : policy === 'DAILY'
        ? MESSAGES.daily()
        : MESSAGES.tenSecondly();
  const group = policy === 'SECONDLY' ? 'search' : policy === 'DAILY' ? 'daily' : 'ten-secondly';
  const base = errorBody('RATE_LIMITS', message);
  return sendJson(
    c,
    429,
    {
      status: 'error',
      message,
      errorType: 'RATE_LIMIT',
      correlationId: base.correlationId,
      policyName: policy,
      groupName: `publicapi:private-app-api-calls-${group}:${portalId}`,
      category: 'RATE_LIMITS',
    },
    { ...headers, 'Retry-After': String(retryAfterSeconds) },
  );
}

export function createApp(store: CrmStore, traffic: TrafficState): Hono<SandboxEnv> {
  const app = new Hono<SandboxEnv>();

  app.use('*', async (c, next) => {
    traffic.requests += 1;
    if (LEGACY_PATH.test(c.req.path)) traffic.legacy += 1;
    const kind = requestKind(c.req.method, c.req.path);
    traffic.kinds.set(kind, (traffic.kinds.get(kind) ?? 0) + 1);
    c.set('baseUrl', traffic.baseUrl);
    c.set('partialBatch', undefined);
    if (traffic.latencyMs > 0) await sleep(traffic.latencyMs);
    const fault = traffic.faults.decide(c.req.path, c.req.method);
    switch (fault.kind) {
      case 'drop':
        c.env.incoming.socket.destroy();
        return new Response(null, { status: 500 });
      case 'serverError':
        return sendJson(
          c,
          fault.status,
          errorBody('INTERNAL_ERROR', MESSAGES.faultServer(fault.status)),
        );
      case 'rateLimit':
        traffic.rateLimited += 1;
        return isSearch(c)
          ? rateLimited(c, store.portalId, 'SECONDLY', 1, {})
          : rateLimited(c, store.portalId, 'TEN_SECONDLY_ROLLING', 1, {});
      case 'slow':
        await sleep(fault.delayMs);
        break;
      case 'partialBatch':
        c.set('partialBatch', fault.pick);
        break;
      case 'none':
        break;
      default:
        fault satisfies never;
    }
    if (c.req.header('authorization') !== `Bearer ${traffic.token}`) {
      return sendJson(c, 401, errorBody('INVALID_AUTHENTICATION', MESSAGES.authMissing()));
    }
    const admission = traffic.rateLimiter?.admit(Date.now(), isSearch(c));
    if (admission !== undefined && !admission.admitted) {
      traffic.rateLimited += 1;
      return rateLimited(
        c,
        store.portalId,
        admission.policy,
        admission.retryAfterSeconds,
        admission.headers,
      );
    }
    await next();
    if (admission !== undefined) {
      for (const [name, value] of Object.entries(admission.headers)) c.res.headers.set(name, value);
    }
  });

  // The legacy v3/v4 paths (other clients, the v14 models) and HubSpot's 2026-09 date version
  // (the adapter), from the same handlers: docs/decisions/0002-dated-apis.md lists the differences.
  for (const version of API_VERSIONS) {
    const deps = { store, version };
    registerObjectRoutes(app, deps);
    registerPropertyRoutes(app, deps);
    registerAssociationRoutes(app, deps);
    registerOwnerRoutes(app, deps);
    registerPipelineRoutes(app, deps);
    registerSchemaRoutes(app, deps);
    registerPropertyValidationRoutes(app, deps);
  }

  app.notFound((c) => sendFailure(c, notFoundFailure()));
  app.onError((error, c) => {
    console.error('sandbox: unexpected error', error);
    return sendJson(c, 500, internalErrorBody());
  });
  return app;
}
