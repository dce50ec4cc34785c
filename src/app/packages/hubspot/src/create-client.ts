// The one factory of the HubSpot client (STYLE §27). The api-client's own retry is off (it ignores
// Retry-After and counts attempts, HUBSPOT.md §6); every call goes through `call`: the limiter,
// then our retry (Retry-After on 429, exponential backoff with jitter on 5xx and dropped
// connections), then `toStrategyFitError` for whatever still fails.
import { AsyncLocalStorage } from 'node:async_hooks';

import { Client } from '@hubspot/api-client';
import { err, ok, strategyFitError } from '@strategy-fit/core';
import type { PropertyDefinitions, Result, StrategyFitError } from '@strategy-fit/core';
import type { z } from 'zod';

import { DEFAULT_LIMITS, RequestLimiter } from './rate-limiter.ts';
import type { Limits } from './rate-limiter.ts';
import {
  classifyFailure,
  RETRYABLE_NETWORK_CODES,
  retryAfterMs,
  toStrategyFitError,
} from './to-strategy-fit-error.ts';
import type { ErrorContext, Failure } from './to-strategy-fit-error.ts';

/** What the client reports while it waits: a retry after a failure, or a 429. */
export type ClientEvent = {
  kind: 'retry' | 'rate_limited';
  status?: number;
  waitMs: number;
  /** The call, e.g. "batch update of companies". */
  operation?: string;
};

export type HubSpotClientOptions = {
  accessToken: string;
  /** Origin of the API, e.g. the sandbox's base URL; default https://api.hubapi.com. */
  basePath?: string;
  /** Default 190 per rolling 10 s and 5 searches per second; `false` for none. */
  limits?: Limits | false;
  /** Attempts per call, the first included; default 6. */
  maxAttempts?: number;
  /**
   * The longest wait before a retry; a failure that asks for a longer wait (a 429 whose window
   * has seconds to run) is returned at once. Default: no cap. App functions set it, so a call
   * answers `hubspot_rate_limited` within HubSpot's time limit instead of timing out.
   */
  maxRetryWaitMs?: number;
  onEvent?: (e: ClientEvent) => void;
};

/** The opaque handle every adapter function takes; create one per process. */
export type HubSpot = { readonly basePath: string };

export const DEFAULT_BASE_PATH = 'https://api.hubapi.com';
export const DEFAULT_MAX_ATTEMPTS = 6;
/** First backoff step after a 5xx or a dropped connection; doubles per attempt. */
const BACKOFF_BASE_MS = 300;
const BACKOFF_CAP_MS = 15_000;
/** Waits when a 429 carries no Retry-After: the policy's window. */
const POLICY_WAIT_MS: Record<string, number> = { SECONDLY: 1_000, TEN_SECONDLY_ROLLING: 10_000 };

/** The api-client's API groups the adapter uses, bound once at creation (see `bindApis`). */
type Apis = ReturnType<typeof bindApis>;

type Internals = {
  apis: Apis;
  limiter: RequestLimiter | undefined;
  maxAttempts: number;
  maxRetryWaitMs: number;
  secrets: readonly string[];
  onEvent: (e: ClientEvent) => void;
  definitions: Map<string, Promise<Result<PropertyDefinitions, StrategyFitError>>>;
  strategyStore: { objectTypeId: string } | undefined;
  exceptionEvents: { objectTypeId: string } | undefined;
};

const registry = new WeakMap<HubSpot, Internals>();

/** Touches every API group so the client's process-wide decorators (none: our config) bind now. */
function bindApis(client: Client) {
  const crm = client.crm;
  return {
    objects: {
      basic: crm.objects.basicApi,
      batch: crm.objects.batchApi,
      search: crm.objects.searchApi,
    },
    properties: { core: crm.properties.coreApi, groups: crm.properties.groupsApi },
    schemas: crm.schemas.coreApi,
    associations: crm.associations.v4.batchApi,
    owners: crm.owners.ownersApi,
    pipelines: crm.pipelines.pipelinesApi,
  };
}

