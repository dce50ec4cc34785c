// HubSpot records as the strategy review sees them (SCORING §9): the stored `strategy_fit_*`
// scores of companies and deals, with a deal's stage metadata from the pipelines. Shared by the CLI
// (`strategy-fit report`) and the app function `strategy_review`, so both read the same figures.
import {
  Business,
  DreamGroup,
  exceptionFromProperties,
  FitWarning,
  isMissing,
  readDateMs,
  readNumber,
  Tier,
} from '@strategy-fit/core';
import type { ReviewCompany, ReviewDeal, ReviewOwner } from '@strategy-fit/core';

/** The company properties the review reads. */
export const REVIEW_COMPANY_PROPERTIES: readonly string[] = [
  'name',
  'hubspot_owner_id',
  'strategy_fit_tier',
  'strategy_fit_segment',
  'strategy_fit_version',
];

/** The deal properties the review reads (the exception's audit trail is read apart: it is long). */
export const REVIEW_DEAL_PROPERTIES: readonly string[] = [
  'dealname',
  'amount',
  'hubspot_owner_id',
  'pipeline',
  'dealstage',
  'createdate',
  'closedate',
  'strategy_fit_tier',
  'strategy_fit_segment',
  'strategy_fit_off_strategy',
  'strategy_fit_reason',
  'strategy_fit_version',
  'strategy_fit_discount_percent',
  'strategy_fit_exception',
  'strategy_fit_exception_note',
  'strategy_fit_exception_by',
  'strategy_fit_exception_expires',
  // SCORING §15: the focus board, existing customers, competitors and what customers say.
  'strategy_fit_focus',
  'strategy_fit_warnings',
  'strategy_fit_open_questions',
  'strategy_fit_competitors',
  'strategy_fit_business',
  'closed_lost_reason',
];

/** A record's property bag, as every read of the adapter returns it. */
type RecordLike = { id: string; properties: Readonly<Record<string, string | null>> };

/** A stage's metadata: its pipeline, label, and whether it is closed, won. */
export type ReviewStage = { pipelineId: string; label: string; isClosed: boolean; isWon: boolean };

/** The pipelines' stages, by `pipeline/stage` and by stage id alone (the first pipeline wins). */
export type StageIndex = ReadonlyMap<string, ReviewStage>;

type PipelineLike = {
  id: string;
  stages: readonly { id: string; label: string; isClosed: boolean; isWon: boolean }[];
};

/** Stage metadata by stage id, and by `pipeline/stage` where ids repeat across pipelines. */
export const stageIndex = (pipelines: readonly PipelineLike[]): StageIndex => {
  const stages = new Map<string, ReviewStage>();
  for (const p of pipelines) {
    for (const s of p.stages) {
      const stage = { pipelineId: p.id, label: s.label, isClosed: s.isClosed, isWon: s.isWon };
      stages.set(`${p.id}/${s.id}`, stage);
      if (!stages.has(s.id)) stages.set(s.id, stage);
    }
  }
  return stages;
};

/** A deal's stage by its pipeline and stage ids; null when the stage is unknown. */
export const stageOf = (
  stages: StageIndex,
  pipelineId: string | null,
  stageId: string | null,
): ReviewStage | null =>
  stageId === null
    ? null
    : (stages.get(`${pipelineId ?? ''}/${stageId}`) ?? stages.get(stageId) ?? null);

/** A property value, trimmed; null when HubSpot has none (SCORING §3). */
export const textOf = (raw: string | null | undefined): string | null =>
  isMissing(raw) ? null : raw.trim();

const tierOf = (raw: string | null | undefined): Tier | null => {
  const parsed = Tier.safeParse(textOf(raw));
  return parsed.success ? parsed.data : null;
};

const versionOf = (raw: string | null | undefined): number | null => {
  const t = textOf(raw);
  const n = t === null ? null : readNumber(t);
  return n !== null && Number.isInteger(n) ? n : null;
};

const numberOf = (raw: string | null | undefined): number | null => {
  const t = textOf(raw);
  return t === null ? null : readNumber(t);
};

const dateOf = (raw: string | null | undefined): number | null => {
  const t = textOf(raw);
  return t === null ? null : readDateMs(t);
};

