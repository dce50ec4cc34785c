import { z } from 'zod';

import { evidenceWindowDaysOf, existingCustomersOf } from '../strategy/strategy-defaults.ts';
import { StrategySchema } from '../strategy/strategy-schema.ts';
import type { Strategy } from '../strategy/strategy-schema.ts';
import { addTallies, AmountTally, amountTotalOf, createAmountTally, tallyAmount } from './cents.ts';
import { compareText } from './compare.ts';
import { liftOf, miscalibrationOf } from './compare-win-rates.ts';
import {
  addCompetitorDeal,
  CompetitorPart,
  createCompetitorPart,
  finishCompetitors,
  mergeCompetitors,
} from './competitor-review.ts';
import { completenessOf, markPartial, PartialMarks } from './completeness.ts';
import {
  addCriterionEvidenceCompany,
  addCriterionEvidenceDeal,
  awaitsCompany,
  createCriterionEvidencePart,
  CriterionEvidencePart,
  finishCriterionEvidence,
  mergeCriterionEvidence,
} from './criterion-evidence.ts';
import {
  addCustomersSayDeal,
  createCustomersSayPart,
  CustomersSayPart,
  finishCustomersSay,
  mergeCustomersSay,
} from './customers-say.ts';
import {
  addDiscountBandDeal,
  createDiscountBandsPart,
  DiscountBandsPart,
  finishDiscountBands,
  mergeDiscountBands,
} from './discount-bands.ts';
import {
  addCompanyToCapacity,
  CapacityPart,
  finishCapacity,
  mergeCapacity,
} from './dream-capacity.ts';
import {
  addEvidenceWindowDeal,
  createEvidenceWindowPart,
  EvidenceWindowPart,
  evidenceWindowStartMs,
  finishEvidenceWindow,
  mergeEvidenceWindows,
} from './evidence-window.ts';
import {
  addExistingCustomerDeal,
  createExistingCustomersPart,
  ExistingCustomersPart,
  finishExistingCustomers,
  isRetainedDeal,
  mergeExistingCustomers,
} from './existing-customers.ts';
import {
  addCompanyToFalseNegatives,
  addDealToFalseNegatives,
  createFalseNegativesPart,
  FalseNegativesPart,
  finishFalseNegatives,
  mergeFalseNegatives,
} from './false-negatives.ts';
import {
  addFocusBoardDeal,
  createFocusBoardPart,
  finishFocusBoard,
  FocusBoardPart,
  mergeFocusBoards,
} from './focus-board.ts';
import { computeFocusGuard } from './focus-guard.ts';
import type { TierCounts } from './focus-guard.ts';
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

/** What a review is read against: the published strategy, "now" and the owners. */
export const ReviewSetup = z.strictObject({
  strategy: StrategySchema.describe(
    'The published strategy without its managers (names, segments, criteria, competitors, window, policy)',
  ),
  publishedVersion: z.number().int().describe('Records scored by an older version are stale'),
  nowMs: z.number().describe('"Now" for expiries and the evidence window (SCORING §15)'),
  owners: z.array(ReviewOwner).describe('Every owner, by id: owners without accounts show too'),
  maxDealRows: z.number().int().min(0).describe('Rows kept in each deal list'),
});
export type ReviewSetup = z.output<typeof ReviewSetup>;

/**
 * The review of the records read so far, before its figures are computed: mergeable with the
 * part of other records (a review read in chunks, `mergeReviewParts`), JSON all through. Every
 * figure of SCORING §9, §12, §13 and §15 is a part of it.
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
  window: EvidenceWindowPart,
  focusBoard: FocusBoardPart,
  existingCustomers: ExistingCustomersPart,
  competitors: CompetitorPart,
  customersSay: CustomersSayPart,
  discountBands: DiscountBandsPart,
  criterionEvidence: CriterionEvidencePart,
  partial: PartialMarks,
});
export type ReviewPart = z.output<typeof ReviewPart>;

export type ReviewAccumulatorOptions = {
  /** The published strategy: its names, segments, criteria, competitors, window and policy. */
  strategy: Strategy;
  /** The published version; records scored by an older one are stale. */
  publishedVersion: number;
  /** "Now" for expiries and the evidence window (SCORING §15; false negatives, evidence). */
  nowMs: number;
  /** Every owner, so owners without accounts still show in dream capacity. */
  owners?: readonly ReviewOwner[];
  /** Rows kept in each deal list, largest amounts first (default 1000). */
  maxDealRows?: number;
};

