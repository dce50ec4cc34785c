import { z } from 'zod';

import { Tier } from '../enums.ts';
import { ExceptionState } from '../scoring/schema.ts';

const Count = z.number().int().min(0);
const Id = z.string().min(1);
const Version = z.number().int().describe('A published strategy version number');
const Amount = z
  .number()
  .describe('Sum of the known deal amounts in the portal currency, summed in whole cents');
const Share = z.number().min(0).max(1);
const EpochMs = z.number().describe('Milliseconds since 1970-01-01T00:00:00Z');

// ---------------------------------------------------------------------------------------------
// Input: what the adapter (CLI) or an app function reads from the portal, one record at a time.
// ---------------------------------------------------------------------------------------------

/** A company as the strategy review sees it: its stored score, not a fresh one. */
export const ReviewCompany = z.object({
  id: Id,
  name: z.string().nullable(),
  ownerId: z.string().nullable(),
  tier: Tier.nullable().describe('strategy_fit_tier; null when the company was never scored'),
  segmentId: z.string().nullable(),
  version: Version.nullable().describe('strategy_fit_version; null when missing'),
});
export type ReviewCompany = z.output<typeof ReviewCompany>;

/** A deal as the strategy review sees it: its stored score, stage, amounts and dates. */
export const ReviewDeal = z.object({
  id: Id,
  name: z.string().nullable(),
  amount: z
    .number()
    .nullable()
    .describe('The deal amount in the portal currency; null when unknown'),
  ownerId: z.string().nullable(),
  pipelineId: z.string().nullable(),
  stageId: z.string().nullable(),
  stageLabel: z.string().nullable(),
  isClosed: z.boolean(),
  isWon: z.boolean().describe('Closed won; ignored when isClosed is false'),
  createdAtMs: EpochMs.nullable(),
  closedAtMs: EpochMs.nullable(),
  discountPercent: z
    .number()
    .nullable()
    .describe('Discount in percent (0..100); null when unknown'),
  tier: Tier.nullable().describe('strategy_fit_tier; null when the deal was never scored'),
  segmentId: z.string().nullable(),
  offStrategy: z.boolean().describe('strategy_fit_off_strategy (SCORING §6.4)'),
  reason: z.string().nullable(),
  exception: ExceptionState,
  companyId: z.string().nullable().describe("The deal's company (SCORING §7); null without one"),
  version: Version.nullable().describe('strategy_fit_version; null when missing'),
});
export type ReviewDeal = z.output<typeof ReviewDeal>;

/** A HubSpot owner (user), so owners without accounts still appear in dream capacity. */
export const ReviewOwner = z.object({ id: Id, name: z.string().nullable() });
export type ReviewOwner = z.output<typeof ReviewOwner>;

/** What a figure is computed from; a capped read of one source makes its figures partial. */
export const ReviewSource = z.enum(['companies', 'open_deals', 'closed_deals']);
export type ReviewSource = z.output<typeof ReviewSource>;

// ---------------------------------------------------------------------------------------------
// Output: the strategy review (SCORING §9).
// ---------------------------------------------------------------------------------------------

/** Whether a figure saw every record it needs, and if not, why. */
export const Completeness = z.object({
  partial: z.boolean(),
  reasons: z.array(z.string()).describe('Why the figure is partial, in the order first reported'),
});
export type Completeness = z.output<typeof Completeness>;

/** Deals counted with their amount; deals without an amount count but add nothing. */
export const AmountTotal = z.object({
  count: Count,
  amount: Amount,
  withoutAmount: Count.describe('Deals counted whose amount is unknown'),
});
export type AmountTotal = z.output<typeof AmountTotal>;

export const OwnerAmount = z.object({ ownerId: z.string().nullable(), ...AmountTotal.shape });
export type OwnerAmount = z.output<typeof OwnerAmount>;

export const StageAmount = z.object({
  pipelineId: z.string().nullable(),
  stageId: z.string().nullable(),
  stageLabel: z.string().nullable().describe('The first label in code-unit order the deals carry'),
  ...AmountTotal.shape,
});
export type StageAmount = z.output<typeof StageAmount>;

export const ReasonAmount = z.object({
  tier: Tier.nullable(),
  reason: z
    .string()
    .nullable()
    .describe(
      'The refusing exclusion reason; null for tier off_strategy (no segment reaches stretch)',
    ),
  ...AmountTotal.shape,
});
export type ReasonAmount = z.output<typeof ReasonAmount>;

/** One side of the off-strategy pipeline (SCORING §9), with its totals by owner, stage and reason. */
export const PipelineSplit = AmountTotal.extend({
  byOwner: z.array(OwnerAmount),
  byStage: z.array(StageAmount),
  byReason: z.array(ReasonAmount),
});
export type PipelineSplit = z.output<typeof PipelineSplit>;

