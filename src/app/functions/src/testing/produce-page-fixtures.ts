// The review page's fixtures, made by the real functions against sandboxes, not by hand: the
// page's tests call `producePageFixtures()` in `beforeAll` and answer their serverless spy with
// these. Each answer is checked against the contract and the state its name promises.
import {
  addReviewChunk,
  ExceptionResponse,
  RescoreStaleResponse,
  reviewValueOf,
  StrategyReviewResponse,
} from '@strategy-fit/core';
import type { CardUser, StrategyReviewChunk, StrategyReviewValue } from '@strategy-fit/core';

import type { RescoreLimits } from '../handlers/rescore-stale.ts';
import type { ReviewLimits } from '../handlers/strategy-review.ts';
import { createRuntime } from '../lib/runtime.ts';
import type { Runtime } from '../lib/runtime.ts';
import { invokeDecideException, invokeRequestException } from './invoke.ts';
import {
  invokeRescoreStale,
  invokeStrategyReview,
  startManagerPortal,
  WHOLE_RESCORE,
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
} from './test-portal.ts';

/**
 * `strategy_review` answers, one per state the page shows: whole reviews in one chunk, a review
 * read in three chunks (companies, deals, the queue), and a chunk HubSpot stopped.
 */
export const REVIEW_FIXTURE_NAMES = [
  'review_no_strategy',
  'review_empty_portal',
  'review_nothing_scored',
  'review_manager',
  'review_rep',
  'review_filtered',
  'review_chunk_1',
  'review_chunk_2',
  'review_chunk_3',
  'review_stopped',
  'review_after_decisions',
  'review_error_unavailable',
] as const;

/** `rescore_stale` answers: a run from the start, a failure, a stop, a resume, a refusal. */
export const RESCORE_FIXTURE_NAMES = [
  'rescore_first_chunk',
  'rescore_with_failures',
  'rescore_interrupted',
  'rescore_resumed',
  'rescore_done',
  'rescore_nothing_stale',
  'rescore_not_allowed',
] as const;

/** `decide_exception` answers from the queue. */
export const DECIDE_FIXTURE_NAMES = [
  'decide_approved',
  'decide_rejected',
  'decide_not_allowed',
] as const;

export type ReviewFixtureName = (typeof REVIEW_FIXTURE_NAMES)[number];
export type RescoreFixtureName = (typeof RESCORE_FIXTURE_NAMES)[number];
export type DecideFixtureName = (typeof DECIDE_FIXTURE_NAMES)[number];

export type PageFixtures = Record<ReviewFixtureName, StrategyReviewResponse> &
  Record<RescoreFixtureName, RescoreStaleResponse> &
  Record<DecideFixtureName, ExceptionResponse>;

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
  (
    schema: typeof StrategyReviewResponse | typeof RescoreStaleResponse | typeof ExceptionResponse,
    code: string,
  ): Check =>
  (answer) => {
    const parsed = schema.safeParse(answer);
    if (!parsed.success) return 'is outside the contract';
    return !parsed.data.ok && parsed.data.error.code === code ? null : `is not a ${code} error`;
  };

