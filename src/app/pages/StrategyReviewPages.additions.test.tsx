// The review page's SCORING §13 and §15 routes — the focus guard at the top, the focus board and
// existing customers, competitors / what customers say / discount bands, criterion evidence — on
// answers the real `strategy_review` produced against sandboxes (never hand-written reviews).
import {
  Alert,
  BarChart,
  Flex,
  Select,
  Table,
  TableCell,
  TableRow,
  Tag,
  Text,
} from '@hubspot/ui-extensions';
import { createRenderer } from '@hubspot/ui-extensions/testing';
import type { StrategyReviewValue, WinRecord } from '@strategy-fit/core';
import { beforeAll, describe, expect, it } from 'vitest';

import { StrategyReviewPages } from './StrategyReviewPages.tsx';
import type { AdditionFixtures } from '../../../test/support/pages/additions-fixtures.ts';
import { produceAdditionFixtures } from '../../../test/support/pages/additions-fixtures.ts';
import {
  allText,
  reviewValueOfAnswers,
  runnerAnswering,
} from '../../../test/support/pages/helpers.ts';
import type { PageFixtures } from '../../../test/support/pages/page-fixtures.ts';
import { loadPageFixtures } from '../../../test/support/pages/page-fixtures.ts';
import { formatAmount, formatNumber } from './view-model/format.ts';

let fixtures: PageFixtures & AdditionFixtures;
beforeAll(async () => {
  fixtures = { ...(await loadPageFixtures()), ...(await produceAdditionFixtures()) };
}, 90_000);

const renderPage = (answers: readonly unknown[], path: string) => {
  const renderer = createRenderer('pages');
  renderer.mocks.setPageLocation({ path, params: {} });
  const run = runnerAnswering({ strategy_review: answers });
  renderer.render(
    <StrategyReviewPages
      context={renderer.mocks.context}
      actions={renderer.mocks.actions}
      run={run}
    />,
  );
  return { ...renderer, run };
};

const reviewOf = (...names: (keyof typeof fixtures)[]): StrategyReviewValue =>
  reviewValueOfAnswers(names.map((n) => fixtures[n]));

type Rendered = ReturnType<typeof renderPage>;
/** The cells of a table's body rows, as text. */
const rowsOf = (r: Rendered, testId: string): string[][] =>
  r
    .findByTestId(Table, testId)
    .findAll(TableRow)
    .slice(1)
    .map((row) => row.findAll(TableCell).map((c) => allText(c).trim()));

/** Written here from the spec's numbers, not with the page's view model. */
const pct = (share: number | null) => (share === null ? '—' : `${Math.round(share * 100)} %`);
const winOf = (w: WinRecord) =>
  w.closed === 0 ? '—' : `${pct(w.winRate)} of ${formatNumber(w.closed)}`;

describe('the focus guard at the top of every route (SCORING §13)', () => {
  it('a focused strategy: what the guard counted, no warning, on each route', async () => {
    const g = reviewOf('review_queued').review.focusGuard;
    expect(g.warnings).toEqual([]);
    for (const path of ['/', '/focus', '/market', '/criteria', '/evidence']) {
      const r = renderPage([fixtures.review_queued], path);
      await r.waitFor(() => expect(r.findByTestId(Text, 'focus-guard-ok')).toBeDefined());
      expect(r.findByTestId(Text, 'focus-guard-ok').text).toBe(
        `Focus guard: ${g.dreamOrFit} of ${g.companies} scored companies (${pct(g.acceptedShare)}) are dream or fit, ${g.refusedOrOffStrategy} refused or off strategy; it warns above ${g.maxAcceptedPercent} %.`,
      );
      expect(r.maybeFindByTestId(Alert, 'focus-guard')).toBeNull();
    }
  });

  it('a strategy that turns nobody away: its three warnings in the spec’s words, above the figures', async () => {
    for (const path of ['/', '/focus']) {
      const r = renderPage([fixtures.review_unfocused], path);
      await r.waitFor(() => expect(r.findByTestId(Alert, 'focus-guard')).toBeDefined());
      expect(r.findByTestId(Text, 'focus-warning-refuses_nobody').text).toBe(
        'If everyone is our customer, we have no customers: this strategy turns nobody away.',
      );
      expect(r.findByTestId(Text, 'focus-warning-no_exclusions').text).toBe(
        'This strategy names no customers we refuse.',
      );
      expect(r.findByTestId(Text, 'focus-warning-accepts_most').text).toBe(
        '100 % of your companies are dream or fit customers: that is not a focus.',
      );
    }
  });
});

