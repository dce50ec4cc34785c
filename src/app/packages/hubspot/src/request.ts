// `hubspotRequest`: the one way the adapter sends a request to HubSpot. Through the api-client's
// generic `apiRequest` (it adds the token and the base URL; no hand-written HTTP) on a dated path
// from `apiPaths`; every request goes through the handle's limiter, which learns what is left from
// the answer's X-HubSpot-RateLimit-* headers; then our retry (Retry-After on 429, exponential
// backoff with jitter on 5xx and dropped connections); the caller's deadline (`withDeadline`);
// `toStrategyFitError` for whatever still fails; the 2xx answer parsed once with its zod schema.
// `apiRequest` resolves non-2xx answers instead of throwing: they become HubSpotHttpError, the
// failure `classifyFailure` reads (status, HubSpot's error body, headers).
import { AsyncLocalStorage } from 'node:async_hooks';

import { err, ok, strategyFitError } from '@strategy-fit/core';
import type { Result, StrategyFitError } from '@strategy-fit/core';
import type { z } from 'zod';

import type { ApiPath } from './api-paths.ts';
import { internals } from './create-client.ts';
import type { ClientEvent, HubSpot } from './create-client.ts';
import { readRateLimitHeaders } from './rate-limiter.ts';
import type { Slot } from './rate-limiter.ts';
import {
  classifyFailure,
  HubSpotHttpError,
  RETRYABLE_NETWORK_CODES,
  retryAfterMs,
  toStrategyFitError,
} from './to-strategy-fit-error.ts';
import type { ErrorContext, Failure } from './to-strategy-fit-error.ts';

/** A query parameter value; a list is sent as one parameter per value. */
export type QueryValue = string | number | boolean | readonly string[] | undefined;

/** One HubSpot API request, as `hubspotRequest` sends it. */
export type HubSpotRequest<S extends z.ZodType> = {
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  /** From `apiPaths`, which alone names the API version. */
  path: ApiPath;
  query?: Readonly<Record<string, QueryValue>>;
  /** The JSON body. */
  body?: unknown;
  /** The schema of a 2xx answer (STYLE §12); a mismatch is a `hubspot_error` naming the place. */
  answer: S;
  /** Human wording for messages, e.g. "batch read of 100 companies". */
  operation: string;
  objectType?: string;
  recordId?: string;
  /** A search: also takes a slot of the per-second search limit. */
  search?: boolean;
};

/** First backoff step after a 5xx or a dropped connection; doubles per attempt. */
const BACKOFF_BASE_MS = 300;
const BACKOFF_CAP_MS = 15_000;
/** Waits when a 429 carries no Retry-After: the policy's window. */
const POLICY_WAIT_MS: Record<string, number> = { SECONDLY: 1_000, TEN_SECONDLY_ROLLING: 10_000 };

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/** The deadline (epoch ms) of the work in progress, when it has one (`withDeadline`). */
const deadlines = new AsyncLocalStorage<{ atMs: number; budgetMs: number }>();

/**
 * Runs `work` with a time budget: every HubSpot call inside it (however deep) stops waiting for
 * an answer, and sends nothing more, once `budgetMs` have passed; it then fails with
 * `hubspot_unavailable` instead of outliving the caller (an app function HubSpot stops at ~10 s).
 * A request the rate limit would hold past the budget is not sent: the call fails at once with
 * `hubspot_rate_limited` whose `retryAfterMs` says how long it would have waited. A request
 * already sent cannot be recalled: HubSpot may still apply it.
 *
 * @example
 * const answer = await withDeadline(8_000, () => scoreRecord(runtime, params));
 */
export function withDeadline<T>(budgetMs: number, work: () => Promise<T>): Promise<T> {
  return deadlines.run({ atMs: Date.now() + budgetMs, budgetMs }, work);
}

/** What a call waiting past its deadline is rejected with (never leaves `hubspotRequest`). */
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

const where = (request: ErrorContext) =>
  request.objectType === undefined ? {} : { objectType: request.objectType };

const outOfTime = (request: ErrorContext, budgetMs: number): StrategyFitError =>
  strategyFitError(
    'hubspot_unavailable',
    `HubSpot did not answer ${request.operation ?? 'the request'} within the ${(budgetMs / 1000).toFixed(1)}-second time budget. Try again in a moment.`,
    where(request),
  );

