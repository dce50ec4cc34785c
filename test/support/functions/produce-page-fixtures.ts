// The review page's fixtures, made by the real functions against sandboxes, not by hand: the
// page's tests call `producePageFixtures()` in `beforeAll` and answer their serverless spy with
// these. Each answer is checked against the contract and the state its name promises.
import {
  addReviewChunk,
  RescoreStaleResponse,
  reviewValueOf,
  StrategyReviewResponse,
} from '@strategy-fit/core';
import type { StrategyReviewChunk, StrategyReviewValue } from '@strategy-fit/core';

import type { RescoreLimits } from '../../../src/app/functions/src/handlers/rescore-stale.ts';
import type { ReviewLimits } from '../../../src/app/functions/src/handlers/strategy-review.ts';
import { createRuntime } from '../../../src/app/functions/src/lib/runtime.ts';
import type { Runtime } from '../../../src/app/functions/src/lib/runtime.ts';
import { invokeDecideException, invokeRequestException } from './invoke.ts';
import {
  invokeRescoreStale,
  invokeStrategyReview,
  startManagerPortal,
  WHOLE_RESCORE,
  WHOLE_REVIEW,
} from './manager-portal.ts';
import {
  closedOrigin,
  COMPANIES,
  createCompany,
  createDeal,
  hubspotContext,
  MANAGER,
  plainDeal,
  REP,
  setDecision,
  writeReason,
} from './test-portal.ts';

/**
 * `strategy_review` answers, one per state the page shows: whole reviews in one chunk, a review
 * read in three chunks (deals, companies, the queue), and a chunk HubSpot stopped.
 */
export const REVIEW_FIXTURE_NAMES = [
  'review_no_strategy',
  'review_empty_portal',
  'review_nothing_scored',
  'review_queued',
  'review_filtered',
  'review_chunk_1',
  'review_chunk_2',
  'review_chunk_3',
  'review_stopped',
  'review_after_decisions',
  'review_error_unavailable',
] as const;

/** `rescore_stale` answers: a run from the start, a failure, a stop, a resume. */
export const RESCORE_FIXTURE_NAMES = [
  'rescore_first_chunk',
  'rescore_with_failures',
  'rescore_interrupted',
  'rescore_resumed',
  'rescore_done',
  'rescore_nothing_stale',
] as const;

export type ReviewFixtureName = (typeof REVIEW_FIXTURE_NAMES)[number];
export type RescoreFixtureName = (typeof RESCORE_FIXTURE_NAMES)[number];

export type PageFixtures = Record<ReviewFixtureName, StrategyReviewResponse> &
  Record<RescoreFixtureName, RescoreStaleResponse>;

type Check = (answer: unknown) => string | null;

const chunkCheck =
  (check: (chunk: StrategyReviewChunk) => boolean): Check =>
  (answer) => {
    const parsed = StrategyReviewResponse.safeParse(answer);
    if (!parsed.success) return 'is outside the contract';
    if (!parsed.data.ok) return `failed: ${parsed.data.error.code} ${parsed.data.error.message}`;
    return check(parsed.data.value) ? null : 'is not in the expected state';
  };

/** A whole review in one chunk, as the page shows it. */
const review = (check: (v: StrategyReviewValue) => boolean): Check =>
  chunkCheck((c) => c.cursor === null && check(reviewValueOf(addReviewChunk(null, c))));

const rescore =
  (check: (v: Extract<RescoreStaleResponse, { ok: true }>['value']) => boolean): Check =>
  (answer) => {
    const parsed = RescoreStaleResponse.safeParse(answer);
    if (!parsed.success) return 'is outside the contract';
    if (!parsed.data.ok) return `failed: ${parsed.data.error.code} ${parsed.data.error.message}`;
    return check(parsed.data.value) ? null : 'is not in the expected state';
  };

const failed =
  (schema: typeof StrategyReviewResponse | typeof RescoreStaleResponse, code: string): Check =>
  (answer) => {
    const parsed = schema.safeParse(answer);
    if (!parsed.success) return 'is outside the contract';
    return !parsed.data.ok && parsed.data.error.code === code ? null : `is not a ${code} error`;
  };

