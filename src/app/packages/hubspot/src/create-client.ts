// The one factory of the HubSpot client (STYLE §27): an `@hubspot/api-client` Client without its
// own retry (it ignores Retry-After and counts attempts, HUBSPOT.md §6) and one RequestLimiter per
// handle. Requests go through `hubspotRequest` (request.ts), which uses only the client's generic
// `apiRequest` on HubSpot's dated paths (api-paths.ts): the client keeps the token and the base URL.
import { Client } from '@hubspot/api-client';
import type { PropertyDefinitions, Result, StrategyFitError } from '@strategy-fit/core';

import { DEFAULT_LIMITS, RequestLimiter } from './rate-limiter.ts';
import type { Limits } from './rate-limiter.ts';

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
  /**
   * Default 190 per rolling 10 s and 5 searches per second, lowered to what HubSpot's rate-limit
   * headers report; `false` for no limiter at all.
   */
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

type Internals = {
  client: Client;
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

/**
 * Creates the HubSpot handle: one api-client without its own retry, our limiter and retry around
 * every request. Keep one per process (the client's decorators are a process-wide singleton).
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
    client,
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

/**
 * How long a request sent through `hs` now would wait for the rate limit (0: at once), from what
 * HubSpot's headers and this handle's own requests tell. An app function that cannot afford the
 * wait answers "continue in N s" instead of starting; 0 for a handle without a limiter.
 *
 * @example
 * const waitMs = rateLimitWaitMs(hs);
 * if (waitMs > rt.budgetLeftMs()) return { done: false, retryAfterMs: waitMs };
 */
export function rateLimitWaitMs(hs: HubSpot, options: { search?: boolean } = {}): number {
  return internals(hs).limiter?.waitEstimateMs(options.search === true) ?? 0;
}
