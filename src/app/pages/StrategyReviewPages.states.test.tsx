// More states of the review page (createRenderer('pages'), a new renderer per test), each on
// answers the real functions produced against the sandbox (page-fixtures.ts, state-fixtures.ts):
// permission denied, refreshing, both filters, approved exceptions, a rejection, a chosen expiry,
// a partial queue, partial evidence, a miscalibrated strategy, a restarted or failed rescore, and
// an empty portal on every route.
import {
  Alert,
  Button,
  EmptyState,
  ErrorState,
  Select,
  StatusTag,
  Table,
  TableRow,
  Tag,
  Text,
} from '@hubspot/ui-extensions';
import { PageHeader } from '@hubspot/ui-extensions/pages';
import { createRenderer } from '@hubspot/ui-extensions/testing';
import type { StrategyReviewValue } from '@strategy-fit/core';
import { addReviewChunk, reviewValueOf, StrategyReviewResponse } from '@strategy-fit/core';
import { beforeAll, describe, expect, it, vi } from 'vitest';

import { StrategyReviewPages } from './StrategyReviewPages.tsx';
import { allText, deferred, runnerAnswering } from '../../../test/support/pages/helpers.ts';
import type { PageFixtures } from '../../../test/support/pages/page-fixtures.ts';
import { loadPageFixtures } from '../../../test/support/pages/page-fixtures.ts';
import type { StateFixtures } from '../../../test/support/pages/state-fixtures.ts';
import { produceStateFixtures } from '../../../test/support/pages/state-fixtures.ts';
import { formatAmount, formatNumber } from './view-model/format.ts';

let fixtures: PageFixtures;
let states: StateFixtures;
beforeAll(async () => {
  [fixtures, states] = await Promise.all([loadPageFixtures(), produceStateFixtures()]);
}, 60_000);

type Script = Readonly<Record<string, readonly unknown[]>>;

