// Test support for the manager functions (strategy_review, rescore_stale; never bundled): a set-up
// sandbox with the demo's generated data, and the two functions run as their entries run them, on
// a given runtime and with given budgets.
import {
  addReviewChunk,
  ok,
  RescoreStaleResponse,
  reviewValueOf,
  StrategyReviewResponse,
} from '@strategy-fit/core';
import type {
  ReviewChunks,
  RescoreStaleValue,
  StrategyReviewChunk,
  StrategyReviewValue,
} from '@strategy-fit/core';
import type { RescoreStaleResponse as RescoreAnswer } from '@strategy-fit/core';
import {
  createHubSpotClient,
  ensureFitProperties,
  ensureExceptionEventStore,
  ensureStrategyStore,
  publishStrategy,
} from '@strategy-fit/hubspot';
import { startSandbox } from '@strategy-fit/sandbox';
import type { SandboxOptions } from '@strategy-fit/sandbox';

import {
  RESCORE_LIMITS,
  parseRescoreStale,
  rescoreStaleWith,
} from '../../../src/app/functions/src/handlers/rescore-stale.ts';
import type { RescoreLimits } from '../../../src/app/functions/src/handlers/rescore-stale.ts';
import {
  parseStrategyReview,
  REVIEW_LIMITS,
  strategyReviewWith,
} from '../../../src/app/functions/src/handlers/strategy-review.ts';
import type { ReviewLimits } from '../../../src/app/functions/src/handlers/strategy-review.ts';
import { respond } from '../../../src/app/functions/src/lib/respond.ts';
import { BULK_LIMITS, createRuntime, handle } from '../../../src/app/functions/src/lib/runtime.ts';
import type { Runtime } from '../../../src/app/functions/src/lib/runtime.ts';
import { editAsFor, hubspotContext, loadExampleStrategy, MANAGER, value } from './test-portal.ts';
import type { TestPortal } from './test-portal.ts';

/** The generated history ends here, so the data never depends on the clock. */
export const SEED_AS_OF = '2026-11-01';

/** A budget that reads a test portal in one chunk. */
export const WHOLE_REVIEW: ReviewLimits = { budgetMs: 60_000 };
export const WHOLE_RESCORE: RescoreLimits = { budgetMs: 60_000 };

/**
 * A sandbox with `setup` done and (unless `publish: false`) the example strategy published, seeded
 * with `seed` generated companies and deals (none by default). Records are not scored.
 */
export async function startManagerPortal(
  options: {
    publish?: boolean;
    seed?: { companies: number; deals: number; seed?: number };
    now?: () => number;
  } & Pick<SandboxOptions, 'latencyMs' | 'rateLimit'> = {},
): Promise<TestPortal> {
  const sandbox = await startSandbox({
    rateLimit: options.rateLimit ?? false,
    latencyMs: options.latencyMs ?? 0,
    ...(options.seed === undefined
      ? {}
      : { seed: { seed: options.seed.seed ?? 1, asOf: SEED_AS_OF, ...options.seed } }),
  });
  const hs = createHubSpotClient({
    accessToken: sandbox.token,
    basePath: sandbox.baseUrl,
    limits: false,
  });
  value(await ensureFitProperties(hs));
  value(await ensureStrategyStore(hs));
  value(await ensureExceptionEventStore(hs));
  const portal: TestPortal = {
    sandbox,
    hs,
    runtime: createRuntime({
      accessToken: sandbox.token,
      basePath: sandbox.baseUrl,
      ...(options.now === undefined ? {} : { now: options.now }),
      // HubSpot's limits in the sandbox: the bulk functions' limiter, as they run; none: none.
      limits: options.rateLimit === undefined || options.rateLimit === false ? false : BULK_LIMITS,
    }),
    env: { PRIVATE_APP_ACCESS_TOKEN: sandbox.token, HUBSPOT_API_BASE_URL: sandbox.baseUrl },
    async publish(strategy = loadExampleStrategy()) {
      const stored = value(
        await publishStrategy(hs, strategy, { publishedBy: MANAGER.id, nowMs: Date.now() }),
      );
      return stored.version;
    },
    editAs: editAsFor(sandbox),
    close: () => sandbox.close(),
  };
  if (options.publish !== false) await portal.publish();
  return portal;
}

const quietly = (rt: Runtime) => ({ secrets: rt.secrets, log: () => {} });

/** `strategy_review` as its entry runs it, on `rt`, with `limits` (default: the shipped ones). */
export const invokeStrategyReview = (
  rt: Runtime,
  context: unknown,
  limits: ReviewLimits = REVIEW_LIMITS,
): Promise<StrategyReviewResponse> =>
  respond(
    'strategy_review',
    () => handle(parseStrategyReview(context), strategyReviewWith(limits), () => ok(rt)),
    quietly(rt),
  );

/** `rescore_stale` as its entry runs it, on `rt`, with `limits` (default: the shipped ones). */
export const invokeRescoreStale = (
  rt: Runtime,
  context: unknown,
  limits: RescoreLimits = RESCORE_LIMITS,
): Promise<RescoreAnswer> =>
  respond(
    'rescore_stale',
    () => handle(parseRescoreStale(context), rescoreStaleWith(limits), () => ok(rt)),
    quietly(rt),
  );

/** A review's parameters as the page sends them. */
export const reviewContext = (filters?: { ownerId?: string; pipelineId?: string }) =>
  hubspotContext(filters === undefined ? {} : { filters });

/** Runs `rescore_stale` chunk after chunk until the cursor is null; every answer, in order. */
export async function rescoreAll(
  rt: Runtime,
  limits: RescoreLimits = WHOLE_RESCORE,
): Promise<RescoreStaleValue[]> {
  const chunks: RescoreStaleValue[] = [];
  let cursor: string | null = null;
  do {
    const answer = RescoreStaleResponse.parse(
      await invokeRescoreStale(rt, hubspotContext(cursor === null ? {} : { cursor }), limits),
    );
    if (!answer.ok) throw new Error(`rescore failed: ${answer.error.code} ${answer.error.message}`);
    chunks.push(answer.value);
    if (answer.value.interrupted !== null) {
      throw new Error(`rescore interrupted: ${answer.value.interrupted.message}`);
    }
    cursor = answer.value.cursor;
  } while (cursor !== null);
  return chunks;
}

/**
 * Runs `strategy_review` chunk after chunk, as the page does, until the review is complete;
 * every chunk in order, and the review the page shows (the chunks merged).
 */
export async function reviewAll(
  rt: Runtime,
  params: { filters?: { ownerId?: string; pipelineId?: string } } = {},
  limits: ReviewLimits = WHOLE_REVIEW,
): Promise<{ chunks: StrategyReviewChunk[]; value: StrategyReviewValue }> {
  const chunks: StrategyReviewChunk[] = [];
  let merged: ReviewChunks | null = null;
  do {
    const cursor = merged?.last.cursor ?? null;
    const answer = StrategyReviewResponse.parse(
      await invokeStrategyReview(
        rt,
        hubspotContext(cursor === null ? params : { ...params, cursor }),
        limits,
      ),
    );
    if (!answer.ok) throw new Error(`review failed: ${answer.error.code} ${answer.error.message}`);
    if (answer.value.interrupted !== null) {
      throw new Error(`review interrupted: ${answer.value.interrupted.message}`);
    }
    chunks.push(answer.value);
    merged = addReviewChunk(merged, answer.value);
  } while (merged.last.cursor !== null);
  return { chunks, value: reviewValueOf(merged) };
}
