import type { Tier } from '../enums.ts';
import { amountTotalOf, createAmountTally, tallyAmount } from './cents.ts';
import type { AmountTally } from './cents.ts';
import { TIERS_AND_UNSCORED } from './compare.ts';
import type { Completeness, ReviewCompany, ReviewDeal, TierDistribution } from './schema.ts';

export type TierDistributionAccumulator = {
  addCompany: (company: ReviewCompany) => void;
  addDeal: (deal: ReviewDeal) => void;
  finish: (c: { companies: Completeness; openDeals: Completeness }) => TierDistribution;
};

/** SCORING §9: how many companies, and how many open deals and how much pipeline, per tier. */
export const createTierDistribution = (): TierDistributionAccumulator => {
  const companies = new Map<Tier | null, number>(TIERS_AND_UNSCORED.map((t) => [t, 0]));
  const openDeals = new Map<Tier | null, AmountTally>(
    TIERS_AND_UNSCORED.map((t) => [t, createAmountTally()]),
  );
  const openTotal = createAmountTally();
  let companyTotal = 0;
  return {
    addCompany: (company) => {
      companyTotal += 1;
      companies.set(company.tier, (companies.get(company.tier) ?? 0) + 1);
    },
    addDeal: (deal) => {
      if (deal.isClosed) return;
      tallyAmount(openTotal, deal.amount);
      const tally = openDeals.get(deal.tier);
      if (tally !== undefined) tallyAmount(tally, deal.amount);
    },
    finish: (c) => ({
      companies: {
        completeness: c.companies,
        total: companyTotal,
        rows: TIERS_AND_UNSCORED.map((tier) => ({ tier, count: companies.get(tier) ?? 0 })),
      },
      openDeals: {
        completeness: c.openDeals,
        total: amountTotalOf(openTotal),
        rows: TIERS_AND_UNSCORED.map((tier) => ({
          tier,
          ...amountTotalOf(openDeals.get(tier) ?? createAmountTally()),
        })),
      },
    }),
  };
};
