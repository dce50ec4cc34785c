// The pieces of the manager functions that need no sandbox: pacing, the rescore cursor, the
// audit trail's "requested by" line, the exact counts.
import { describe, expect, it, vi } from 'vitest';

import { exactCounts } from './exact-counts.ts';
import type { CountKey } from './exact-counts.ts';
import { createPacer, REVIEW_PACE, RESCORE_PACE } from './pacer.ts';
import type { PacerLimits } from './pacer.ts';
import { decodeRescoreCursor, encodeRescoreCursor } from './rescore-cursor.ts';

describe('the pacer', () => {
  const limits = { burst: 3, perSecond: 10, searchBurst: 1, searchesPerSecond: 2 };

  it('grants a burst at once, then one slot per 1/rate seconds; never past the deadline', async () => {
    let now = 0;
    const pacer = createPacer(limits, () => now);
    const far = { deadlineMs: 1_000_000 };
    expect(await pacer.take(3, far)).toBe(true);
    // 3 slots owed to nobody: the 4th comes 100 ms later, so a deadline 50 ms away refuses it.
    expect(await pacer.take(1, { deadlineMs: 50 })).toBe(false);
    expect(pacer.granted()).toBe(3);
    now = 100;
    expect(await pacer.take(1, { deadlineMs: 100 })).toBe(true);
    expect(pacer.granted()).toBe(4);
  });

  it('a search also takes a search slot: 2 per second after a burst of 1', async () => {
    let now = 0;
    const pacer = createPacer(limits, () => now);
    expect(await pacer.take(1, { search: true, deadlineMs: 0 })).toBe(true);
    expect(await pacer.take(1, { search: true, deadlineMs: 499 })).toBe(false);
    now = 500;
    expect(await pacer.take(1, { search: true, deadlineMs: 500 })).toBe(true);
  });
});

describe('the search pacing of the manager functions (HubSpot: 5 searches per second)', () => {
  /** When `count` searches taken back to back are granted, on a fake clock. */
  const grantTimes = async (limits: PacerLimits, count: number): Promise<number[]> => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'Date'], now: 0 });
    try {
      const pacer = createPacer(limits);
      const times: number[] = [];
      for (let i = 0; i < count; i += 1) {
        const slot = pacer.take(1, { search: true, deadlineMs: Number.POSITIVE_INFINITY });
        await vi.runAllTimersAsync();
        expect(await slot).toBe(true);
        times.push(Date.now());
      }
      return times;
    } finally {
      vi.useRealTimers();
    }
  };
  /** The most grants in any rolling second (t − 1000 ms, t], as HubSpot and the sandbox count. */
  const busiestSecond = (times: readonly number[]): number =>
    Math.max(...times.map((t) => times.filter((u) => u > t - 1000 && u <= t).length));

  it.each([
    ['strategy_review', REVIEW_PACE],
    ['rescore_stale', RESCORE_PACE],
  ])('%s: no rolling second sees more than 4 searches', async (_, limits) => {
    expect(busiestSecond(await grantTimes(limits, 20))).toBe(4);
  });

  it('a burst of 2 at 4 per second would let 5 through in one second', async () => {
    const burstOfTwo = { ...REVIEW_PACE, searchBurst: 2 };
    expect(busiestSecond(await grantTimes(burstOfTwo, 20))).toBe(5);
  });
});

describe('the rescore cursor', () => {
  it('round-trips version, phase and the search cursor, and refuses anything else', () => {
    for (const position of [
      { version: 3, phase: 'companies', search: null },
      { version: 12, phase: 'deals', search: '4512:800' },
    ] as const) {
      expect(decodeRescoreCursor(encodeRescoreCursor(position))).toEqual(position);
    }
    expect(encodeRescoreCursor({ version: 3, phase: 'deals', search: '4512:800' })).toBe(
      '3.d.4512:800',
    );
    for (const bad of ['', '3', '0.c.', '3.x.', '3.c.abc', '3.c.1:2;DROP']) {
      expect(decodeRescoreCursor(bad)).toBeNull();
    }
  });
});

describe('exact counts', () => {
  it('a tier row set only when every tier was counted; never scored = total − the tiers', () => {
    const counts = new Map<CountKey, number>([
      ['companies', 10],
      ['companies:dream', 1],
      ['companies:fit', 2],
      ['companies:stretch', 3],
      ['companies:needs_data', 0],
      ['companies:off_strategy', 1],
      ['companies:refused', 1],
      ['openDeals', 4],
      ['openDeals:dream', 4],
    ]);
    const exact = exactCounts(counts);
    expect(exact.companiesByTier?.at(-1)).toEqual({ tier: null, count: 2 });
    expect(exact.openDealsByTier).toBeNull();
    expect([exact.deals, exact.staleCompanies, exact.staleDeals]).toEqual([null, null, null]);
  });
});
