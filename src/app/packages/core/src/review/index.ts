// The strategy review (SCORING §9): pure streaming accumulators over stored scores.
export {
  AmountTotal,
  Completeness,
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
} from './create-simulation-accumulator.ts';
export type { OpenDeal, SimulationAccumulator } from './create-simulation-accumulator.ts';
export { simulateCompany } from './simulate-company.ts';
export { MIN_CLOSED_DEALS } from './compare-win-rates.ts';
export { FALSE_NEGATIVE_WINDOW_DAYS } from './false-negatives.ts';
export { FIT_TIERS } from './strategy-evidence.ts';
export { isApprovedException } from './off-strategy-pipeline.ts';
