// Private-app rate limits: a rolling 10-second window for all calls, a per-second window for the
// search endpoints, and a daily count. Answers carry HubSpot's X-HubSpot-RateLimit-* headers as its
// usage guidelines list them (https://developers.hubspot.com/docs/developer-tooling/platform/usage-guidelines):
// Max, Remaining and Interval-Milliseconds of the rolling window, and Daily, Daily-Remaining (a
// private or static app's token; OAuth answers leave the daily pair out). Search answers carry none
// (HubSpot's exception for the search endpoints, also reported by its users:
// https://community.hubspot.com/t5/Developer-Announcements/Rate-limit-headers-will-now-appear-for-OAuth-authenticated-calls/m-p/399520).
import { RateLimitOptionsSchema, type RateLimitOptions } from '../schema.ts';

const SECOND_MS = 1_000;

export type Policy = 'TEN_SECONDLY_ROLLING' | 'SECONDLY' | 'DAILY';

export type Admission =
  | { admitted: true; headers: Record<string, string> }
  | { admitted: false; policy: Policy; retryAfterSeconds: number; headers: Record<string, string> };

/** Timestamps of admitted requests inside a sliding window. */
class Window {
  private readonly times: number[] = [];
  private head = 0;

  readonly limit: number;
  readonly spanMs: number;

  constructor(limit: number, spanMs: number) {
    this.limit = limit;
    this.spanMs = spanMs;
  }

  prune(now: number): void {
    while (this.head < this.times.length && (this.times[this.head] ?? 0) <= now - this.spanMs) {
      this.head += 1;
    }
    if (this.head > 1024 && this.head * 2 > this.times.length) {
      this.times.splice(0, this.head);
      this.head = 0;
    }
  }

  count(): number {
    return this.times.length - this.head;
  }

  full(): boolean {
    return this.count() >= this.limit;
  }

  add(now: number): void {
    this.times.push(now);
  }

  /** Seconds until the oldest admitted request leaves the window. */
  secondsUntilFree(now: number): number {
    const oldest = this.times[this.head] ?? now;
    return Math.max(1, Math.ceil((oldest + this.spanMs - now) / 1000));
  }
}

export class RateLimiter {
  private readonly tenSecondly: Window;
  private readonly secondly: Window;
  private readonly dailyLimit: number;
  private readonly intervalMs: number;
  private day = '';
  private dailyCount = 0;

  constructor(options: RateLimitOptions = {}) {
    const resolved = RateLimitOptionsSchema.parse(options);
    this.intervalMs = resolved.intervalMs;
    this.tenSecondly = new Window(resolved.perTenSeconds, resolved.intervalMs);
    this.secondly = new Window(resolved.searchPerSecond, SECOND_MS);
    this.dailyLimit = resolved.daily;
  }

  admit(now: number, search: boolean): Admission {
    this.tenSecondly.prune(now);
    this.secondly.prune(now);
    const today = new Date(now).toISOString().slice(0, 10);
    if (today !== this.day) {
      this.day = today;
      this.dailyCount = 0;
    }
    if (this.dailyCount >= this.dailyLimit) {
      const midnight = Date.parse(`${today}T00:00:00Z`) + 86_400_000;
      return this.refuse('DAILY', Math.ceil((midnight - now) / 1000), search);
    }
    if (this.tenSecondly.full()) {
      return this.refuse('TEN_SECONDLY_ROLLING', this.tenSecondly.secondsUntilFree(now), search);
    }
    if (search && this.secondly.full()) {
      return this.refuse('SECONDLY', this.secondly.secondsUntilFree(now), search);
    }
    this.tenSecondly.add(now);
    if (search) this.secondly.add(now);
    this.dailyCount += 1;
    return { admitted: true, headers: this.headers(search) };
  }

  private refuse(policy: Policy, retryAfterSeconds: number, search: boolean): Admission {
    return { admitted: false, policy, retryAfterSeconds, headers: this.headers(search) };
  }

  /** HubSpot's rate limit headers, as its usage guidelines list them; none on search answers. */
  private headers(search: boolean): Record<string, string> {
    if (search) return {};
    return {
      'X-HubSpot-RateLimit-Daily': String(this.dailyLimit),
      'X-HubSpot-RateLimit-Daily-Remaining': String(Math.max(0, this.dailyLimit - this.dailyCount)),
      'X-HubSpot-RateLimit-Interval-Milliseconds': String(this.intervalMs),
      'X-HubSpot-RateLimit-Max': String(this.tenSecondly.limit),
      'X-HubSpot-RateLimit-Remaining': String(
        Math.max(0, this.tenSecondly.limit - this.tenSecondly.count()),
      ),
    };
  }
}
