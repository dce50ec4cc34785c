// The filters of a strategy review (SCORING §9, §15), one implementation for the review page's
// function (`strategy_review`) and the CLI's `report --owner --pipeline --window`: deals of one
// owner and/or one pipeline, companies of that owner, and the evidence window in days.
import { z } from 'zod';

import { EVIDENCE_WINDOW_DAYS } from '../strategy/strategy-schema.ts';
import type { Strategy } from '../strategy/strategy-schema.ts';

/** Narrows the review: deals of one owner and/or one pipeline; companies of that owner; the window. */
export const ReviewFilters = z.strictObject({
  ownerId: z
    .string()
    .regex(/^[0-9]{1,19}$/, 'a HubSpot owner id (digits)')
    .optional(),
  pipelineId: z
    .string()
    .regex(/^[A-Za-z0-9_-]{1,100}$/, 'a HubSpot pipeline id')
    .optional(),
  // Coerced: the CLI's `--window 90` is text; the function's input is a number (its input type).
  windowDays: z.coerce
    .number<number>()
    .int()
    .min(EVIDENCE_WINDOW_DAYS.min)
    .max(EVIDENCE_WINDOW_DAYS.max)
    .optional()
    .describe("The evidence window in days (SCORING §15); absent: the strategy's own"),
});
export type ReviewFilters = z.input<typeof ReviewFilters>;

/** The filters a review was read with, as its answer states them (null: not narrowed). */
export const AppliedReviewFilters = z.strictObject({
  ownerId: z.string().nullable(),
  pipelineId: z.string().nullable(),
  windowDays: z.number().int().nullable().describe("null: the strategy's own evidence window"),
});
export type AppliedReviewFilters = z.output<typeof AppliedReviewFilters>;

/**
 * The strategy a review counts with under `filters` (its evidence window replaced by the filter's,
 * SCORING §15) and the filters as the review states them. Pure; owner and pipeline narrow the
 * records read (the walk's `reviewDealFilters`).
 *
 * @example
 * const { strategy, applied } = applyReviewFilters(published, { windowDays: 90 });
 * const review = createReviewAccumulator({ strategy, ... });
 */
export const applyReviewFilters = (
  published: Strategy,
  filters: z.output<typeof ReviewFilters> = {},
): { strategy: Strategy; applied: AppliedReviewFilters } => ({
  strategy:
    filters.windowDays === undefined
      ? published
      : { ...published, evidenceWindowDays: filters.windowDays },
  applied: {
    ownerId: filters.ownerId ?? null,
    pipelineId: filters.pipelineId ?? null,
    windowDays: filters.windowDays ?? null,
  },
});
