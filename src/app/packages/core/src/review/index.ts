// The strategy review (SCORING §9): pure streaming accumulators over stored scores.
export {
  AmountTotal,
  BandRecord,
  CompetitorReview,
  CompetitorRow,
  CompetitorSegment,
  Completeness,
  CriterionEvidence,
  CriterionEvidenceRow,
  CriterionFlag,
  CustomersSay,
  DiscountBand,
  DiscountBands,
  EvidenceWindow,
  ExistingCustomersReview,
  FocusBoard,
  FocusGuardFigure,
  FocusGuardReview,
  FocusWarning,
  FocusWarningCode,
  LossRow,
  LostReasonRow,
  OwnerSplit,
  QuestionAmount,
  SegmentBands,
  SegmentLostReasons,
  WarningSplit,
  DreamCapacity,
  EvidenceStats,
  FalseNegativeRow,
  FalseNegatives,
  Lift,
  LiftFigure,
  LiftUnavailable,
  Miscalibration,
  MiscalibrationStatus,
  OffStrategyDealRow,
  OffStrategyPipeline,
  OwnerAmount,
  OwnerCapacity,
  PipelineSplit,
  ReasonAmount,
  ReviewCompany,
  ReviewDeal,
  ReviewOwner,
  ReviewSource,
  SegmentEvidence,
  SimulationCell,
  SimulationMatrix,
  SimulationRow,
  StageAmount,
  StaleScores,
  StrategyEvidence,
  StrategyReview,
  TierAmount,
  TierCount,
  TierDistribution,
  TierEvidence,
  TierLift,
  VersionCounts,
  WinRecord,
} from './schema.ts';
export {
  createReviewAccumulator,
  DEFAULT_MAX_DEAL_ROWS,
  emptyReviewPart,
  finishReview,
  mergeReviewParts,
  ReviewPart,
  ReviewSetup,
  reviewSetupOf,
} from './create-review-accumulator.ts';
export type { ReviewAccumulator, ReviewAccumulatorOptions } from './create-review-accumulator.ts';
export {
  createSimulationAccumulator,
  emptySimulationPart,
  mergeSimulationParts,
  SimulatedCompany,
  SimulationPart,
  simulationMatrixOf,
  simulationMoversOfPart,
} from './create-simulation-accumulator.ts';
export { MOVERS_CAP, SimulationMovers } from './simulation-movers.ts';
export type { OpenDeal, SimulationAccumulator } from './create-simulation-accumulator.ts';
export { SIMULATION_COMPANY_PROPERTIES, simulateCompany } from './simulate-company.ts';
export { MIN_CLOSED_DEALS } from './compare-win-rates.ts';
export { FALSE_NEGATIVE_WINDOW_DAYS } from './false-negatives.ts';
export { FIT_TIERS } from './strategy-evidence.ts';
export { isApprovedException } from './off-strategy-pipeline.ts';
// SCORING §12, §13, §15 (parts of the review above).
export { computeFocusGuard, simulationFocusGuard, strategyFocusWarnings } from './focus-guard.ts';
export type { TierCounts } from './focus-guard.ts';
export { companyCriterionOutcomes, CRITERION_EVIDENCE_NOTE } from './criterion-evidence.ts';
export { MIN_COMPETITOR_DEALS } from './competitor-review.ts';
export { MAX_LOST_REASONS, MAX_REASON_GROUPS } from './customers-say.ts';
export { discountBandOf } from './discount-bands.ts';
export { isRetainedDeal } from './existing-customers.ts';
export { evidenceWindowStartMs, isInEvidenceWindow } from './evidence-window.ts';
