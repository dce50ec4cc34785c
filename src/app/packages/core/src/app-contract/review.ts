import { z } from 'zod';

import { ErrorCode } from '../errors.ts';
import { Tier } from '../enums.ts';
import { Completeness, StrategyReview, TierCount } from '../review/schema.ts';
import { FunctionError, functionResponse, StrategyStamp } from './schema.ts';

// The contract between the manager's app page (src/app/pages) and its two app functions,
// `strategy_review` and `rescore_stale` (docs/review-page.md, docs/rescoring.md). Deciding an
// exception from the page reuses `decide_exception` and its contract (schema.ts).

const Count = z.number().int().min(0);
const RecordId = z.string().regex(/^[1-9][0-9]{0,18}$/, 'a HubSpot record id (digits)');

/** Narrows the review: deals of one owner and/or one pipeline; companies of that owner. */
export const ReviewFilters = z.strictObject({
  ownerId: z
    .string()
    .regex(/^[0-9]{1,19}$/, 'a HubSpot owner id (digits)')
    .optional(),
  pipelineId: z
    .string()
    .regex(/^[A-Za-z0-9_-]{1,100}$/, 'a HubSpot pipeline id')
    .optional(),
});
export type ReviewFilters = z.input<typeof ReviewFilters>;

/** `strategy_review` input. */
export const StrategyReviewParams = z.strictObject({ filters: ReviewFilters.optional() });
export type StrategyReviewParams = z.input<typeof StrategyReviewParams>;

/** Why a read stopped before its end; the figures it feeds are then marked partial. */
export const ReadStop = z.enum(['time_budget', 'hubspot_rate_limited', 'hubspot_error']);
export type ReadStop = z.output<typeof ReadStop>;

/** How one kind of record was read for the review, and how much of it. */
export const ReadReport = z.strictObject({
  method: z.enum(['list', 'search']).describe('list API (no filter) or search (with a filter)'),
  read: Count,
  total: Count.nullable().describe(
    "HubSpot's search total for the same selection; null if not asked",
  ),
  complete: z.boolean(),
  stoppedBy: ReadStop.nullable(),
});
export type ReadReport = z.output<typeof ReadReport>;

/** What the function read within its budget (docs/review-page.md). */
export const ReviewReads = z.strictObject({
  companies: ReadReport,
  deals: ReadReport,
  budgetMs: z.number().int().min(0).describe('Time allowed for reading'),
  elapsedMs: z.number().int().min(0).describe('Time the function took, reads and figures'),
  requests: Count.describe(
    "HubSpot requests the function's pacer granted (a warm container's first schema and definition reads and the client's retries are not counted)",
  ),
});
export type ReviewReads = z.output<typeof ReviewReads>;

/**
 * Exact counts from HubSpot's search totals (one search each, exact past 10,000). They are
 * asked only while the record reads are still going, so the page can show exact counts beside
 * partial figures; null when not asked (the review's own figures are then complete).
 */
export const ExactCounts = z.strictObject({
  companies: Count.nullable(),
  deals: Count.nullable(),
  companiesByTier: z.array(TierCount).nullable().describe('Every tier, then never scored'),
  openDealsByTier: z.array(TierCount).nullable().describe('Every tier, then never scored'),
  staleCompanies: Count.nullable(),
  staleDeals: Count.nullable(),
});
export type ExactCounts = z.output<typeof ExactCounts>;

/** Who asked for an exception, by name (as HubSpot recorded their edit of the reason). */
export const Requester = z.strictObject({ name: z.string() });
export type Requester = z.output<typeof Requester>;

