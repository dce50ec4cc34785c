// A client-side sliding-window limiter matched to HubSpot's per-app limits (HUBSPOT.md §6):
// every request takes a slot of the rolling 10-second window, a search also one of the per-second
// window. HubSpot counts a request when it arrives, which is somewhere between our send and its
// answer; so a slot counts from the moment the answer is in. A new request then always arrives a
// full window after the one whose slot it takes, and the limiter runs just under the ceiling
// instead of into 429s (at the cost of one round trip per window). After a 429 the whole limiter
// pauses for the Retry-After time.

/** Requests per rolling 10 s and searches per second; HubSpot's Pro/Enterprise defaults are 190 / 5. */
export type Limits = { perTenSeconds: number; searchPerSecond: number };

export const DEFAULT_LIMITS: Limits = { perTenSeconds: 190, searchPerSecond: 5 };

/** Added to each window's span, for clock granularity. */
export const WINDOW_MARGIN_MS = { tenSeconds: 50, second: 20 } as const;

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

/** One request's place in a window: in flight (`at` = Infinity) until its answer is in. */
type Mark = { at: number };

/** The requests inside one sliding window. */
class Window {
  private marks: Mark[] = [];
  readonly limit: number;
  readonly spanMs: number;

  constructor(limit: number, spanMs: number) {
    this.limit = limit;
    this.spanMs = spanMs;
  }

  /** The earliest moment from `now` on at which one more request fits; Infinity until an answer. */
  freeAt(now: number): number {
    this.marks = this.marks.filter((m) => m.at > now - this.spanMs);
    if (this.marks.length < this.limit) return now;
    const ends = this.marks.map((m) => m.at).sort((a, b) => a - b);
    return (ends[this.marks.length - this.limit] ?? Number.POSITIVE_INFINITY) + this.spanMs;
  }

  take(mark: Mark): void {
    this.marks.push(mark);
  }
}

type Waiter = { search: boolean; resolve: (slot: Slot) => void };

/** A granted request slot; call `done()` once the answer (or failure) is in. */
export type Slot = { done: () => void };

/** Hands out request slots in arrival order, as fast as the windows allow. */
export class RequestLimiter {
  private readonly general: Window;
  private readonly search: Window;
  private readonly clock: LimiterClock;
  private readonly queue: Waiter[] = [];
  private pausedUntil = 0;
  private timer: unknown = undefined;
  private timerAt = Number.POSITIVE_INFINITY;

  constructor(limits: Limits, clock: LimiterClock = systemClock) {
    this.general = new Window(limits.perTenSeconds, 10_000 + WINDOW_MARGIN_MS.tenSeconds);
    this.search = new Window(limits.searchPerSecond, 1_000 + WINDOW_MARGIN_MS.second);
    this.clock = clock;
  }

  /** Resolves when the request may be sent; `search` requests also take a per-second slot. */
  acquire(search: boolean): Promise<Slot> {
    return new Promise((resolve) => {
      this.queue.push({ search, resolve });
      this.pump();
    });
  }

  /** Holds every request back for `ms` (a 429's Retry-After). */
  pause(ms: number): void {
    this.pausedUntil = Math.max(this.pausedUntil, this.clock.now() + ms);
  }

  private grant(waiter: Waiter): void {
    const mark: Mark = { at: Number.POSITIVE_INFINITY };
    this.general.take(mark);
    if (waiter.search) this.search.take(mark);
    let finished = false;
    waiter.resolve({
      done: () => {
        if (finished) return;
        finished = true;
        mark.at = this.clock.now();
        this.pump();
      },
    });
  }

  private pump(): void {
    const now = this.clock.now();
    if (now < this.pausedUntil) {
      this.wakeAt(this.pausedUntil, now);
      return;
    }
    let next = Number.POSITIVE_INFINITY;
    for (let i = 0; i < this.queue.length;) {
      const waiter = this.queue[i];
      if (waiter === undefined) break;
      const generalAt = this.general.freeAt(now);
      if (generalAt > now) {
        next = Math.min(next, generalAt);
        break;
      }
      const searchAt = waiter.search ? this.search.freeAt(now) : now;
      if (searchAt > now) {
        next = Math.min(next, searchAt);
        i += 1;
        continue;
      }
      this.queue.splice(i, 1);
      this.grant(waiter);
    }
    // With every slot in flight there is no time to wait for: the next answer pumps again.
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
