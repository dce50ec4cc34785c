// @strategy-fit/core: the only public surface. Pure and synchronous; depends on zod only.
// The rules are ../../../../../shared/SCORING.md (normative); docs/strategy.md explains them.

export type { Result } from './result.ts';
export { err, ok } from './result.ts';

export {
  Business,
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
  CompetitorSchema,
  DealChecksSchema,
  DEFAULT_EVIDENCE_WINDOW_DAYS,
  DEFAULT_EXISTING_CUSTOMER_CRITERIA,
  DreamCriterionSchema,
  DreamCustomerSchema,
  ExclusionSchema,
  ExistingCustomerPolicy,
  ExistingCustomersSchema,
  FocusGuardSchema,
  ManagersSchema,
  MAX_STRATEGY_CHARS,
  OTHER_COMPETITOR_ID,
  PositioningSchema,
  PROPERTY_NAME_PATTERN,
  SegmentCriterionSchema,
  SegmentSchema,
  SLUG_PATTERN,
  StrategySchema,
} from './strategy/strategy-schema.ts';
export type {
  Competitor,
  Criterion,
  CriterionInput,
  Exclusion,
  ExistingCustomers,
  FocusGuard,
  Positioning,
  Segment,
  Strategy,
  StrategyInput,
} from './strategy/strategy-schema.ts';
export {
  evidenceWindowDaysOf,
  existingCustomersOf,
  focusGuardOf,
} from './strategy/strategy-defaults.ts';
export { StrategyIssue, StrategyIssueCode } from './strategy/issue-messages.ts';
export {
  parseStoredStrategy,
  parseStrategy,
  strategyIssuesError,
} from './strategy/parse-strategy.ts';
export { STRATEGY_SCHEMA_ID, strategyJsonSchema } from './strategy/strategy-json-schema.ts';
export { isStrategyManager } from './strategy/managers.ts';
export {
  checkStrategyProperties,
  StrategyPropertyIssue,
  strategyPropertyErrorCode,
  StrategyPropertyIssueCode,
  strategyPropertyIssuesError,
} from './strategy/check-strategy-properties.ts';
export type { PortalDefinitions } from './strategy/check-strategy-properties.ts';
export {
  checkStrategy,
  problemErrorCode,
  StrategyProblem,
  strategyProblemsError,
} from './strategy/check-strategy.ts';
export type { StrategyCheck } from './strategy/check-strategy.ts';
export { sameStrategy } from './strategy/same-strategy.ts';

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
  DealCompetitor,
  DealFacts,
  DealScore,
  DreamGroupResult,
  ExceptionState,
  ExclusionResult,
  MissingProperty,
  OfferCheck,
  OfferLineItem,
  SegmentPositioning,
  SegmentResult,
  Todo,
  TodoKind,
} from './scoring/schema.ts';
export { compileStrategy, DREAM_QUESTIONS } from './scoring/compile-strategy.ts';
export type { CompiledStrategy } from './scoring/compile-strategy.ts';
export { scoreCompany } from './scoring/score-company.ts';
export { pickDealCompanyId, scoreDeal } from './scoring/score-deal.ts';
export {
  EXCEPTION_INPUT_PROPERTIES,
  EXCEPTION_NOTE_MAX_CHARS,
  EXCEPTION_NOTE_MIN_CHARS,
  EXCEPTION_PROPERTIES,
  exceptionFromProperties,
} from './scoring/exception.ts';
export {
  approvalExpiry,
  approvalExpiryBounds,
  EXCEPTION_VALIDITY_DAYS,
  isApprovalActive,
  MAX_EXCEPTION_VALIDITY_DAYS,
  utcDayOf,
} from './exceptions/expiry.ts';
export {
  describeExceptionEvent,
  ExceptionEvent,
  ExceptionEventKind,
  exceptionEventKey,
  exceptionProjection,
} from './exceptions/exception-event.ts';
export { planDecision, planRequest } from './exceptions/plan-transition.ts';
export { existingBusinessRefusal } from './scoring/existing-business.ts';
export {
  APP_WRITE_SOURCE_TYPE,
  describeVersion,
  isAppWritten,
  latestVersion,
  PropertyVersion,
  UI_EDIT_SOURCE_TYPES,
  verifiedEdit,
} from './authority/property-version.ts';
export type { VerifiedEdit } from './authority/property-version.ts';
export { checkManager } from './authority/check-manager.ts';
export {
  approvalOf,
  checkPublishApproval,
  pendingChangedOutside,
} from './authority/publish-approval.ts';
export type { PendingFacts } from './authority/publish-approval.ts';
export type { KnownUser, ManagerAction } from './authority/check-manager.ts';
export { NO_COMPANY_REASON, TIER_WORDS } from './scoring/reason.ts';
export { formatAmount, formatDay, formatNumber, plural, TIER_TONE, tierWord } from './format.ts';
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
export { carriesStamp, diffFitProperties } from './writeback/diff-fit-properties.ts';

export {
  isMissing,
  readBoolean,
  readDateMs,
  readNumber,
  isMultiSelect,
} from './values/read-value.ts';

export * from './review/index.ts';

export {
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
  EditorProduct,
  EditorProperty,
  EditorManager,
  EditorTeam,
  MAX_EDITOR_PARAMETERS_CHARS,
  LoadedPendingVersion,
  MAX_HISTORY,
  MAX_PENDING,
  MAX_PRODUCTS,
  PendingVersion,
  PublishOutcome,
  SimulationCursor,
  StrategyEditorLoadParams,
  StrategyEditorLoadResponse,
  StrategyEditorLoadValue,
  StrategyPublishConfirmParams,
  StrategyPublishConfirmResponse,
  StrategyPublishParams,
  StrategyPublishResponse,
  StrategyRollbackParams,
  StrategyRollbackResponse,
  StrategySimulateParams,
  StrategySimulateResponse,
  StrategySimulateValue,
  StrategyValidateParams,
  StrategyValidateResponse,
  StrategyTemplate,
  StrategyValidateValue,
  VersionSummary,
} from './app-contract/strategy-editor.ts';
// Setup from the settings page (strategy_fit_setup) and the CLI: the same steps.
export {
  SETUP_STEP_LABELS,
  SetupChange,
  SetupStatus,
  SetupStep,
  SetupStepReport,
  StrategyFitSetupParams,
  StrategyFitSetupResponse,
  StrategyFitSetupValue,
} from './app-contract/setup.ts';
export { describeCriterion, diffCriteria, diffStrategies } from './strategy/diff-strategies.ts';
export type { ChangeKind, StrategyChange } from './strategy/diff-strategies.ts';
export {
  LINE_ITEM_PROPERTIES,
  scoringReads,
  strategyProperties,
} from './strategy/strategy-properties.ts';
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
export { AppliedReviewFilters, applyReviewFilters } from './review/review-filters.ts';
export type { ReviewChunks } from './app-contract/review-chunks.ts';

// What the portal holds (issue 13): per criterion, its counts and the values it never matches.
export {
  addPortalCompany,
  addPortalDeal,
  emptyPortalPart,
  mergePortalParts,
  PortalCriterionFigures,
  PortalHolds,
  PortalPart,
  portalHoldsOf,
  TOP_VALUES,
  VALUE_CAP,
} from './portal/portal-tally.ts';
export { closestOptions, normaliseWords } from './strategy/closest-options.ts';
