import {
  Alert,
  BarChart,
  Button,
  EmptyState,
  ErrorState,
  Link,
  LoadingButton,
  LoadingSpinner,
  ProgressBar,
  Select,
  StatisticsItem,
  StatusTag,
  Table,
  TableRow,
  Tag,
  Text,
} from '@hubspot/ui-extensions';
import { createRenderer } from '@hubspot/ui-extensions/testing';
import type { RescoreStaleValue, ReviewChunks, StrategyReviewValue } from '@strategy-fit/core';
import {
  addReviewChunk,
  RescoreStaleResponse,
  reviewValueOf,
  StrategyReviewResponse,
  TIER_WORDS,
} from '@strategy-fit/core';
import { beforeAll, describe, expect, it, vi } from 'vitest';

import { StrategyReviewPages } from './StrategyReviewPages.tsx';
import { allText, deferred, runnerAnswering } from '../../../test/support/pages/helpers.ts';
import type { PageFixtures } from '../../../test/support/pages/page-fixtures.ts';
import { loadPageFixtures } from '../../../test/support/pages/page-fixtures.ts';
import { formatAmount, formatNumber } from './view-model/format.ts';
import { recordUrl } from './view-model/links.ts';

let fixtures: PageFixtures;
beforeAll(async () => {
  fixtures = await loadPageFixtures();
}, 60_000);

type Script = Readonly<Record<string, readonly unknown[]>>;

/** The page at `path` (and URL params); the runner answers from the script. */
const renderPage = (script: Script, path = '/', params: Record<string, string> = {}) => {
  const renderer = createRenderer('pages');
  const { mocks } = renderer;
  // HubSpot's navigation changes the page's location (after the effect that asked for it); the
  // mock only records the call.
  mocks.actions.navigateToPage.willCall((o) => {
    setTimeout(() => mocks.setPageLocation({ path: o.to, params: o.params ?? {} }), 0);
  });
  mocks.setPageLocation({ path, params });
  const run = runnerAnswering(script);
  renderer.render(
    <StrategyReviewPages context={mocks.context} actions={mocks.actions} run={run} />,
  );
  return { ...renderer, run };
};

/** The review the page shows from these chunks (the last a stop: the figures so far, partial). */
const reviewOf = (...names: (keyof PageFixtures)[]): StrategyReviewValue => {
  let merged: ReviewChunks | null = null;
  for (const name of names) {
    const answer = StrategyReviewResponse.parse(fixtures[name]);
    if (!answer.ok) throw new Error(`${name} is an error`);
    merged = addReviewChunk(merged, answer.value);
  }
  if (merged === null) throw new Error('no chunk');
  return reviewValueOf(merged);
};

const chunkOf = (name: keyof PageFixtures): RescoreStaleValue => {
  const answer = RescoreStaleResponse.parse(fixtures[name]);
  if (!answer.ok) throw new Error(`${name} is an error`);
  return answer.value;
};

const namesCalled = (r: ReturnType<typeof renderPage>) => r.run.mock.calls.map(([n]) => n);