describe('the focus board and existing customers (SCORING §12, §15)', () => {
  it('open focus deals, unanswered dream tests by question, price and offer warnings by owner, existing customers by reason and owner', async () => {
    const value = reviewOf('review_queued');
    const { focusBoard: b, existingCustomers: e } = value.review;
    const owners = new Map(value.owners.map((o) => [o.id, o.name]));
    const r = renderPage([fixtures.review_queued], '/focus');
    await r.waitFor(() => expect(r.findByTestId(Text, 'unanswered-total')).toBeDefined());
    expect(r.findByTestId(Text, 'unanswered-total').text).toContain(
      `${formatNumber(b.unanswered.count)} deals · ${formatAmount(b.unanswered.amount)}`,
    );
    expect(rowsOf(r, 'unanswered')).toEqual(
      b.unanswered.byQuestion.map((q) => [q.text, formatNumber(q.count), formatAmount(q.amount)]),
    );
    // The demo portal marks no deal focus: the group says None, never a bare table.
    expect(b.focusDeals.count).toBe(0);
    expect(r.findByTestId(Text, 'focus-deals-none').text).toBe(
      'None: no open deal is marked focus.',
    );
    for (const w of b.warnings) {
      const id = w.warning.replace(/_/g, '-');
      expect(w.count).toBeGreaterThan(0);
      expect(rowsOf(r, id)).toEqual(
        w.byOwner.map((o) => [
          o.ownerId === null ? 'No owner' : (owners.get(o.ownerId) ?? `Owner ${o.ownerId}`),
          formatNumber(o.count),
          formatAmount(o.amount),
        ]),
      );
    }
    expect(e.total.count).toBeGreaterThan(0);
    expect(r.findByTestId(Text, 'existing-total').text).toContain(
      `${formatNumber(e.total.count)} deals · ${formatAmount(e.total.amount)}`,
    );
    expect(rowsOf(r, 'existing-reason').map((row) => row.slice(1))).toEqual(
      e.byReason.map((x) => [formatNumber(x.count), formatAmount(x.amount)]),
    );
    expect(rowsOf(r, 'existing-owner')).toHaveLength(e.byOwner.length);
    expect(r.maybeFindByTestId(Tag, 'partial-focus-board')).toBeNull();
  });

  it('an empty portal: every group says None', async () => {
    const r = renderPage([fixtures.review_empty_portal], '/focus');
    await r.waitFor(() => expect(r.findByTestId(Text, 'focus-deals-none')).toBeDefined());
    for (const id of [
      'unanswered',
      'price-competition',
      'offer-outside-segment',
      'existing-reason',
    ]) {
      expect(r.findByTestId(Text, `${id}-none`).text).toMatch(/^None: /);
    }
    expect(r.maybeFindByTestId(Table, 'existing-owner')).toBeNull();
  });

  it('policy score: existing customers are not set apart, and the page says why', async () => {
    const r = renderPage([fixtures.review_unfocused], '/focus');
    await r.waitFor(() => expect(r.findByTestId(Text, 'existing-scored')).toBeDefined());
    expect(r.findByTestId(Text, 'existing-scored').text).toContain('policy “score”');
  });

  it('the owner and pipeline filters apply: the figures are the filtered review’s', async () => {
    const value = reviewOf('review_filtered');
    const r = renderPage([fixtures.review_filtered], '/focus');
    await r.waitFor(() => expect(r.findByTestId(Text, 'unanswered-total')).toBeDefined());
    // The answer was made for one owner: every row of the board is that owner's.
    const owner = value.owners.find((o) => o.id === value.filters.ownerId)?.name;
    for (const w of value.review.focusBoard.warnings.filter((x) => x.count > 0)) {
      expect(rowsOf(r, w.warning.replace(/_/g, '-')).map((row) => row[0])).toEqual([owner]);
    }
    expect(r.findByTestId(Text, 'unanswered-total').text).toContain(
      `${formatNumber(value.review.focusBoard.unanswered.count)} deals`,
    );
    expect(r.findByTestId(Select, 'filter-owner')).toBeDefined();
  });
});