const renderPage = (script: Script, path = '/', params: Record<string, string> = {}) => {
  const renderer = createRenderer('pages');
  const { mocks } = renderer;
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

/** The review the page shows from one chunk. */
const valueOf = (answer: unknown): StrategyReviewValue => {
  const parsed = StrategyReviewResponse.parse(answer);
  if (!parsed.ok) throw new Error(parsed.error.message);
  return reviewValueOf(addReviewChunk(null, parsed.value));
};

/** A paginated Table's `onPageChange` (the render props type it only on the paginated variant). */
const isPageHandler = (f: unknown): f is (page: number) => void => typeof f === 'function';

describe('the review page’s states, on real answers', () => {
  it('permission denied: HubSpot refuses the app’s token; the page says to reconnect, with no Retry', async () => {
    const r = renderPage({ strategy_review: [states.review_unauthorized] });
    await r.waitFor(() => expect(r.findByTestId(ErrorState, 'review-error')).toBeDefined());
    expect(allText(r.findByTestId(ErrorState, 'review-error'))).toContain(
      'Ask a HubSpot admin to reinstall or reconnect the Strategy Fit app.',
    );
    expect(r.maybeFindByTestId(Button, 'review-error-retry')).toBeNull();
  });

  it('a reload keeps the figures, marked “refreshing…”, until the new answer comes', async () => {
    const filtered = deferred<unknown>();
    const r = renderPage(
      { strategy_review: [fixtures.review_queued, filtered.promise] },
      '/pipeline',
    );
    await r.waitFor(() => expect(r.findByTestId(Select, 'filter-pipeline')).toBeDefined());
    r.findByTestId(Select, 'filter-pipeline').props.onChange?.('default');
    await r.waitFor(() =>
      expect(r.findByTestId(Text, 'review-stamp').text).toContain('refreshing…'),
    );
    expect(r.findByTestId(Table, 'pipeline-deals')).toBeDefined();
    filtered.resolve(fixtures.review_filtered);
    await r.waitFor(() =>
      expect(r.findByTestId(Text, 'review-stamp').text).not.toContain('refreshing…'),
    );
  });

  it('the pipeline filter asks for that pipeline; Clear filters asks for everything again', async () => {
    const r = renderPage(
      {
        strategy_review: [fixtures.review_queued, fixtures.review_filtered, fixtures.review_queued],
      },
      '/pipeline',
    );
    await r.waitFor(() => expect(r.findByTestId(Select, 'filter-pipeline')).toBeDefined());
    r.findByTestId(Select, 'filter-pipeline').props.onChange?.('default');
    await r.waitFor(() => expect(r.run).toHaveBeenCalledTimes(2));
    expect(r.run).toHaveBeenLastCalledWith('strategy_review', {
      parameters: { filters: { pipelineId: 'default' } },
    });
    await r.waitFor(() =>
      expect(r.findByTestId(Text, 'review-stamp').text).toContain(
        'filtered: pipeline Sales Pipeline',
      ),
    );
    r.findByTestId(Button, 'filter-clear').trigger('onClick');
    await r.waitFor(() => expect(r.run).toHaveBeenCalledTimes(3));
    expect(r.run).toHaveBeenLastCalledWith('strategy_review', { parameters: {} });
    await r.waitFor(() => expect(r.maybeFindByTestId(Button, 'filter-clear')).toBeNull());
  });

  it('approved exceptions: the row says until when, and the totals show them beside the unapproved', async () => {
    const value = valueOf(fixtures.review_after_decisions);
    const p = value.review.offStrategyPipeline;
    const approved = p.deals.find((d) => d.approved);
    if (approved === undefined) throw new Error('no approved exception');
    const r = renderPage({ strategy_review: [fixtures.review_after_decisions] }, '/pipeline');
    await r.waitFor(() => expect(r.findByTestId(Table, 'pipeline-deals')).toBeDefined());
    expect(r.findByTestId(Text, 'pipeline-summary').text).toBe(
      `Unapproved: ${formatAmount(p.unapproved.amount)} (${formatNumber(p.unapproved.count)}) · approved exceptions: ${formatAmount(p.approved.amount)} (${formatNumber(p.approved.count)}) · all: ${formatAmount(p.total.amount)} (${formatNumber(p.total.count)})`,
    );
    // Amounts are largest first: find the approved deal's table page.
    const index = p.deals.indexOf(approved);
    const onPageChange: unknown = Reflect.get(
      r.findByTestId(Table, 'pipeline-deals').props,
      'onPageChange',
    );
    if (!isPageHandler(onPageChange)) throw new Error('the deals table is not paginated');
    onPageChange(Math.floor(index / 25) + 1);
    await r.waitFor(() =>
      expect(r.findByTestId(StatusTag, `deal-status-${approved.dealId}`).text).toBe(
        `Approved until ${approved.exception.expiresOn ?? ''}`,
      ),
    );
    // Its row: amount, owner, stage and reason as the review has them.
    const row = r
      .findByTestId(Table, 'pipeline-deals')
      .findAll(TableRow)
      .map((x) => allText(x))
      .find((t) => t.includes(approved.name ?? '?'));
    expect(row).toContain(formatAmount(approved.amount));
    const ownerName =
      approved.ownerId === null
        ? 'No owner'
        : (value.owners.find((o) => o.id === approved.ownerId)?.name ?? '?');
    expect(row).toContain(ownerName);
    expect(row).toContain('Qualified To Buy');
    expect(row).toContain(approved.reason ?? '?');
    // The owner's totals: unapproved and approved side by side.
    const owner = p.approved.byOwner.find((o) => o.ownerId === approved.ownerId);
    const owners = r
      .findByTestId(Table, 'totals-owner')
      .findAll(TableRow)
      .map((x) => allText(x));
    expect(
      owners.some(
        (t) =>
          t.startsWith(ownerName) &&
          t.includes(`${formatAmount(owner?.amount ?? 0)} (${formatNumber(owner?.count ?? 0)})`),
      ),
    ).toBe(true);
    const reasons = allText(r.findByTestId(Table, 'totals-reason'));
    expect(reasons).toContain('No segment fits (off strategy)');
  });

  it('a queue HubSpot would not read: marked partial, with why', async () => {
    const r = renderPage(
      { strategy_review: [states.review_queue_stopped, states.review_queue_failed] },
      '/exceptions',
    );
    await r.waitFor(() => expect(r.findByTestId(Tag, 'partial-queue').text).toBe('Partial'), {
      timeoutInMs: 5_000,
    });
    expect(r.findByTestId(Text, 'queue-partial-reasons').text).toMatch(
      /^Reading stopped after \d+ deals and \d+ companies: /,
    );
    expect(r.maybeFindByTestId(Alert, 'review-partial')).toBeNull();
  });

  it('partial figures on every route: what the unread companies feed is marked, what the deals alone give is whole', async () => {
    const r = renderPage(
      { strategy_review: [fixtures.review_stopped, fixtures.review_error_unavailable] },
      '/evidence',
    );
    await r.waitFor(
      () => expect(r.findByTestId(Tag, 'partial-false-negatives').text).toBe('Partial'),
      { timeoutInMs: 5_000 },
    );
    // HubSpot stopped the read at the companies: false negatives (won deals joined with their
    // companies' tiers) and dream capacity are partial; every deal was read (deals come first),
    // so the evidence and the off-strategy pipeline are whole.
    expect(r.findByTestId(Tag, 'partial-capacity').text).toBe('Partial');
    expect(r.maybeFindByTestId(Tag, 'partial-evidence')).toBeNull();
    expect(r.findByTestId(Alert, 'review-partial')).toBeDefined();
    r.mocks.setPageLocation({ path: '/pipeline', params: {} });
    await r.waitFor(() => expect(r.findByTestId(Text, 'pipeline-summary')).toBeDefined());
    expect(r.maybeFindByTestId(Tag, 'partial-pipeline')).toBeNull();
  });

  it('a miscalibrated strategy: the warning, the lift below 1, the calibration sentence', async () => {
    const value = valueOf(states.review_miscalibrated);
    const r = renderPage({ strategy_review: [states.review_miscalibrated] }, '/evidence');
    await r.waitFor(() => expect(r.findByTestId(Alert, 'miscalibration')).toBeDefined());
    expect(allText(r.findByTestId(Alert, 'miscalibration'))).toContain(
      'The strategy may be miscalibrated: off-strategy deals win 50 % of the time (20 closed), dream and fit deals 25 % (20 closed).',
    );
    expect(value.review.lift.fitDeals.lift).toBe(0.5);
    expect(r.findByTestId(Text, 'lift-sentence').text).toBe(
      'Dream and fit deals win 0.5x as often as off-strategy deals.',
    );
    expect(r.findByTestId(Text, 'calibration').text).toBe(
      'Off-strategy deals win at least as often as dream and fit deals.',
    );
  });

  it('an empty portal on every route: nothing to list, lift not available yet', async () => {
    const r = renderPage({ strategy_review: [fixtures.review_empty_portal] }, '/pipeline');
    await r.waitFor(() => expect(r.findByTestId(EmptyState, 'pipeline-empty')).toBeDefined());
    r.mocks.setPageLocation({ path: '/exceptions', params: {} });
    await r.waitFor(() => expect(r.findByTestId(EmptyState, 'queue-empty')).toBeDefined());
    r.mocks.setPageLocation({ path: '/evidence', params: {} });
    await r.waitFor(() =>
      expect(r.findByTestId(Text, 'lift-sentence').text).toBe(
        'Lift is not available yet: fewer than 20 closed off-strategy deals.',
      ),
    );
    expect(r.findByTestId(Text, 'calibration').text).toBe(
      'Not enough closed deals to judge the strategy yet: each side needs 20.',
    );
    r.mocks.setPageLocation({ path: '/rescore', params: {} });
    await r.waitFor(() =>
      expect(r.findByTestId(Text, 'rescore-stale').text).toContain('0 companies and 0 deals'),
    );
  });

  it('the header’s action leads to the rescore', async () => {
    const r = renderPage({ strategy_review: [fixtures.review_queued] });
    await r.waitFor(() => expect(r.find(PageHeader.PageLink).props.to).toBe('/rescore'));
    expect(r.find(PageHeader.PageLink).text).toBe('Rescore stale records');
  });
});

describe('the rescore’s other endings, on real answers', () => {
  it('a newer version published during the run: it starts again, and says so', async () => {
    const r = renderPage(
      {
        strategy_review: [fixtures.review_queued],
        rescore_stale: [
          fixtures.rescore_first_chunk,
          states.rescore_restarted,
          fixtures.rescore_done,
        ],
      },
      '/rescore',
    );
    await r.waitFor(() => expect(r.findByTestId(Button, 'rescore-start')).toBeDefined());
    r.findByTestId(Button, 'rescore-start').trigger('onClick');
    await r.waitFor(() => expect(r.findByTestId(Alert, 'rescore-done')).toBeDefined());
    expect(r.findByTestId(Alert, 'rescore-restarted')).toBeDefined();
  });

  it('HubSpot could not run a chunk: the error, the cursor kept in the address, and Resume', async () => {
    const first = fixtures.rescore_first_chunk as { value: { cursor: string } };
    const r = renderPage(
      {
        strategy_review: [fixtures.review_queued],
        rescore_stale: [
          fixtures.rescore_first_chunk,
          new Error('Task timed out after 15.00 seconds'),
          fixtures.rescore_done,
        ],
      },
      '/rescore',
    );
    await r.waitFor(() => expect(r.findByTestId(Button, 'rescore-start')).toBeDefined());
    r.findByTestId(Button, 'rescore-start').trigger('onClick');
    await r.waitFor(() =>
      expect(r.findByTestId(Alert, 'rescore-error').props.title).toBe(
        'Strategy Fit could not be reached',
      ),
    );
    await vi.waitFor(() =>
      expect(r.mocks.actions.navigateToPage.calls.at(-1)).toEqual([
        { to: '/rescore', params: { cursor: first.value.cursor } },
      ]),
    );
    r.findByTestId(Button, 'rescore-resume').trigger('onClick');
    await r.waitFor(() => expect(r.findByTestId(Alert, 'rescore-done')).toBeDefined());
    expect(r.run.mock.calls.filter(([n]) => n === 'rescore_stale').at(2)?.[1].parameters).toEqual({
      cursor: first.value.cursor,
    });
  });
});
