// What a warm function container keeps between calls (HUBSPOT.md §6: one api-client per process):
// the HubSpot handle, the compiled strategy and the property definitions. Configured from the
// environment only: the token from PRIVATE_APP_ACCESS_TOKEN, the API origin from
// HUBSPOT_API_BASE_URL when set (the sandbox in local development and tests).
import { err, ok, strategyFitError } from '@strategy-fit/core';
import type { Result, StrategyFitError } from '@strategy-fit/core';
import { createHubSpotClient, DEFAULT_BASE_PATH, withDeadline } from '@strategy-fit/hubspot';
import type { HubSpot, Limits } from '@strategy-fit/hubspot';

import { createStrategyCache } from './active-strategy.ts';
import type { StrategyCache } from './active-strategy.ts';
import { createDefinitionsCache } from './definitions.ts';
import type { DefinitionsCache } from './definitions.ts';
import { createPortalCache } from './portal-cache.ts';
import type { PortalCache } from './portal-cache.ts';
import { createScoredCompanies } from './scored-companies.ts';
import type { ScoredCompanies } from './scored-companies.ts';

export type Runtime = {
  readonly hs: HubSpot;
  readonly now: () => number;
  readonly strategies: StrategyCache;
  readonly definitions: DefinitionsCache;
  /** The owners and deal pipelines, kept a few minutes. */
  readonly portal: PortalCache;
  /** The companies a rescore run scored, for its deals (this warm container's). */
  readonly scoredCompanies: ScoredCompanies;
  /** Values that never leave the function (the token). */
  readonly secrets: readonly string[];
  /** How long one call may wait for HubSpot in all (`FUNCTION_BUDGET_MS` unless a test says). */
  readonly budgetMs: number;
};

/**
 * How a function talks to HubSpot. A card's call makes a handful of requests: no process-local
 * rate limiter (containers cannot share one); HubSpot's 429s are retried instead, but only within
 * the function's time budget (HubSpot stops a function after about 10–15 s). The bulk functions
 * take the adapter's limiter with `BULK_LIMITS`.
 */
export const FUNCTION_CLIENT = { maxAttempts: 3, maxRetryWaitMs: 2_000, limits: false } as const;

/**
 * The limiter of the bulk functions (strategy_review, rescore_stale, strategy_simulate): half the
 * app's 190 requests per 10 s per warm container, so a page looping chunks leaves the rest to the
 * cards; 4 searches per second (HubSpot allows 5 per account).
 */
export const BULK_LIMITS: Limits = { perTenSeconds: 95, searchPerSecond: 4 };

/**
 * One call's time budget for HubSpot: HubSpot stops a function after about 10 s (HUBSPOT.md §2),
 * so past 8 s a call sends nothing more and answers `hubspot_unavailable` rather than being cut off
 * mid-way (the card would get an opaque failure, and a write could land after it).
 */
export const FUNCTION_BUDGET_MS = 8_000;

export type RuntimeOptions = {
  accessToken: string;
  basePath?: string;
  now?: () => number;
  budgetMs?: number;
  /** The client's limiter: none by default (`FUNCTION_CLIENT`), `BULK_LIMITS` for bulk jobs. */
  limits?: Limits | false;
};

/** A runtime for one token and API origin (tests and the fixture producer make their own). */
export function createRuntime(options: RuntimeOptions): Runtime {
  const now = options.now ?? Date.now;
  const hs = createHubSpotClient({
    accessToken: options.accessToken,
    ...(options.basePath === undefined ? {} : { basePath: options.basePath }),
    ...FUNCTION_CLIENT,
    ...(options.limits === undefined ? {} : { limits: options.limits }),
  });
  const definitions = createDefinitionsCache(hs, now);
  return {
    hs,
    now,
    definitions,
    portal: createPortalCache(hs, Date.now),
    scoredCompanies: createScoredCompanies(),
    strategies: createStrategyCache(hs, () => definitions.forget()),
    secrets: [options.accessToken],
    budgetMs: options.budgetMs ?? FUNCTION_BUDGET_MS,
  };
}

type Env = Readonly<Record<string, string | undefined>>;

let warm: { key: string; runtime: Runtime } | undefined;

/**
 * The runtime of this container, made on the first call and kept while the container is warm;
 * `limits`: the client's limiter (none by default, `BULK_LIMITS` for the bulk functions).
 */
export function runtimeFromEnv(
  env: Env = process.env,
  limits?: Limits,
): Result<Runtime, StrategyFitError> {
  const accessToken = env['PRIVATE_APP_ACCESS_TOKEN']?.trim() ?? '';
  if (accessToken === '') {
    return err(
      strategyFitError(
        'hubspot_unauthorized',
        'The app has no access token (PRIVATE_APP_ACCESS_TOKEN is not set). Reinstall the app; in local development, set it in src/app/functions/.env.',
      ),
    );
  }
  const basePath = env['HUBSPOT_API_BASE_URL']?.trim() || DEFAULT_BASE_PATH;
  if (!/^https?:\/\/[^\s/]+/.test(basePath)) {
    return err(
      strategyFitError('hubspot_error', `HUBSPOT_API_BASE_URL is not an http(s) URL: ${basePath}`),
    );
  }
  const key = `${basePath}\n${accessToken}\n${JSON.stringify(limits ?? null)}`;
  if (warm?.key !== key) {
    warm = {
      key,
      runtime: createRuntime({
        accessToken,
        basePath,
        ...(limits === undefined ? {} : { limits }),
      }),
    };
  }
  return ok(warm.runtime);
}

/** The runtime of a bulk function (its limiter takes half the app's requests). */
export function bulkRuntimeFromEnv(env: Env = process.env): Result<Runtime, StrategyFitError> {
  return runtimeFromEnv(env, BULK_LIMITS);
}

/**
 * Runs a handler on parsed input with this container's runtime, within the runtime's time budget
 * (`withDeadline`); the input's error (or the runtime's) is answered as it is.
 */
export async function handle<I, T>(
  input: Result<I, StrategyFitError>,
  handler: (runtime: Runtime, input: I) => Promise<Result<T, StrategyFitError>>,
  runtime: () => Result<Runtime, StrategyFitError> = runtimeFromEnv,
): Promise<Result<T, StrategyFitError>> {
  if (!input.ok) return input;
  const rt = runtime();
  if (!rt.ok) return rt;
  return withDeadline(rt.value.budgetMs, () => handler(rt.value, input.value));
}
