import { describe, expect, it } from 'vitest';

import { RequestLimiter, WINDOW_MARGIN_MS } from './rate-limiter.ts';
import type { LimiterClock, Slot } from './rate-limiter.ts';

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
  const advance = async (ms: number): Promise<void> => {
    const until = now + ms;
    for (;;) {
      const due = timers.filter((t) => t.at <= until).sort((a, b) => a.at - b.at)[0];
      if (due === undefined) break;
      timers = timers.filter((t) => t !== due);
      now = due.at;
      due.fn();
      await Promise.resolve();
    }
    now = until;
    await Promise.resolve();
  };
  return { clock, advance };
}

/** Acquires `n` slots and records when each was granted. */
function request(limiter: RequestLimiter, clock: LimiterClock, n: number, search = false) {
  const grantedAt: number[] = [];
  const slots: Slot[] = [];
  for (let i = 0; i < n; i += 1) {
    void limiter.acquire(search).then((slot) => {
      grantedAt.push(clock.now());
      slots.push(slot);
    });
  }
  return { grantedAt, slots };
}

const TEN = 10_000 + WINDOW_MARGIN_MS.tenSeconds;

describe('RequestLimiter', () => {
  it('grants the limit at once, then one slot a window after each earlier answer', async () => {
    const { clock, advance } = fakeClock();
    const limiter = new RequestLimiter({ perTenSeconds: 3, searchPerSecond: 5 }, clock);
    const run = request(limiter, clock, 5);
    await advance(0);
    expect(run.grantedAt).toEqual([0, 0, 0]);
    await advance(100);
    for (const slot of run.slots) slot.done(); // answers in at t = 100
    await advance(TEN + 100);
    expect(run.grantedAt).toEqual([0, 0, 0, 100 + TEN, 100 + TEN]);
  });

  it('waits for answers when every slot of the window is still in flight', async () => {
    const { clock, advance } = fakeClock();
    const limiter = new RequestLimiter({ perTenSeconds: 1, searchPerSecond: 5 }, clock);
    const run = request(limiter, clock, 2);
    await advance(0);
    await advance(30_000);
    expect(run.grantedAt).toEqual([0]);
    run.slots[0]?.done();
    await advance(TEN);
    expect(run.grantedAt).toEqual([0, 30_000 + TEN]);
  });

  it('paces searches per second without holding back other requests', async () => {
    const { clock, advance } = fakeClock();
    const limiter = new RequestLimiter({ perTenSeconds: 190, searchPerSecond: 2 }, clock);
    const searches = request(limiter, clock, 3, true);
    const others = request(limiter, clock, 2, false);
    await advance(0);
    expect(searches.grantedAt).toEqual([0, 0]);
    expect(others.grantedAt).toEqual([0, 0]);
    for (const slot of searches.slots) slot.done();
    await advance(2_000);
    expect(searches.grantedAt).toEqual([0, 0, 1_000 + WINDOW_MARGIN_MS.second]);
  });

  it('holds everything back while paused after a 429', async () => {
    const { clock, advance } = fakeClock();
    const limiter = new RequestLimiter({ perTenSeconds: 190, searchPerSecond: 5 }, clock);
    limiter.pause(1_000);
    const run = request(limiter, clock, 2);
    await advance(999);
    expect(run.grantedAt).toEqual([]);
    await advance(1);
    expect(run.grantedAt).toEqual([1_000, 1_000]);
  });
});