const EXPECT: Record<keyof PageFixtures, Check> = {
  review_no_strategy: failed(StrategyReviewResponse, 'strategy_not_published'),
  review_empty_portal: review(
    (v) => v.review.totals.companies === 0 && v.review.totals.deals === 0,
  ),
  review_nothing_scored: review(
    (v) =>
      v.review.totals.companies > 0 &&
      v.review.staleScores.companies.missingVersion === v.review.totals.companies,
  ),
  review_queued: review(
    (v) =>
      !v.review.completeness.partial &&
      v.exceptionsQueue.items.length === 2 &&
      v.review.offStrategyPipeline.total.count > 0 &&
      v.review.lift.fitDeals.lift !== null,
  ),
  review_filtered: review((v) => v.filters.ownerId !== null && v.filters.pipelineId !== null),
  review_chunk_1: chunkCheck((c) => c.read.deals > 0 && c.cursor?.split('.')[2] === 'c'),
  review_chunk_2: chunkCheck((c) => c.read.companies > 0 && c.cursor?.split('.')[2] === 'q'),
  review_chunk_3: chunkCheck((c) => c.read.exceptions === 2 && c.cursor === null),
  review_stopped: chunkCheck(
    (c) => c.interrupted !== null && c.read.deals > 0 && c.cursor?.split('.')[2] === 'c',
  ),
  review_after_decisions: review((v) => v.exceptionsQueue.items.length === 0),
  review_error_unavailable: failed(StrategyReviewResponse, 'hubspot_unavailable'),
  rescore_first_chunk: rescore(
    (v) => v.cursor !== null && v.processed > 0 && v.failed.length === 0,
  ),
  rescore_with_failures: rescore((v) => v.cursor !== null && v.failed.length > 0),
  rescore_interrupted: rescore((v) => v.interrupted !== null && v.cursor !== null),
  rescore_resumed: rescore((v) => v.cursor !== null && v.interrupted === null && v.processed > 0),
  rescore_done: rescore((v) => v.cursor === null && v.phase === 'done' && v.processed > 0),
  rescore_nothing_stale: rescore((v) => v.cursor === null && v.processed === 0),
};

/** One search page of stale records per chunk, so a run takes several chunks. */
const ONE_PAGE: RescoreLimits = { budgetMs: 0, blockSize: 200 };

/** One block of 1,000 records per chunk: the demo portal's review takes three. */
const ONE_BLOCK: ReviewLimits = { budgetMs: 0 };

const reviewOf = (
  rt: Runtime,
  filters?: { ownerId: string; pipelineId: string },
  limits: ReviewLimits = WHOLE_REVIEW,
  cursor?: string | null,
) =>
  invokeStrategyReview(
    rt,
    hubspotContext({
      ...(filters === undefined ? {} : { filters }),
      ...(cursor === undefined || cursor === null ? {} : { cursor }),
    }),
    limits,
  );

const reviewCursorOf = (answer: StrategyReviewResponse): string | null => {
  if (!answer.ok) throw new Error(`review failed: ${answer.error.message}`);
  return answer.value.cursor;
};

const chunk = (rt: Runtime, cursor: string | null, limits = ONE_PAGE) =>
  invokeRescoreStale(rt, hubspotContext(cursor === null ? {} : { cursor }), limits);

const cursorOf = (answer: RescoreStaleResponse): string | null => {
  if (!answer.ok) throw new Error(`rescore failed: ${answer.error.message}`);
  return answer.value.cursor;
};

const REASON = 'Lighthouse logo in a new region; the retail board asked for a pilot';

/**
 * Starts two sandboxes (an empty one, and a demo portal of 300 companies and 450 deals), runs the
 * real handlers as the page calls them and returns their answers, checked. About 2 s.
 *
 * @example
 * let fixtures: PageFixtures;
 * beforeAll(async () => { fixtures = await producePageFixtures(); });
 */