/** One open off-strategy deal, for a list that links each record. */
export const OffStrategyDealRow = z.object({
  dealId: Id,
  name: z.string().nullable(),
  amount: z.number().nullable(),
  ownerId: z.string().nullable(),
  pipelineId: z.string().nullable(),
  stageId: z.string().nullable(),
  stageLabel: z.string().nullable(),
  tier: Tier.nullable(),
  reason: z.string().nullable(),
  approved: z.boolean().describe('An approved, unexpired exception (SCORING §7)'),
  exception: ExceptionState,
  companyId: z.string().nullable(),
});
export type OffStrategyDealRow = z.output<typeof OffStrategyDealRow>;

export const OffStrategyPipeline = z.object({
  completeness: Completeness,
  total: AmountTotal,
  unapproved: PipelineSplit.describe('Including expired approvals, requests and rejections'),
  approved: PipelineSplit.describe('Approved, unexpired exceptions'),
  deals: z.array(OffStrategyDealRow).describe('Largest amount first, then deal id'),
  dealsOmitted: Count.describe('Deals beyond the row limit; they still count in every total'),
});
export type OffStrategyPipeline = z.output<typeof OffStrategyPipeline>;

export const TierCount = z.object({
  tier: Tier.nullable().describe('null: never scored'),
  count: Count,
});
export type TierCount = z.output<typeof TierCount>;

export const TierAmount = z.object({
  tier: Tier.nullable().describe('null: never scored'),
  ...AmountTotal.shape,
});
export type TierAmount = z.output<typeof TierAmount>;

export const TierDistribution = z.object({
  companies: z.object({
    completeness: Completeness,
    total: Count,
    rows: z.array(TierCount).describe('dream … refused, then never scored'),
  }),
  openDeals: z.object({
    completeness: Completeness,
    total: AmountTotal,
    rows: z.array(TierAmount).describe('dream … refused, then never scored'),
  }),
});
export type TierDistribution = z.output<typeof TierDistribution>;

/** What closed deals of one group say about the strategy (SCORING §9). */
export const EvidenceStats = z.object({
  closed: Count,
  won: Count,
  winRate: Share.nullable().describe('won / closed; null without closed deals'),
  medianCycleDays: z.number().nullable().describe('Median of (closed − created) in days'),
  cycleKnown: Count.describe('Closed deals with both dates known and close not before create'),
  averageAmount: z.number().nullable(),
  amountKnown: Count,
  averageDiscountPercent: z.number().nullable(),
  discountKnown: Count,
});
export type EvidenceStats = z.output<typeof EvidenceStats>;

export const TierEvidence = z.object({ tier: Tier, ...EvidenceStats.shape });
export type TierEvidence = z.output<typeof TierEvidence>;

export const SegmentEvidence = z.object({
  segmentId: z.string().nullable().describe('null: deals without a segment'),
  name: z.string().nullable().describe("The segment's name in the strategy; null when unknown"),
  ...EvidenceStats.shape,
});
export type SegmentEvidence = z.output<typeof SegmentEvidence>;

export const StrategyEvidence = z.object({
  completeness: Completeness,
  byTier: z.array(TierEvidence).describe('Every tier, dream first'),
  bySegment: z
    .array(SegmentEvidence)
    .describe('Strategy segments in document order, then other ids, then no segment'),
  fitDeals: EvidenceStats.describe('Tiers dream and fit together'),
  offStrategyDeals: EvidenceStats.describe('Deals with offStrategy true'),
  unscoredClosed: Count.describe('Closed deals never scored: counted nowhere else'),
});
export type StrategyEvidence = z.output<typeof StrategyEvidence>;

/** Won and closed deals of one side of a comparison. */
export const WinRecord = z.object({ closed: Count, won: Count, winRate: Share.nullable() });
export type WinRecord = z.output<typeof WinRecord>;

export const MiscalibrationStatus = z.enum(['miscalibrated', 'consistent', 'insufficient_data']);
export type MiscalibrationStatus = z.output<typeof MiscalibrationStatus>;

export const Miscalibration = z.object({
  completeness: Completeness,
  status: MiscalibrationStatus,
  warning: z.boolean().describe('Off-strategy deals win at least as often as fit deals'),
  minClosedDeals: Count,
  fitDeals: WinRecord,
  offStrategyDeals: WinRecord,
});
export type Miscalibration = z.output<typeof Miscalibration>;

export const LiftUnavailable = z.enum([
  'too_few_off_strategy_deals',
  'too_few_deals',
  'no_off_strategy_wins',
]);
export type LiftUnavailable = z.output<typeof LiftUnavailable>;

export const LiftFigure = WinRecord.extend({
  lift: z.number().min(0).nullable().describe('winRate ÷ the off-strategy win rate'),
  unavailable: LiftUnavailable.nullable().describe('Why lift is null'),
});
export type LiftFigure = z.output<typeof LiftFigure>;

export const TierLift = z.object({ tier: Tier, ...LiftFigure.shape });
export type TierLift = z.output<typeof TierLift>;

