import { z } from 'zod';

import type { Strategy } from '../strategy/strategy-schema.ts';
import { addTallies, AmountTally, amountTotalOf, createAmountTally, tallyAmount } from './cents.ts';
import { compareText } from './compare.ts';
import { liftOf, miscalibrationOf } from './compare-win-rates.ts';
import { completenessOf, markPartial, PartialMarks } from './completeness.ts';
import {
  addCompanyToCapacity,
  CapacityPart,
  finishCapacity,
  mergeCapacity,
} from './dream-capacity.ts';
import {
  addCompanyToFalseNegatives,
  addDealToFalseNegatives,
  createFalseNegativesPart,
  FalseNegativesPart,
  finishFalseNegatives,
  mergeFalseNegatives,
} from './false-negatives.ts';
import {
  addToPipeline,
  createPipelinePart,
  finishPipeline,
  mergePipelines,
  PipelinePart,
} from './off-strategy-pipeline.ts';
import { ReviewOwner } from './schema.ts';
import type { ReviewCompany, ReviewDeal, ReviewSource, StrategyReview } from './schema.ts';
import {
  createStalePart,
  finishStale,
  mergeStale,
  StalePart,
  tallyVersion,
} from './stale-scores.ts';
import {
  addDealToEvidence,
  createEvidencePart,
  EvidencePart,
  finishEvidence,
  mergeEvidence,
} from './strategy-evidence.ts';
import {
  addCompanyToTiers,
  addDealToTiers,
  createTiersPart,
  finishTiers,
  mergeTiers,
  TiersPart,
} from './tier-distribution.ts';

/** How many deal rows the off-strategy and false-negative lists keep; every total counts all. */
export const DEFAULT_MAX_DEAL_ROWS = 1000;

/** What a review is read against: the published strategy's parts it shows, "now" and the owners. */
export const ReviewSetup = z.strictObject({
  strategyName: z.string(),
  publishedVersion: z.number().int().describe('Records scored by an older version are stale'),
  nowMs: z.number().describe('"Now" for expiries and the 12-month window of false negatives'),
  segments: z.array(z.strictObject({ id: z.string(), name: z.string() })),
  dreamCapacityPerOwner: z.number().int().min(1).nullable(),
  owners: z.array(ReviewOwner).describe('Every owner, by id: owners without accounts show too'),
  maxDealRows: z.number().int().min(0).describe('Rows kept in each deal list'),
});
export type ReviewSetup = z.output<typeof ReviewSetup>;

/**
 * The review of the records read so far, before its figures are computed: mergeable with the
 * part of other records (a review read in chunks, `mergeReviewParts`), JSON all through.
 */
export const ReviewPart = z.strictObject({
  companies: z.number().int().min(0),
  deals: z.number().int().min(0),
  closedDeals: z.number().int().min(0),
  openDeals: AmountTally,
  pipeline: PipelinePart,
  tiers: TiersPart,
  evidence: EvidencePart,
  falseNegatives: FalseNegativesPart,
  capacity: CapacityPart,
  stale: StalePart,
  partial: PartialMarks,
});
export type ReviewPart = z.output<typeof ReviewPart>;

export type ReviewAccumulatorOptions = {
  /** The published strategy: its name, segments and dream capacity. */
  strategy: Strategy;
  /** The published version; records scored by an older one are stale. */
  publishedVersion: number;
  /** "Now" for expiries and the 12-month window of false negatives. */
  nowMs: number;
  /** Every owner, so owners without accounts still show in dream capacity. */
  owners?: readonly ReviewOwner[];
  /** Rows kept in each deal list, largest amounts first (default 1000). */
  maxDealRows?: number;
};

/** The setup of a review of `strategy` (what `finishReview` needs besides the part). */
export const reviewSetupOf = (options: ReviewAccumulatorOptions): ReviewSetup => ({
  strategyName: options.strategy.name,
  publishedVersion: options.publishedVersion,
  nowMs: options.nowMs,
  segments: options.strategy.segments.map((s) => ({ id: s.id, name: s.name })),
  dreamCapacityPerOwner: options.strategy.dreamCapacityPerOwner ?? null,
  owners: [...(options.owners ?? [])].sort((a, b) => compareText(a.id, b.id)),
  maxDealRows: options.maxDealRows ?? DEFAULT_MAX_DEAL_ROWS,
});

export const emptyReviewPart = (): ReviewPart => ({
  companies: 0,
  deals: 0,
  closedDeals: 0,
  openDeals: createAmountTally(),
  pipeline: createPipelinePart(),
  tiers: createTiersPart(),
  evidence: createEvidencePart(),
  falseNegatives: createFalseNegativesPart(),
  capacity: {},
  stale: createStalePart(),
  partial: [],
});

