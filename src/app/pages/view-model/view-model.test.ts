// The page's view models on the real functions' answers (producePageFixtures), and the few rules
// they add: which state the portal is in, what a stopped read marks partial, the wording of
// an exception's state, the miscalibration warning, the rescore's progress.
import {
  addReviewChunk,
  ErrorCode,
  reviewValueOf,
  StrategyReviewResponse,
} from '@strategy-fit/core';
import type { ExceptionState, StrategyReviewValue } from '@strategy-fit/core';
import { beforeAll, describe, expect, it } from 'vitest';

import type { PageFixtures } from '../testing/page-fixtures.ts';
import { loadPageFixtures } from '../testing/page-fixtures.ts';
import { evidenceOf } from './evidence.ts';
import { overviewOf, portalState, staleOf } from './overview.ts';
import { errorView } from './page-error.ts';
import { exceptionStatus } from './pipeline.ts';
import { IDLE_RUN, progressOf } from './rescore.ts';

let fixtures: PageFixtures;
beforeAll(async () => {
  fixtures = await loadPageFixtures();
}, 60_000);

/** The review the page shows from one chunk (a stopped chunk: the figures so far, partial). */
const reviewOf = (name: keyof PageFixtures): StrategyReviewValue => {
  const answer = StrategyReviewResponse.parse(fixtures[name]);
  if (!answer.ok) throw new Error(`${name} is an error`);
  return reviewValueOf(addReviewChunk(null, answer.value), 'HubSpot stopped the read.');
};

describe('the overview’s view', () => {
  it('tells an empty portal, one never scored and a scored one apart', () => {
    expect(portalState(reviewOf('review_empty_portal'))).toBe('empty_portal');
    expect(portalState(reviewOf('review_nothing_scored'))).toBe('nothing_scored');
    expect(portalState(reviewOf('review_manager'))).toBe('scored');
  });

  it('a read stopped before the deals: the companies are whole, the deals’ figures partial', () => {
    const value = reviewOf('review_stopped');
    const view = overviewOf(value);
    expect(view.companies.partial).toBe(false);
    expect(view.companies.bars.reduce((n, b) => n + b.value, 0)).toBe(value.reads.companies);
    expect(view.openAmount.partial).toBe(true);
    expect(staleOf(value)).toEqual({
      companies: value.review.staleScores.companies.stale,
      deals: 0,
    });
  });
});

describe('the evidence view', () => {
  it('warns when off-strategy deals win at least as often as fit deals', () => {
    const value = reviewOf('review_manager');
    expect(evidenceOf(value, 1).warning).toBeNull();
    const mis = value.review.miscalibration;
    const swapped: StrategyReviewValue = {
      ...value,
      review: {
        ...value.review,
        miscalibration: {
          ...mis,
          status: 'miscalibrated',
          warning: true,
          fitDeals: mis.offStrategyDeals,
          offStrategyDeals: mis.fitDeals,
        },
      },
    };
    expect(evidenceOf(swapped, 1).warning).toMatch(
      /^The strategy may be miscalibrated: off-strategy deals win 38 % of the time \(100 closed\)/,
    );
  });
});

describe('wording', () => {
  const base: ExceptionState = {
    status: 'none',
    active: false,
    expired: false,
    note: null,
    by: null,
    expiresOn: null,
  };
  it.each([
    [false, base, 'Unapproved'],
    [false, { ...base, status: 'requested' as const }, 'Exception requested'],
    [false, { ...base, status: 'rejected' as const }, 'Exception rejected'],
    [
      true,
      { ...base, status: 'approved' as const, active: true, expiresOn: '2027-02-25' },
      'Approved until 2027-02-25',
    ],
    [
      false,
      { ...base, status: 'approved' as const, expired: true, expiresOn: '2026-01-01' },
      'Expired (2026-01-01)',
    ],
  ])('an off-strategy deal’s exception (approved %s): %j is “%s”', (approved, e, label) => {
    expect(exceptionStatus(approved, e).label).toBe(label);
  });

  it('every error code has a title and advice; function_failed and invalid_response too', () => {
    for (const code of [...ErrorCode.options, 'function_failed', 'invalid_response'] as const) {
      const view = errorView({ code, message: '' });
      expect(view.title.length).toBeGreaterThan(0);
      expect(view.advice.length).toBeGreaterThan(0);
    }
  });

  it('the rescore’s progress: done of done + still stale; a finished run is full', () => {
    const running = {
      ...IDLE_RUN,
      status: 'running' as const,
      processed: 300,
      remainingEstimate: 450,
    };
    expect(progressOf(running)).toMatchObject({ value: 300, maxValue: 750, variant: 'success' });
    const done = { ...running, status: 'done' as const, remainingEstimate: 0, changed: 290 };
    expect(progressOf(done)).toMatchObject({
      value: 300,
      maxValue: 300,
      description: '300 records rescored, 290 written',
    });
  });
});