/** A deal whose exception is requested and waits for a manager's decision (SCORING §7). */
export const QueuedException = z.strictObject({
  dealId: RecordId,
  name: z.string().nullable(),
  amount: z.number().nullable(),
  ownerId: z.string().nullable(),
  pipelineId: z.string().nullable(),
  stageId: z.string().nullable(),
  stageLabel: z.string().nullable(),
  isClosed: z.boolean(),
  tier: Tier.nullable(),
  reason: z.string().nullable().describe('Why the deal is off strategy (its stored reason)'),
  note: z.string().nullable().describe("The rep's reason for the exception"),
  requestedAt: z.string().nullable().describe('ISO instant of the request'),
  requestedBy: Requester.nullable(),
  requestSeq: z.number().int().min(0).describe('The request’s event number (0: unknown)'),
});
export type QueuedException = z.output<typeof QueuedException>;

export const ExceptionsQueue = z.strictObject({
  completeness: Completeness,
  total: Count.describe('Requested exceptions in HubSpot (search total)'),
  items: z.array(QueuedException).describe('Largest amount first, then deal id'),
});
export type ExceptionsQueue = z.output<typeof ExceptionsQueue>;

export const OwnerInfo = z.strictObject({ id: z.string(), name: z.string().nullable() });
export type OwnerInfo = z.output<typeof OwnerInfo>;

export const PipelineInfo = z.strictObject({
  id: z.string(),
  label: z.string(),
  stages: z.array(
    z.strictObject({
      id: z.string(),
      label: z.string(),
      isClosed: z.boolean(),
      isWon: z.boolean(),
    }),
  ),
});
export type PipelineInfo = z.output<typeof PipelineInfo>;

/** `strategy_review` answer: the review (SCORING §9) and everything the page needs to show it. */
export const StrategyReviewValue = z.strictObject({
  strategy: StrategyStamp,
  computedAt: z.string(),
  filters: z.strictObject({ ownerId: z.string().nullable(), pipelineId: z.string().nullable() }),
  review: StrategyReview,
  counts: ExactCounts,
  exceptionsQueue: ExceptionsQueue,
  reads: ReviewReads,
  owners: z.array(OwnerInfo),
  pipelines: z.array(PipelineInfo),
});
export type StrategyReviewValue = z.output<typeof StrategyReviewValue>;
export const StrategyReviewResponse = functionResponse(StrategyReviewValue);
export type StrategyReviewResponse = z.output<typeof StrategyReviewResponse>;

/** The opaque resume point of a rescore, as `rescore_stale` answered it. */
export const RescoreCursor = z.string().regex(/^[0-9a-z.:]{1,100}$/, 'a rescore cursor');

/** `rescore_stale` input: no cursor starts a run; the last answer's cursor continues it. */
export const RescoreStaleParams = z.strictObject({ cursor: RescoreCursor.optional() });
export type RescoreStaleParams = z.input<typeof RescoreStaleParams>;

export const RescoreFailure = z.strictObject({
  objectType: z.enum(['companies', 'deals']),
  id: RecordId,
  code: ErrorCode,
  message: z.string(),
});
export type RescoreFailure = z.output<typeof RescoreFailure>;

/** `rescore_stale` answer: what one chunk did, and where the next one starts. */
export const RescoreStaleValue = z.strictObject({
  version: z.number().int().min(1).describe('The published version this chunk scored with'),
  phase: z.enum(['companies', 'deals', 'done']).describe('Where the run is after this chunk'),
  processed: Count.describe('Stale records read and scored in this chunk'),
  changed: Count.describe('Records written (diff-only, SCORING §8)'),
  failed: z.array(RescoreFailure).describe('Records that could not be scored or written'),
  remainingEstimate: Count.describe('Stale records after this chunk (search totals)'),
  cursor: RescoreCursor.nullable().describe('null: nothing stale is left behind the cursor'),
  restarted: z.boolean().describe('A newer version was published: the run started again'),
  interrupted: FunctionError.nullable().describe('HubSpot stopped this chunk early; resume'),
  elapsedMs: z.number().int().min(0),
});
export type RescoreStaleValue = z.output<typeof RescoreStaleValue>;
export const RescoreStaleResponse = functionResponse(RescoreStaleValue);
export type RescoreStaleResponse = z.output<typeof RescoreStaleResponse>;