const decided =
  (status: string): Check =>
  (answer) => {
    const parsed = ExceptionResponse.safeParse(answer);
    if (!parsed.success) return 'is outside the contract';
    if (!parsed.data.ok) return `failed: ${parsed.data.error.code} ${parsed.data.error.message}`;
    return parsed.data.value.exception.status === status ? null : `is not ${status}`;
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
  review_manager: review(
    (v) =>
      v.viewerIsManager &&
      !v.review.completeness.partial &&
      v.exceptionsQueue.items.length === 2 &&
      v.review.offStrategyPipeline.total.count > 0 &&
      v.review.lift.fitDeals.lift !== null,
  ),
  review_rep: review((v) => !v.viewerIsManager && v.exceptionsQueue.items.length === 2),
  review_filtered: review((v) => v.filters.ownerId !== null && v.filters.pipelineId !== null),
  review_chunk_1: chunkCheck((c) => c.read.companies > 0 && c.cursor?.split('.')[2] === 'd'),
  review_chunk_2: chunkCheck((c) => c.read.deals > 0 && c.cursor?.split('.')[2] === 'q'),
  review_chunk_3: chunkCheck((c) => c.read.exceptions === 2 && c.cursor === null),
  review_stopped: chunkCheck(
    (c) => c.interrupted !== null && c.read.companies > 0 && c.cursor?.split('.')[2] === 'd',
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
  rescore_not_allowed: failed(RescoreStaleResponse, 'not_allowed'),
  decide_approved: decided('approved'),
  decide_rejected: decided('rejected'),
  decide_not_allowed: failed(ExceptionResponse, 'not_allowed'),
};

/** One search page of stale records per chunk, so a run takes several chunks. */
const ONE_PAGE: RescoreLimits = { budgetMs: 0, blockSize: 200 };

/** One block of 1,000 records per chunk: the demo portal's review takes three. */
const ONE_BLOCK: ReviewLimits = { budgetMs: 0 };

const reviewAs = (
  rt: Runtime,
  user: CardUser,
  filters?: { ownerId: string; pipelineId: string },
  limits: ReviewLimits = { budgetMs: 60_000 },
  cursor?: string | null,
) =>
  invokeStrategyReview(
    rt,
    hubspotContext({
      user,
      ...(filters === undefined ? {} : { filters }),
      ...(cursor === undefined || cursor === null ? {} : { cursor }),
    }),
    limits,
  );

const reviewCursorOf = (answer: StrategyReviewResponse): string | null => {
  if (!answer.ok) throw new Error(`review failed: ${answer.error.message}`);
  return answer.value.cursor;
};

const chunk = (rt: Runtime, cursor: string | null, user: CardUser = MANAGER, limits = ONE_PAGE) =>
  invokeRescoreStale(rt, hubspotContext(cursor === null ? { user } : { user, cursor }), limits);

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
    const review_no_strategy = await reviewAs(empty.runtime, MANAGER);
    await empty.publish();
    const review_empty_portal = await reviewAs(empty.runtime, MANAGER);

    const rt = demo.runtime;
    const review_nothing_scored = await reviewAs(rt, MANAGER);
    const rescore_not_allowed = await chunk(rt, null, REP);
    const rescore_first_chunk = await chunk(rt, null);
    demo.sandbox.control.setFaults({
      schedule: [{ request: 1, fault: 'partialBatch', count: 8 }],
      partialBatchShare: 0.02,
      paths: ['/crm/v3/objects/companies/batch/update'],
    });
    const rescore_with_failures = await chunk(rt, cursorOf(rescore_first_chunk));
    demo.sandbox.control.setFaults({
      schedule: [{ request: 1, fault: 'rateLimit', count: 10 }],
      paths: ['/crm/v3/objects/deals/batch/update'],
    });
    const rescore_interrupted = await chunk(rt, cursorOf(rescore_with_failures), MANAGER, {
      ...WHOLE_RESCORE,
    });
    demo.sandbox.control.setFaults(undefined);
    const rescore_resumed = await chunk(rt, cursorOf(rescore_interrupted));
    const rescore_done = await chunk(rt, cursorOf(rescore_resumed), MANAGER, WHOLE_RESCORE);
    // The records that failed above are still stale: a new run from the start picks them up.
    await chunk(rt, null, MANAGER, WHOLE_RESCORE);
    const rescore_nothing_stale = await chunk(rt, null, MANAGER, WHOLE_RESCORE);

    const queued = [];
    for (const name of ['Grocery loyalty app', 'Grocery kiosks']) {
      const companyId = await createCompany(demo.hs, COMPANIES.off_strategy);
      const dealId = await createDeal(demo.hs, plainDeal(name, '48000'), { companyId });
      await invokeRequestException(rt, hubspotContext({ dealId, reason: REASON, user: REP }), true);
      queued.push(dealId);
    }
    const [approveId = '', rejectId = ''] = queued;
    const review_manager = await reviewAs(rt, MANAGER);
    const review_rep = await reviewAs(rt, REP);
    const review_filtered = await reviewAs(rt, MANAGER, {
      ownerId: '70110003',
      pipelineId: 'default',
    });
    const review_chunk_1 = await reviewAs(rt, MANAGER, undefined, ONE_BLOCK);
    const review_chunk_2 = await reviewAs(
      rt,
      MANAGER,
      undefined,
      ONE_BLOCK,
      reviewCursorOf(review_chunk_1),
    );
    const review_chunk_3 = await reviewAs(
      rt,
      MANAGER,
      undefined,
      ONE_BLOCK,
      reviewCursorOf(review_chunk_2),
    );
    // HubSpot fails the deals (past the client's retries): the chunk answers the companies.
    demo.sandbox.control.setFaults({
      rates: { serverError: 1 },
      paths: ['/crm/v3/objects/deals'],
      methods: ['GET'],
    });
    const review_stopped = await reviewAs(rt, MANAGER);
    demo.sandbox.control.setFaults(undefined);
    const decide = (dealId: string, decision: 'approve' | 'reject', user: CardUser) =>
      invokeDecideException(rt, hubspotContext({ dealId, decision, user }), true);
    const decide_not_allowed = await decide(approveId, 'approve', REP);
    const decide_approved = await decide(approveId, 'approve', MANAGER);
    const decide_rejected = await decide(rejectId, 'reject', MANAGER);
    const review_after_decisions = await reviewAs(rt, MANAGER);

    const down = createRuntime({ accessToken: demo.sandbox.token, basePath: await closedOrigin() });
    const fixtures: PageFixtures = {
      review_no_strategy,
      review_empty_portal,
      review_nothing_scored,
      review_manager,
      review_rep,
      review_filtered,
      review_chunk_1,
      review_chunk_2,
      review_chunk_3,
      review_stopped,
      review_after_decisions,
      review_error_unavailable: await reviewAs(down, MANAGER),
      rescore_first_chunk,
      rescore_with_failures,
      rescore_interrupted,
      rescore_resumed,
      rescore_done,
      rescore_nothing_stale,
      rescore_not_allowed,
      decide_approved,
      decide_rejected,
      decide_not_allowed,
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