describe('the review page: loading, errors, empty portals', () => {
  it('asks strategy_review for the whole portal while showing a spinner', async () => {
    const answer = deferred<unknown>();
    const r = renderPage({ strategy_review: [answer.promise] });
    expect(r.findByTestId(LoadingSpinner, 'review-loading')).toBeDefined();
    // The call starts in an effect and renders nothing new: poll for it.
    await vi.waitFor(() =>
      expect(r.run).toHaveBeenCalledWith('strategy_review', { parameters: {} }),
    );
    answer.resolve(fixtures.review_queued);
    await r.waitFor(() =>
      expect(r.findByTestId(StatisticsItem, 'headline-open-pipeline')).toBeDefined(),
    );
  });

  it('an error by its code, with Retry where it may help', async () => {
    const r = renderPage({
      strategy_review: [fixtures.review_error_unavailable, fixtures.review_queued],
    });
    await r.waitFor(() =>
      expect(r.findByTestId(ErrorState, 'review-error').props.title).toBe('HubSpot did not answer'),
    );
    r.findByTestId(Button, 'review-error-retry').trigger('onClick');
    await r.waitFor(() => expect(r.findByTestId(StatisticsItem, 'headline-stale')).toBeDefined());
    expect(namesCalled(r)).toEqual(['strategy_review', 'strategy_review']);
  });

  it('HubSpot could not run the function, or it answered outside the contract', async () => {
    const failed = renderPage({
      strategy_review: [new Error('Task timed out after 15.00 seconds')],
    });
    await failed.waitFor(() =>
      expect(failed.findByTestId(ErrorState, 'review-error').props.title).toBe(
        'Strategy Fit could not be reached',
      ),
    );
    const odd = renderPage({ strategy_review: [{ ok: true, value: { review: 'all good' } }] });
    await odd.waitFor(() =>
      expect(odd.findByTestId(ErrorState, 'review-error').props.title).toBe(
        'Strategy Fit sent an answer this page does not understand',
      ),
    );
  });

  it('no strategy published yet: an empty state on every route, and Check again', async () => {
    const r = renderPage({ strategy_review: [fixtures.review_no_strategy] }, '/rescore');
    await r.waitFor(() => expect(r.findByTestId(EmptyState, 'review-no-strategy')).toBeDefined());
    expect(r.maybeFindByTestId(Button, 'rescore-start')).toBeNull();
    r.findByTestId(Button, 'review-no-strategy-retry').trigger('onClick');
    await r.waitFor(() => expect(r.run).toHaveBeenCalledTimes(2));
  });

  it('an empty portal: no companies or deals yet', async () => {
    const r = renderPage({ strategy_review: [fixtures.review_empty_portal] });
    await r.waitFor(() => expect(r.findByTestId(EmptyState, 'overview-empty')).toBeDefined());
  });

  it('nothing scored yet: the overview says so, and the Rescore route shows what is stale', async () => {
    const value = reviewOf('review_nothing_scored');
    const r = renderPage({ strategy_review: [fixtures.review_nothing_scored] });
    await r.waitFor(() =>
      expect(r.findByTestId(EmptyState, 'overview-nothing-scored')).toBeDefined(),
    );
    r.mocks.setPageLocation({ path: '/rescore', params: {} });
    await r.waitFor(() =>
      expect(r.findByTestId(Text, 'rescore-stale').text).toContain(
        `${formatNumber(value.review.staleScores.companies.stale)} companies`,
      ),
    );
  });

  it('an unknown route: not found, inside the layout', async () => {
    const r = renderPage({ strategy_review: [fixtures.review_queued] }, '/nowhere');
    await r.waitFor(() => expect(r.findByTestId(EmptyState, 'not-found')).toBeDefined());
  });
});