export const Lift = z.object({
  completeness: Completeness,
  minClosedDeals: Count,
  baseline: WinRecord.describe('Off-strategy deals'),
  fitDeals: LiftFigure.describe('Tiers dream and fit together: "Fit deals win 2.6x as often"'),
  byTier: z.array(TierLift).describe('dream, fit, stretch, needs_data'),
});
export type Lift = z.output<typeof Lift>;

export const FalseNegativeRow = z.object({
  dealId: Id,
  dealName: z.string().nullable(),
  amount: z.number().nullable(),
  closedAtMs: EpochMs,
  ownerId: z.string().nullable(),
  companyId: z.string().nullable(),
  companyName: z.string().nullable(),
  companyTier: z.enum(['off_strategy', 'refused']),
  dealTier: Tier.nullable().describe('The tier the deal carries'),
});
export type FalseNegativeRow = z.output<typeof FalseNegativeRow>;

export const FalseNegatives = z.object({
  completeness: Completeness,
  windowStartMs: EpochMs.describe('nowMs − 365 days; deals closed at or after it count'),
  total: AmountTotal,
  deals: z.array(FalseNegativeRow).describe('Largest amount first, then deal id'),
  dealsOmitted: Count,
  withoutCloseDate: Count.describe('Won deals of such companies whose close date is unknown'),
});
export type FalseNegatives = z.output<typeof FalseNegatives>;

export const OwnerCapacity = z.object({
  ownerId: z.string().nullable().describe('null: companies without an owner'),
  ownerName: z.string().nullable(),
  scoredAccounts: Count,
  dreamAccounts: Count,
  dreamShare: Share.nullable().describe('dreamAccounts / scoredAccounts'),
  overCap: z.boolean(),
  noFocus: z.boolean().describe('At least every second scored account is dream (half or more)'),
});
export type OwnerCapacity = z.output<typeof OwnerCapacity>;

export const DreamCapacity = z.object({
  completeness: Completeness,
  capPerOwner: z.number().int().min(1).nullable().describe('dreamCapacityPerOwner, if set'),
  owners: z
    .array(OwnerCapacity)
    .describe('Most dream accounts first, then owner id; no owner last'),
  ownersOverCap: Count,
  ownersWithoutFocus: Count,
});
export type DreamCapacity = z.output<typeof DreamCapacity>;

export const VersionCounts = z.object({
  total: Count,
  stale: Count.describe('older + missingVersion'),
  current: Count,
  older: Count,
  missingVersion: Count,
  newer: Count.describe('A version above the published one (should not happen)'),
});
export type VersionCounts = z.output<typeof VersionCounts>;

export const StaleScores = z.object({
  completeness: Completeness,
  publishedVersion: Version,
  companies: VersionCounts,
  deals: VersionCounts,
});
export type StaleScores = z.output<typeof StaleScores>;

/** The strategy review (SCORING §9): what managers see. */
export const StrategyReview = z.object({
  strategyName: z.string(),
  publishedVersion: Version,
  nowMs: EpochMs,
  completeness: Completeness.describe('Whether every figure is complete'),
  owners: z.array(ReviewOwner).describe('Owners given to the review, by id'),
  totals: z.object({
    companies: Count,
    deals: Count,
    openDeals: AmountTotal,
    closedDeals: Count,
  }),
  offStrategyPipeline: OffStrategyPipeline,
  tierDistribution: TierDistribution,
  strategyEvidence: StrategyEvidence,
  miscalibration: Miscalibration,
  lift: Lift,
  falseNegatives: FalseNegatives,
  dreamCapacity: DreamCapacity,
  staleScores: StaleScores,
});
export type StrategyReview = z.output<typeof StrategyReview>;

// ---------------------------------------------------------------------------------------------
// Simulation: old tier → new tier before publishing (SCORING §9, last bullet).
// ---------------------------------------------------------------------------------------------

export const SimulationCell = z.object({
  companies: Count,
  openDeals: Count,
  openAmount: Amount,
});
export type SimulationCell = z.output<typeof SimulationCell>;

export const SimulationRow = z.object({
  oldTier: Tier.nullable(),
  cells: z.array(z.object({ newTier: Tier, ...SimulationCell.shape })).describe('dream … refused'),
  total: SimulationCell,
});
export type SimulationRow = z.output<typeof SimulationRow>;

export const SimulationMatrix = z.object({
  rows: z.array(SimulationRow).describe('dream … refused, then never scored'),
  columns: z.array(z.object({ newTier: Tier, total: SimulationCell })),
  total: SimulationCell,
  unchanged: SimulationCell,
  changed: SimulationCell.describe('Scored companies whose tier changes'),
  upgraded: SimulationCell.describe('Changed to a better tier'),
  downgraded: SimulationCell.describe('Changed to a worse tier'),
  newlyScored: SimulationCell.describe('Never scored before'),
});
export type SimulationMatrix = z.output<typeof SimulationMatrix>;