/** A `;`-separated value's distinct trimmed elements (HubSpot checkbox values, SCORING §3). */
const listOf = (raw: string | null | undefined): string[] => {
  const t = textOf(raw);
  return t === null
    ? []
    : [
        ...new Set(
          t
            .split(';')
            .map((x) => x.trim())
            .filter((x) => x !== ''),
        ),
      ];
};

/** The elements of a stored list that an enum knows, in the enum's order (unknown values dropped). */
const enumListOf = <T extends string>(
  options: readonly T[],
  raw: string | null | undefined,
): T[] => {
  const values = listOf(raw);
  return options.filter((o) => values.includes(o));
};

type OwnerLike = {
  id: string;
  firstName?: string | null;
  lastName?: string | null;
  email?: string | null;
};

/**
 * An owner's name: first and last name, else null — never the email: the review travels to every
 * page user (issue 10). The CLI, which holds the portal's token, may show the email instead.
 */
export const reviewOwnerName = (o: OwnerLike): string | null =>
  [o.firstName, o.lastName].filter((p) => p !== null && p !== undefined && p !== '').join(' ') ||
  null;

/** An owner as the review lists it (dream capacity shows owners without accounts too). */
export const toReviewOwner = (o: OwnerLike): ReviewOwner => ({
  id: o.id,
  name: reviewOwnerName(o),
});

/** A company's stored score (SCORING §8) as the review reads it. */
export const toReviewCompany = (r: RecordLike): ReviewCompany => ({
  id: r.id,
  name: textOf(r.properties['name']),
  ownerId: textOf(r.properties['hubspot_owner_id']),
  tier: tierOf(r.properties['strategy_fit_tier']),
  segmentId: textOf(r.properties['strategy_fit_segment']),
  version: versionOf(r.properties['strategy_fit_version']),
  // Criterion evidence (SCORING §15) scores the company apart (the walk's review phases).
  criteria: null,
});

/** What a deal's review row needs besides the deal itself. */
export type ReviewDealContext = {
  stages: StageIndex;
  /** The deal's company (SCORING §7), when known. */
  companyId: string | null;
  /** "Now" for the exception's expiry (SCORING §7). */
  nowMs: number;
};

/** A deal's stored score (SCORING §8), stage, amounts, dates and exception, as the review reads it. */
export const toReviewDeal = (r: RecordLike, ctx: ReviewDealContext): ReviewDeal => {
  const p = r.properties;
  const pipelineId = textOf(p['pipeline']);
  const stageId = textOf(p['dealstage']);
  const stage = stageOf(ctx.stages, pipelineId, stageId);
  const isClosed = stage?.isClosed ?? false;
  return {
    id: r.id,
    name: textOf(p['dealname']),
    amount: numberOf(p['amount']),
    ownerId: textOf(p['hubspot_owner_id']),
    pipelineId,
    stageId,
    stageLabel: stage?.label ?? null,
    isClosed,
    isWon: isClosed && (stage?.isWon ?? false),
    createdAtMs: dateOf(p['createdate']),
    closedAtMs: isClosed ? dateOf(p['closedate']) : null,
    // The discount scoring saw (line items, else the strategy's discount property).
    discountPercent: numberOf(p['strategy_fit_discount_percent']),
    tier: tierOf(p['strategy_fit_tier']),
    segmentId: textOf(p['strategy_fit_segment']),
    offStrategy: textOf(p['strategy_fit_off_strategy'])?.toLowerCase() === 'true',
    reason: textOf(p['strategy_fit_reason']),
    exception: exceptionFromProperties(p, ctx.nowMs),
    companyId: ctx.companyId,
    version: versionOf(p['strategy_fit_version']),
    focus: textOf(p['strategy_fit_focus'])?.toLowerCase() === 'true',
    warnings: enumListOf(FitWarning.options, p['strategy_fit_warnings']),
    openQuestions: enumListOf(DreamGroup.options, p['strategy_fit_open_questions']),
    // A deal scored before SCORING §11 has no competitors stored: null, not "none".
    competitors:
      textOf(p['strategy_fit_version']) === null ? null : listOf(p['strategy_fit_competitors']),
    business: Business.safeParse(textOf(p['strategy_fit_business'])).data ?? null,
    closedLostReason: textOf(p['closed_lost_reason']),
  };
};