describe('overview', () => {
  it('headline figures and the tier distributions as charts, from the review', async () => {
    const value = reviewOf('review_queued');
    const r = renderPage({ strategy_review: [fixtures.review_queued] });
    await r.waitFor(() => expect(r.findByTestId(BarChart, 'chart-companies')).toBeDefined());
    expect(r.findByTestId(StatisticsItem, 'headline-open-pipeline').props.number).toBe(
      formatAmount(value.review.totals.openDeals.amount),
    );
    expect(r.findByTestId(StatisticsItem, 'headline-unapproved').props.number).toBe(
      formatAmount(value.review.offStrategyPipeline.unapproved.amount),
    );
    const companies = r.findByTestId(BarChart, 'chart-companies').props.data;
    expect(companies).toEqual(
      value.review.tierDistribution.companies.rows.map((row) => ({
        tier: row.tier === null ? 'Not scored' : TIER_WORDS[row.tier],
        Companies: row.count,
      })),
    );
    const amounts = r.findByTestId(BarChart, 'chart-open-amount').props.data;
    expect(amounts).toEqual(
      value.review.tierDistribution.openDeals.rows.map((row) => ({
        tier: row.tier === null ? 'Not scored' : TIER_WORDS[row.tier],
        Amount: row.amount,
      })),
    );
    expect(r.maybeFindByTestId(Alert, 'review-partial')).toBeNull();
    expect(r.maybeFind(Tag)).toBeNull();
  });

  it('a review read in chunks: each call continues at the last cursor, with progress, to the whole review', async () => {
    const chunk2 = deferred<unknown>();
    const r = renderPage({
      strategy_review: [fixtures.review_chunk_1, chunk2.promise, fixtures.review_chunk_3],
    });
    const first = StrategyReviewResponse.parse(fixtures.review_chunk_1);
    const deals = first.ok ? first.value.read.deals : 0;
    await r.waitFor(() =>
      expect(r.findByTestId(LoadingSpinner, 'review-loading').props.label).toBe(
        `Reading the portal’s scores… ${formatNumber(deals)} deals and 0 companies so far`,
      ),
    );
    chunk2.resolve(fixtures.review_chunk_2);
    const value = reviewOf('review_chunk_1', 'review_chunk_2', 'review_chunk_3');
    await r.waitFor(() =>
      expect(r.findByTestId(StatisticsItem, 'headline-open-pipeline').props.number).toBe(
        formatAmount(value.review.totals.openDeals.amount),
      ),
    );
    const cursors = r.run.mock.calls.map(([, o]) => (o?.parameters as { cursor?: string }).cursor);
    const answered = (['review_chunk_1', 'review_chunk_2'] as const).map((n) => {
      const a = StrategyReviewResponse.parse(fixtures[n]);
      return a.ok ? a.value.cursor : null;
    });
    expect(cursors).toEqual([undefined, ...answered]);
    // The same portal as review_queued, read a moment later (its "now" differs).
    const whole = reviewOf('review_queued').review;
    for (const figure of [
      'totals',
      'offStrategyPipeline',
      'tierDistribution',
      'staleScores',
    ] as const) {
      expect(value.review[figure]).toEqual(whole[figure]);
    }
    expect(r.maybeFindByTestId(Alert, 'review-partial')).toBeNull();
  });

  it('a read HubSpot stops: the figures so far, the note says why and how much was read, figures are marked', async () => {
    const r = renderPage({
      strategy_review: [fixtures.review_stopped, fixtures.review_error_unavailable],
    });
    // The page reads the stopped chunk again after a pause; HubSpot fails it: what was read shows.
    await r.waitFor(() => expect(r.findByTestId(Alert, 'review-partial')).toBeDefined(), {
      timeoutInMs: 5_000,
    });
    const note = allText(r.findByTestId(Alert, 'review-partial'));
    const stopped = StrategyReviewResponse.parse(fixtures.review_stopped);
    const read = stopped.ok ? stopped.value.read.deals : 0;
    expect(note).toContain(`Reading stopped after ${read} deals and 0 companies: `);
    expect(note).toContain(`Read ${formatNumber(read)} deals and 0 companies in 1 call.`);
    expect(r.findByTestId(Tag, 'partial-companies').text).toBe('Partial');
    // The deals were all read (deals come first): their figures are whole.
    expect(r.maybeFindByTestId(Tag, 'partial-open-amount')).toBeNull();
    expect(r.findByTestId(StatisticsItem, 'headline-open-pipeline').props.label).toBe(
      'Open pipeline',
    );
  });
});

describe('off-strategy pipeline', () => {
  it('each open off-strategy deal with amount, owner, stage, reason, exception and a link', async () => {
    const value = reviewOf('review_queued');
    const r = renderPage({ strategy_review: [fixtures.review_queued] }, '/pipeline');
    await r.waitFor(() => expect(r.findByTestId(Table, 'pipeline-deals')).toBeDefined());
    const first = value.review.offStrategyPipeline.deals[0];
    if (first === undefined) throw new Error('no off-strategy deal');
    expect(r.findByTestId(Link, `deal-link-${first.dealId}`).props.href).toBe(
      recordUrl(r.mocks.context.portal.id, 'deal', first.dealId),
    );
    const status = first.approved
      ? `Approved until ${first.exception.expiresOn ?? ''}`
      : first.exception.status === 'requested'
        ? 'Exception requested'
        : 'Unapproved';
    expect(r.findByTestId(StatusTag, `deal-status-${first.dealId}`).text).toBe(status);
    const rows = r.findByTestId(Table, 'pipeline-deals').findAll(TableRow);
    expect(rows).toHaveLength(1 + Math.min(25, value.review.offStrategyPipeline.deals.length));
    expect(allText(rows[1] ?? { text: '' })).toContain(formatAmount(first.amount));
    const owners = r.findByTestId(Table, 'totals-owner').findAll(TableRow);
    expect(owners).toHaveLength(1 + value.review.offStrategyPipeline.unapproved.byOwner.length);
    expect(r.findByTestId(Table, 'totals-reason')).toBeDefined();
    expect(r.findByTestId(Table, 'totals-stage')).toBeDefined();
  });

  it('filters by owner and pipeline ask the function again, and the review says it is filtered', async () => {
    const filtered = reviewOf('review_filtered');
    const r = renderPage(
      { strategy_review: [fixtures.review_queued, fixtures.review_filtered] },
      '/pipeline',
    );
    await r.waitFor(() => expect(r.findByTestId(Select, 'filter-owner')).toBeDefined());
    r.findByTestId(Select, 'filter-owner').props.onChange?.(filtered.filters.ownerId ?? '');
    await r.waitFor(() => expect(r.run).toHaveBeenCalledTimes(2));
    expect(r.run).toHaveBeenLastCalledWith('strategy_review', {
      parameters: { filters: { ownerId: filtered.filters.ownerId } },
    });
    await r.waitFor(() =>
      expect(r.findByTestId(Text, 'review-stamp').text).toContain('filtered: owner Priya Raman'),
    );
  });
});

