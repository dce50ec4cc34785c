import { z } from 'zod';

import { Business, DreamGroup, FitWarning, Tier } from '../enums.ts';
import { ExceptionState } from '../scoring/schema.ts';
import { ExistingCustomerPolicy } from '../strategy/strategy-schema.ts';

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

/**
 * A company as the strategy review sees it: its stored score, not a fresh one — but for criterion
 * evidence (SCORING §15) the outcomes of the strategy's segment criteria on it today.
 */
export const ReviewCompany = z.object({
  id: Id,
  name: z.string().nullable(),
  ownerId: z.string().nullable(),
  tier: Tier.nullable().describe('strategy_fit_tier; null when the company was never scored'),
  segmentId: z.string().nullable(),
  version: Version.nullable().describe('strategy_fit_version; null when missing'),
  criteria: z
    .string()
    .nullable()
    .default(null)
    .describe(
      "The outcomes of the strategy's segment criteria on the company today, one character per criterion in document order (m match, x miss, u unknown; companyCriterionOutcomes); null when not scored for the review",
    ),
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
  // SCORING §15: what the focus board, existing customers, competitors, what customers say, the
  // discount bands and criterion evidence read. Defaults: what a deal scored before §10–§15 has.
  focus: z.boolean().default(false).describe('strategy_fit_focus'),
  warnings: z.array(FitWarning).default([]).describe('strategy_fit_warnings'),
  openQuestions: z
    .array(DreamGroup)
    .default([])
    .describe('strategy_fit_open_questions: the unanswered dream-test questions'),
  competitors: z
    .array(z.string())
    .nullable()
    .default(null)
    .describe('strategy_fit_competitors: competitor ids (other included); null when not scored'),
  business: Business.nullable().default(null).describe('strategy_fit_business; null when missing'),
  closedLostReason: z
    .string()
    .nullable()
    .default(null)
    .describe("HubSpot's closed_lost_reason, trimmed; null when empty"),
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

/** A side that wins more often than dream deals (docs/strategy.md, miscalibration). */
export const DreamBelow = z.object({
  tier: z
    .enum(['fit', 'stretch', 'off_strategy'])
    .describe('fit and stretch: that tier; off_strategy: every deal with offStrategy true'),
  ...WinRecord.shape,
});
export type DreamBelow = z.output<typeof DreamBelow>;

export const Miscalibration = z.object({
  completeness: Completeness,
  status: MiscalibrationStatus,
  warning: z
    .boolean()
    .describe(
      'Off-strategy deals win at least as often as fit deals, or dream deals less often than fit, stretch or off-strategy deals',
    ),
  minClosedDeals: Count,
  fitDeals: WinRecord.describe('Tiers dream and fit together'),
  offStrategyDeals: WinRecord,
  offStrategyAsOftenAsFit: z
    .boolean()
    .describe('SCORING §9: off-strategy deals win at least as often as fit deals (20+ each)'),
  dreamDeals: WinRecord.describe('The dream tier alone'),
  dreamBelow: z
    .array(DreamBelow)
    .describe(
      'Sides with 20+ closed deals that win more often than dream deals (20+): fit, stretch, off_strategy',
    ),
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
  windowStartMs: EpochMs.describe(
    'nowMs − the evidence window (365 days by default); deals closed at or after it count',
  ),
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

// ---------------------------------------------------------------------------------------------
// SCORING §13, §15: the focus guard and the review additions.
// ---------------------------------------------------------------------------------------------

/** The focus guard's warnings (SCORING §13), in their order. */
export const FocusWarningCode = z.enum(['refuses_nobody', 'no_exclusions', 'accepts_most']);
export type FocusWarningCode = z.output<typeof FocusWarningCode>;

/** One focus-guard warning with the spec's wording. Warnings, never errors. */
export const FocusWarning = z.object({ code: FocusWarningCode, message: z.string() });
export type FocusWarning = z.output<typeof FocusWarning>;

/** SCORING §13 over the companies a simulation or review scores (refused included). */
export const FocusGuardFigure = z.object({
  companies: Count.describe('Scored companies counted (never scored ones are not)'),
  dreamOrFit: Count,
  stretchOrNeedsData: Count,
  refusedOrOffStrategy: Count,
  acceptedShare: Share.nullable().describe('dreamOrFit / companies; null without companies'),
  maxAcceptedPercent: z.number().int().min(1).max(100),
  warnings: z.array(FocusWarning),
});
export type FocusGuardFigure = z.output<typeof FocusGuardFigure>;

export const FocusGuardReview = FocusGuardFigure.extend({ completeness: Completeness });
export type FocusGuardReview = z.output<typeof FocusGuardReview>;

/** SCORING §15: which closed deals the evidence counts, and that it says so. */
export const EvidenceWindow = z.object({
  completeness: Completeness,
  days: z.number().int().min(1).describe('evidenceWindowDays (default 365)'),
  startMs: EpochMs.describe('nowMs − days; deals closed at or after it count'),
  closedInWindow: Count,
  closedBefore: Count.describe('Closed before the window: counted in no evidence'),
  closedWithoutDate: Count.describe('Closed deals without a close date: counted in no evidence'),
  note: z.string().describe('“Evidence counts deals closed in the last 365 days (since …).”'),
});
export type EvidenceWindow = z.output<typeof EvidenceWindow>;

export const QuestionAmount = z.object({
  question: DreamGroup,
  text: z.string().describe('“Can they pay?”'),
  ...AmountTotal.shape,
});
export type QuestionAmount = z.output<typeof QuestionAmount>;

export const OwnerSplit = AmountTotal.extend({ byOwner: z.array(OwnerAmount) });
export type OwnerSplit = z.output<typeof OwnerSplit>;

export const WarningSplit = OwnerSplit.extend({
  warning: z.enum(['price_competition', 'offer_outside_segment']),
});
export type WarningSplit = z.output<typeof WarningSplit>;

/** SCORING §15 focus board: "where the best resources should go this week" (open deals). */
export const FocusBoard = z.object({
  completeness: Completeness,
  focusDeals: OwnerSplit.describe('Open deals with focus true, by owner'),
  unanswered: AmountTotal.extend({
    byQuestion: z.array(QuestionAmount).describe('need, abilityToPay, urgency'),
  }).describe(
    'Open dream and fit deals with an unanswered dream-test question; a deal counts once in the total and under each of its questions',
  ),
  warnings: z
    .array(WarningSplit)
    .describe('Open deals with price_competition, then offer_outside_segment, by owner'),
});
export type FocusBoard = z.output<typeof FocusBoard>;

/** SCORING §12, §15: open off-strategy existing-business deals kept under policy retain. */
export const ExistingCustomersReview = z.object({
  completeness: Completeness,
  policy: ExistingCustomerPolicy,
  total: AmountTotal.describe('Always empty under policy score: those deals are pipeline'),
  byReason: z.array(ReasonAmount),
  byOwner: z.array(OwnerAmount),
});
export type ExistingCustomersReview = z.output<typeof ExistingCustomersReview>;

export const CompetitorSegment = WinRecord.extend({
  segmentId: z.string().nullable(),
  segmentName: z.string().nullable(),
  targeted: z.boolean().describe("The segment is one of the competitor's targets"),
});
export type CompetitorSegment = z.output<typeof CompetitorSegment>;

export const CompetitorRow = WinRecord.extend({
  competitorId: z.string().describe('"other": values no competitor lists'),
  name: z.string().nullable().describe("The strategy's name; null for other and unknown ids"),
  open: AmountTotal.describe('Open deals with this competitor'),
  bySegment: z.array(CompetitorSegment).describe('Closed deals per segment with this competitor'),
});
export type CompetitorRow = z.output<typeof CompetitorRow>;

export const LossRow = WinRecord.extend({
  competitorId: z.string(),
  name: z.string().nullable(),
  lost: Count,
  segments: z
    .array(CompetitorSegment)
    .describe('The segments where we lost against it, most losses first'),
});
export type LossRow = z.output<typeof LossRow>;

/** SCORING §15 competitors: per competitor (and "other") × segment over closed deals. */
export const CompetitorReview = z.object({
  completeness: Completeness,
  overall: WinRecord.describe('Every closed, scored deal in the window'),
  withoutCompetitor: WinRecord.describe('Closed deals in the window that name no competitor'),
  minClosedDeals: Count,
  rows: z
    .array(CompetitorRow)
    .describe("The strategy's competitors in order, then other ids seen, then other"),
  whereWeLose: z
    .array(LossRow)
    .describe(
      'Competitors with at least 10 closed deals whose win rate for us is below the overall one, lowest first',
    ),
});
export type CompetitorReview = z.output<typeof CompetitorReview>;

export const LostReasonRow = z.object({
  reason: z
    .string()
    .describe('The most frequent spelling of the grouped texts (trimmed), ties in code-unit order'),
  ...AmountTotal.shape,
});
export type LostReasonRow = z.output<typeof LostReasonRow>;

export const SegmentLostReasons = z.object({
  segmentId: z.string().nullable(),
  name: z.string().nullable(),
  lost: AmountTotal,
  withoutReason: AmountTotal.describe('Lost deals without a closed_lost_reason'),
  reasons: z.array(LostReasonRow).describe('The most frequent, at most 5'),
  otherReasons: AmountTotal.describe('Lost deals with a reason outside the five'),
  distinctReasons: Count,
  capped: z
    .boolean()
    .describe('More distinct reasons than are tallied: late new reasons count in otherReasons'),
});
export type SegmentLostReasons = z.output<typeof SegmentLostReasons>;

/** SCORING §15 what customers say: closed_lost_reason of lost deals, per segment. */
export const CustomersSay = z.object({
  completeness: Completeness,
  maxReasons: Count,
  segments: z.array(SegmentLostReasons),
});
export type CustomersSay = z.output<typeof CustomersSay>;

/** SCORING §15 discount bands, lowest first. */
export const DiscountBand = z.enum([
  'under_5',
  'from_5_to_10',
  'from_10_to_20',
  'from_20',
  'unknown',
]);
export type DiscountBand = z.output<typeof DiscountBand>;

export const BandRecord = WinRecord.extend({ band: DiscountBand, label: z.string() });
export type BandRecord = z.output<typeof BandRecord>;

export const SegmentBands = z.object({
  segmentId: z.string().nullable(),
  name: z.string().nullable(),
  bands: z.array(BandRecord),
});
export type SegmentBands = z.output<typeof SegmentBands>;

/** SCORING §15 price the customer accepts: win rate and count by discount band, per segment. */
export const DiscountBands = z.object({
  completeness: Completeness,
  all: z.array(BandRecord).describe('Every segment together'),
  segments: z.array(SegmentBands),
});
export type DiscountBands = z.output<typeof DiscountBands>;

export const CriterionFlag = z.enum(['inverse', 'no_signal']);
export type CriterionFlag = z.output<typeof CriterionFlag>;

export const CriterionEvidenceRow = z.object({
  index: Count.describe("The criterion's position in its segment"),
  property: z.string(),
  object: z.enum(['company', 'deal']),
  label: z.string().describe("The manager's label, else the criterion in one line"),
  match: WinRecord,
  miss: WinRecord,
  unknown: WinRecord,
  ratio: z
    .number()
    .nullable()
    .describe('win rate (match) ÷ win rate (miss), where both sides have 20 closed deals'),
  flag: CriterionFlag.nullable(),
});
export type CriterionEvidenceRow = z.output<typeof CriterionEvidenceRow>;

/** SCORING §15 criterion evidence: "do we know what customers expect, or only think so?" */
export const CriterionEvidence = z.object({
  completeness: Completeness,
  minClosedDeals: Count,
  note: z.string().describe('That the flags use today’s data'),
  deals: Count.describe('Closed deals in the window with their company’s outcomes'),
  withoutOutcomes: Count.describe(
    "Closed deals in the window without their company's outcomes: no company, or not read",
  ),
  segments: z.array(
    z.object({
      segmentId: z.string(),
      name: z.string(),
      criteria: z.array(CriterionEvidenceRow),
    }),
  ),
});
export type CriterionEvidence = z.output<typeof CriterionEvidence>;

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
  focusGuard: FocusGuardReview.describe('SCORING §13, shown at the top'),
  evidenceWindow: EvidenceWindow,
  focusBoard: FocusBoard,
  existingCustomers: ExistingCustomersReview,
  competitors: CompetitorReview,
  customersSay: CustomersSay,
  discountBands: DiscountBands,
  criterionEvidence: CriterionEvidence,
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
  noCompany: SimulationCell.describe(
    'Open deals without a company (or whose company is gone): in no row, in the open pipeline',
  ),
  openPipeline: SimulationCell.describe(
    'Every open deal (the total plus no company): the review’s open pipeline',
  ),
});
export type SimulationMatrix = z.output<typeof SimulationMatrix>;
