// More of the review page's states, produced by the real functions against sandboxes (as
// page-fixtures.ts does): a token HubSpot refuses, a strategy the evidence calls miscalibrated, an
// exceptions queue HubSpot would not read, and a rescore restarted by a newer version. Test-only:
// the page's bundle never imports this.
import {
  addReviewChunk,
  RescoreStaleResponse,
  reviewValueOf,
  StrategyReviewResponse,
  StrategySchema,
} from '@strategy-fit/core';
import { ASSOCIATION_TYPES, createRecords } from '@strategy-fit/hubspot';
import { createRuntime } from '../../../src/app/functions/src/lib/runtime.ts';
import {
  invokeRescoreStale,
  invokeStrategyReview,
  rescoreAll,
  reviewContext,
  startManagerPortal,
  WHOLE_REVIEW,
} from '../functions/manager-portal.ts';
import {
  COMPANIES,
  createCompany,
  hubspotContext,
  loadExampleStrategy,
  value,
} from '../functions/test-portal.ts';

export type StateFixtures = {
  /** `strategy_review` with a token HubSpot refuses (401): `hubspot_unauthorized`. */
  review_unauthorized: StrategyReviewResponse;
  /** Off-strategy deals win half the time, fit deals a quarter (20 closed each): miscalibrated. */
  review_miscalibrated: StrategyReviewResponse;
  /** HubSpot answers 5xx to every search: the chunk stops at the queue, figures complete… */
  review_queue_stopped: StrategyReviewResponse;
  /** …and the next chunk, at the queue, fails: the page shows the queue partial. */
  review_queue_failed: StrategyReviewResponse;
  /** A chunk called with a cursor of the version before the one now published. */
  rescore_restarted: RescoreStaleResponse;
};

const closedDeals = (companyId: string, name: string, won: number, lost: number) =>
  Array.from({ length: won + lost }, (_, i) => ({
    properties: {
      dealname: `${name} ${i + 1}`,
      amount: String(10_000 + i * 500),
      pipeline: 'default',
      dealstage: i < won ? 'closedwon' : 'closedlost',
      closedate: '2026-10-15',
    },
    associations: [{ toId: companyId, associationTypeId: ASSOCIATION_TYPES.dealToPrimaryCompany }],
  }));

/**
 * Starts a sandbox with 20 closed deals of a fit company (5 won) and 20 of an off-strategy one
 * (10 won), scores it with `rescore_stale`, and records the answers. About a second.
 */
export async function produceStateFixtures(): Promise<StateFixtures> {
  const portal = await startManagerPortal();
  try {
    const fit = await createCompany(portal.hs, COMPANIES.fit);
    const grocer = await createCompany(portal.hs, COMPANIES.off_strategy);
    value(
      await createRecords(portal.hs, 'deals', [
        ...closedDeals(fit, 'Platform', 5, 15),
        ...closedDeals(grocer, 'Loyalty app', 10, 10),
      ]),
    );
    await rescoreAll(portal.runtime);
    const rt = portal.runtime;
    const review_miscalibrated = await invokeStrategyReview(rt, reviewContext(), WHOLE_REVIEW);

    portal.sandbox.control.setFaults({
      rates: { serverError: 1 },
      paths: ['/crm/objects/2026-09/deals/search'],
    });
    const review_queue_stopped = await invokeStrategyReview(rt, reviewContext(), WHOLE_REVIEW);
    const cursor = review_queue_stopped.ok ? review_queue_stopped.value.cursor : null;
    const review_queue_failed = await invokeStrategyReview(
      rt,
      hubspotContext({ cursor }),
      WHOLE_REVIEW,
    );
    portal.sandbox.control.setFaults(undefined);

    const wrongToken = createRuntime({
      accessToken: `${portal.sandbox.token}-revoked`,
      basePath: portal.sandbox.baseUrl,
    });
    const review_unauthorized = await invokeStrategyReview(wrongToken, reviewContext());

    await portal.publish(StrategySchema.parse({ ...loadExampleStrategy(), name: 'FY2027' }));
    const rescore_restarted = await invokeRescoreStale(rt, hubspotContext({ cursor: '1.d.' }), {
      budgetMs: 0,
      blockSize: 200,
    });

    const fixtures: StateFixtures = {
      review_unauthorized,
      review_miscalibrated,
      review_queue_stopped,
      review_queue_failed,
      rescore_restarted,
    };
    check(fixtures);
    return fixtures;
  } finally {
    await portal.close();
  }
}

/** Each answer is in the contract and in the state its name promises. */
function check(f: StateFixtures): void {
  const problems: string[] = [];
  const chunk = (name: keyof StateFixtures) => {
    const parsed = StrategyReviewResponse.safeParse(f[name]);
    return parsed.success && parsed.data.ok ? parsed.data.value : null;
  };
  const review = (name: keyof StateFixtures) => {
    const c = chunk(name);
    return c === null ? null : reviewValueOf(addReviewChunk(null, c), 'HubSpot failed');
  };
  const unauthorized = StrategyReviewResponse.safeParse(f.review_unauthorized);
  if (!unauthorized.success || unauthorized.data.ok) problems.push('review_unauthorized');
  else if (unauthorized.data.error.code !== 'hubspot_unauthorized') {
    problems.push(`review_unauthorized is ${unauthorized.data.error.code}`);
  }
  if (review('review_miscalibrated')?.review.miscalibration.status !== 'miscalibrated') {
    problems.push('review_miscalibrated');
  }
  const queue = review('review_queue_stopped');
  if (
    queue === null ||
    !queue.exceptionsQueue.completeness.partial ||
    queue.review.completeness.partial
  ) {
    problems.push('review_queue_stopped');
  }
  const failed = StrategyReviewResponse.safeParse(f.review_queue_failed);
  if (!failed.success || failed.data.ok) problems.push('review_queue_failed');
  const restarted = RescoreStaleResponse.safeParse(f.rescore_restarted);
  if (!restarted.success || !restarted.data.ok || !restarted.data.value.restarted) {
    problems.push('rescore_restarted');
  }
  if (problems.length > 0) throw new Error(`state fixtures are wrong: ${problems.join('; ')}`);
}