/**
 * The setup of a review of `strategy` (what `finishReview` needs besides the part). The strategy's
 * managers are left out: a setup travels to every page user (issue 10: no user ids).
 */
export const reviewSetupOf = (options: ReviewAccumulatorOptions): ReviewSetup => {
  const strategy: Strategy = { ...options.strategy };
  delete strategy.managers;
  return {
    strategy,
    publishedVersion: options.publishedVersion,
    nowMs: options.nowMs,
    owners: [...(options.owners ?? [])].sort((a, b) => compareText(a.id, b.id)),
    maxDealRows: options.maxDealRows ?? DEFAULT_MAX_DEAL_ROWS,
  };
};

export const emptyReviewPart = (strategy: Strategy): ReviewPart => ({
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
  window: createEvidenceWindowPart(),
  focusBoard: createFocusBoardPart(),
  existingCustomers: createExistingCustomersPart(),
  competitors: createCompetitorPart(),
  customersSay: createCustomersSayPart(),
  discountBands: createDiscountBandsPart(),
  criterionEvidence: createCriterionEvidencePart(strategy),
  partial: [],
});

/**
 * The part of the records of two disjoint reads (two chunks): the same as one part fed both.
 * Pure; the inputs are not changed.
 *
 * @example
 * let part = emptyReviewPart(setup.strategy);
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
  window: mergeEvidenceWindows(a.window, b.window),
  focusBoard: mergeFocusBoards(a.focusBoard, b.focusBoard),
  existingCustomers: mergeExistingCustomers(a.existingCustomers, b.existingCustomers),
  competitors: mergeCompetitors(a.competitors, b.competitors),
  customersSay: mergeCustomersSay(a.customersSay, b.customersSay),
  discountBands: mergeDiscountBands(a.discountBands, b.discountBands),
  criterionEvidence: mergeCriterionEvidence(a.criterionEvidence, b.criterionEvidence),
  partial: [...a.partial, ...b.partial],
});

/** Companies per tier (never-scored ones left out), for the focus guard (SCORING §13). */
const tierCountsOf = (tiers: TiersPart): TierCounts =>
  Object.fromEntries(Object.entries(tiers.companies).filter(([key]) => key !== 'none'));

/** The strategy review (SCORING §9, §12, §13, §15) of a part: every figure, with its completeness. */
export const finishReview = (part: ReviewPart, setup: ReviewSetup): StrategyReview => {
  const { strategy, nowMs } = setup;
  const of = (sources: readonly ReviewSource[]) => completenessOf(part.partial, sources);
  const closed = of(['closed_deals']);
  const openDeals = of(['open_deals']);
  const strategyEvidence = finishEvidence(part.evidence, strategy, closed);
  return {
    strategyName: strategy.name,
    publishedVersion: setup.publishedVersion,
    nowMs,
    completeness: of(['companies', 'open_deals', 'closed_deals']),
    owners: setup.owners,
    totals: {
      companies: part.companies,
      deals: part.deals,
      openDeals: amountTotalOf(part.openDeals),
      closedDeals: part.closedDeals,
    },
    offStrategyPipeline: finishPipeline(part.pipeline, openDeals, setup.maxDealRows),
    tierDistribution: finishTiers(part.tiers, { companies: of(['companies']), openDeals }),
    strategyEvidence,
    miscalibration: miscalibrationOf(strategyEvidence, closed),
    lift: liftOf(strategyEvidence, closed),
    // False negatives join won deals with their companies' tiers today: both sources.
    falseNegatives: finishFalseNegatives(
      part.falseNegatives,
      evidenceWindowStartMs(strategy, nowMs),
      setup.maxDealRows,
      of(['companies', 'closed_deals']),
    ),
    dreamCapacity: finishCapacity(
      part.capacity,
      strategy.dreamCapacityPerOwner ?? null,
      setup.owners,
      of(['companies']),
    ),
    staleScores: finishStale(
      part.stale,
      setup.publishedVersion,
      of(['companies', 'open_deals', 'closed_deals']),
    ),
    focusGuard: {
      completeness: of(['companies']),
      ...computeFocusGuard(strategy, tierCountsOf(part.tiers)),
    },
    evidenceWindow: finishEvidenceWindow(part.window, {
      days: evidenceWindowDaysOf(strategy),
      nowMs,
      completeness: closed,
    }),
    focusBoard: finishFocusBoard(part.focusBoard, openDeals),
    existingCustomers: finishExistingCustomers(
      part.existingCustomers,
      existingCustomersOf(strategy).policy,
      openDeals,
    ),
    competitors: finishCompetitors(part.competitors, strategy, of(['open_deals', 'closed_deals'])),
    customersSay: finishCustomersSay(part.customersSay, strategy, closed),
    discountBands: finishDiscountBands(part.discountBands, strategy, closed),
    criterionEvidence: finishCriterionEvidence(
      part.criterionEvidence,
      strategy,
      of(['companies', 'closed_deals']),
    ),
  };
};

