import {
  Accordion,
  Alert,
  Button,
  EmptyState,
  ErrorState,
  Flex,
  Heading,
  List,
  LoadingButton,
  LoadingSpinner,
  ScoreCircle,
  Table,
  Tag,
  Text,
} from '@hubspot/ui-extensions';
import { createRenderer } from '@hubspot/ui-extensions/testing';
import type { CompanyScore, Tier } from '@strategy-fit/core';
import { ScoreRecordResponse, TIER_WORDS } from '@strategy-fit/core';
import { beforeAll, describe, expect, it, vi } from 'vitest';

import { CompanyFitCard } from './CompanyFitCard.tsx';
import type { FunctionRunner } from '@strategy-fit/function-calls';
import type {
  CardFixtures,
  ScoreFixtureName as FixtureName,
} from '../../../test/support/cards/card-fixtures.ts';
import { loadCardFixtures } from '../../../test/support/cards/card-fixtures.ts';
import {
  allText,
  deferred,
  listItems,
  runnerAnswering,
  serverlessFailure,
} from '../../../test/support/cards/helpers.ts';

let fixtures: CardFixtures;
beforeAll(async () => {
  fixtures = await loadCardFixtures();
}, 60_000);

/** The company score inside a fixture, read through the contract. */
const companyOf = (name: FixtureName): { company: CompanyScore; version: number } => {
  const answer = ScoreRecordResponse.parse(fixtures[name]);
  if (!answer.ok || answer.value.company === null) throw new Error(`${name} has no company`);
  return { company: answer.value.company, version: answer.value.strategy.version };
};

const renderCard = (run: FunctionRunner) => {
  const renderer = createRenderer('crm.record.tab');
  const { mocks } = renderer;
  renderer.render(<CompanyFitCard context={mocks.context} actions={mocks.actions} run={run} />);
  return renderer;
};

const renderFixture = (name: FixtureName) => {
  const run = runnerAnswering({ score_record: [fixtures[name]] });
  return { ...renderCard(run), run };
};

