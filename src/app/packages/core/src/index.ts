// @strategy-fit/core: the only public surface. Pure and synchronous; depends on zod only.
// The rules are ../../../../../shared/SCORING.md (normative); docs/strategy.md explains them.

export type { Result } from './result.ts';
export { err, ok } from './result.ts';

export {
  CriterionObject,
  DreamGroup,
  DreamOutcome,
  ExceptionStatus,
  FitWarning,
  Operator,
  Outcome,
  Priority,
  Tier,
  TIERS_BY_RANK,
  tierRank,
} from './enums.ts';
export { ErrorCode, StrategyFitError, strategyFitError } from './errors.ts';

export {
  DealChecksSchema,
  DreamCriterionSchema,
  DreamCustomerSchema,
  ExclusionSchema,
  ManagersSchema,
  MAX_STRATEGY_CHARS,
  PROPERTY_NAME_PATTERN,
  SegmentCriterionSchema,
  SegmentSchema,
  SLUG_PATTERN,
  StrategySchema,
} from './strategy/strategy-schema.ts';
export type {
  Criterion,
  CriterionInput,
  Exclusion,
  Segment,
  Strategy,
  StrategyInput,
} from './strategy/strategy-schema.ts';
export { StrategyIssue, StrategyIssueCode } from './strategy/issue-messages.ts';
export { parseStrategy, strategyIssuesError } from './strategy/parse-strategy.ts';
export { STRATEGY_SCHEMA_ID, strategyJsonSchema } from './strategy/strategy-json-schema.ts';
export { isStrategyManager } from './strategy/managers.ts';
export {
  checkStrategyProperties,
  StrategyPropertyIssue,
  StrategyPropertyIssueCode,
  strategyPropertyIssuesError,
} from './strategy/check-strategy-properties.ts';
export type { PortalDefinitions } from './strategy/check-strategy-properties.ts';

export { OPERATORS } from './criteria/operators.ts';
export type { OperatorSpec, Operands, ValueKind } from './criteria/operators.ts';

export {
  LineItemFacts,
  PropertyBag,
  PropertyDefinition,
  PropertyDefinitions,
  PropertyOption,
  RecordFacts,
} from './facts/schema.ts';

export {
  CompanyEvaluation,
  CompanyScore,
  CriterionResult,
  DataQualityFinding,
  DealFacts,
  DealScore,
  DreamGroupResult,
  ExceptionState,
  ExclusionResult,
  MissingProperty,
  SegmentResult,
  Todo,
  TodoKind,
} from './scoring/schema.ts';
export { compileStrategy, DREAM_QUESTIONS } from './scoring/compile-strategy.ts';
export type { CompiledStrategy } from './scoring/compile-strategy.ts';
export { evaluateCompany } from './scoring/evaluate-company.ts';
export { scoreCompany } from './scoring/score-company.ts';
export { pickDealCompanyId, scoreDeal } from './scoring/score-deal.ts';
export {
  EXCEPTION_NOTE_MIN_CHARS,
  EXCEPTION_PROPERTIES,
  EXCEPTION_VALIDITY_DAYS,
  exceptionDecisionProperties,
  exceptionFromProperties,
  exceptionRequestProperties,
} from './scoring/exception.ts';
export { NO_COMPANY_REASON, TIER_WORDS } from './scoring/reason.ts';
export { roundPercent } from './scoring/round-percent.ts';

export {
  companyFitProperties,
  dealFitProperties,
  FIT_PROPERTIES,
  FIT_PROPERTY_GROUP,
  FitPropertyDefinition,
  writtenFitProperties,
} from './writeback/fit-properties.ts';
export type { FitStamp } from './writeback/fit-properties.ts';
export { diffFitProperties } from './writeback/diff-fit-properties.ts';

export {
  isMissing,
  readBoolean,
  readDateMs,
  readNumber,
  isMultiSelect,
} from './values/read-value.ts';

export * from './review/index.ts';

export {
  CardUser,
  DecideExceptionParams,
  ExceptionResponse,
  ExceptionValue,
  FunctionError,
  functionResponse,
  RequestExceptionParams,
  ScoreRecordParams,
  ScoreRecordResponse,
  ScoreRecordValue,
  StrategyStamp,
} from './app-contract/schema.ts';

// The strategy editor (settings page): its contract and the pure helpers it shares with the CLI.
export {
  EditorIssue,
  EditorProperty,
  EditorTeam,
  EditorUser,
  EditorViewer,
  MAX_EDITOR_PARAMETERS_CHARS,
  MAX_HISTORY,
  PublishOutcome,
  SimulationCursor,
  StrategyEditorLoadParams,
  StrategyEditorLoadResponse,
  StrategyEditorLoadValue,
  StrategyPublishParams,
  StrategyPublishResponse,
  StrategyRollbackParams,
  StrategyRollbackResponse,
  StrategySimulateParams,
  StrategySimulateResponse,
  StrategySimulateValue,
  StrategyValidateParams,
  StrategyValidateResponse,
  StrategyValidateValue,
  VersionSummary,
} from './app-contract/strategy-editor.ts';
export { describeCriterion, diffCriteria, diffStrategies } from './strategy/diff-strategies.ts';
export type { ChangeKind, StrategyChange } from './strategy/diff-strategies.ts';
export { scoringReads, strategyProperties } from './strategy/strategy-properties.ts';
export { operatorsForProperty, propertyValueKind } from './strategy/operators-for-property.ts';

// The manager's app page ↔ its functions (strategy_review, rescore_stale): docs/review-page.md.
export {
  ExceptionsQueue,
  OwnerInfo,
  PipelineInfo,
  QueuedException,
  Requester,
  RescoreCursor,
  RescoreFailure,
  RescoreStaleParams,
  RescoreStaleResponse,
  RescoreStaleValue,
  ReviewCursor,
  ReviewFilters,
  ReviewReads,
  StrategyReviewChunk,
  StrategyReviewParams,
  StrategyReviewResponse,
  StrategyReviewValue,
} from './app-contract/review.ts';
export { addReviewChunk, reviewValueOf } from './app-contract/review-chunks.ts';
export type { ReviewChunks } from './app-contract/review-chunks.ts';
