// The one request limiter of a HubSpot handle (HUBSPOT.md §6). HubSpot's limits belong to the app
// in the portal, not to a process: a command run right after another, and several app-function
// containers, share one rolling window. So the limiter learns what is left from HubSpot's
// X-HubSpot-RateLimit-Max / -Remaining / -Interval-Milliseconds headers on every answer
// (https://developers.hubspot.com/docs/developer-tooling/platform/usage-guidelines) and only
// spends that:
// - until the first answer has said anything, and again once what it said is a window old, one
//   request at a time ("start cautiously");
// - then `remaining`, less its own requests sent since, plus its own requests that have left the
//   window since;
// - when other clients showed up in the count (more used than it sent: another process at work, or
//   what an earlier command left in the window; the count cannot tell them apart, and telling them
//   apart by how the count moves let two clients collide in simulation), it takes at most half of
//   the window for itself (two clients so never exceed it together, whatever the headers' lag),
//   keeps a reserve for other requests in flight, has at most 4 of its own in flight, and while the
//   reserve is all that is left it sends one probe request per tenth of the window, whose answer
//   says again what is left;
// - searches also take a slot of the per-second search limit (their answers carry no headers).
// Its own count is a sliding window too (the configured limit, lowered to the Max HubSpot reports):
// a slot counts from the moment its answer is in, so a new request arrives a full window after the
// one whose slot it takes. A server that sends no headers (a test double) leaves only that window.
// After a 429 the whole limiter pauses for the Retry-After time. A caller with a deadline is never
// kept past it: it is told at once how long it would have had to wait.

/** Requests per rolling 10 s and searches per second; HubSpot's Pro/Enterprise defaults are 190 / 5. */
export type Limits = { perTenSeconds: number; searchPerSecond: number };

export const DEFAULT_LIMITS: Limits = { perTenSeconds: 190, searchPerSecond: 5 };

/** Added to each window's span, for clock granularity. */
export const WINDOW_MARGIN_MS = { tenSeconds: 50, second: 20 } as const;

/** HubSpot's rolling window when no answer has named it (X-HubSpot-RateLimit-Interval-Milliseconds). */
const DEFAULT_INTERVAL_MS = 10_000;
/** Own requests in flight at most while other clients share the window. */
export const SHARED_IN_FLIGHT = 4;
/** Requests kept back for other clients' requests in flight (two clients of 4 each). */
const SHARED_RESERVE = 2 * SHARED_IN_FLIGHT;

/** What one answer's X-HubSpot-RateLimit-* headers said about the app's rolling window. */
export type RateLimitReport = { max: number; remaining: number; intervalMs: number };

const headerNumber = (headers: Readonly<Record<string, string>>, name: string): number | null => {
  const raw = headers[name];
  if (raw === undefined || raw.trim() === '') return null;
  const n = Number(raw.trim());
  return Number.isFinite(n) && n >= 0 ? n : null;
};

/** The rolling window's figures from an answer's headers (lower-case names); null without them. */
export function readRateLimitHeaders(
  headers: Readonly<Record<string, string>>,
): RateLimitReport | null {
  const max = headerNumber(headers, 'x-hubspot-ratelimit-max');
  const remaining = headerNumber(headers, 'x-hubspot-ratelimit-remaining');
  const intervalMs = headerNumber(headers, 'x-hubspot-ratelimit-interval-milliseconds');
  if (max === null || remaining === null || intervalMs === null || max < 1 || intervalMs < 1) {
    return null;
  }
  return { max, remaining: Math.min(remaining, max), intervalMs };
}

/** The clock and timers the limiter uses (replaceable in tests). */
export type LimiterClock = {
  now: () => number;
  setTimeout: (fn: () => void, ms: number) => unknown;
  clearTimeout: (handle: unknown) => void;
};

const systemClock: LimiterClock = {
  now: () => Date.now(),
  setTimeout: (fn, ms) => setTimeout(fn, ms),
  clearTimeout: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
};

/** One of our requests: in flight (`at` = Infinity) until its answer is in. */
type Mark = { seq: number; at: number; search: boolean };

