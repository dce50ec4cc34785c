// The request pacing of the manager functions (strategy_review, rescore_stale): a token bucket for
// all requests and one for searches (HubSpot: 190 requests per 10 s per app, 5 searches per
// second per account, HUBSPOT.md §6). A warm container keeps one pacer per runtime and function,
// so the chunks of a rescore, called one after another, stay within it however fast the page loops. A request
// slot is never granted past the caller's deadline: the caller stops and says what it read.
import type { Runtime } from '../../lib/runtime.ts';

/** Burst and steady rate of requests, and of searches (which also take a request slot). */
export type PacerLimits = {
  burst: number;
  perSecond: number;
  searchBurst: number;
  searchesPerSecond: number;
};

/**
 * `strategy_review`: a burst of 90 (a review of the demo portal's 7,500 records needs about 95),
 * then 7 per second; any 10 s see at most 90 + 70 = 160 of its requests in one container. The
 * app's limit is 190 per 10 s; the rest is the cards'. Searches: one every 250 ms with a burst of
 * one, so no rolling second is granted more than 4 (HubSpot allows 5). A burst of 2 granted 5, and
 * the time between a slot and its request let 6 reach the sandbox in a second: it refused one.
 */
export const REVIEW_PACE: PacerLimits = {
  burst: 90,
  perSecond: 7,
  searchBurst: 1,
  searchesPerSecond: 4,
};

/**
 * `rescore_stale`: the page calls it chunk after chunk, so what counts is the steady rate: 9 per
 * second (90 per 10 s, under half the app's limit), after a burst of 20.
 */
export const RESCORE_PACE: PacerLimits = {
  burst: 20,
  perSecond: 9,
  searchBurst: 1,
  searchesPerSecond: 4,
};

/** No pacing (tests against a sandbox without rate limits). */
export const UNPACED: PacerLimits = {
  burst: Number.POSITIVE_INFINITY,
  perSecond: Number.POSITIVE_INFINITY,
  searchBurst: Number.POSITIVE_INFINITY,
  searchesPerSecond: Number.POSITIVE_INFINITY,
};

export type Pacer = {
  /**
   * Waits until `requests` request slots (a search: one request and one search slot) are free;
   * false, at once and without taking them, when that would be after `deadlineMs`.
   */
  take: (requests: number, options: { search?: boolean; deadlineMs: number }) => Promise<boolean>;
  /** Request slots granted so far. */
  granted: () => number;
};

type Bucket = { tokens: number; atMs: number; burst: number; perSecond: number };

const refill = (b: Bucket, nowMs: number): void => {
  if (Number.isFinite(b.perSecond)) {
    b.tokens = Math.min(b.burst, b.tokens + ((nowMs - b.atMs) / 1000) * b.perSecond);
  } else b.tokens = b.burst;
  b.atMs = nowMs;
};

/** Milliseconds until the bucket holds `n` tokens (tokens may be owed by earlier grants). */
const waitFor = (b: Bucket, n: number): number =>
  b.tokens >= n || !Number.isFinite(b.perSecond) ? 0 : ((n - b.tokens) / b.perSecond) * 1000;

const sleep = (ms: number): Promise<void> =>
  ms <= 0 ? Promise.resolve() : new Promise((resolve) => setTimeout(resolve, ms));

/** A pacer; slots are reserved when granted, so concurrent lanes queue behind each other. */
export function createPacer(limits: PacerLimits, now: () => number = Date.now): Pacer {
  const start = now();
  const requests: Bucket = {
    tokens: limits.burst,
    atMs: start,
    burst: limits.burst,
    perSecond: limits.perSecond,
  };
  const searches: Bucket = {
    tokens: limits.searchBurst,
    atMs: start,
    burst: limits.searchBurst,
    perSecond: limits.searchesPerSecond,
  };
  let granted = 0;
  return {
    take: async (n, { search = false, deadlineMs }) => {
      const t = now();
      refill(requests, t);
      refill(searches, t);
      const waitMs = Math.max(waitFor(requests, n), search ? waitFor(searches, 1) : 0);
      if (t + waitMs > deadlineMs) return false;
      requests.tokens -= n;
      if (search) searches.tokens -= 1;
      granted += n;
      await sleep(waitMs);
      return true;
    },
    granted: () => granted,
  };
}

const pacers = new WeakMap<Runtime, Map<PacerLimits, Pacer>>();

/**
 * This runtime's pacer for these limits (one per warm container), made on first use. It runs on
 * the wall clock, not on the runtime's `now` (which is "now" for scoring and may be fixed).
 */
export function pacerFor(rt: Runtime, limits: PacerLimits): Pacer {
  const byLimits = pacers.get(rt) ?? new Map<PacerLimits, Pacer>();
  pacers.set(rt, byLimits);
  const found = byLimits.get(limits);
  if (found !== undefined) return found;
  const made = createPacer(limits);
  byLimits.set(limits, made);
  return made;
}
