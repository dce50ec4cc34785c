import { describe, expect, it } from 'vitest';

import {
  readRateLimitHeaders,
  RequestLimiter,
  SHARED_IN_FLIGHT,
  WINDOW_MARGIN_MS,
} from './rate-limiter.ts';
import type { Grant, LimiterClock, RateLimitReport, Slot } from './rate-limiter.ts';

/** A clock that only moves when the test says so, with timers that fire then. */
function fakeClock() {
  let now = 0;
  let timers: { at: number; fn: () => void }[] = [];
  const clock: LimiterClock = {
    now: () => now,
    setTimeout: (fn, ms) => {
      const timer = { at: now + ms, fn };
      timers.push(timer);
      return timer;
    },
    clearTimeout: (handle) => {
      timers = timers.filter((t) => t !== handle);
    },
  };
  const flush = async (): Promise<void> => {
    for (let i = 0; i < 10; i += 1) await Promise.resolve();
  };
  const advance = async (ms: number): Promise<void> => {
    const until = now + ms;
    for (;;) {
      await flush();
      const due = timers.filter((t) => t.at <= until).sort((a, b) => a.at - b.at)[0];
      if (due === undefined) break;
      timers = timers.filter((t) => t !== due);
      now = due.at;
      due.fn();
    }
    now = until;
    await flush();
  };
  return { clock, advance };
}

/** Acquires `n` slots and records when each was granted (or refused). */
function request(
  limiter: RequestLimiter,
  clock: LimiterClock,
  n: number,
  options: { search?: boolean; deadlineAtMs?: number } = {},
) {
  const grantedAt: number[] = [];
  const slots: Slot[] = [];
  const refused: { at: number; waitMs: number | null }[] = [];
  for (let i = 0; i < n; i += 1) {
    void limiter.acquire(options.search ?? false, options.deadlineAtMs).then((grant: Grant) => {
      if (grant.ok) {
        grantedAt.push(clock.now());
        slots.push(grant.slot);
      } else refused.push({ at: clock.now(), waitMs: grant.waitMs });
    });
  }
  return { grantedAt, slots, refused };
}

const TEN = 10_000 + WINDOW_MARGIN_MS.tenSeconds;
const report = (remaining: number, max = 190, intervalMs = 10_000): RateLimitReport => ({
  max,
  remaining,
  intervalMs,
});

/** A limiter whose server has answered once without rate-limit headers (a test double). */
async function silentServer(limits: { perTenSeconds: number; searchPerSecond: number }) {
  const { clock, advance } = fakeClock();
  const limiter = new RequestLimiter(limits, clock);
  const first = request(limiter, clock, 1);
  await advance(0);
  first.slots[0]?.done({ status: 200, report: null });
  await advance(TEN);
  return { clock, advance, limiter };
}

describe('readRateLimitHeaders', () => {
  it('reads Max, Remaining and Interval-Milliseconds; null when one is missing or unreadable', () => {
    const headers = {
      'x-hubspot-ratelimit-max': '190',
      'x-hubspot-ratelimit-remaining': '57',
      'x-hubspot-ratelimit-interval-milliseconds': '10000',
    };
    expect(readRateLimitHeaders(headers)).toEqual({ max: 190, remaining: 57, intervalMs: 10_000 });
    expect(readRateLimitHeaders({ ...headers, 'x-hubspot-ratelimit-remaining': 'x' })).toBeNull();
    expect(readRateLimitHeaders({ 'x-hubspot-ratelimit-max': '190' })).toBeNull();
    expect(readRateLimitHeaders({})).toBeNull();
  });
});