/** The latest report (by the order its request was sent) and what we knew when it came. */
type Known = RateLimitReport & {
  seq: number;
  at: number;
  /** Our requests the report's count may hold: sent up to it and still in the window then. */
  ownIncluded: number;
  /** Requests in the count that were not ours (other processes, or an earlier one). */
  foreign: number;
};

/**
 * What the answer to a request said: its status and rate-limit report. `done()` without it: no
 * answer came (the request may still have counted).
 */
export type Answered = { status: number; report: RateLimitReport | null };

/** A granted request slot; call `done()` once the answer (or failure) is in. */
export type Slot = { done: (answer?: Answered) => void };

/**
 * A slot; or how long the request would have had to wait when that is past its deadline; or, at
 * its deadline, that it was still waiting for answers in flight (`waitMs: null`: HubSpot is slow,
 * no window says when a slot frees).
 */
export type Grant = { ok: true; slot: Slot } | { ok: false; waitMs: number | null };

type Waiter = {
  search: boolean;
  deadlineAtMs: number;
  resolve: (grant: Grant) => void;
  timer: unknown;
};

/** Why a request cannot go now, and the earliest time that may change (Infinity: at an answer). */
type Verdict = { go: true } | { go: false; retryAt: number };

/** Hands out request slots in arrival order, as fast as HubSpot's window and our own allow. */
export class RequestLimiter {
  private readonly limits: Limits;
  private readonly clock: LimiterClock;
  private readonly queue: Waiter[] = [];
  private marks: Mark[] = [];
  private seq = 0;
  private reporting: 'unknown' | 'yes' | 'no' = 'unknown';
  private known: Known | undefined;
  private learnedMax = Number.POSITIVE_INFINITY;
  private intervalMs = DEFAULT_INTERVAL_MS;
  private lastGrantAt = Number.NEGATIVE_INFINITY;
  private pausedUntil = 0;
  private timer: unknown = undefined;
  private timerAt = Number.POSITIVE_INFINITY;

  constructor(limits: Limits, clock: LimiterClock = systemClock) {
    this.limits = limits;
    this.clock = clock;
  }

  /**
   * Resolves with a slot when the request may be sent (`search` requests also take a per-second
   * slot), or, once it is clear that this would be after `deadlineAtMs`, with the wait instead.
   */
  acquire(search: boolean, deadlineAtMs: number = Number.POSITIVE_INFINITY): Promise<Grant> {
    return new Promise((resolve) => {
      const waiter: Waiter = { search, deadlineAtMs, resolve, timer: undefined };
      if (Number.isFinite(deadlineAtMs)) {
        waiter.timer = this.clock.setTimeout(
          () => this.expire(waiter),
          Math.max(0, deadlineAtMs - this.clock.now()),
        );
      }
      this.queue.push(waiter);
      this.pump();
    });
  }

  /** Holds every request back for `ms` (a 429's Retry-After). */
  pause(ms: number): void {
    this.pausedUntil = Math.max(this.pausedUntil, this.clock.now() + ms);
  }

  /** How long a request made now would wait before it is sent (0: at once), as far as known. */
  waitEstimateMs(search = false): number {
    const now = this.clock.now();
    if (this.queue.length === 0) {
      const verdict = this.verdict(search, now);
      if (verdict.go) return 0;
      return this.waitFor(verdict.retryAt, now);
    }
    return this.waitFor(this.nextChange(now), now);
  }

  /** What the learned window looks like now (for logs and tests). */
  status(): { remaining: number | null; max: number | null; inFlight: number; shared: boolean } {
    const now = this.clock.now();
    const known = this.fresh(now);
    return {
      remaining: known === undefined ? null : this.estimate(known, now),
      max: Number.isFinite(this.learnedMax) ? this.learnedMax : null,
      inFlight: this.inFlight(),
      shared: known !== undefined && known.foreign > 0,
    };
  }

  // ---- bookkeeping --------------------------------------------------------------------------

  private span(): number {
    return this.intervalMs + WINDOW_MARGIN_MS.tenSeconds;
  }