/**
 * Creates the HubSpot handle: one api-client without its own retry, our limiter and retry around
 * every call. Keep one per process (the client's decorators are a process-wide singleton).
 *
 * @example
 * const hs = createHubSpotClient({ accessToken: process.env.HUBSPOT_ACCESS_TOKEN ?? '' });
 * const defs = await readPropertyDefinitions(hs, 'companies');
 */
export function createHubSpotClient(options: HubSpotClientOptions): HubSpot {
  const basePath = (options.basePath ?? DEFAULT_BASE_PATH).replace(/\/+$/, '');
  const client = new Client({
    accessToken: options.accessToken,
    basePath,
    numberOfApiCallRetries: 0,
  });
  const limits = options.limits === undefined ? DEFAULT_LIMITS : options.limits;
  const handle: HubSpot = Object.freeze({ basePath });
  registry.set(handle, {
    apis: bindApis(client),
    limiter: limits === false ? undefined : new RequestLimiter(limits),
    maxAttempts: Math.max(1, Math.floor(options.maxAttempts ?? DEFAULT_MAX_ATTEMPTS)),
    maxRetryWaitMs: options.maxRetryWaitMs ?? Number.POSITIVE_INFINITY,
    secrets: [options.accessToken],
    onEvent: options.onEvent ?? (() => {}),
    definitions: new Map(),
    strategyStore: undefined,
    exceptionEvents: undefined,
  });
  return handle;
}

/** The state behind a handle; a handle not made by `createHubSpotClient` is a bug. */
export function internals(hs: HubSpot): Internals {
  const found = registry.get(hs);
  if (found === undefined) throw new Error('not a HubSpot handle from createHubSpotClient');
  return found;
}

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/** The deadline (epoch ms) of the work in progress, when it has one (`withDeadline`). */
const deadlines = new AsyncLocalStorage<{ atMs: number; budgetMs: number }>();

/**
 * Runs `work` with a time budget: every HubSpot call inside it (however deep) stops waiting for
 * an answer, and sends nothing more, once `budgetMs` have passed; it then fails with
 * `hubspot_unavailable` instead of outliving the caller (an app function HubSpot stops at ~10 s).
 * A request already sent cannot be recalled: HubSpot may still apply it.
 *
 * @example
 * const answer = await withDeadline(8_000, () => scoreRecord(runtime, params));
 */
export function withDeadline<T>(budgetMs: number, work: () => Promise<T>): Promise<T> {
  return deadlines.run({ atMs: Date.now() + budgetMs, budgetMs }, work);
}

/** What a call waiting past its deadline is rejected with (never leaves `call`). */
const DEADLINE_PASSED = Symbol('deadline passed');

/** `work`, or DEADLINE_PASSED once the deadline is reached (the request itself runs on, unheard). */
async function beforeDeadline<T>(work: Promise<T>, atMs: number | undefined): Promise<T> {
  if (atMs === undefined) return work;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const passed = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(DEADLINE_PASSED), Math.max(0, atMs - Date.now()));
  });
  work.catch(() => undefined); // an abandoned request's failure is nobody's to report
  try {
    return await Promise.race([work, passed]);
  } finally {
    clearTimeout(timer);
  }
}

const outOfTime = (spec: CallSpec, budgetMs: number): StrategyFitError =>
  strategyFitError(
    'hubspot_unavailable',
    `HubSpot did not answer ${spec.operation ?? 'the request'} within the ${(budgetMs / 1000).toFixed(1)}-second time budget. Try again in a moment.`,
    spec.objectType === undefined ? {} : { objectType: spec.objectType },
  );

/** Exponential backoff with jitter: a random wait between half and all of base·2^(n-1). */
export function backoffMs(attempt: number): number {
  const ceiling = Math.min(BACKOFF_CAP_MS, BACKOFF_BASE_MS * 2 ** (attempt - 1));
  return Math.round(ceiling / 2 + Math.random() * (ceiling / 2));
}

