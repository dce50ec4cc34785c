import { z } from 'zod';

import { ErrorCode } from '../errors.ts';
import { Tier } from '../enums.ts';
import { ReviewPart, ReviewSetup } from '../review/create-review-accumulator.ts';
import { AppliedReviewFilters, ReviewFilters } from '../review/review-filters.ts';
import { Completeness, StrategyReview } from '../review/schema.ts';
import { FunctionError, functionResponse, StrategyStamp } from './schema.ts';

// The contract between the manager's app page (src/app/pages) and its two app functions,
// `strategy_review` and `rescore_stale` (docs/review-page.md, docs/rescoring.md). Deciding an
// exception from the page reuses `decide_exception` and its contract (schema.ts).

const Count = z.number().int().min(0);
const RecordId = z.string().regex(/^[1-9][0-9]{0,18}$/, 'a HubSpot record id (digits)');

export { ReviewFilters } from '../review/review-filters.ts';

/**
 * Where a review read in chunks goes on, opaque to the page: the strategy version and "now" it
 * reads with, the phase (companies, deals, the exceptions queue) and the page within it.
 */
export const ReviewCursor = z
  .string()
  .regex(/^[1-9][0-9]{0,8}\.[0-9]{1,15}\.[cdq]\.[0-9:]{0,60}$/, 'a review cursor');

/** `strategy_review` input: no cursor starts a review; the last chunk's cursor continues it. */
export const StrategyReviewParams = z.strictObject({
  filters: ReviewFilters.optional(),
  cursor: ReviewCursor.optional(),
});
export type StrategyReviewParams = z.input<typeof StrategyReviewParams>;

/** How much the page has read of the portal, and whether all of it. */
export const ReviewReads = z.strictObject({
  companies: Count,
  deals: Count,
  chunks: Count.describe('Calls of strategy_review it took'),
  complete: z.boolean().describe('Every chunk was read, to the last'),
  elapsedMs: z.number().int().min(0).describe('Time the chunks took, as the functions counted it'),
});
export type ReviewReads = z.output<typeof ReviewReads>;

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

/**
 * One chunk of `strategy_review`: the part of the review (SCORING §9) its records make, to merge
 * with the other chunks' (`mergeReviewParts`), the exceptions it read, and where to go on.
 */
export const StrategyReviewChunk = z.strictObject({
  strategy: StrategyStamp,
  computedAt: z.string().describe('"Now" of the whole review (the first chunk\'s)'),
  filters: AppliedReviewFilters,
  setup: ReviewSetup,
  part: ReviewPart.describe("This chunk's records only"),
  exceptions: z.array(QueuedException).describe("This chunk's requested exceptions"),
  read: z.strictObject({ companies: Count, deals: Count, exceptions: Count }),
  cursor: ReviewCursor.nullable().describe('null: the review is complete'),
  restarted: z
    .boolean()
    .describe('A newer version was published: the review started again; drop earlier chunks'),
  interrupted: FunctionError.nullable().describe(
    'HubSpot stopped this chunk early; the cursor stands before the block it could not read',
  ),
  owners: z.array(OwnerInfo),
  pipelines: z.array(PipelineInfo),
  elapsedMs: z.number().int().min(0),
});
export type StrategyReviewChunk = z.output<typeof StrategyReviewChunk>;
export const StrategyReviewResponse = functionResponse(StrategyReviewChunk);
export type StrategyReviewResponse = z.output<typeof StrategyReviewResponse>;

/** The review as the page shows it: every chunk merged (core `reviewValueOf`). */
export const StrategyReviewValue = z.strictObject({
  strategy: StrategyStamp,
  computedAt: z.string(),
  filters: AppliedReviewFilters,
  review: StrategyReview,
  exceptionsQueue: ExceptionsQueue,
  reads: ReviewReads,
  owners: z.array(OwnerInfo),
  pipelines: z.array(PipelineInfo),
});
export type StrategyReviewValue = z.output<typeof StrategyReviewValue>;

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