/**
 * The part of the records of two disjoint reads (two chunks): the same as one part fed both.
 * Pure; the inputs are not changed.
 *
 * @example
 * let part = emptyReviewPart();
 * for (const chunk of chunks) part = mergeReviewParts(part, chunk.part, setup);
 * const review = finishReview(part, setup);
 */
export const mergeReviewParts = (a: ReviewPart, b: ReviewPart, setup: ReviewSetup): ReviewPart => ({
  companies: a.companies + b.companies,
  deals: a.deals + b.deals,
  closedDeals: a.closedDeals + b.closedDeals,
  openDeals: addTallies(a.openDeals, b.openDeals),
  pipeline: mergePipelines(a.pipeline, b.pipeline, setup.maxDealRows),
  tiers: mergeTiers(a.tiers, b.tiers),
  evidence: mergeEvidence(a.evidence, b.evidence),
  falseNegatives: mergeFalseNegatives(a.falseNegatives, b.falseNegatives),
  capacity: mergeCapacity(a.capacity, b.capacity),
  stale: mergeStale(a.stale, b.stale),
  partial: [...a.partial, ...b.partial],
});

/** The strategy review (SCORING §9) of a part: every figure, each with its completeness. */
export const finishReview = (part: ReviewPart, setup: ReviewSetup): StrategyReview => {
  const of = (sources: readonly ReviewSource[]) => completenessOf(part.partial, sources);
  const closed = of(['closed_deals']);
  const strategyEvidence = finishEvidence(part.evidence, setup.segments, closed);
  return {
    strategyName: setup.strategyName,
    publishedVersion: setup.publishedVersion,
    nowMs: setup.nowMs,
    completeness: of(['companies', 'open_deals', 'closed_deals']),
    owners: setup.owners,
    totals: {
      companies: part.companies,
      deals: part.deals,
      openDeals: amountTotalOf(part.openDeals),
      closedDeals: part.closedDeals,
    },
    offStrategyPipeline: finishPipeline(part.pipeline, of(['open_deals']), setup.maxDealRows),
    tierDistribution: finishTiers(part.tiers, {
      companies: of(['companies']),
      openDeals: of(['open_deals']),
    }),
    strategyEvidence,
    miscalibration: miscalibrationOf(strategyEvidence, closed),
    lift: liftOf(strategyEvidence, closed),
    falseNegatives: finishFalseNegatives(
      part.falseNegatives,
      setup.nowMs,
      setup.maxDealRows,
      closed,
    ),
    dreamCapacity: finishCapacity(
      part.capacity,
      setup.dreamCapacityPerOwner,
      setup.owners,
      of(['companies']),
    ),
    staleScores: finishStale(
      part.stale,
      setup.publishedVersion,
      of(['companies', 'open_deals', 'closed_deals']),
    ),
  };
};

export type ReviewAccumulator = {
  addCompany: (company: ReviewCompany) => void;
  addDeal: (deal: ReviewDeal) => void;
  /** Says the records seen are not all there are (a read cut short); the figures say so too. */
  markPartial: (reason: string, sources?: readonly ReviewSource[]) => void;
  /** What was added so far, to merge with the parts of other reads. */
  part: () => ReviewPart;
  readonly setup: ReviewSetup;
  finish: () => StrategyReview;
};

/**
 * Builds the strategy review (SCORING §9) from a stream of companies and deals, in any order, in
 * memory that grows only with owners, stages, segments, closed deals (8 bytes each for medians),
 * off-strategy companies and won deals of the last 12 months (joined at the end).
 *
 * @example
 * const review = createReviewAccumulator({ strategy, publishedVersion: 3, nowMs });
 * for (const c of companies) review.addCompany(c);
 * for (const d of deals) review.addDeal(d);
 * const figures = review.finish();
 */
export const createReviewAccumulator = (options: ReviewAccumulatorOptions): ReviewAccumulator => {
  const setup = reviewSetupOf(options);
  const part = emptyReviewPart();
  return {
    setup,
    addCompany: (company) => {
      part.companies += 1;
      addCompanyToTiers(part.tiers, company);
      addCompanyToFalseNegatives(part.falseNegatives, company);
      addCompanyToCapacity(part.capacity, company);
      tallyVersion(part.stale.companies, company.version, setup.publishedVersion);
    },
    addDeal: (deal) => {
      part.deals += 1;
      if (deal.isClosed) part.closedDeals += 1;
      else tallyAmount(part.openDeals, deal.amount);
      addToPipeline(part.pipeline, deal, setup.nowMs, setup.maxDealRows);
      addDealToTiers(part.tiers, deal);
      addDealToEvidence(part.evidence, deal);
      addDealToFalseNegatives(part.falseNegatives, deal, setup.nowMs);
      tallyVersion(part.stale.deals, deal.version, setup.publishedVersion);
    },
    markPartial: (reason, sources) => markPartial(part.partial, reason, sources),
    part: () => part,
    finish: () => finishReview(part, setup),
  };
};
