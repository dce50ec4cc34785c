import { z } from 'zod';

import type { ExistingCustomerPolicy } from '../strategy/strategy-schema.ts';
import { addTallies, AmountTally, amountTotalOf, createAmountTally, tallyAmount } from './cents.ts';
import { compareText, compareTier } from './compare.ts';
import { ownerAmountsOf } from './focus-board.ts';
import { reasonKeyOf } from './off-strategy-pipeline.ts';
import type { ReasonKey } from './off-strategy-pipeline.ts';
import type { Completeness, ExistingCustomersReview, ReasonAmount, ReviewDeal } from './schema.ts';
import { keyed, mergeKeyedAmounts, tallyAt } from './tallies.ts';

/**
 * SCORING §12 policy retain: an open off-strategy (or refused) existing-business deal is kept
 * deliberately — counted under existing customers outside the strategy, not as off-strategy
 * pipeline. A deal scored before §12 (business unknown) is not.
 */
export const isRetainedDeal = (
  deal: Pick<ReviewDeal, 'isClosed' | 'offStrategy' | 'business'>,
  policy: ExistingCustomerPolicy,
): boolean =>
  policy === 'retain' && !deal.isClosed && deal.offStrategy && deal.business === 'existing';

/** Existing customers' part of a review: the total, by reason (`[tier, reason]`) and by owner. */
export const ExistingCustomersPart = z.strictObject({
  total: AmountTally,
  byReason: keyed(AmountTally),
  byOwner: keyed(AmountTally),
});
export type ExistingCustomersPart = z.output<typeof ExistingCustomersPart>;

export const createExistingCustomersPart = (): ExistingCustomersPart => ({
  total: createAmountTally(),
  byReason: {},
  byOwner: {},
});

/** Counts one retained deal (the caller checks `isRetainedDeal`). */
export const addExistingCustomerDeal = (part: ExistingCustomersPart, deal: ReviewDeal): void => {
  tallyAmount(part.total, deal.amount);
  const reason = reasonKeyOf(deal);
  tallyAmount(
    tallyAt(part.byReason, JSON.stringify([reason.tier, reason.reason]), createAmountTally),
    deal.amount,
  );
  tallyAmount(tallyAt(part.byOwner, JSON.stringify(deal.ownerId), createAmountTally), deal.amount);
};

export const mergeExistingCustomers = (
  a: ExistingCustomersPart,
  b: ExistingCustomersPart,
): ExistingCustomersPart => ({
  total: addTallies(a.total, b.total),
  byReason: mergeKeyedAmounts(a.byReason, b.byReason),
  byOwner: mergeKeyedAmounts(a.byOwner, b.byOwner),
});

/** The figure: count and amount, by reason (as the off-strategy pipeline groups them) and owner. */
export const finishExistingCustomers = (
  part: ExistingCustomersPart,
  policy: ExistingCustomerPolicy,
  completeness: Completeness,
): ExistingCustomersReview => ({
  completeness,
  policy,
  total: amountTotalOf(part.total),
  byReason: Object.entries(part.byReason)
    .map(([key, tally]) => {
      const [tier, reason] = JSON.parse(key) as [ReasonKey['tier'], string | null];
      return { key: { tier, reason }, tally };
    })
    .sort(
      (a, b) =>
        b.tally.cents - a.tally.cents ||
        b.tally.count - a.tally.count ||
        compareTier(a.key.tier, b.key.tier) ||
        compareText(a.key.reason, b.key.reason),
    )
    .map((g): ReasonAmount => ({ ...g.key, ...amountTotalOf(g.tally) })),
  byOwner: ownerAmountsOf(part.byOwner),
});