export async function producePageFixtures(): Promise<PageFixtures> {
  const empty = await startManagerPortal({ publish: false });
  const demo = await startManagerPortal({ seed: { companies: 300, deals: 450 } });
  try {
    const review_no_strategy = await reviewOf(empty.runtime);
    await empty.publish();
    const review_empty_portal = await reviewOf(empty.runtime);

    const rt = demo.runtime;
    const review_nothing_scored = await reviewOf(rt);
    const rescore_first_chunk = await chunk(rt, null);
    demo.sandbox.control.setFaults({
      schedule: [{ request: 1, fault: 'partialBatch', count: 8 }],
      partialBatchShare: 0.02,
      paths: ['/crm/objects/2026-09/companies/batch/update'],
    });
    const rescore_with_failures = await chunk(rt, cursorOf(rescore_first_chunk));
    demo.sandbox.control.setFaults({
      schedule: [{ request: 1, fault: 'rateLimit', count: 10 }],
      paths: ['/crm/objects/2026-09/deals/batch/update'],
    });
    const rescore_interrupted = await chunk(rt, cursorOf(rescore_with_failures), {
      ...WHOLE_RESCORE,
    });
    demo.sandbox.control.setFaults(undefined);
    const rescore_resumed = await chunk(rt, cursorOf(rescore_interrupted));
    const rescore_done = await chunk(rt, cursorOf(rescore_resumed), WHOLE_RESCORE);
    // The records that failed above are still stale: a new run from the start picks them up.
    await chunk(rt, null, WHOLE_RESCORE);
    const rescore_nothing_stale = await chunk(rt, null, WHOLE_RESCORE);

    const queued = [];
    for (const name of ['Grocery loyalty app', 'Grocery kiosks']) {
      const companyId = await createCompany(demo.hs, COMPANIES.off_strategy);
      const dealId = await createDeal(demo.hs, plainDeal(name, '48000'), { companyId });
      writeReason(demo, REP, dealId, REASON);
      await invokeRequestException(rt, hubspotContext({}, { hs_object_id: dealId }), true);
      queued.push(dealId);
    }
    const review_queued = await reviewOf(rt);
    const review_filtered = await reviewOf(rt, { ownerId: '70110003', pipelineId: 'default' });
    const review_chunk_1 = await reviewOf(rt, undefined, ONE_BLOCK);
    const review_chunk_2 = await reviewOf(rt, undefined, ONE_BLOCK, reviewCursorOf(review_chunk_1));
    const review_chunk_3 = await reviewOf(rt, undefined, ONE_BLOCK, reviewCursorOf(review_chunk_2));
    // HubSpot fails the companies (past the client's retries): the chunk answers the deals.
    demo.sandbox.control.setFaults({
      rates: { serverError: 1 },
      paths: ['/crm/objects/2026-09/companies'],
      methods: ['GET'],
    });
    const review_stopped = await reviewOf(rt);
    demo.sandbox.control.setFaults(undefined);
    // The manager decides both on the deals (HubSpot records her edits), as the card confirms.
    for (const [dealId, decision] of queued.map(
      (id, i) => [id, i === 0 ? 'approve' : 'reject'] as const,
    )) {
      setDecision(demo, MANAGER, dealId, decision);
      await invokeDecideException(
        rt,
        hubspotContext({ requestSeq: 1, decision }, { hs_object_id: dealId }),
        true,
      );
    }
    const review_after_decisions = await reviewOf(rt);

    const down = createRuntime({ accessToken: demo.sandbox.token, basePath: await closedOrigin() });
    const fixtures: PageFixtures = {
      review_no_strategy,
      review_empty_portal,
      review_nothing_scored,
      review_queued,
      review_filtered,
      review_chunk_1,
      review_chunk_2,
      review_chunk_3,
      review_stopped,
      review_after_decisions,
      review_error_unavailable: await reviewOf(down),
      rescore_first_chunk,
      rescore_with_failures,
      rescore_interrupted,
      rescore_resumed,
      rescore_done,
      rescore_nothing_stale,
    };
    const wrong = (Object.keys(EXPECT) as (keyof PageFixtures)[]).flatMap((name) => {
      const problem = EXPECT[name](fixtures[name]);
      return problem === null ? [] : [`${name} ${problem}`];
    });
    if (wrong.length > 0) throw new Error(`page fixtures are wrong: ${wrong.join('; ')}`);
    return fixtures;
  } finally {
    await Promise.all([empty.close(), demo.close()]);
  }
}