describe('RequestLimiter: learning from HubSpot\u2019s headers', () => {
  it('sends one request at a time until an answer says what is left', async () => {
    const { clock, advance } = fakeClock();
    const limiter = new RequestLimiter({ perTenSeconds: 190, searchPerSecond: 5 }, clock);
    const run = request(limiter, clock, 5);
    await advance(0);
    expect(run.grantedAt).toEqual([0]);
    await advance(300);
    expect(run.grantedAt).toEqual([0]);
    run.slots[0]?.done({ status: 200, report: report(189) });
    await advance(0);
    expect(run.grantedAt).toEqual([0, 300, 300, 300, 300]);
  });

  it('spends no more than HubSpot says is left, less its own requests since', async () => {
    const { clock, advance } = fakeClock();
    const limiter = new RequestLimiter({ perTenSeconds: 190, searchPerSecond: 5 }, clock);
    const probe = request(limiter, clock, 1);
    await advance(0);
    // Another process used 180 of 190: 9 left after the probe.
    probe.slots[0]?.done({ status: 200, report: report(9) });
    const run = request(limiter, clock, 20);
    await advance(0);
    // Shared: at most 4 in flight, and a reserve of 8 kept for the other process.
    expect(run.grantedAt).toEqual([0]);
    expect(limiter.status()).toMatchObject({ remaining: 8, max: 190, shared: true });
  });

  it('when alone, uses what is left to the last request, then waits for its own to leave the window', async () => {
    const { clock, advance } = fakeClock();
    const limiter = new RequestLimiter({ perTenSeconds: 190, searchPerSecond: 5 }, clock);
    const probe = request(limiter, clock, 1);
    await advance(0);
    probe.slots[0]?.done({ status: 200, report: report(4, 5) }); // max 5, only ours in it
    const run = request(limiter, clock, 6);
    await advance(0);
    expect(run.grantedAt).toEqual([0, 0, 0, 0]);
    await advance(100);
    run.slots.forEach((slot, i) => slot.done({ status: 200, report: report(3 - i, 5) }));
    await advance(TEN - 101);
    expect(run.grantedAt).toHaveLength(4);
    await advance(1); // the probe's slot (answered at 0) leaves the window
    expect(run.grantedAt).toEqual([0, 0, 0, 0, TEN]);
  });

  it('after a window without news, starts cautiously again: one request first', async () => {
    const { clock, advance } = fakeClock();
    const limiter = new RequestLimiter({ perTenSeconds: 190, searchPerSecond: 5 }, clock);
    const probe = request(limiter, clock, 1);
    await advance(0);
    probe.slots[0]?.done({ status: 200, report: report(189) });
    await advance(TEN + 1);
    const run = request(limiter, clock, 3);
    await advance(0);
    expect(run.grantedAt).toHaveLength(1);
    run.slots[0]?.done({ status: 200, report: report(150) });
    await advance(0);
    expect(run.grantedAt).toHaveLength(3);
  });

  it('with only the reserve left, probes with one request per tenth of the window', async () => {
    const { clock, advance } = fakeClock();
    const limiter = new RequestLimiter({ perTenSeconds: 190, searchPerSecond: 5 }, clock);
    const probe = request(limiter, clock, 1);
    await advance(0);
    probe.slots[0]?.done({ status: 200, report: report(5) }); // shared; 5 < reserve 8
    const run = request(limiter, clock, 3);
    await advance(999);
    expect(run.grantedAt).toEqual([]);
    await advance(1);
    expect(run.grantedAt).toEqual([1_000]);
    run.slots[0]?.done({ status: 200, report: report(30) }); // the other process slowed down
    await advance(0);
    expect(run.grantedAt).toEqual([1_000, 1_000, 1_000]);
  });

  it('lowers its own window to the Max HubSpot reports', async () => {
    const { clock, advance } = fakeClock();
    const limiter = new RequestLimiter({ perTenSeconds: 190, searchPerSecond: 5 }, clock);
    const probe = request(limiter, clock, 1);
    await advance(0);
    probe.slots[0]?.done({ status: 200, report: report(99, 100) });
    expect(limiter.status().max).toBe(100);
  });

  it.each([
    [80, 130],
    [20, 300],
    [100, 100],
    [5, 60],
  ])(
    'two clients sharing one window never together exceed it (round trips %i and %i ms)',
    async (rttA, rttB) => {
      // A simulated HubSpot: a rolling window of 2 s and 40 requests, counted when a request
      // arrives (half its round trip after it is sent), answered with the headers then.
      const { clock, advance } = fakeClock();
      const WINDOW_MS = 2_000;
      const MAX = 40;
      const arrivals: number[] = [];
      let refused = 0;
      const serve = (slot: Slot, roundTripMs: number): Promise<void> =>
        new Promise((resolve) => {
          clock.setTimeout(() => {
            const now = clock.now();
            const open = arrivals.filter((t) => t > now - WINDOW_MS);
            if (open.length >= MAX) refused += 1;
            else arrivals.push(now);
            const remaining = MAX - arrivals.filter((t) => t > now - WINDOW_MS).length;
            clock.setTimeout(() => {
              slot.done({ status: 200, report: { max: MAX, remaining, intervalMs: WINDOW_MS } });
              resolve();
            }, roundTripMs / 2);
          }, roundTripMs / 2);
        });
      const client = (n: number, roundTripMs: number) => {
        const limiter = new RequestLimiter({ perTenSeconds: 190, searchPerSecond: 5 }, clock);
        let left = n;
        const lane = async (): Promise<void> => {
          while (left > 0) {
            left -= 1;
            const grant = await limiter.acquire(false);
            if (grant.ok) await serve(grant.slot, roundTripMs);
          }
        };
        return Promise.all(Array.from({ length: SHARED_IN_FLIGHT }, lane));
      };
      let finished = false;
      const both = Promise.all([client(120, rttA), client(120, rttB)]).then(() => {
        finished = true;
      });
      for (let t = 0; t < 60_000 && !finished; t += 50) await advance(50);
      await both;
      expect(refused).toBe(0);
      expect(arrivals).toHaveLength(240);
    },
  );
});