const noRoomBeforeDeadline = (request: ErrorContext, waitMs: number): StrategyFitError =>
  strategyFitError(
    'hubspot_rate_limited',
    `HubSpot's rate limit leaves no room for ${request.operation ?? 'the request'} within the time budget; it frees up in ${(waitMs / 1000).toFixed(1)} s.`,
    { ...where(request), retryAfterMs: waitMs },
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

/** The path with its query string: lists as repeated parameters, undefined values left out. */
function withQuery(path: ApiPath, query: Readonly<Record<string, QueryValue>> | undefined): string {
  if (query === undefined) return path;
  const params = new URLSearchParams();
  for (const [name, value] of Object.entries(query)) {
    if (value === undefined) continue;
    if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') {
      params.append(name, String(value));
    } else for (const item of value) params.append(name, item);
  }
  const text = params.toString();
  return text === '' ? path : `${path}?${text}`;
}

type Answer = { status: number; headers: Record<string, string>; body: unknown };

/** Sends one request through the api-client's generic request and reads the whole answer. */
async function send(
  hs: HubSpot,
  request: HubSpotRequest<z.ZodType>,
  slot: Slot | undefined,
): Promise<Answer> {
  try {
    const response = await internals(hs).client.apiRequest({
      method: request.method,
      path: withQuery(request.path, request.query),
      ...(request.body === undefined ? {} : { body: request.body }),
    });
    const text = await response.text();
    const headers: Record<string, string> = {};
    response.headers.forEach((value, name) => {
      headers[name.toLowerCase()] = value;
    });
    slot?.done({ status: response.status, report: readRateLimitHeaders(headers) });
    let body: unknown = undefined;
    if (text !== '') {
      try {
        body = JSON.parse(text);
      } catch {
        body = text;
      }
    }
    return { status: response.status, headers, body };
  } finally {
    slot?.done();
  }
}

/**
 * Sends one HubSpot API request and parses its answer; every failure comes back as `err` (never
 * throws for HubSpot or network failures). The generic request of the adapter: a new read or write
 * is a file that builds its path with `apiPaths` and calls this.
 *
 * @example
 * const page = await hubspotRequest(hs, {
 *   method: 'POST',
 *   path: apiPaths.objects('deals', 'batch', 'read'),
 *   body: { inputs: ids.map((id) => ({ id })), properties: ['dealname'], propertiesWithHistory: [] },
 *   answer: BatchObjectsAnswer,
 *   operation: `batch read of ${ids.length} deals`,
 *   objectType: 'deals',
 * });
 */
export async function hubspotRequest<S extends z.ZodType>(
  hs: HubSpot,
  request: HubSpotRequest<S>,
): Promise<Result<z.output<S>, StrategyFitError>> {
  const state = internals(hs);
  const context: ErrorContext = {
    operation: request.operation,
    ...(request.objectType === undefined ? {} : { objectType: request.objectType }),
    ...(request.recordId === undefined ? {} : { recordId: request.recordId }),
    secrets: state.secrets,
  };
  const deadline = deadlines.getStore();
  for (let attempt = 1; ; attempt += 1) {
    if (deadline !== undefined && Date.now() >= deadline.atMs) {
      return err(outOfTime(context, deadline.budgetMs));
    }
    let slot: Slot | undefined;
    if (state.limiter !== undefined) {
      const grant = await state.limiter.acquire(request.search === true, deadline?.atMs);
      if (!grant.ok) {
        // Still waiting for answers in flight at the deadline: HubSpot is slow, not rate limiting.
        return err(
          grant.waitMs === null
            ? outOfTime(context, deadline?.budgetMs ?? 0)
            : noRoomBeforeDeadline(context, grant.waitMs),
        );
      }
      slot = grant.slot;
    }
    let failure: unknown;
    try {
      const answer = await beforeDeadline(send(hs, request, slot), deadline?.atMs);
      if (answer.status >= 200 && answer.status < 300) {
        return parseAnswer(request.answer, answer.body, context);
      }
      failure = new HubSpotHttpError(answer.status, answer.body, answer.headers);
    } catch (e) {
      if (e === DEADLINE_PASSED && deadline !== undefined) {
        return err(outOfTime(context, deadline.budgetMs));
      }
      failure = e;
    }
    const decision = decide(classifyFailure(failure), attempt);
    if (
      !decision.retry ||
      attempt >= state.maxAttempts ||
      decision.waitMs > state.maxRetryWaitMs ||
      (deadline !== undefined && Date.now() + decision.waitMs >= deadline.atMs)
    ) {
      return err(toStrategyFitError(failure, context));
    }
    if (decision.kind === 'rate_limited') state.limiter?.pause(decision.waitMs);
    state.onEvent({
      kind: decision.kind,
      waitMs: decision.waitMs,
      ...(decision.status === undefined ? {} : { status: decision.status }),
      operation: request.operation,
    });
    await sleep(decision.waitMs);
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