  /** Our own share of the window: all of it, or half while another client is seen in the count. */
  private limit(now: number): number {
    const known = this.fresh(now);
    const share =
      known !== undefined && known.foreign > 0 ? Math.max(1, Math.floor(known.max / 2)) : Infinity;
    return Math.min(this.limits.perTenSeconds, this.learnedMax, share);
  }

  private inWindow(mark: Mark, now: number): boolean {
    return mark.at > now - this.span();
  }

  private inFlight(): number {
    return this.marks.reduce((n, m) => n + (m.at === Number.POSITIVE_INFINITY ? 1 : 0), 0);
  }

  private prune(now: number): void {
    const keepAfter = now - Math.max(this.span(), 1_000 + WINDOW_MARGIN_MS.second);
    if (this.marks.some((m) => m.at <= keepAfter)) {
      this.marks = this.marks.filter((m) => m.at > keepAfter);
    }
  }

  /** The last report while it still says something: until a window after it came. */
  private fresh(now: number): Known | undefined {
    const known = this.known;
    if (known === undefined || now >= known.at + known.intervalMs + WINDOW_MARGIN_MS.tenSeconds) {
      return undefined;
    }
    return known;
  }

  /** Requests HubSpot still allows now, as far as the last report and our own requests tell. */
  private estimate(known: Known, now: number): number {
    let stillIncluded = 0;
    let sentSince = 0;
    for (const m of this.marks) {
      if (m.seq > known.seq) sentSince += 1;
      else if (this.inWindow(m, now)) stillIncluded += 1;
    }
    return known.remaining - sentSince + (known.ownIncluded - stillIncluded);
  }

  private learn(mark: Mark, report: RateLimitReport, now: number): void {
    this.reporting = 'yes';
    this.learnedMax = report.max;
    this.intervalMs = report.intervalMs;
    if (this.known !== undefined && mark.seq < this.known.seq) return;
    const ownIncluded = this.marks.filter((m) => m.seq <= mark.seq && this.inWindow(m, now)).length;
    this.known = {
      ...report,
      seq: mark.seq,
      at: now,
      ownIncluded,
      foreign: Math.max(0, report.max - report.remaining - ownIncluded),
    };
  }

  // ---- admission ----------------------------------------------------------------------------

  /** The earliest moment from `now` on at which `count` of `marks` in `spanMs` fall below `limit`. */
  private static freeAt(
    marks: readonly Mark[],
    limit: number,
    spanMs: number,
    now: number,
  ): number {
    const open = marks.filter((m) => m.at > now - spanMs);
    if (open.length < limit) return now;
    const ends = open.map((m) => m.at).sort((a, b) => a - b);
    return (ends[open.length - limit] ?? Number.POSITIVE_INFINITY) + spanMs;
  }

  /** Whether a request may go now and, if not, when that may change. */
  private verdict(search: boolean, now: number): Verdict {
    if (now < this.pausedUntil) return { go: false, retryAt: this.pausedUntil };
    const own = RequestLimiter.freeAt(this.marks, this.limit(now), this.span(), now);
    if (own > now) return { go: false, retryAt: own };
    if (search) {
      const searches = this.marks.filter((m) => m.search);
      const at = RequestLimiter.freeAt(
        searches,
        this.limits.searchPerSecond,
        1_000 + WINDOW_MARGIN_MS.second,
        now,
      );
      if (at > now) return { go: false, retryAt: at };
    }
    if (this.reporting === 'no') return { go: true };
    const inFlight = this.inFlight();
    const known = this.fresh(now);
    if (known === undefined) {
      // Nothing (or nothing recent) is known: one request at a time until an answer says.
      return inFlight === 0 ? { go: true } : { go: false, retryAt: Number.POSITIVE_INFINITY };
    }
    const left = this.estimate(known, now);
    const shared = known.foreign > 0;
    const reserve = shared ? Math.min(SHARED_RESERVE, Math.floor(known.max / 4)) : 0;
    if (left > reserve && (!shared || inFlight < SHARED_IN_FLIGHT)) return { go: true };
    const probeAt = this.lastGrantAt + known.intervalMs / 10;
    if (left > 0 && inFlight === 0 && now >= probeAt) return { go: true };
    if (left > reserve || inFlight > 0) return { go: false, retryAt: Number.POSITIVE_INFINITY };
    let retryAt = known.at + known.intervalMs + WINDOW_MARGIN_MS.tenSeconds;
    for (const m of this.marks) {
      if (m.seq <= known.seq && Number.isFinite(m.at))
        retryAt = Math.min(retryAt, m.at + this.span());
    }
    if (left > 0) retryAt = Math.min(retryAt, probeAt);
    return { go: false, retryAt: Math.max(retryAt, now) };
  }

