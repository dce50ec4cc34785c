// The review page's fixtures, made by the real functions against sandboxes, not by hand: the
// page's tests call `producePageFixtures()` in `beforeAll` and answer their serverless spy with
// these. Each answer is checked against the contract and the state its name promises.
import { RescoreStaleResponse, StrategyReviewResponse } from '@strategy-fit/core';

import { UNPACED } from '../../../src/app/functions/src/handlers/manager/pacer.ts';
import type { RescoreLimits } from '../../../src/app/functions/src/handlers/rescore-stale.ts';
import { createRuntime } from '../../../src/app/functions/src/lib/runtime.ts';
import type { Runtime } from '../../../src/app/functions/src/lib/runtime.ts';
import { invokeDecideException, invokeRequestException } from './invoke.ts';
import {
  invokeRescoreStale,
  invokeStrategyReview,
  reviewContext,
  startManagerPortal,
  UNPACED_RESCORE,
  UNPACED_REVIEW,
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

/** `strategy_review` answers, one per state the page shows. */
export const REVIEW_FIXTURE_NAMES = [
  'review_no_strategy',
  'review_empty_portal',
  'review_nothing_scored',
  'review_queued',
  'review_filtered',
  'review_partial',
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

const review =
  (check: (v: Extract<StrategyReviewResponse, { ok: true }>['value']) => boolean): Check =>
  (answer) => {
    const parsed = StrategyReviewResponse.safeParse(answer);
    if (!parsed.success) return 'is outside the contract';
    if (!parsed.data.ok) return `failed: ${parsed.data.error.code} ${parsed.data.error.message}`;
    return check(parsed.data.value) ? null : 'is not in the expected state';
  };

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
  review_partial: review((v) => v.review.completeness.partial && v.counts.companiesByTier !== null),
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

/** One page of stale records per chunk, so a run takes several chunks. */
const ONE_PAGE: RescoreLimits = { chunkBudgetMs: 0, graceMs: 10_000, pacer: UNPACED };

const reviewOf = (rt: Runtime, filters?: { ownerId: string; pipelineId: string }) =>
  invokeStrategyReview(rt, reviewContext(filters), UNPACED_REVIEW);

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
      ...UNPACED_RESCORE,
    });
    demo.sandbox.control.setFaults(undefined);
    const rescore_resumed = await chunk(rt, cursorOf(rescore_interrupted));
    const rescore_done = await chunk(rt, cursorOf(rescore_resumed), UNPACED_RESCORE);
    // The records that failed above are still stale: a new run from the start picks them up.
    await chunk(rt, null, UNPACED_RESCORE);
    const rescore_nothing_stale = await chunk(rt, null, UNPACED_RESCORE);

    const queued = [];
    for (const name of ['Grocery loyalty app', 'Grocery kiosks']) {
      const companyId = await createCompany(demo.hs, COMPANIES.off_strategy);
      const dealId = await createDeal(demo.hs, plainDeal(name, '48000'), { companyId });
      writeReason(demo, REP, dealId, REASON);
      await invokeRequestException(rt, hubspotContext({}, { hs_object_id: dealId }), true);
      queued.push(dealId);
    }
    const review_queued = await reviewOf(rt);
    const review_filtered = await reviewOf(rt, {
      ownerId: '70110003',
      pipelineId: 'default',
    });
    const review_partial = await invokeStrategyReview(rt, reviewContext(), {
      readBudgetMs: 0,
      finishBudgetMs: 5_000,
      pacer: UNPACED,
    });
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
      review_partial,
      review_after_decisions,
      review_error_unavailable: await invokeStrategyReview(down, reviewContext()),
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