export type ReviewAccumulator = {
  addCompany: (company: ReviewCompany) => void;
  addDeal: (deal: ReviewDeal) => void;
  /**
   * Whether closed deals of the evidence window added so far wait for this company's criterion
   * outcomes (SCORING §15): a walk that adds every deal before the companies scores only those.
   */
  awaitsCompany: (companyId: string) => boolean;
  /** Says the records seen are not all there are (a read cut short); the figures say so too. */
  markPartial: (reason: string, sources?: readonly ReviewSource[]) => void;
  /** What was added so far, to merge with the parts of other reads. */
  part: () => ReviewPart;
  readonly setup: ReviewSetup;
  finish: () => StrategyReview;
};

/**
 * Builds the strategy review (SCORING §9, §12, §13, §15) from a stream of companies and deals, in
 * any order, in memory that grows only with owners, stages, segments, competitors, distinct lost
 * reasons (at most 2,000 per segment), closed deals (8 bytes each for medians), off-strategy
 * companies, won deals of the evidence window (false negatives, joined at the end) and the
 * companies of closed deals of the window (criterion evidence, joined as they meet). The evidence
 * (§9 evidence, lift, false negatives and the §15 figures) counts deals closed in the evidence
 * window; under policy retain, open off-strategy existing-business deals are counted under
 * existing customers instead of the off-strategy pipeline (§12).
 *
 * @example
 * const review = createReviewAccumulator({ strategy, publishedVersion: 3, nowMs });
 * for (const d of deals) review.addDeal(d);
 * for (const c of companies) review.addCompany(c);
 * const figures = review.finish();
 */
export const createReviewAccumulator = (options: ReviewAccumulatorOptions): ReviewAccumulator => {
  const setup = reviewSetupOf(options);
  const part = emptyReviewPart(setup.strategy);
  const startMs = evidenceWindowStartMs(setup.strategy, setup.nowMs);
  const { policy } = existingCustomersOf(setup.strategy);
  return {
    setup,
    addCompany: (company) => {
      part.companies += 1;
      addCompanyToTiers(part.tiers, company);
      addCompanyToFalseNegatives(part.falseNegatives, company);
      addCompanyToCapacity(part.capacity, company);
      tallyVersion(part.stale.companies, company.version, setup.publishedVersion);
      addCriterionEvidenceCompany(part.criterionEvidence, company.id, company.criteria);
    },
    addDeal: (deal) => {
      part.deals += 1;
      if (deal.isClosed) part.closedDeals += 1;
      else tallyAmount(part.openDeals, deal.amount);
      // SCORING §12: a retained existing-business deal is not off-strategy pipeline.
      if (isRetainedDeal(deal, policy)) addExistingCustomerDeal(part.existingCustomers, deal);
      else addToPipeline(part.pipeline, deal, setup.nowMs, setup.maxDealRows);
      addDealToTiers(part.tiers, deal);
      addDealToFalseNegatives(part.falseNegatives, deal, startMs);
      tallyVersion(part.stale.deals, deal.version, setup.publishedVersion);
      addFocusBoardDeal(part.focusBoard, deal);
      if (!deal.isClosed) addCompetitorDeal(part.competitors, deal);
      // SCORING §15: the evidence counts deals closed in the window; criterion evidence with a
      // company whether scored or not, competitors, lost reasons and discounts when scored.
      if (!addEvidenceWindowDeal(part.window, deal, startMs)) return;
      addDealToEvidence(part.evidence, deal);
      addCriterionEvidenceDeal(part.criterionEvidence, deal);
      if (deal.tier === null) return;
      addCompetitorDeal(part.competitors, deal);
      addCustomersSayDeal(part.customersSay, deal);
      addDiscountBandDeal(part.discountBands, deal);
    },
    awaitsCompany: (companyId) => awaitsCompany(part.criterionEvidence, companyId),
    markPartial: (reason, sources) => markPartial(part.partial, reason, sources),
    part: () => part,
    finish: () => finishReview(part, setup),
  };
};
