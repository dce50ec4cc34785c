import { describe, expect, expectTypeOf, it } from 'vitest';

import * as core from './index.ts';
import type {
  CompanyEvaluation,
  CompanyScore,
  CompiledStrategy,
  DealFacts,
  DealScore,
  ExceptionState,
  RecordFacts,
  Result,
  Strategy,
  StrategyFitError,
  StrategyInput,
  StrategyIssue,
  Tier,
} from './index.ts';

describe('the public API of @strategy-fit/core', () => {
  it('exports the names other packages import', () => {
    const names = Object.keys(core)
      .filter((n) => !REVIEW_NAMES.has(n))
      .sort();
    expect(names).toMatchInlineSnapshot(`
      [
        "APP_WRITE_SOURCE_TYPE",
        "AppliedReviewFilters",
        "Business",
        "CompanyEvaluation",
        "CompanyScore",
        "CompetitorSchema",
        "CriterionObject",
        "CriterionResult",
        "DEFAULT_EVIDENCE_WINDOW_DAYS",
        "DEFAULT_EXISTING_CUSTOMER_CRITERIA",
        "DREAM_QUESTIONS",
        "DataQualityFinding",
        "DealChecksSchema",
        "DealCompetitor",
        "DealFacts",
        "DealScore",
        "DecideExceptionParams",
        "DreamCriterionSchema",
        "DreamCustomerSchema",
        "DreamGroup",
        "DreamGroupResult",
        "DreamOutcome",
        "EXCEPTION_INPUT_PROPERTIES",
        "EXCEPTION_NOTE_MAX_CHARS",
        "EXCEPTION_NOTE_MIN_CHARS",
        "EXCEPTION_PROPERTIES",
        "EXCEPTION_VALIDITY_DAYS",
        "EditorIssue",
        "EditorManager",
        "EditorProduct",
        "EditorProperty",
        "EditorTeam",
        "ErrorCode",
        "ExceptionEvent",
        "ExceptionEventKind",
        "ExceptionResponse",
        "ExceptionState",
        "ExceptionStatus",
        "ExceptionValue",
        "ExceptionsQueue",
        "ExclusionResult",
        "ExclusionSchema",
        "ExistingCustomerPolicy",
        "ExistingCustomersSchema",
        "FIT_PROPERTIES",
        "FIT_PROPERTY_GROUP",
        "FitPropertyDefinition",
        "FitWarning",
        "FocusGuardSchema",
        "FunctionError",
        "LINE_ITEM_PROPERTIES",
        "LineItemFacts",
        "LoadedPendingVersion",
        "MAX_EDITOR_PARAMETERS_CHARS",
        "MAX_EXCEPTION_VALIDITY_DAYS",
        "MAX_HISTORY",
        "MAX_PENDING",
        "MAX_PRODUCTS",
        "MAX_STRATEGY_CHARS",
        "ManagersSchema",
        "MissingProperty",
        "NO_COMPANY_REASON",
        "OPERATORS",
        "OTHER_COMPETITOR_ID",
        "OfferCheck",
        "OfferLineItem",
        "Operator",
        "Outcome",
        "OwnerInfo",
        "PROPERTY_NAME_PATTERN",
        "PendingVersion",
        "PipelineInfo",
        "PortalCriterionFigures",
        "PortalHolds",
        "PortalPart",
        "PositioningSchema",
        "Priority",
        "PropertyBag",
        "PropertyDefinition",
        "PropertyDefinitions",
        "PropertyOption",
        "PropertyVersion",
        "PublishOutcome",
        "QueuedException",
        "RecordFacts",
        "RequestExceptionParams",
        "Requester",
        "RescoreCursor",
        "RescoreFailure",
        "RescoreStaleParams",
        "RescoreStaleResponse",
        "RescoreStaleValue",
        "ReviewCursor",
        "ReviewFilters",
        "ReviewReads",
        "SETUP_STEP_LABELS",
        "SLUG_PATTERN",
        "STRATEGY_SCHEMA_ID",
        "ScoreRecordParams",
        "ScoreRecordResponse",
        "ScoreRecordValue",
        "SegmentCriterionSchema",
        "SegmentPositioning",
        "SegmentResult",
        "SegmentSchema",
        "SetupChange",
        "SetupStatus",
        "SetupStep",
        "SetupStepReport",
        "SimulationCursor",
        "StrategyEditorLoadParams",
        "StrategyEditorLoadResponse",
        "StrategyEditorLoadValue",
        "StrategyFitError",
        "StrategyFitSetupParams",
        "StrategyFitSetupResponse",
        "StrategyFitSetupValue",
        "StrategyIssue",
        "StrategyIssueCode",
        "StrategyProblem",
        "StrategyPropertyIssue",
        "StrategyPropertyIssueCode",
        "StrategyPublishConfirmParams",
        "StrategyPublishConfirmResponse",
        "StrategyPublishParams",
        "StrategyPublishResponse",
        "StrategyReviewChunk",
        "StrategyReviewParams",
        "StrategyReviewResponse",
        "StrategyReviewValue",
        "StrategyRollbackParams",
        "StrategyRollbackResponse",
        "StrategySchema",
        "StrategySimulateParams",
        "StrategySimulateResponse",
        "StrategySimulateValue",
        "StrategyStamp",
        "StrategyTemplate",
        "StrategyValidateParams",
        "StrategyValidateResponse",
        "StrategyValidateValue",
        "TIERS_BY_RANK",
        "TIER_TONE",
        "TIER_WORDS",
        "TOP_VALUES",
        "Tier",
        "Todo",
        "TodoKind",
        "UI_EDIT_SOURCE_TYPES",
        "VALUE_CAP",
        "VersionSummary",
        "addPortalCompany",
        "addPortalDeal",
        "addReviewChunk",
        "applyReviewFilters",
        "approvalExpiry",
        "approvalExpiryBounds",
        "approvalOf",
        "carriesStamp",
        "checkManager",
        "checkPublishApproval",
        "checkStrategy",
        "checkStrategyProperties",
        "closestOptions",
        "companyFitProperties",
        "compileStrategy",
        "dealFitProperties",
        "describeCriterion",
        "describeExceptionEvent",
        "describeVersion",
        "diffCriteria",
        "diffFitProperties",
        "diffStrategies",
        "emptyPortalPart",
        "err",
        "evidenceWindowDaysOf",
        "exceptionEventKey",
        "exceptionFromProperties",
        "exceptionProjection",
        "existingBusinessRefusal",
        "existingCustomersOf",
        "focusGuardOf",
        "formatAmount",
        "formatDay",
        "formatNumber",
        "functionResponse",
        "isAppWritten",
        "isApprovalActive",
        "isMissing",
        "isMultiSelect",
        "isStrategyManager",
        "latestVersion",
        "mergePortalParts",
        "normaliseWords",
        "ok",
        "operatorsForProperty",
        "parseStoredStrategy",
        "parseStrategy",
        "pendingChangedOutside",
        "pickDealCompanyId",
        "planDecision",
        "planRequest",
        "plural",
        "portalHoldsOf",
        "problemErrorCode",
        "propertyValueKind",
        "readBoolean",
        "readDateMs",
        "readNumber",
        "reviewValueOf",
        "roundPercent",
        "sameStrategy",
        "scoreCompany",
        "scoreDeal",
        "scoringReads",
        "strategyFitError",
        "strategyIssuesError",
        "strategyJsonSchema",
        "strategyProblemsError",
        "strategyProperties",
        "strategyPropertyErrorCode",
        "strategyPropertyIssuesError",
        "tierRank",
        "tierWord",
        "utcDayOf",
        "verifiedEdit",
        "writtenFitProperties",
      ]
    `);
  });

  it('declares each list once as a z.enum, with the type derived from it', () => {
    expect(core.Tier.options).toEqual([
      'dream',
      'fit',
      'stretch',
      'needs_data',
      'off_strategy',
      'refused',
    ]);
    expect(core.Outcome.options).toEqual(['match', 'miss', 'unknown']);
    expect(core.Priority.options).toEqual(['dream', 'core', 'opportunistic']);
    expect(core.FitWarning.options).toEqual([
      'price_competition',
      'deal_size_outside_segment',
      'missing_company',
      'offer_outside_segment',
    ]);
    expect(core.Business.options).toEqual(['new', 'existing']);
    expect(core.ExistingCustomerPolicy.options).toEqual(['retain', 'score']);
    expect(core.FocusWarningCode.options).toEqual([
      'refuses_nobody',
      'no_exclusions',
      'accepts_most',
    ]);
    expect(core.ExceptionStatus.options).toEqual(['requested', 'approved', 'rejected']);
    expect(core.Operator.options).toHaveLength(15);
    expectTypeOf<Tier>().toEqualTypeOf<
      'dream' | 'fit' | 'stretch' | 'needs_data' | 'off_strategy' | 'refused'
    >();
  });

  it('ranks tiers: refused lowest, dream highest', () => {
    expect(core.TIERS_BY_RANK).toEqual([
      'refused',
      'off_strategy',
      'needs_data',
      'stretch',
      'fit',
      'dream',
    ]);
    expect(core.tierRank('dream')).toBeGreaterThan(core.tierRank('fit'));
    expect(core.tierRank('refused')).toBe(0);
  });

  it('every product error code is one snake_case union', () => {
    expect(core.ErrorCode.options.every((c) => /^[a-z]+(_[a-z]+)*$/.test(c))).toBe(true);
    expectTypeOf<StrategyFitError>().toEqualTypeOf<{
      code: core.ErrorCode;
      message: string;
      path?: string | undefined;
      property?: string | undefined;
      objectType?: string | undefined;
      recordId?: string | undefined;
      retryAfterMs?: number | undefined;
    }>();
  });

  it('has the signatures the adapter, CLI, cards and functions build on', () => {
    expectTypeOf(core.parseStrategy).toEqualTypeOf<
      (input: unknown) => Result<Strategy, StrategyIssue[]>
    >();
    expectTypeOf(core.compileStrategy).toEqualTypeOf<(strategy: Strategy) => CompiledStrategy>();
    expectTypeOf(core.scoreCompany).toEqualTypeOf<
      (c: CompiledStrategy, f: RecordFacts) => CompanyScore
    >();
    expectTypeOf(core.scoreDeal).toEqualTypeOf<(c: CompiledStrategy, f: DealFacts) => DealScore>();
    expectTypeOf(core.exceptionFromProperties).returns.toEqualTypeOf<ExceptionState>();
    expectTypeOf(core.diffFitProperties).returns.toEqualTypeOf<Record<string, string> | null>();
    expectTypeOf(core.companyFitProperties).returns.toEqualTypeOf<Record<string, string>>();
    expectTypeOf<CompanyScore>().toExtend<CompanyEvaluation>();
    expectTypeOf<StrategyInput['thresholds']>().toEqualTypeOf<
      { fit?: number; stretch?: number } | undefined
    >();
    expectTypeOf<Strategy['thresholds']>().toEqualTypeOf<{ fit: number; stretch: number }>();
  });
});

// Names exported by the review module (another engineer's part of the core).
const REVIEW_NAMES = new Set(Object.keys(await import('./review/index.ts')));