describe('RequestLimiter: deadlines', () => {
  it('tells a caller at once how long it would wait when that is past its deadline', async () => {
    const { clock, advance } = fakeClock();
    const limiter = new RequestLimiter({ perTenSeconds: 190, searchPerSecond: 5 }, clock);
    const probe = request(limiter, clock, 1);
    await advance(0);
    probe.slots[0]?.done({ status: 200, report: report(0) }); // nothing left
    await advance(100);
    const run = request(limiter, clock, 1, { deadlineAtMs: 2_000 });
    await advance(0);
    expect(run.grantedAt).toEqual([]);
    // Nothing is left until the probe's slot leaves the window (and the report is a window old).
    expect(run.refused).toEqual([{ at: 100, waitMs: TEN - 100 }]);
    expect(limiter.waitEstimateMs()).toBe(TEN - 100);
  });

  it('a caller waiting for answers is released at its deadline, without a made-up wait', async () => {
    const { clock, advance } = fakeClock();
    const limiter = new RequestLimiter({ perTenSeconds: 190, searchPerSecond: 5 }, clock);
    request(limiter, clock, 1); // the first request, never answered
    const run = request(limiter, clock, 1, { deadlineAtMs: 500 });
    await advance(499);
    expect(run.refused).toEqual([]);
    await advance(1);
    // No window frees it, an answer would: HubSpot is slow, the call is out of time (request.ts).
    expect(run.refused).toEqual([{ at: 500, waitMs: null }]);
  });
});

describe('RequestLimiter: its own window (a server without headers)', () => {
  it('grants the limit at once, then one slot a window after each earlier answer', async () => {
    const { clock, advance, limiter } = await silentServer({
      perTenSeconds: 3,
      searchPerSecond: 5,
    });
    const start = clock.now();
    const run = request(limiter, clock, 5);
    await advance(0);
    expect(run.grantedAt).toEqual([start, start, start]);
    await advance(100);
    for (const slot of run.slots) slot.done({ status: 200, report: null }); // answers at +100
    await advance(TEN + 100);
    expect(run.grantedAt).toEqual([start, start, start, start + 100 + TEN, start + 100 + TEN]);
  });

  it('waits for answers when every slot of the window is still in flight', async () => {
    const { clock, advance, limiter } = await silentServer({
      perTenSeconds: 1,
      searchPerSecond: 5,
    });
    const start = clock.now();
    const run = request(limiter, clock, 2);
    await advance(0);
    await advance(30_000);
    expect(run.grantedAt).toEqual([start]);
    run.slots[0]?.done({ status: 200, report: null });
    await advance(TEN);
    expect(run.grantedAt).toEqual([start, start + 30_000 + TEN]);
  });

  it('paces searches per second without holding back other requests', async () => {
    const { clock, advance, limiter } = await silentServer({
      perTenSeconds: 190,
      searchPerSecond: 2,
    });
    const start = clock.now();
    const searches = request(limiter, clock, 3, { search: true });
    const others = request(limiter, clock, 2);
    await advance(0);
    expect(searches.grantedAt).toEqual([start, start]);
    expect(others.grantedAt).toEqual([start, start]);
    for (const slot of searches.slots) slot.done({ status: 200, report: null });
    await advance(2_000);
    expect(searches.grantedAt).toEqual([start, start, start + 1_000 + WINDOW_MARGIN_MS.second]);
  });

  it('holds everything back while paused after a 429', async () => {
    const { clock, advance, limiter } = await silentServer({
      perTenSeconds: 190,
      searchPerSecond: 5,
    });
    const start = clock.now();
    limiter.pause(1_000);
    const run = request(limiter, clock, 2);
    await advance(999);
    expect(run.grantedAt).toEqual([]);
    await advance(1);
    expect(run.grantedAt).toEqual([start + 1_000, start + 1_000]);
  });
});