describe('company card (crm.record.tab)', () => {
  it('asks score_record for the company HubSpot says the card is on; no id, no user', async () => {
    const { run, findByTestId, waitFor } = renderFixture('company_fit');
    await waitFor(() => expect(findByTestId(Tag, 'fit-tier')).toBeDefined());
    expect(run).toHaveBeenCalledOnce();
    expect(run).toHaveBeenCalledWith('score_record', {
      parameters: { objectType: 'company' },
      propertiesToSend: ['hs_object_id'],
    });
  });

  it.each<[FixtureName, Tier]>([
    ['company_dream', 'dream'],
    ['company_fit', 'fit'],
    ['company_stretch', 'stretch'],
    ['company_needs_data', 'needs_data'],
  ])('%s: score, %s tag, segment, reason, explanation, strategy version', async (name, tier) => {
    const { company, version } = companyOf(name);
    expect(company.tier).toBe(tier);
    const { findByTestId, maybeFindByTestId, waitFor } = renderFixture(name);
    await waitFor(() => expect(findByTestId(Tag, 'fit-tier').text).toBe(TIER_WORDS[tier]));
    expect(findByTestId(ScoreCircle, 'fit-score').props.score).toBe(company.fitScore);
    expect(findByTestId(Tag, 'fit-tier').props.variant).toBe(
      tier === 'needs_data' ? 'warning' : tier === 'stretch' ? 'info' : 'success',
    );
    const segment = company.segments.find((s) => s.segmentId === company.segmentId);
    expect(findByTestId(Text, 'fit-segment').text).toBe(segment?.name);
    expect(findByTestId(Text, 'fit-reason').text).toBe(company.reason);
    expect(maybeFindByTestId(Alert, 'alert-off_strategy')).toBeNull();
    expect(maybeFindByTestId(Alert, 'alert-refused')).toBeNull();
    const table = findByTestId(Table, 'explanation-primary');
    for (const c of segment?.criteria ?? []) expect(allText(table)).toContain(c.label);
    expect(findByTestId(Text, 'fit-strategy').text).toContain(`Strategy v${version}`);
  });

  it.each<FixtureName>(['company_dream', 'company_fit', 'company_stretch', 'company_needs_data'])(
    '%s: the segment’s positioning — value proposition, differentiators, expectations (SCORING §10)',
    async (name) => {
      const { positioning } = companyOf(name).company;
      if (positioning === null) throw new Error(`${name} has a positioning`);
      const { findByTestId, waitFor } = renderFixture(name);
      await waitFor(() => expect(findByTestId(Flex, 'positioning')).toBeDefined());
      const section = findByTestId(Flex, 'positioning');
      expect(section.find(Heading).text).toBe(`Positioning for ${positioning.segmentName}`);
      expect(findByTestId(Text, 'positioning-value').text).toBe(positioning.valueProposition);
      expect(listItems(findByTestId(List, 'positioning-differentiators'))).toEqual(
        positioning.differentiators,
      );
      expect(listItems(findByTestId(List, 'positioning-expectations'))).toEqual(
        positioning.expectations,
      );
    },
  );

  it.each<[FixtureName, string]>([
    ['company_no_positioning', 'Fit'],
    ['company_off_strategy', 'Off strategy'],
    ['company_refused', 'Refused'],
  ])('%s: no positioning (a segment without one, or nothing to sell)', async (name, tierWord) => {
    const { company } = companyOf(name);
    expect(company.positioning).toBeNull();
    const { findByTestId, maybeFindByTestId, waitFor } = renderFixture(name);
    await waitFor(() => expect(findByTestId(Tag, 'fit-tier').text).toBe(tierWord));
    expect(maybeFindByTestId(Flex, 'positioning')).toBeNull();
    expect(maybeFindByTestId(Text, 'positioning-value')).toBeNull();
  });

  it('needs_data: lists the to-dos that would raise the tier', async () => {
    const { company } = companyOf('company_needs_data');
    expect(company.todos.length).toBeGreaterThan(0);
    const { findByTestId, waitFor } = renderFixture('company_needs_data');
    await waitFor(() => expect(findByTestId(Tag, 'fit-tier').text).toBe('Needs data'));
    const todos = allText(findByTestId(Flex, 'fit-todos'));
    for (const todo of company.todos) expect(todos).toContain(todo.text);
  });

  it('off_strategy: an alert that cannot be missed, with the reason', async () => {
    const { company } = companyOf('company_off_strategy');
    const { findByTestId, waitFor } = renderFixture('company_off_strategy');
    await waitFor(() => expect(findByTestId(Tag, 'fit-tier').text).toBe('Off strategy'));
    const alert = findByTestId(Alert, 'alert-off_strategy');
    expect(alert.props.variant).toBe('danger');
    expect(alert.text).toBe(company.reason);
    expect(findByTestId(Tag, 'fit-tier').props.variant).toBe('error');
  });

  it('refused: an alert with the refusal reason, and the exclusion that matched', async () => {
    const { company } = companyOf('company_refused');
    const exclusion = company.exclusions.find((x) => x.exclusionId === company.exclusionId);
    const { findByTestId, waitFor } = renderFixture('company_refused');
    await waitFor(() => expect(findByTestId(Tag, 'fit-tier').text).toBe('Refused'));
    const alert = findByTestId(Alert, 'alert-refused');
    expect(alert.props).toMatchObject({
      variant: 'danger',
      title: 'Refused: we do not sell to this company',
    });
    expect(alert.text).toBe(exclusion?.reason);
    expect(findByTestId(ScoreCircle, 'fit-score').props.score).toBe(0);
    expect(findByTestId(Table, 'explanation-exclusion')).toBeDefined();
  });

  it('other segments are collapsed below the best one', async () => {
    const { company } = companyOf('company_dream');
    const { findAll, findByTestId, waitFor } = renderFixture('company_dream');
    await waitFor(() => expect(findByTestId(Tag, 'fit-tier').text).toBe('Dream'));
    const accordions = findAll(Accordion);
    expect(accordions).toHaveLength(company.segments.length - 1);
    expect(accordions.every((a) => a.props.defaultOpen !== true)).toBe(true);
  });

  it('loading: a spinner until score_record answers', async () => {
    const answer = deferred<unknown>();
    const { findByTestId, maybeFindByTestId, waitFor } = renderCard(vi.fn(() => answer.promise));
    expect(findByTestId(LoadingSpinner, 'fit-loading').props.label).toBe(
      'Scoring this record against the strategy…',
    );
    answer.resolve(fixtures.company_fit);
    await waitFor(() => expect(maybeFindByTestId(LoadingSpinner, 'fit-loading')).toBeNull());
    expect(findByTestId(Tag, 'fit-tier').text).toBe('Fit');
  });

  it('error: the message for its code, and Retry calls score_record again', async () => {
    const { run, findByTestId, waitFor } = renderFixture('error_unavailable');
    await waitFor(() => expect(findByTestId(ErrorState, 'fit-error')).toBeDefined());
    expect(findByTestId(ErrorState, 'fit-error').props.title).toBe('HubSpot did not answer');
    run.mockResolvedValueOnce(fixtures.company_fit);
    findByTestId(Button, 'fit-retry').trigger('onClick');
    await waitFor(() => expect(findByTestId(Tag, 'fit-tier').text).toBe('Fit'));
    expect(run).toHaveBeenCalledTimes(2);
  });

  it('a rejected call (HubSpot could not run the function) is an error with Retry', async () => {
    const run = vi.fn<FunctionRunner>().mockRejectedValueOnce(serverlessFailure());
    run.mockResolvedValueOnce(fixtures.company_dream);
    const { findByTestId, waitFor } = renderCard(run);
    await waitFor(() => expect(findByTestId(ErrorState, 'fit-error')).toBeDefined());
    expect(findByTestId(ErrorState, 'fit-error').props.title).toBe(
      'Strategy Fit could not be reached',
    );
    findByTestId(Button, 'fit-retry').trigger('onClick');
    await waitFor(() => expect(findByTestId(Tag, 'fit-tier').text).toBe('Dream'));
  });

  it('an answer outside the contract is an error, never a half-drawn card', async () => {
    const broken = { ok: true, value: { objectType: 'company', tier: 'dream' } };
    const { findByTestId, maybeFindByTestId, waitFor } = renderCard(
      runnerAnswering({ score_record: [broken] }),
    );
    await waitFor(() => expect(findByTestId(ErrorState, 'fit-error')).toBeDefined());
    expect(findByTestId(ErrorState, 'fit-error').props.title).toBe(
      'Strategy Fit sent an answer this card does not understand',
    );
    expect(maybeFindByTestId(Tag, 'fit-tier')).toBeNull();
  });

  it('no strategy published yet: tells the rep a manager must publish one', async () => {
    const { findByTestId, waitFor } = renderFixture('no_strategy');
    await waitFor(() => expect(findByTestId(EmptyState, 'fit-no-strategy')).toBeDefined());
    const empty = findByTestId(EmptyState, 'fit-no-strategy');
    expect(empty.props.title).toBe('No strategy published yet');
    expect(allText(empty)).toContain('A manager must publish one first');
  });

  it('Rescore calls score_record again and keeps the card while it runs', async () => {
    const run = runnerAnswering({ score_record: [fixtures.company_fit] });
    const { findByTestId, waitFor } = renderCard(run);
    await waitFor(() => expect(findByTestId(Tag, 'fit-tier').text).toBe('Fit'));
    const next = deferred<unknown>();
    run.mockReturnValueOnce(next.promise);
    findByTestId(LoadingButton, 'fit-rescore').trigger('onClick');
    await waitFor(() =>
      expect(findByTestId(LoadingButton, 'fit-rescore').props.loading).toBe(true),
    );
    expect(findByTestId(Tag, 'fit-tier').text).toBe('Fit');
    next.resolve(fixtures.company_dream);
    await waitFor(() => expect(findByTestId(Tag, 'fit-tier').text).toBe('Dream'));
    expect(run).toHaveBeenCalledTimes(2);
  });

  it('ignores a stale answer that arrives after a newer one', async () => {
    const slow = deferred<unknown>();
    const run = runnerAnswering({ score_record: [fixtures.company_fit] });
    const { findByTestId, waitFor } = renderCard(run);
    await waitFor(() => expect(findByTestId(Tag, 'fit-tier').text).toBe('Fit'));
    run.mockReturnValueOnce(slow.promise);
    run.mockResolvedValueOnce(fixtures.company_refused);
    findByTestId(LoadingButton, 'fit-rescore').trigger('onClick');
    findByTestId(LoadingButton, 'fit-rescore').trigger('onClick');
    await waitFor(() => expect(findByTestId(Tag, 'fit-tier').text).toBe('Refused'));
    slow.resolve(fixtures.company_dream);
    await slow.promise;
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(findByTestId(Tag, 'fit-tier').text).toBe('Refused');
    expect(run).toHaveBeenCalledTimes(3);
  });
});
