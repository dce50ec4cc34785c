import { evidenceWindowDaysOf, existingCustomersOf } from '../strategy/strategy-defaults.ts';
import type { Strategy } from '../strategy/strategy-schema.ts';
import { amountTotalOf, createAmountTally, tallyAmount } from './cents.ts';
import { compareText } from './compare.ts';
import { liftOf, miscalibrationOf } from './compare-win-rates.ts';
import { createCompletenessTracker } from './completeness.ts';
import { createDreamCapacity } from './dream-capacity.ts';
import { evidenceWindowStartMs, isInEvidenceWindow } from './evidence-window.ts';
import { isRetainedDeal } from './existing-customers.ts';
import { createFalseNegatives } from './false-negatives.ts';
import { createOffStrategyPipeline } from './off-strategy-pipeline.ts';
import {
  addReviewAdditionsCompany,
  addReviewAdditionsDeal,
  createReviewAdditionsState,
  finishReviewAdditions,
} from './review-additions.ts';
import type {
  ReviewCompany,
  ReviewDeal,
  ReviewOwner,
  ReviewSource,
  StrategyReview,
} from './schema.ts';
import { createStaleScores } from './stale-scores.ts';
import { createStrategyEvidence } from './strategy-evidence.ts';
import { createTierDistribution } from './tier-distribution.ts';

/** How many deal rows the off-strategy and false-negative lists keep; every total counts all. */
export const DEFAULT_MAX_DEAL_ROWS = 1000;

export type ReviewAccumulatorOptions = {
  /** The published strategy: its name, segments and dream capacity. */
  strategy: Strategy;
  /** The published version; records scored by an older one are stale. */
  publishedVersion: number;
  /** "Now" for expiries and the evidence window (SCORING §15; false negatives, evidence). */
  nowMs: number;
  /** Every owner, so owners without accounts still show in dream capacity. */
  owners?: readonly ReviewOwner[];
  /** Rows kept in each deal list, largest amounts first (default 1000; Infinity keeps all). */
  maxDealRows?: number;
};

export type ReviewAccumulator = {
  addCompany: (company: ReviewCompany) => void;
  addDeal: (deal: ReviewDeal) => void;
  /** Says the records seen are not all there are (a capped search); the figures say so too. */
  markPartial: (reason: string, sources?: readonly ReviewSource[]) => void;
  finish: () => StrategyReview;
};

/**
 * Builds the strategy review (SCORING §9, §13, §15) from a stream of companies and deals, in any
 * order, in memory that grows only with owners, stages, segments, competitors, distinct lost
 * reasons (at most 2,000 per segment) and closed deals (8 bytes each for medians). The evidence
 * (§9 evidence, lift, false negatives and the §15 figures) counts deals closed in the evidence
 * window; under policy retain, open off-strategy existing-business deals are counted under
 * existing customers instead of the off-strategy pipeline (§12).
 *
 * @example
 * const review = createReviewAccumulator({ strategy, publishedVersion: 3, nowMs });
 * for (const c of companies) review.addCompany(c);
 * for (const d of deals) review.addDeal(d);
 * const figures = review.finish();
 */
export const createReviewAccumulator = (options: ReviewAccumulatorOptions): ReviewAccumulator => {
  const { strategy, publishedVersion, nowMs } = options;
  const owners = [...(options.owners ?? [])].sort((a, b) => compareText(a.id, b.id));
  const maxDealRows = options.maxDealRows ?? DEFAULT_MAX_DEAL_ROWS;
  const windowDays = evidenceWindowDaysOf(strategy);
  const startMs = evidenceWindowStartMs(strategy, nowMs);
  const { policy } = existingCustomersOf(strategy);
  const completeness = createCompletenessTracker();
  const pipeline = createOffStrategyPipeline(nowMs, maxDealRows);
  const tiers = createTierDistribution();
  const evidence = createStrategyEvidence(strategy);
  const falseNegatives = createFalseNegatives(nowMs, maxDealRows, windowDays);
  // SCORING §12, §13, §15: one plain-JSON state (add, merge, finish: review-additions.ts).
  const additions = createReviewAdditionsState(strategy);
  const capacity = createDreamCapacity(strategy.dreamCapacityPerOwner ?? null, owners);
  const stale = createStaleScores(publishedVersion);
  const openDeals = createAmountTally();
  let companies = 0;
  let deals = 0;
  let closedDeals = 0;

  return {
    addCompany: (company) => {
      companies += 1;
      addReviewAdditionsCompany(additions, company);
      tiers.addCompany(company);
      falseNegatives.addCompany(company);
      capacity.addCompany(company);
      stale.addCompany(company);
    },
    addDeal: (deal) => {
      deals += 1;
      if (deal.isClosed) closedDeals += 1;
      else tallyAmount(openDeals, deal.amount);
      // SCORING §12: a retained existing-business deal is not off-strategy pipeline.
      if (!isRetainedDeal(deal, policy)) pipeline.addDeal(deal);
      tiers.addDeal(deal);
      falseNegatives.addDeal(deal);
      stale.addDeal(deal);
      // SCORING §15: the evidence counts deals closed in the window.
      if (isInEvidenceWindow(deal, startMs)) evidence.addDeal(deal);
      addReviewAdditionsDeal(additions, deal, { strategy, nowMs });
    },
    markPartial: completeness.mark,
    finish: () => {
      const closed = completeness.of(['closed_deals']);
      const strategyEvidence = evidence.finish(closed);
      return {
        strategyName: strategy.name,
        publishedVersion,
        nowMs,
        completeness: completeness.of(['companies', 'open_deals', 'closed_deals']),
        owners,
        totals: { companies, deals, openDeals: amountTotalOf(openDeals), closedDeals },
        offStrategyPipeline: pipeline.finish(completeness.of(['open_deals'])),
        tierDistribution: tiers.finish({
          companies: completeness.of(['companies']),
          openDeals: completeness.of(['open_deals']),
        }),
        strategyEvidence,
        miscalibration: miscalibrationOf(strategyEvidence, closed),
        lift: liftOf(strategyEvidence, closed),
        falseNegatives: falseNegatives.finish(closed),
        dreamCapacity: capacity.finish(completeness.of(['companies'])),
        staleScores: stale.finish(completeness.of(['companies', 'open_deals', 'closed_deals'])),
        ...finishReviewAdditions(additions, {
          strategy,
          nowMs,
          completenessOf: (sources) => completeness.of(sources),
        }),
      };
    },
  };
};
