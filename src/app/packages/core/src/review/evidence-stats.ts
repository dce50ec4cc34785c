import { z } from 'zod';

import { DAY_MS } from '../values/read-value.ts';
import { fromCents, toCents } from './cents.ts';
import { median } from './median.ts';
import type { EvidenceStats, ReviewDeal } from './schema.ts';

const Count = z.number().int().min(0);

/** Running evidence of one group of closed deals; cycle days are kept for the median. */
export const EvidenceTally = z.strictObject({
  closed: Count,
  won: Count,
  cycleDays: z.array(z.number()).describe('(closed − created) in days, of each deal that has both'),
  amountCents: z.number().int(),
  amountKnown: Count,
  discountHundredths: z.number().int(),
  discountKnown: Count,
});
export type EvidenceTally = z.output<typeof EvidenceTally>;

export const createEvidenceTally = (): EvidenceTally => ({
  closed: 0,
  won: 0,
  cycleDays: [],
  amountCents: 0,
  amountKnown: 0,
  discountHundredths: 0,
  discountKnown: 0,
});

/** Cycle days = (closed − created) / 1 day, only when both are known and close is not before create. */
export const cycleDaysOf = (
  deal: Pick<ReviewDeal, 'createdAtMs' | 'closedAtMs'>,
): number | null => {
  const { createdAtMs, closedAtMs } = deal;
  if (createdAtMs === null || closedAtMs === null || closedAtMs < createdAtMs) return null;
  return (closedAtMs - createdAtMs) / DAY_MS;
};

/** Adds one closed deal to a group. */
export const tallyEvidence = (tally: EvidenceTally, deal: ReviewDeal): void => {
  tally.closed += 1;
  if (deal.isWon) tally.won += 1;
  const days = cycleDaysOf(deal);
  if (days !== null) tally.cycleDays.push(days);
  if (deal.amount !== null) {
    tally.amountCents += toCents(deal.amount);
    tally.amountKnown += 1;
  }
  if (deal.discountPercent !== null) {
    // Hundredths of a percent are integers, so the sum does not depend on the order.
    tally.discountHundredths += Math.round(deal.discountPercent * 100);
    tally.discountKnown += 1;
  }
};

/** The tally of two disjoint groups of closed deals. */
export const addEvidenceTallies = (a: EvidenceTally, b: EvidenceTally): EvidenceTally => ({
  closed: a.closed + b.closed,
  won: a.won + b.won,
  cycleDays: [...a.cycleDays, ...b.cycleDays],
  amountCents: a.amountCents + b.amountCents,
  amountKnown: a.amountKnown + b.amountKnown,
  discountHundredths: a.discountHundredths + b.discountHundredths,
  discountKnown: a.discountKnown + b.discountKnown,
});

/** SCORING §9: count, won, win rate, median cycle days, average amount, average discount. */
export const evidenceStatsOf = (tally: EvidenceTally): EvidenceStats => ({
  closed: tally.closed,
  won: tally.won,
  winRate: tally.closed === 0 ? null : tally.won / tally.closed,
  medianCycleDays: median(tally.cycleDays),
  cycleKnown: tally.cycleDays.length,
  averageAmount: tally.amountKnown === 0 ? null : fromCents(tally.amountCents) / tally.amountKnown,
  amountKnown: tally.amountKnown,
  averageDiscountPercent:
    tally.discountKnown === 0 ? null : tally.discountHundredths / 100 / tally.discountKnown,
  discountKnown: tally.discountKnown,
});