type RetryDecision =
  { retry: false } | { retry: true; kind: ClientEvent['kind']; waitMs: number; status?: number };

/** Whether and how long to wait before the next attempt. */
function decide(failure: Failure, attempt: number): RetryDecision {
  if (failure.kind === 'network') {
    return RETRYABLE_NETWORK_CODES.has(failure.code)
      ? { retry: true, kind: 'retry', waitMs: backoffMs(attempt) }
      : { retry: false };
  }
  if (failure.kind !== 'http') return { retry: false };
  const { status, body, headers } = failure;
  if (status === 429) {
    if (body.policyName === 'DAILY') return { retry: false };
    const fallback =
      POLICY_WAIT_MS[body.policyName ?? ''] ?? POLICY_WAIT_MS['TEN_SECONDLY_ROLLING'] ?? 10_000;
    const waitMs = retryAfterMs(headers['retry-after'], Date.now()) ?? fallback;
    return { retry: true, kind: 'rate_limited', waitMs, status };
  }
  if (status >= 500) return { retry: true, kind: 'retry', waitMs: backoffMs(attempt), status };
  return { retry: false };
}

/** How a call is counted and described. */
export type CallSpec = ErrorContext & {
  /** Searches also take a slot of the per-second search limit. */
  search?: boolean;
};

/**
 * Runs one HubSpot request through the limiter and the retry policy; every failure comes back as
 * `err`. `request` holds nothing but the api-client call, so whatever it throws is foreign.
 */
export async function call<T>(
  hs: HubSpot,
  spec: CallSpec,
  request: (apis: Apis) => Promise<T>,
): Promise<Result<T, StrategyFitError>> {
  const state = internals(hs);
  const context: ErrorContext = { ...spec, secrets: state.secrets };
  const deadline = deadlines.getStore();
  for (let attempt = 1; ; attempt += 1) {
    if (deadline !== undefined && Date.now() >= deadline.atMs) {
      return err(outOfTime(spec, deadline.budgetMs));
    }
    const slot = await state.limiter?.acquire(spec.search === true);
    try {
      return ok(await beforeDeadline(request(state.apis), deadline?.atMs));
    } catch (e) {
      if (e === DEADLINE_PASSED && deadline !== undefined) {
        return err(outOfTime(spec, deadline.budgetMs));
      }
      const failure = classifyFailure(e);
      const decision = decide(failure, attempt);
      if (
        !decision.retry ||
        attempt >= state.maxAttempts ||
        decision.waitMs > state.maxRetryWaitMs ||
        (deadline !== undefined && Date.now() + decision.waitMs >= deadline.atMs)
      )
        return err(toStrategyFitError(e, context));
      if (decision.kind === 'rate_limited') state.limiter?.pause(decision.waitMs);
      state.onEvent({
        kind: decision.kind,
        waitMs: decision.waitMs,
        ...(decision.status === undefined ? {} : { status: decision.status }),
        ...(spec.operation === undefined ? {} : { operation: spec.operation }),
      });
      slot?.done();
      await sleep(decision.waitMs);
    } finally {
      slot?.done();
    }
  }
}

/** Parses a HubSpot answer once (STYLE §12); a mismatch is a `hubspot_error` naming the place. */
export function parseAnswer<S extends z.ZodType>(
  schema: S,
  value: unknown,
  context: ErrorContext,
): Result<z.output<S>, StrategyFitError> {
  const parsed = schema.safeParse(value);
  return parsed.success ? ok(parsed.data) : err(toStrategyFitError(parsed.error, context));
}

/** `call` followed by `parseAnswer`. */
export async function callParsed<S extends z.ZodType>(
  hs: HubSpot,
  spec: CallSpec,
  schema: S,
  request: (apis: Apis) => Promise<unknown>,
): Promise<Result<z.output<S>, StrategyFitError>> {
  const answer = await call(hs, spec, request);
  return answer.ok ? parseAnswer(schema, answer.value, spec) : answer;
}