describe('competitors, what customers say, discount bands (SCORING §15)', () => {
  it('win rate per competitor with a chart, per competitor × segment, open deals; where we lose and to whom; the evidence window', async () => {
    const value = reviewOf('review_queued');
    const c = value.review.competitors;
    const r = renderPage([fixtures.review_queued], '/market');
    await r.waitFor(() => expect(r.findByTestId(Table, 'competitors')).toBeDefined());
    expect(r.findByTestId(Text, 'evidence-window').text).toBe(value.review.evidenceWindow.note);
    expect(r.findByTestId(Text, 'evidence-window').text).toContain(
      'deals closed in the last 365 days',
    );
    const losing = new Set(c.whereWeLose.map((l) => l.competitorId));
    expect(rowsOf(r, 'competitors')).toEqual(
      c.rows.map((row) => [
        row.name ??
          (row.competitorId === 'other' ? 'Other (not in the strategy)' : row.competitorId),
        formatNumber(row.closed),
        formatNumber(row.won),
        pct(row.winRate),
        formatNumber(row.open.count),
        formatAmount(row.open.amount),
        losing.has(row.competitorId) ? 'We lose' : '',
      ]),
    );
    expect(r.findByTestId(BarChart, 'chart-competitors').props.data).toEqual(
      c.rows
        .filter((row) => row.winRate !== null)
        .map((row) => ({
          competitor:
            row.name ??
            (row.competitorId === 'other' ? 'Other (not in the strategy)' : row.competitorId),
          'Win rate %': Math.round((row.winRate ?? 0) * 1000) / 10,
        })),
    );
    // Each competitor × segment cell: the win rate over that segment's closed deals.
    const cells = rowsOf(r, 'competitor-segments');
    const pipewise = c.rows.find((row) => row.competitorId === 'pipewise');
    const first = pipewise?.bySegment.find((s) => s.closed > 0);
    expect(first).toBeDefined();
    expect(cells[0]?.join(' ')).toContain(winOf(first ?? { closed: 0, won: 0, winRate: null }));
    expect(c.whereWeLose.length).toBeGreaterThan(0);
    expect(rowsOf(r, 'where-we-lose').map((row) => row.slice(1, 3))).toEqual(
      c.whereWeLose.map((l) => [`${l.lost} of ${l.closed}`, pct(l.winRate)]),
    );
  });

  it('the five most frequent lost reasons per segment, lost without a reason; win rate by discount band per segment', async () => {
    const value = reviewOf('review_queued');
    const r = renderPage([fixtures.review_queued], '/market');
    await r.waitFor(() => expect(r.findByTestId(Table, 'discount-bands')).toBeDefined());
    for (const s of value.review.customersSay.segments.filter((x) => x.reasons.length > 0)) {
      expect(rowsOf(r, `lost-reasons-${s.segmentId ?? 'none'}`)).toEqual(
        s.reasons.map((x) => [x.reason, formatNumber(x.count), formatAmount(x.amount)]),
      );
      const words = allText(r.findByTestId(Flex, `lost-${s.segmentId ?? 'none'}`));
      expect(words).toContain(
        `Lost without a reason: ${formatNumber(s.withoutReason.count)} ${s.withoutReason.count === 1 ? 'deal' : 'deals'}`,
      );
      expect(words).toContain(
        `${formatNumber(s.lost.count)} ${s.lost.count === 1 ? 'deal' : 'deals'}`,
      );
    }
    const bands = value.review.discountBands;
    expect(rowsOf(r, 'discount-bands')).toEqual([
      ['All segments', ...bands.all.map(winOf)],
      ...bands.segments.map((s) => [s.name ?? s.segmentId ?? 'No segment', ...s.bands.map(winOf)]),
    ]);
  });

  it('an empty portal: no reasons, no losses, every band without deals', async () => {
    const r = renderPage([fixtures.review_empty_portal], '/market');
    await r.waitFor(() => expect(r.findByTestId(Text, 'where-we-lose-none')).toBeDefined());
    expect(r.findByTestId(Text, 'where-we-lose-none').text).toMatch(/^None: /);
    expect(r.maybeFindByTestId(BarChart, 'chart-competitors')).toBeNull();
    expect(rowsOf(r, 'discount-bands')[0]).toEqual(['All segments', '—', '—', '—', '—', '—']);
  });
});

describe('criterion evidence (SCORING §15)', () => {
  it('per segment criterion: win rate on match, miss, unknown; inverse and no_signal tagged; says it uses today’s data', async () => {
    const value = reviewOf('review_queued');
    const e = value.review.criterionEvidence;
    const r = renderPage([fixtures.review_queued], '/criteria');
    await r.waitFor(() => expect(r.findByTestId(Text, 'criteria-note')).toBeDefined());
    expect(r.findByTestId(Text, 'criteria-note').text).toMatch(/today's data/);
    expect(r.findByTestId(Text, 'criteria-counted').text).toContain(
      `${formatNumber(e.deals)} closed deals`,
    );
    for (const s of e.segments) {
      expect(rowsOf(r, `criteria-${s.segmentId}`).map((row) => row.slice(0, 4))).toEqual(
        s.criteria.map((c) => [c.label, winOf(c.match), winOf(c.miss), winOf(c.unknown)]),
      );
      for (const c of s.criteria) {
        const tag = r.maybeFindByTestId(Tag, `flag-${s.segmentId}:${c.index}`);
        expect([c.label, tag?.props.variant ?? null]).toEqual([
          c.label,
          c.flag === null ? null : c.flag === 'inverse' ? 'error' : 'warning',
        ]);
      }
    }
    const flags = e.segments.flatMap((s) => s.criteria.map((c) => c.flag));
    expect(flags).toContain('inverse');
    expect(flags).toContain('no_signal');
  });

  it('a read HubSpot stopped before the companies: criterion evidence and the focus guard are marked partial', async () => {
    const r = renderPage([fixtures.review_stopped, fixtures.review_error_unavailable], '/criteria');
    await r.waitFor(() => expect(r.findByTestId(Tag, 'partial-criteria').text).toBe('Partial'), {
      timeoutInMs: 5_000,
    });
    expect(r.findByTestId(Alert, 'review-partial')).toBeDefined();
    expect(r.findByTestId(Text, 'focus-guard-ok').text).toMatch(
      /Partial: it counts only the companies read\.$/,
    );
  });
});
