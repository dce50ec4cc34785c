// `strategy_review`: one chunk of the strategy review (SCORING §9, §12, §13, §15) for the manager's
// app page. The walk reads the portal (deals with their companies, then companies, then the
// exceptions queue) block by block into the core's review accumulator, until its time budget; the
// chunk answers its part of the review and a cursor, and the page calls again until the review is
// complete, merging the parts (docs/review-page.md). A company page also gives each company's
// criterion outcomes today (criterion evidence, §15), scored with the published strategy. Open to
// any page user; names only — no user ids, no emails (issue 10, docs/security.md).
import {
  applyReviewFilters,
  createReviewAccumulator,
  err,
  ok,
  StrategyReviewParams,
} from '@strategy-fit/core';
import type {
  QueuedException,
  Result,
  StrategyFitError,
  StrategyReviewChunk,
} from '@strategy-fit/core';
import { reviewOwnerName, stageIndex, toReviewOwner } from '@strategy-fit/hubspot';
import type { StageIndex } from '@strategy-fit/hubspot';
import {
  definePhase,
  recordBlocks,
  reviewDealFilters,
  reviewPhases,
  walk,
} from '@strategy-fit/walk';
import type { Phase, ReviewFilters, WalkCursor, WalkRecord } from '@strategy-fit/walk';
import type { z } from 'zod';

import { parseChunkInput, toFunctionError } from '../lib/chunk-input.ts';
import type { Runtime } from '../lib/runtime.ts';
import { QUEUE_PROPERTIES, queueFilters, toQueuedException } from './manager/exceptions-queue.ts';
import { decodeReviewCursor, encodeReviewCursor } from './manager/review-cursor.ts';
import type { ReviewPhase, ReviewPosition } from './manager/review-cursor.ts';

export type StrategyReviewInput = z.output<typeof StrategyReviewParams>;

/**
 * No block starts once the chunk's time plus its longest block would reach `budgetMs`; a block is
 * `blockSize` records (1,000 by default; tests take fewer).
 */
export type ReviewLimits = { budgetMs: number; blockSize?: number };

/** A chunk answers within about 5 s (HubSpot stops a function after about 10 s). */
export const REVIEW_LIMITS: ReviewLimits = { budgetMs: 3_500 };

/** The page's parameters (no record: pages send no `propertiesToSend`); the cursor must be ours. */
export const parseStrategyReview = (
  context: unknown,
): Result<StrategyReviewInput, StrategyFitError> =>
  parseChunkInput(context, StrategyReviewParams, {
    decode: decodeReviewCursor,
    what: 'a review cursor',
    again: 'Read the review again.',
  });

/** The exceptions queue: deals whose exception is requested (SCORING §7), within the filters. */
const queuePhase = (
  rt: Runtime,
  context: { stages: StageIndex; nowMs: number; filters: ReviewFilters },
  rows: QueuedException[],
  commit: (
    block: { phase: 'exceptions'; records: number },
    next: WalkCursor | null,
  ) => Promise<unknown>,
): Phase =>
  definePhase({
    name: 'exceptions',
    read: recordBlocks(rt.hs, {
      objectType: 'deals',
      properties: QUEUE_PROPERTIES,
      where: {
        kind: 'filters',
        filterGroups: [{ filters: queueFilters(reviewDealFilters(context.filters)) }],
      },
    }),
    process: async (records: WalkRecord[]) => {
      for (const r of records) rows.push(toQueuedException(r, context.stages, context.nowMs));
      return { phase: 'exceptions' as const, records: records.length };
    },
    commit,
  });

/** `strategy_review` with a given budget (tests shorten it). */
export const strategyReviewWith =
  (limits: ReviewLimits) =>
  async (
    rt: Runtime,
    input: StrategyReviewInput,
  ): Promise<Result<StrategyReviewChunk, StrategyFitError>> => {
    const startedMs = Date.now();
    const [active, owners, pipelines, definitions] = await Promise.all([
      rt.strategies.current(),
      rt.portal.owners(),
      rt.portal.pipelines(),
      rt.definitions.read('companies'),
    ]);
    if (!active.ok) return active;
    if (!owners.ok) return owners;
    if (!pipelines.ok) return pipelines;
    if (!definitions.ok) return definitions;

    const version = active.value.version;
    const from = input.cursor === undefined ? null : decodeReviewCursor(input.cursor);
    // A publish since the last chunk changes what is stale: the review starts again.
    const restarted = from !== null && from.version !== version;
    const start: ReviewPosition =
      from === null || restarted ? { version, nowMs: rt.now(), phase: 'deals', page: null } : from;
    const { nowMs } = start;
    const filters = input.filters ?? {};
    // The window filter replaces the strategy's evidence window (SCORING §15), as `report --window`.
    const { strategy, applied } = applyReviewFilters(active.value.strategy, filters);
    const stages = stageIndex(pipelines.value);
    const review = createReviewAccumulator({
      strategy,
      publishedVersion: version,
      nowMs,
      owners: owners.value.map(toReviewOwner),
    });
    const read = { companies: 0, deals: 0, exceptions: 0 };
    const exceptions: QueuedException[] = [];
    let at: ReviewPosition | null = start;
    const commit = async (
      block: { phase: ReviewPhase; records: number },
      next: WalkCursor | null,
    ): Promise<void> => {
      read[block.phase] += block.records;
      at =
        next === null
          ? null
          : { version, nowMs, phase: next.phase as ReviewPhase, page: next.page };
    };
    const context = {
      stages,
      nowMs,
      filters,
      scoring: { compiled: active.value.compiled, definitions: definitions.value },
      // A chunk's part is merged on the page with the deals of other chunks: every company.
      outcomes: 'every' as const,
    };
    const blocks = limits.blockSize === undefined ? {} : { blockSize: limits.blockSize };
    const phases = [
      ...reviewPhases(rt.hs, review, context, commit, blocks),
      queuePhase(rt, context, exceptions, commit),
    ];
    const end = await walk(phases, {
      from: { phase: start.phase, page: start.page },
      budgetMs: limits.budgetMs,
    });
    const finalAt: ReviewPosition | null = at;
    // A chunk HubSpot stopped before it read anything answers the error: nothing to merge.
    if (
      end.kind === 'failed' &&
      read.companies + read.deals + read.exceptions === 0 &&
      finalAt !== null &&
      finalAt.phase === start.phase &&
      finalAt.page === start.page
    ) {
      return err(end.error);
    }
    return ok({
      strategy: active.value.stamp,
      computedAt: new Date(nowMs).toISOString(),
      filters: applied,
      setup: review.setup,
      part: review.part(),
      exceptions,
      read,
      cursor: finalAt === null ? null : encodeReviewCursor(finalAt),
      restarted,
      interrupted: end.kind === 'failed' ? toFunctionError(end.error) : null,
      owners: owners.value.map((o) => ({ id: o.id, name: reviewOwnerName(o) })),
      pipelines: pipelines.value.map((p) => ({
        id: p.id,
        label: p.label,
        stages: p.stages.map((s) => ({
          id: s.id,
          label: s.label,
          isClosed: s.isClosed,
          isWon: s.isWon,
        })),
      })),
      elapsedMs: Math.max(0, Math.round(Date.now() - startedMs)),
    });
  };

/** `strategy_review` as HubSpot runs it. */
export const strategyReview = strategyReviewWith(REVIEW_LIMITS);
