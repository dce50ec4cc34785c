// The page's side of a review read in chunks (docs/review-page.md): each `strategy_review` answer
// merged into the ones before it, and the review the routes show once the last chunk is in (or
// the figures so far, marked partial, when HubSpot stopped the read). Pure.
import {
  emptyReviewPart,
  finishReview,
  mergeReviewParts,
} from '../review/create-review-accumulator.ts';
import type { ReviewPart } from '../review/create-review-accumulator.ts';
import { markPartial } from '../review/completeness.ts';
import { settleCriterionEvidence } from '../review/criterion-evidence.ts';
import type { ReviewSource } from '../review/schema.ts';
import type { QueuedException, StrategyReviewChunk, StrategyReviewValue } from './review.ts';

/** The chunks merged so far. */
export type ReviewChunks = {
  readonly last: StrategyReviewChunk;
  readonly part: ReviewPart;
  readonly exceptions: readonly QueuedException[];
  readonly read: { readonly companies: number; readonly deals: number };
  readonly chunks: number;
  readonly elapsedMs: number;
};

/** The phase of a review cursor: deals (d), companies (c), then the queue (q). */
const phaseOf = (cursor: string): string | undefined => cursor.split('.')[2];

/** Whether a read stopped at `cursor` (null: at the end) has read every deal. */
const dealsRead = (cursor: string | null): boolean => cursor === null || phaseOf(cursor) !== 'd';

/** Adds a chunk; a restarted review (a newer version) drops the chunks before it. */
export const addReviewChunk = (
  merged: ReviewChunks | null,
  chunk: StrategyReviewChunk,
): ReviewChunks => {
  const before = merged === null || chunk.restarted ? null : merged;
  const part = mergeReviewParts(
    before?.part ?? emptyReviewPart(chunk.setup.strategy),
    chunk.part,
    chunk.setup,
  );
  return {
    last: chunk,
    // Criterion evidence keeps each company's outcomes only while deals may still come.
    part: dealsRead(chunk.cursor)
      ? { ...part, criterionEvidence: settleCriterionEvidence(part.criterionEvidence) }
      : part,
    exceptions: [...(before?.exceptions ?? []), ...chunk.exceptions],
    read: {
      companies: (before?.read.companies ?? 0) + chunk.read.companies,
      deals: (before?.read.deals ?? 0) + chunk.read.deals,
    },
    chunks: (before?.chunks ?? 0) + 1,
    elapsedMs: (before?.elapsedMs ?? 0) + chunk.elapsedMs,
  };
};

/** Largest amount first, unknown amounts last, then deal id (the review's own order). */
const compareQueued = (a: QueuedException, b: QueuedException): number => {
  if (a.amount !== b.amount) {
    if (a.amount === null) return 1;
    if (b.amount === null) return -1;
    return b.amount - a.amount;
  }
  return (
    a.dealId.length - b.dealId.length || (a.dealId < b.dealId ? -1 : a.dealId > b.dealId ? 1 : 0)
  );
};

/**
 * The sources a read stopped at `cursor` did not finish: the phases are deals (d), companies (c),
 * then the queue (q).
 */
const unfinished = (cursor: string): { review: ReviewSource[]; queue: boolean } => {
  const phase = phaseOf(cursor);
  if (phase === 'd') return { review: ['companies', 'open_deals', 'closed_deals'], queue: true };
  if (phase === 'c') return { review: ['companies'], queue: true };
  return { review: [], queue: true };
};

/**
 * The review the page shows: complete once the last chunk's cursor is null; else (`stoppedBy`:
 * why the page stopped reading) every figure the unread records feed is marked partial.
 */
export const reviewValueOf = (
  merged: ReviewChunks,
  stoppedBy: string | null = null,
): StrategyReviewValue => {
  const { last } = merged;
  const cursor = last.cursor;
  const missing = cursor === null ? null : unfinished(cursor);
  const part: ReviewPart = { ...merged.part, partial: [...merged.part.partial] };
  const reason = stoppedBy ?? 'The review stopped before it read every record.';
  if (missing !== null && missing.review.length > 0)
    markPartial(part.partial, reason, missing.review);
  const items = [...merged.exceptions].sort(compareQueued);
  return {
    strategy: last.strategy,
    computedAt: last.computedAt,
    filters: last.filters,
    review: finishReview(part, last.setup),
    exceptionsQueue: {
      completeness:
        missing?.queue === true
          ? { partial: true, reasons: [reason] }
          : { partial: false, reasons: [] },
      total: items.length,
      items,
    },
    reads: {
      companies: merged.read.companies,
      deals: merged.read.deals,
      chunks: merged.chunks,
      complete: cursor === null,
      elapsedMs: merged.elapsedMs,
    },
    owners: last.owners,
    pipelines: last.pipelines,
  };
};