describe('exceptions queue', () => {
  it('each request with the rep’s reason, who asked and when, linked to its deal; no decision on the page', async () => {
    const value = reviewOf('review_queued');
    const [item] = value.exceptionsQueue.items;
    if (item === undefined) throw new Error('empty queue');
    const r = renderPage({ strategy_review: [fixtures.review_queued] }, '/exceptions');
    await r.waitFor(() => expect(r.findByTestId(Table, 'queue')).toBeDefined());
    expect(r.findByTestId(Text, `queue-note-${item.dealId}`).text).toBe(item.note);
    expect(r.findByTestId(Text, `queue-by-${item.dealId}`).text).toBe(
      `Priya Raman, ${item.requestedAt?.slice(0, 10) ?? ''}`,
    );
    expect(r.findByTestId(Link, `queue-link-${item.dealId}`).props.href).toBe(
      `https://app.hubspot.com/contacts/${String(r.mocks.context.portal.id)}/record/0-3/${item.dealId}`,
    );
    // Deciding happens on the deal, where HubSpot records who sets the decision.
    expect(allText(r.findByTestId(Alert, 'queue-decide-on-deal'))).toContain(
      'HubSpot records who set it',
    );
    expect(r.maybeFind(LoadingButton)).toBeNull();
    expect(namesCalled(r)).toEqual(['strategy_review']);
  });

  it('decided requests leave the queue', async () => {
    const r = renderPage({ strategy_review: [fixtures.review_after_decisions] }, '/exceptions');
    await r.waitFor(() => expect(r.findByTestId(EmptyState, 'queue-empty')).toBeDefined());
  });
});

describe('evidence', () => {
  it('win rates per tier and segment, lift, the calibration, false negatives, dream capacity', async () => {
    const value = reviewOf('review_queued');
    const r = renderPage({ strategy_review: [fixtures.review_queued] }, '/evidence');
    await r.waitFor(() => expect(r.findByTestId(Table, 'evidence-tier')).toBeDefined());
    const lift = value.review.lift.fitDeals.lift ?? 0;
    expect(r.findByTestId(Text, 'lift-sentence').text).toBe(
      `Dream and fit deals win ${formatNumber(Math.round(lift * 10) / 10)}x as often as off-strategy deals.`,
    );
    expect(r.maybeFindByTestId(Alert, 'miscalibration')).toBeNull();
    expect(r.findByTestId(Table, 'evidence-tier').findAll(TableRow)).toHaveLength(1 + 6);
    expect(r.findByTestId(Table, 'evidence-segment').findAll(TableRow)).toHaveLength(
      1 + value.review.strategyEvidence.bySegment.length,
    );
    expect(r.findByTestId(Text, 'false-negatives-summary').text).toContain(
      `${formatNumber(value.review.falseNegatives.total.count)} won deals`,
    );
    expect(r.findByTestId(Table, 'capacity').findAll(TableRow)).toHaveLength(
      1 + value.review.dreamCapacity.owners.length,
    );
  });
});