  /** The earliest moment the head of the queue may go (Infinity: when an answer comes). */
  private nextChange(now: number): number {
    const head = this.queue[0];
    if (head === undefined) return now;
    const verdict = this.verdict(head.search, now);
    return verdict.go ? now : verdict.retryAt;
  }

  /** A wait that can be told to a caller: the time to `at`, or a window when only answers tell. */
  private waitFor(at: number, now: number): number {
    if (Number.isFinite(at)) return Math.max(1, Math.ceil(at - now));
    return Math.max(1, Math.ceil(this.span()));
  }

  private grant(waiter: Waiter, now: number): void {
    if (waiter.timer !== undefined) this.clock.clearTimeout(waiter.timer);
    this.seq += 1;
    const mark: Mark = { seq: this.seq, at: Number.POSITIVE_INFINITY, search: waiter.search };
    this.marks.push(mark);
    this.lastGrantAt = now;
    let finished = false;
    waiter.resolve({
      ok: true,
      slot: {
        done: (answer) => {
          if (finished) return;
          finished = true;
          const at = this.clock.now();
          mark.at = at;
          if (answer?.report) this.learn(mark, answer.report, at);
          else if (
            answer !== undefined &&
            answer.status >= 200 &&
            answer.status < 300 &&
            !mark.search &&
            this.reporting === 'unknown'
          ) {
            // A successful answer without the headers: this server does not report its limits.
            this.reporting = 'no';
          }
          this.pump();
        },
      },
    });
  }

  /**
   * A waiter whose deadline came before its slot: told how long it would have waited, or (null)
   * that only an answer still in flight could have let it go.
   */
  private expire(waiter: Waiter): void {
    const index = this.queue.indexOf(waiter);
    if (index < 0) return;
    this.queue.splice(index, 1);
    const now = this.clock.now();
    const verdict = this.verdict(waiter.search, now);
    const next = verdict.go ? now : verdict.retryAt;
    waiter.resolve({ ok: false, waitMs: Number.isFinite(next) ? this.waitFor(next, now) : null });
  }

  private pump(): void {
    const now = this.clock.now();
    this.prune(now);
    let next = Number.POSITIVE_INFINITY;
    for (let i = 0; i < this.queue.length;) {
      const waiter = this.queue[i];
      if (waiter === undefined) break;
      const verdict = this.verdict(waiter.search, now);
      if (verdict.go) {
        this.queue.splice(i, 1);
        this.grant(waiter, now);
        continue;
      }
      if (Number.isFinite(verdict.retryAt) && verdict.retryAt > waiter.deadlineAtMs) {
        // It cannot be sent before its caller's deadline: say so now, do not keep it waiting.
        this.queue.splice(i, 1);
        if (waiter.timer !== undefined) this.clock.clearTimeout(waiter.timer);
        waiter.resolve({ ok: false, waitMs: this.waitFor(verdict.retryAt, now) });
        continue;
      }
      next = Math.min(next, verdict.retryAt);
      // A search held by the per-second limit lets other requests pass; anything else keeps order.
      if (!(waiter.search && this.verdict(false, now).go)) break;
      i += 1;
    }
    if (this.queue.length > 0 && Number.isFinite(next)) this.wakeAt(next, now);
  }

  private wakeAt(at: number, now: number): void {
    if (this.timer !== undefined && this.timerAt <= at) return;
    if (this.timer !== undefined) this.clock.clearTimeout(this.timer);
    this.timerAt = at;
    this.timer = this.clock.setTimeout(
      () => {
        this.timer = undefined;
        this.timerAt = Number.POSITIVE_INFINITY;
        this.pump();
      },
      Math.max(0, at - now),
    );
  }
}
