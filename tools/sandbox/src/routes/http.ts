// Helpers every route uses: the Hono environment, body parsing (the one boundary where request
// JSON becomes typed data), HubSpot error responses and query-list reading.
import type { HttpBindings } from '@hono/node-server';
import type { Context } from 'hono';
import type { z } from 'zod';
import type { ObjectTypeInfo } from '../catalogue/object-types.ts';
import { MESSAGES, batchError, errorBody, validationFailure, type Failure } from '../errors.ts';
import type { CrmStore, Result } from '../store/crm-store.ts';

export type PartialPick = (size: number) => Set<number>;

export type SandboxEnv = {
  Bindings: HttpBindings;
  Variables: { partialBatch: PartialPick | undefined; baseUrl: string };
};

export type Ctx = Context<SandboxEnv>;

/** The API a route belongs to: the legacy v3/v4 paths, or HubSpot's 2026-09 date version. */
export type ApiVersion = 'legacy' | '2026-09';

/** Every version the sandbox serves. */
export const API_VERSIONS: readonly ApiVersion[] = ['legacy', '2026-09'];

export type RouteDeps = { store: CrmStore; version: ApiVersion };

/** The path prefix of an API family in a version: `/crm/v3/objects` or `/crm/objects/2026-09`. */
export function apiBase(
  version: ApiVersion,
  family: 'objects' | 'properties' | 'owners' | 'pipelines' | 'property-validations',
): string {
  return version === 'legacy' ? `/crm/v3/${family}` : `/crm/${family}/${version}`;
}

export const JSON_TYPE = 'application/json;charset=utf-8';

export function sendJson(
  _c: Ctx,
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: { 'Content-Type': JSON_TYPE, ...headers },
  });
}

export function sendFailure(c: Ctx, failure: Failure): Response {
  return sendJson(c, failure.status, failure.body, {
    'x-hubspot-correlation-id': failure.body.correlationId,
    ...failure.headers,
  });
}

export const noContent = (): Response => new Response(null, { status: 204 });

/** Reads and checks a JSON body; failures use the wording of HubSpot's JSON reader. */
export async function parseBody<S extends z.ZodType>(
  c: Ctx,
  schema: S,
): Promise<Result<z.output<S>>> {
  const text = await c.req.text();
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    const reason =
      text.trim() === ''
        ? 'No content to map due to end-of-input'
        : String((error as Error).message);
    return { ok: false, failure: validationFailure(MESSAGES.invalidJson(reason)) };
  }
  const parsed = schema.safeParse(json);
  if (parsed.success) return { ok: true, value: parsed.data };
  return { ok: false, failure: issuesToFailure(parsed.error.issues) };
}

function issuesToFailure(issues: readonly z.core.$ZodIssue[]): Failure {
  const missing = issues
    .filter(
      (issue) => issue.code === 'invalid_type' && issue.message.includes('received undefined'),
    )
    .map((issue) => issue.path.map(String).join('.'));
  if (missing.length > 0 && missing.length === issues.length) {
    return validationFailure(MESSAGES.requiredNotSet(missing));
  }
  const first = issues[0];
  const where = first === undefined ? '' : first.path.map(String).join('.');
  return validationFailure(
    MESSAGES.invalidJson(
      `Cannot deserialize value at "${where}": ${first?.message ?? 'invalid input'}`,
    ),
  );
}

/** A repeated and/or comma-separated query parameter as a flat list (HubSpot accepts both). */
export function queryList(c: Ctx, name: string): string[] | undefined {
  const values = c.req.queries(name);
  if (values === undefined) return undefined;
  return values
    .flatMap((value) => value.split(','))
    .map((value) => value.trim())
    .filter((value) => value !== '');
}

export function queryBoolean(c: Ctx, name: string): boolean {
  return c.req.query(name)?.toLowerCase() === 'true';
}

/** A handler of the object type named by the path parameter `param` (400 when it names none). */
export const typedBy =
  (store: CrmStore, param: string) =>
  (handler: (c: Ctx, info: ObjectTypeInfo) => Response | Promise<Response>) =>
  async (c: Ctx): Promise<Response> => {
    const info = resolveType(store, c.req.param(param) ?? '');
    return info.ok ? handler(c, info.value) : sendFailure(c, info.failure);
  };

/** The object type of a path segment, or HubSpot's 400 for a name it cannot resolve. */
export function resolveType(store: CrmStore, name: string): Result<ObjectTypeInfo> {
  const info = store.resolveType(name);
  return info === undefined
    ? { ok: false, failure: validationFailure(MESSAGES.unknownObjectType(name)) }
    : { ok: true, value: info };
}

export function batchTooLarge(limit: number, size: number): Failure | undefined {
  return size > limit ? validationFailure(MESSAGES.batchTooLarge(limit, size)) : undefined;
}

/** The `errors[]` entry of a batch input that an injected partial-failure fault rejected. */
export function injectedBatchError(context: Record<string, string[]>) {
  return batchError({ category: 'INTERNAL_ERROR', message: MESSAGES.faultBatch(), context });
}

export const internalErrorBody = () => errorBody('INTERNAL_ERROR', MESSAGES.internal());