describe('rescore stale records', () => {
  it('runs chunk after chunk with progress; a failure is listed; HubSpot’s pause keeps the cursor; Resume finishes', async () => {
    const first = chunkOf('rescore_first_chunk');
    const withFailures = chunkOf('rescore_with_failures');
    const paused = chunkOf('rescore_interrupted');
    const r = renderPage(
      {
        strategy_review: [fixtures.review_queued],
        rescore_stale: [
          fixtures.rescore_first_chunk,
          fixtures.rescore_with_failures,
          fixtures.rescore_interrupted,
          fixtures.rescore_resumed,
          fixtures.rescore_done,
        ],
      },
      '/rescore',
    );
    await r.waitFor(() => expect(r.findByTestId(Button, 'rescore-start')).toBeDefined());
    r.findByTestId(Button, 'rescore-start').trigger('onClick');
    await r.waitFor(() =>
      expect(r.findByTestId(Alert, 'rescore-error').props.title).toBe('Paused: HubSpot is busy'),
    );
    const calls = r.run.mock.calls.filter(([n]) => n === 'rescore_stale');
    expect(calls.map(([, o]) => o.parameters)).toEqual([
      {},
      { cursor: first.cursor },
      { cursor: withFailures.cursor },
    ]);
    const processed = first.processed + withFailures.processed;
    const bar = r.findByTestId(ProgressBar, 'rescore-progress').props;
    expect([bar.value, bar.maxValue, bar.variant]).toEqual([
      processed,
      processed + paused.remainingEstimate,
      'warning',
    ]);
    const [failure] = withFailures.failed;
    expect(allText(r.findByTestId(Table, 'rescore-failures-table'))).toContain(
      `Company ${failure?.id ?? ''} ${failure?.code ?? ''}`,
    );
    // The stopped run's cursor is in the page's address, for a reload.
    await vi.waitFor(() =>
      expect(r.mocks.actions.navigateToPage.calls.at(-1)).toEqual([
        { to: '/rescore', params: { cursor: paused.cursor } },
      ]),
    );
    r.findByTestId(Button, 'rescore-resume').trigger('onClick');
    await r.waitFor(() => expect(r.findByTestId(Alert, 'rescore-done')).toBeDefined());
    expect(r.run.mock.calls.filter(([n]) => n === 'rescore_stale').at(3)?.[1].parameters).toEqual({
      cursor: paused.cursor,
    });
    // At the end the review is read again.
    await vi.waitFor(() => expect(namesCalled(r).at(-1)).toBe('strategy_review'));
  });

  it('Stop ends the run after the chunk under way; after a reload, Resume continues at the URL’s cursor', async () => {
    const first = chunkOf('rescore_first_chunk');
    const answer = deferred<unknown>();
    const r = renderPage(
      {
        strategy_review: [fixtures.review_queued],
        rescore_stale: [answer.promise, fixtures.rescore_with_failures],
      },
      '/rescore',
    );
    await r.waitFor(() => expect(r.findByTestId(Button, 'rescore-start')).toBeDefined());
    r.findByTestId(Button, 'rescore-start').trigger('onClick');
    await r.waitFor(() => expect(r.findByTestId(LoadingButton, 'rescore-stop')).toBeDefined());
    r.findByTestId(LoadingButton, 'rescore-stop').trigger('onClick');
    await r.waitFor(() =>
      expect(r.findByTestId(LoadingButton, 'rescore-stop').props.loading).toBe(true),
    );
    answer.resolve(fixtures.rescore_first_chunk);
    await r.waitFor(() => expect(r.findByTestId(Alert, 'rescore-stopped')).toBeDefined());
    expect(r.run.mock.calls.filter(([n]) => n === 'rescore_stale')).toHaveLength(1);
    await vi.waitFor(() =>
      expect(r.mocks.actions.navigateToPage.calls.at(-1)).toEqual([
        { to: '/rescore', params: { cursor: first.cursor } },
      ]),
    );

    // A reload: a new page at the same address, with nothing in memory.
    const reloaded = renderPage(
      {
        strategy_review: [fixtures.review_queued],
        rescore_stale: [fixtures.rescore_with_failures, fixtures.rescore_done],
      },
      '/rescore',
      { cursor: first.cursor ?? '' },
    );
    await reloaded.waitFor(() =>
      expect(reloaded.findByTestId(Button, 'rescore-resume')).toBeDefined(),
    );
    reloaded.findByTestId(Button, 'rescore-resume').trigger('onClick');
    await reloaded.waitFor(() =>
      expect(reloaded.findByTestId(Alert, 'rescore-done')).toBeDefined(),
    );
    expect(reloaded.run).toHaveBeenCalledWith('rescore_stale', {
      parameters: { cursor: first.cursor },
    });
  });

  it('nothing stale: one chunk, done at once', async () => {
    const r = renderPage(
      {
        strategy_review: [fixtures.review_after_decisions],
        rescore_stale: [fixtures.rescore_nothing_stale],
      },
      '/rescore',
    );
    await r.waitFor(() => expect(r.findByTestId(Button, 'rescore-start')).toBeDefined());
    r.findByTestId(Button, 'rescore-start').trigger('onClick');
    await r.waitFor(() => expect(r.findByTestId(Alert, 'rescore-done')).toBeDefined());
    expect(r.findByTestId(ProgressBar, 'rescore-progress').props.valueDescription).toBe(
      '0 records rescored, 0 written',
    );
  });
});
