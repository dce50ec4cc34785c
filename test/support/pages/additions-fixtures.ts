// The review page's SCORING §13/§15 states the demo portal does not show, produced by the real
// functions against a sandbox (as page-fixtures.ts does): a strategy that refuses nobody, names no
// exclusion and calls every company dream (the focus guard's three warnings), and scores existing
// customers as prospects (policy score). Test-only: the page's bundle never imports this.
import {
  addReviewChunk,
  reviewValueOf,
  StrategyReviewResponse,
  StrategySchema,
} from '@strategy-fit/core';

import {
  invokeStrategyReview,
  rescoreAll,
  reviewContext,
  startManagerPortal,
  WHOLE_REVIEW,
} from '../functions/manager-portal.ts';
import {
  COMPANIES,
  createCompany,
  createDeal,
  loadExampleStrategy,
  plainDeal,
} from '../functions/test-portal.ts';

export type AdditionFixtures = {
  /** Three dream companies, no exclusions, policy score: refuses_nobody, no_exclusions, accepts_most. */
  review_unfocused: StrategyReviewResponse;
};

/** The example strategy without exclusions, existing customers scored as prospects. */
const unfocusedStrategy = () => {
  const example = loadExampleStrategy();
  return StrategySchema.parse({
    ...example,
    name: 'Everyone',
    exclusions: [],
    existingCustomers: { ...example.existingCustomers, policy: 'score' },
  });
};

/** Starts a sandbox with three dream companies and a deal each, scores it, reads the review. */
export async function produceAdditionFixtures(): Promise<AdditionFixtures> {
  const portal = await startManagerPortal({ publish: false });
  try {
    await portal.publish(unfocusedStrategy());
    for (const name of ['Northwind', 'Southwind', 'Eastwind']) {
      const companyId = await createCompany(portal.hs, { ...COMPANIES.dream, name });
      await createDeal(portal.hs, plainDeal(`${name} platform`, '52000'), { companyId });
    }
    await rescoreAll(portal.runtime);
    const review_unfocused = await invokeStrategyReview(
      portal.runtime,
      reviewContext(),
      WHOLE_REVIEW,
    );
    const parsed = StrategyReviewResponse.safeParse(review_unfocused);
    const value =
      parsed.success && parsed.data.ok
        ? reviewValueOf(addReviewChunk(null, parsed.data.value))
        : null;
    const codes = value?.review.focusGuard.warnings.map((w) => w.code).join(',');
    if (
      codes !== 'refuses_nobody,no_exclusions,accepts_most' ||
      value?.review.existingCustomers.policy !== 'score'
    ) {
      throw new Error(`addition fixtures are wrong: review_unfocused warns ${codes ?? 'nothing'}`);
    }
    return { review_unfocused };
  } finally {
    await portal.close();
  }
}
