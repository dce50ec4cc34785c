import type { Completeness, StrategyReviewValue, Tier, TierCount } from '@strategy-fit/core';

import { formatAmount, formatLift, formatNumber, formatShare, plural } from './format.ts';
import { tierWord } from './tiers.ts';

/** What the overview opens with: no records, nothing scored yet, or the figures. */
export type PortalState = 'empty_portal' | 'nothing_scored' | 'scored';

/** One headline figure. */
export type Headline = {
  readonly id: string;
  readonly label: string;
  readonly value: string;
  readonly detail: string;
  readonly partial: boolean;
};

/** A bar of the tier charts. */
export type TierBar = { readonly tier: string; readonly value: number };

export type TierChart = { readonly bars: readonly TierBar[]; readonly partial: boolean };

export type Overview = {
  readonly state: PortalState;
  readonly headlines: readonly Headline[];
  readonly companies: TierChart;
  readonly openDeals: TierChart;
  readonly openAmount: TierChart;
  readonly stale: { readonly companies: number; readonly deals: number };
};

const barsOf = (rows: readonly { tier: Tier | null; value: number }[]): TierBar[] =>
  rows.map((r) => ({ tier: tierWord(r.tier), value: r.value }));

const countBars = (rows: readonly TierCount[]): TierBar[] =>
  barsOf(rows.map((r) => ({ tier: r.tier, value: r.count })));

const chartOf = (figure: {
  rows: readonly TierCount[];
  completeness: Completeness;
}): TierChart => ({ bars: countBars(figure.rows), partial: figure.completeness.partial });

/** Whether the portal has records, and whether any was scored. */
export const portalState = (value: StrategyReviewValue): PortalState => {
  const { review } = value;
  if (review.totals.companies === 0 && review.totals.deals === 0) return 'empty_portal';
  const { staleScores } = review;
  const scored =
    staleScores.companies.total -
    staleScores.companies.missingVersion +
    (staleScores.deals.total - staleScores.deals.missingVersion);
  return scored === 0 && !review.completeness.partial ? 'nothing_scored' : 'scored';
};

/** Stale scores (SCORING §9): records below the published version or never scored. */
export const staleOf = (value: StrategyReviewValue): Overview['stale'] => {
  const { staleScores } = value.review;
  return { companies: staleScores.companies.stale, deals: staleScores.deals.stale };
};

/** The overview: headline figures and the tier distributions (SCORING §9). */
export const overviewOf = (value: StrategyReviewValue): Overview => {
  const { review } = value;
  const pipeline = review.offStrategyPipeline;
  const open = review.totals.openDeals;
  const openPartial = review.tierDistribution.openDeals.completeness.partial;
  const lift = review.lift.fitDeals;
  const stale = staleOf(value);
  const share = open.amount === 0 ? null : pipeline.unapproved.amount / open.amount;
  const headlines: Headline[] = [
    {
      id: 'open-pipeline',
      label: 'Open pipeline',
      value: formatAmount(open.amount),
      detail: plural(open.count, 'open deal'),
      partial: openPartial,
    },
    {
      id: 'unapproved',
      label: 'Off-strategy pipeline, unapproved',
      value: formatAmount(pipeline.unapproved.amount),
      detail: `${plural(pipeline.unapproved.count, 'deal')} · ${formatShare(share)} of open pipeline`,
      partial: pipeline.completeness.partial,
    },
    {
      id: 'approved',
      label: 'Approved exceptions',
      value: formatAmount(pipeline.approved.amount),
      detail: plural(pipeline.approved.count, 'deal'),
      partial: pipeline.completeness.partial,
    },
    {
      id: 'lift',
      label: 'Fit lift',
      value: formatLift(lift.lift),
      detail:
        lift.lift === null
          ? 'Needs 20 closed deals on each side'
          : `Dream and fit deals win ${formatLift(lift.lift)} as often as off-strategy deals`,
      partial: review.lift.completeness.partial,
    },
    {
      id: 'false-negatives',
      label: 'False negatives (12 months)',
      value: formatNumber(review.falseNegatives.total.count),
      detail: `${formatAmount(review.falseNegatives.total.amount)} won with off-strategy companies`,
      partial: review.falseNegatives.completeness.partial,
    },
    {
      id: 'stale',
      label: 'Stale scores',
      value: formatNumber(stale.companies + stale.deals),
      detail: `${plural(stale.companies, 'company', 'companies')} · ${plural(stale.deals, 'deal')}`,
      partial: review.staleScores.completeness.partial,
    },
  ];
  return {
    state: portalState(value),
    headlines,
    companies: chartOf(review.tierDistribution.companies),
    openDeals: chartOf({
      rows: review.tierDistribution.openDeals.rows.map((r) => ({ tier: r.tier, count: r.count })),
      completeness: review.tierDistribution.openDeals.completeness,
    }),
    openAmount: {
      bars: barsOf(
        review.tierDistribution.openDeals.rows.map((r) => ({ tier: r.tier, value: r.amount })),
      ),
      partial: openPartial,
    },
    stale,
  };
};
