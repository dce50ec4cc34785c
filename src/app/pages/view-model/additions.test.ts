// The view models of the SCORING §13/§15 routes on the real functions' answers
// (producePageFixtures), and the few rules they add: what a stopped read marks partial, words for
// a win record without closed deals, "other" competitors, the segment columns, the flags.
import type { StrategyReviewValue } from '@strategy-fit/core';
import { beforeAll, describe, expect, it } from 'vitest';

import { reviewValueOfAnswers } from '../../../../test/support/pages/helpers.ts';
import type { PageFixtures } from '../../../../test/support/pages/page-fixtures.ts';
import { loadPageFixtures } from '../../../../test/support/pages/page-fixtures.ts';
import { criteriaOf, FLAG_WORDS } from './criteria.ts';
import { focusBoardOf, totalWords } from './focus-board.ts';
import { focusGuardViewOf } from './focus-guard.ts';
import { marketOf, winWords } from './market.ts';

let fixtures: PageFixtures;
beforeAll(async () => {
  fixtures = await loadPageFixtures();
}, 60_000);

const reviewOf = (name: keyof PageFixtures): StrategyReviewValue =>
  reviewValueOfAnswers([fixtures[name]], 'HubSpot stopped the read.');

describe('the §13/§15 view models', () => {
  it('words: a win record without closed deals is “—”; amounts unknown on some deals are said', () => {
    expect(winWords({ closed: 0, won: 0, winRate: null })).toBe('—');
    expect(winWords({ closed: 40, won: 6, winRate: 0.15 })).toBe('15 % of 40');
    expect(totalWords({ count: 12, amount: 800_474, withoutAmount: 1 })).toBe(
      '12 deals · 800,474 (1 without an amount)',
    );
    expect(totalWords({ count: 1, amount: 0, withoutAmount: 0 })).toBe('1 deal · 0');
  });

  it('a read stopped before the companies: the focus guard and criterion evidence are partial, the focus board (open deals) whole', () => {
    const value = reviewOf('review_stopped');
    expect(focusGuardViewOf(value).partial).toBe(true);
    expect(focusGuardViewOf(value).summary).toMatch(
      /Partial: it counts only the companies read\.$/,
    );
    expect(criteriaOf(value).partial).toBe(true);
    expect(focusBoardOf(value).partial).toBe(false);
    expect(marketOf(value).competitors.partial).toBe(false);
  });

  it('competitors: “other” named, the segment columns are every segment any row has, the losing ones marked', () => {
    const value = reviewOf('review_queued');
    const view = marketOf(value).competitors;
    const c = value.review.competitors;
    expect(view.rows.find((r) => r.key === 'other')?.name).toBe('Other (not in the strategy)');
    const segments = new Set(c.rows.flatMap((r) => r.bySegment.map((s) => s.segmentId ?? '')));
    expect(new Set(view.segmentColumns.map((s) => s.key))).toEqual(segments);
    for (const row of view.rows) expect(row.segments).toHaveLength(segments.size);
    expect(view.rows.filter((r) => r.losing).map((r) => r.key)).toEqual(
      c.rows
        .filter((r) => c.whereWeLose.some((l) => l.competitorId === r.competitorId))
        .map((r) => r.competitorId),
    );
  });

  it('criterion evidence: flags counted and worded, the note and the window carried', () => {
    const value = reviewOf('review_queued');
    const view = criteriaOf(value);
    const flags = value.review.criterionEvidence.segments.flatMap((s) =>
      s.criteria.filter((c) => c.flag !== null).map((c) => c.flag),
    );
    expect(view.flagged).toBe(flags.length);
    expect(
      view.segments.flatMap((s) => s.rows.flatMap((r) => (r.flag === null ? [] : [r.flag.label]))),
    ).toEqual(flags.map((f) => (f === null ? '' : FLAG_WORDS[f])));
    expect(view.note).toBe(value.review.criterionEvidence.note);
    expect(view.evidenceWindow).toBe(value.review.evidenceWindow.note);
  });
});
