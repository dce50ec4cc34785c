import { z } from 'zod';

import type { Tier } from '../enums.ts';
import {
  addTallies,
  AmountTally,
  amountTotalOf,
  createAmountTally,
  mergeRecords,
  tallyAmount,
} from './cents.ts';
import { TIERS_AND_UNSCORED } from './compare.ts';
import type { Completeness, ReviewCompany, ReviewDeal, TierDistribution } from './schema.ts';

/** A tier as a key of a part's records; `none`: never scored. */
const keyOf = (tier: Tier | null): string => tier ?? 'none';

/** Companies per tier and open deals per tier of the records read so far (SCORING §9). */
export const TiersPart = z.strictObject({
  companies: z.record(z.string(), z.number().int().min(0)),
  companyTotal: z.number().int().min(0),
  openDeals: z.record(z.string(), AmountTally),
  openTotal: AmountTally,
});
export type TiersPart = z.output<typeof TiersPart>;

export const createTiersPart = (): TiersPart => ({
  companies: {},
  companyTotal: 0,
  openDeals: {},
  openTotal: createAmountTally(),
});

export const addCompanyToTiers = (part: TiersPart, company: ReviewCompany): void => {
  part.companyTotal += 1;
  const key = keyOf(company.tier);
  part.companies[key] = (part.companies[key] ?? 0) + 1;
};

export const addDealToTiers = (part: TiersPart, deal: ReviewDeal): void => {
  if (deal.isClosed) return;
  tallyAmount(part.openTotal, deal.amount);
  const key = keyOf(deal.tier);
  const tally = part.openDeals[key] ?? createAmountTally();
  tallyAmount(tally, deal.amount);
  part.openDeals[key] = tally;
};

export const mergeTiers = (a: TiersPart, b: TiersPart): TiersPart => ({
  companies: mergeRecords(a.companies, b.companies, (x, y) => x + y),
  companyTotal: a.companyTotal + b.companyTotal,
  openDeals: mergeRecords(a.openDeals, b.openDeals, addTallies),
  openTotal: addTallies(a.openTotal, b.openTotal),
});

/** SCORING §9: how many companies, and how many open deals and how much pipeline, per tier. */
export const finishTiers = (
  part: TiersPart,
  c: { companies: Completeness; openDeals: Completeness },
): TierDistribution => ({
  companies: {
    completeness: c.companies,
    total: part.companyTotal,
    rows: TIERS_AND_UNSCORED.map((tier) => ({ tier, count: part.companies[keyOf(tier)] ?? 0 })),
  },
  openDeals: {
    completeness: c.openDeals,
    total: amountTotalOf(part.openTotal),
    rows: TIERS_AND_UNSCORED.map((tier) => ({
      tier,
      ...amountTotalOf(part.openDeals[keyOf(tier)] ?? createAmountTally()),
    })),
  },
});
