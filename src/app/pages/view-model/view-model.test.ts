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

import type { PageFixtures } from '../../../../test/support/pages/page-fixtures.ts';
import { loadPageFixtures } from '../../../../test/support/pages/page-fixtures.ts';
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
    expect(portalState(reviewOf('review_queued'))).toBe('scored');
  });

  it('a read stopped before the companies (deals come first): the deals are whole, the companies’ figures partial', () => {
    const value = reviewOf('review_stopped');
    const view = overviewOf(value);
    expect(view.companies.partial).toBe(true);
    expect(view.companies.bars.reduce((n, b) => n + b.value, 0)).toBe(0);
    expect(view.openAmount.partial).toBe(false);
    expect(value.reads).toMatchObject({ companies: 0, complete: false });
    expect(staleOf(value)).toEqual({
      companies: 0,
      deals: value.review.staleScores.deals.stale,
    });
  });
});

type Miscalibration = StrategyReviewValue['review']['miscalibration'];
/** The manager's review with its miscalibration figures changed. */
const withMiscalibration = (
  value: StrategyReviewValue,
  change: (mis: Miscalibration) => Partial<Miscalibration>,
): StrategyReviewValue => ({
  ...value,
  review: {
    ...value.review,
    miscalibration: {
      ...value.review.miscalibration,
      status: 'miscalibrated',
      warning: true,
      ...change(value.review.miscalibration),
    },
  },
});

/** A win rate as the page words it, computed here from the counts: “39 %”. */
const share = (won: number, closed: number): string => `${Math.round((100 * won) / closed)} %`;

describe('the evidence view', () => {
  it('warns when off-strategy deals win at least as often as fit deals', () => {
    const value = reviewOf('review_queued');
    expect(evidenceOf(value, 1).warning).toBeNull();
    // The fixture's own figures (the review's evidence window), shown as the off-strategy side.
    const fit = value.review.miscalibration.fitDeals;
    expect(fit.closed).toBeGreaterThan(0);
    const swapped = withMiscalibration(value, (mis) => ({
      offStrategyAsOftenAsFit: true,
      fitDeals: mis.offStrategyDeals,
      offStrategyDeals: mis.fitDeals,
    }));
    expect(evidenceOf(swapped, 1).warning).toMatch(
      new RegExp(
        `^The strategy may be miscalibrated: off-strategy deals win ${share(fit.won, fit.closed)} of the time \\(${fit.closed} closed\\)`,
      ),
    );
  });
});

describe('the evidence view: dream deals winning less often (issue 13)', () => {
  it('warns when dream deals win less often than fit, stretch or off-strategy deals', () => {
    const value = reviewOf('review_queued');
    const record = (closed: number, won: number) => ({ closed, won, winRate: won / closed });
    const dreamLosing = withMiscalibration(value, () => ({
      offStrategyAsOftenAsFit: false,
      dreamDeals: record(20, 2),
      dreamBelow: [
        { tier: 'fit', ...record(40, 16) },
        { tier: 'off_strategy', ...record(25, 5) },
      ],
    }));
    const evidence = evidenceOf(dreamLosing, 1);
    expect(evidence.warning).toBe(
      'The strategy may be miscalibrated: dream deals win 10 % of the time (20 closed), less often than fit deals (40 %, 40 closed) and off-strategy deals (20 %, 25 closed). Revisit the segments before trusting the tiers.',
    );
    expect(evidence.calibration).toBe(
      'Dream deals win less often than fit deals and off-strategy deals.',
    );
  });
});

describe('wording', () => {
  const base: ExceptionState = {
    status: 'none',
    active: false,
    expired: false,
    note: null,
    requestedBy: null,
    by: null,
    expiresOn: null,
    seq: 0,
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
