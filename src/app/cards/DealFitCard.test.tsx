import {
  Alert,
  DateInput,
  Flex,
  Form,
  LoadingButton,
  ScoreCircle,
  StatusTag,
  Table,
  Tag,
  Text,
  TextArea,
} from '@hubspot/ui-extensions';
import { createRenderer } from '@hubspot/ui-extensions/testing';
import type { DealScore, ScoreRecordValue } from '@strategy-fit/core';
import { EXCEPTION_VALIDITY_DAYS, ScoreRecordResponse, TIER_WORDS } from '@strategy-fit/core';
import { beforeAll, describe, expect, it } from 'vitest';

import { DealFitCard } from './DealFitCard.tsx';
import type { FunctionRunner } from '@strategy-fit/function-calls';
import type {
  CardFixtures,
  ScoreFixtureName as FixtureName,
} from '../../../test/support/cards/card-fixtures.ts';
import { loadCardFixtures } from '../../../test/support/cards/card-fixtures.ts';
import { allText, runnerAnswering, typeInto } from '../../../test/support/cards/helpers.ts';

let fixtures: CardFixtures;
beforeAll(async () => {
  fixtures = await loadCardFixtures();
}, 60_000);

/** The deal answer inside a fixture, read through the contract. */
const dealOf = (name: FixtureName): ScoreRecordValue & { deal: DealScore } => {
  const answer = ScoreRecordResponse.parse(fixtures[name]);
  if (!answer.ok || answer.value.deal === null) throw new Error(`${name} has no deal`);
  return { ...answer.value, deal: answer.value.deal };
};

const renderCard = (run: FunctionRunner) => {
  const renderer = createRenderer('crm.record.tab');
  const { mocks } = renderer;
  renderer.render(<DealFitCard context={mocks.context} actions={mocks.actions} run={run} />);
  return renderer;
};

/** The card on a deal: score_record answers the fixtures in turn (the last one repeats). */
const renderFixtures = (
  scores: readonly FixtureName[],
  more: Readonly<Record<string, readonly unknown[]>> = {},
) => {
  const run = runnerAnswering({ score_record: scores.map((n) => fixtures[n]), ...more });
  return { ...renderCard(run), run };
};
const renderFixture = (name: FixtureName) => renderFixtures([name]);

const userOf = (r: ReturnType<typeof renderCard>) => ({
  id: String(r.mocks.context.user.id),
  email: r.mocks.context.user.email,
  teamIds: [],
});

const typeReason = (r: ReturnType<typeof renderCard>, text: string) =>
  typeInto(r.findByTestId(TextArea, 'exception-reason'), text);

const ready = async (r: ReturnType<typeof renderCard>, name: FixtureName) => {
  const tier = dealOf(name).deal.tier;
  await r.waitFor(() => expect(r.findByTestId(Tag, 'fit-tier').text).toBe(TIER_WORDS[tier]));
};

describe('deal card (crm.record.tab)', () => {
  it('asks score_record for this deal', async () => {
    const r = renderFixture('deal_fit_focus');
    await ready(r, 'deal_fit_focus');
    expect(r.run).toHaveBeenCalledWith('score_record', {
      parameters: {
        objectType: 'deal',
        objectId: String(r.mocks.context.crm.objectId),
        user: userOf(r),
      },
      propertiesToSend: ['hs_object_id'],
    });
  });

  it('a focus deal: company fit, all three dream-test questions answered yes', async () => {
    const { deal } = dealOf('deal_fit_focus');
    expect(deal.focus).toBe(true);
    const r = renderFixture('deal_fit_focus');
    await ready(r, 'deal_fit_focus');
    expect(r.findByTestId(ScoreCircle, 'fit-score').props.score).toBe(deal.fitScore);
    expect(r.findByTestId(Tag, 'deal-focus').text).toBe('Focus deal');
    for (const group of ['need', 'abilityToPay', 'urgency']) {
      expect(r.findByTestId(StatusTag, `dream-${group}`).text).toBe('Yes');
    }
    expect(r.maybeFindByTestId(Flex, 'exception')).toBeNull();
    expect(r.maybeFind(Alert)).toBeNull();
    expect(r.findByTestId(Table, 'explanation-primary')).toBeDefined();
  });

  it('off strategy: an alert with the reason, and the exception request form', async () => {
    const { deal } = dealOf('deal_off_strategy');
    const r = renderFixture('deal_off_strategy');
    await ready(r, 'deal_off_strategy');
    const alert = r.findByTestId(Alert, 'alert-off_strategy');
    expect(alert.props.variant).toBe('danger');
    expect(alert.text).toBe(deal.reason);
    expect(r.findByTestId(StatusTag, 'exception-status').text).toBe('No exception');
    expect(r.findByTestId(Form, 'exception-form')).toBeDefined();
    expect(r.maybeFindByTestId(Flex, 'exception-decision')).toBeNull();
  });

  it('refused: an alert with the refusal reason', async () => {
    const { deal } = dealOf('deal_refused');
    const r = renderFixture('deal_refused');
    await ready(r, 'deal_refused');
    const alert = r.findByTestId(Alert, 'alert-refused');
    expect(alert.props.variant).toBe('danger');
    expect(alert.text).toBe(deal.reason);
  });

  it('the request form checks the reason as the rep types and sends nothing short', async () => {
    const r = renderFixture('deal_off_strategy');
    await ready(r, 'deal_off_strategy');
    typeReason(r, 'Too short');
    r.findByTestId(Form, 'exception-form').trigger('onSubmit');
    await r.waitFor(() =>
      expect(r.findByTestId(TextArea, 'exception-reason').props).toMatchObject({
        error: true,
        validationMessage: 'Explain why in at least 10 characters (9 so far).',
      }),
    );
    expect(r.run).toHaveBeenCalledTimes(1);
    typeReason(r, 'Too short, but now long');
    await r.waitFor(() =>
      expect(r.findByTestId(TextArea, 'exception-reason').props.error).toBe(false),
    );
  });

  it('a valid request calls request_exception, refreshes the record and rescores', async () => {
    const { deal } = dealOf('deal_off_strategy');
    const r = renderFixtures(['deal_off_strategy', 'deal_exception_requested'], {
      request_exception: [fixtures.exception_request_answer],
    });
    await ready(r, 'deal_off_strategy');
    const reason = 'Strategic logo in a new region';
    typeReason(r, reason);
    await r.waitFor(() =>
      expect(r.findByTestId(TextArea, 'exception-reason').props.description).toContain(
        `(${reason.length} so far)`,
      ),
    );
    r.findByTestId(Form, 'exception-form').trigger('onSubmit');
    await r.waitFor(() =>
      expect(r.findByTestId(StatusTag, 'exception-status').text).toBe('Exception requested'),
    );
    expect(r.run.mock.calls.map(([name]) => name)).toEqual([
      'score_record',
      'request_exception',
      'score_record',
    ]);
    expect(r.run).toHaveBeenCalledWith('request_exception', {
      parameters: { dealId: deal.dealId, reason, user: userOf(r) },
      propertiesToSend: ['hs_object_id'],
    });
    expect(r.mocks.actions.refreshObjectProperties.callCount).toBeGreaterThanOrEqual(1);
    expect(r.maybeFindByTestId(Form, 'exception-form')).toBeNull();
  });

  it('a request the function refuses says why and leaves the form for another try', async () => {
    const r = renderFixtures(['deal_off_strategy'], {
      request_exception: [fixtures.exception_request_too_short],
    });
    await ready(r, 'deal_off_strategy');
    typeReason(r, 'Strategic logo in a new region');
    await r.waitFor(() =>
      expect(r.findByTestId(TextArea, 'exception-reason').props.description).toContain(
        '(30 so far)',
      ),
    );
    r.findByTestId(Form, 'exception-form').trigger('onSubmit');
    await r.waitFor(() =>
      expect(r.findByTestId(Alert, 'exception-error').props.title).toBe(
        'The request was not valid',
      ),
    );
    expect(r.findByTestId(Form, 'exception-form')).toBeDefined();
    expect(r.run.mock.calls.map(([name]) => name)).toEqual(['score_record', 'request_exception']);
  });

  it('exception requested: the rep sees it waiting, with the reason, and no decision buttons', async () => {
    const value = dealOf('deal_exception_requested');
    expect(value.viewerIsManager).toBe(false);
    const r = renderFixture('deal_exception_requested');
    await ready(r, 'deal_exception_requested');
    expect(r.findByTestId(StatusTag, 'exception-status').text).toBe('Exception requested');
    expect(r.findByTestId(Text, 'exception-note').text).toContain(value.deal.exception.note);
    expect(r.maybeFindByTestId(Flex, 'exception-decision')).toBeNull();
    expect(r.maybeFindByTestId(Form, 'exception-form')).toBeNull();
  });

  it('exception requested, seen by a strategy manager: approve with an expiry date', async () => {
    const value = dealOf('deal_exception_requested_manager');
    expect(value.viewerIsManager).toBe(true);
    const approved = dealOf('deal_exception_approved').deal.exception;
    const run = runnerAnswering({
      score_record: [fixtures.deal_exception_requested_manager, fixtures.deal_exception_approved],
      decide_exception: [fixtures.exception_approve_answer],
    });
    const r = renderCard(run);
    await ready(r, 'deal_exception_requested_manager');
    const expiry = r.findByTestId(DateInput, 'exception-expiry').props.value;
    const now = new Date();
    const expected = new Date(
      Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate() + EXCEPTION_VALIDITY_DAYS),
    );
    expect(expiry).toEqual({
      year: expected.getUTCFullYear(),
      month: expected.getUTCMonth(),
      date: expected.getUTCDate(),
    });
    r.findByTestId(LoadingButton, 'exception-approve').trigger('onClick');
    await r.waitFor(() =>
      expect(r.findByTestId(StatusTag, 'exception-status').text).toBe(
        `Approved until ${approved.expiresOn}`,
      ),
    );
    expect(run).toHaveBeenCalledWith('decide_exception', {
      parameters: {
        dealId: value.deal.dealId,
        decision: 'approve',
        expiresOn: expected.toISOString().slice(0, 10),
        user: userOf(r),
      },
      propertiesToSend: ['hs_object_id'],
    });
    expect(r.maybeFindByTestId(Flex, 'exception-decision')).toBeNull();
  });

  it('a strategy manager may reject the request', async () => {
    const value = dealOf('deal_exception_requested_manager');
    const run = runnerAnswering({
      score_record: [fixtures.deal_exception_requested_manager, fixtures.deal_exception_requested],
      decide_exception: [fixtures.exception_reject_answer],
    });
    const r = renderCard(run);
    await ready(r, 'deal_exception_requested_manager');
    r.findByTestId(LoadingButton, 'exception-reject').trigger('onClick');
    await r.waitFor(() => expect(run).toHaveBeenCalledTimes(3));
    expect(r.maybeFindByTestId(Alert, 'exception-error')).toBeNull();
    expect(r.mocks.actions.refreshObjectProperties.callCount).toBeGreaterThanOrEqual(1);
    expect(run).toHaveBeenCalledWith('decide_exception', {
      parameters: { dealId: value.deal.dealId, decision: 'reject', user: userOf(r) },
      propertiesToSend: ['hs_object_id'],
    });
  });

  it('a decision HubSpot refuses (not a strategy manager) says why and changes nothing', async () => {
    const run = runnerAnswering({
      score_record: [fixtures.deal_exception_requested_manager],
      decide_exception: [fixtures.exception_decide_not_allowed],
    });
    const r = renderCard(run);
    await ready(r, 'deal_exception_requested_manager');
    r.findByTestId(LoadingButton, 'exception-approve').trigger('onClick');
    await r.waitFor(() =>
      expect(r.findByTestId(Alert, 'exception-error').props.title).toBe(
        'You are not allowed to do this',
      ),
    );
    expect(r.findByTestId(StatusTag, 'exception-status').text).toBe('Exception requested');
    expect(run.mock.calls.map(([name]) => name)).toEqual(['score_record', 'decide_exception']);
  });

  it('exception approved: valid until its date, and the alert says so', async () => {
    const { deal } = dealOf('deal_exception_approved');
    const r = renderFixture('deal_exception_approved');
    await ready(r, 'deal_exception_approved');
    expect(r.findByTestId(StatusTag, 'exception-status').text).toBe(
      `Approved until ${deal.exception.expiresOn}`,
    );
    const alert = r.findByTestId(Alert, 'alert-off_strategy');
    expect(alert.props).toMatchObject({
      variant: 'warning',
      title: `Off-strategy deal: approved exception until ${deal.exception.expiresOn}`,
    });
    expect(r.maybeFindByTestId(Form, 'exception-form')).toBeNull();
  });

  it('price competition: a warning with the discount', async () => {
    const { deal } = dealOf('deal_price_competition');
    expect(deal.warnings).toContain('price_competition');
    const r = renderFixture('deal_price_competition');
    await ready(r, 'deal_price_competition');
    const warning = r.findByTestId(Alert, 'warning-price_competition');
    expect(warning.props).toMatchObject({
      variant: 'warning',
      title: `Price competition: ${deal.discountPercent}% discount`,
    });
    expect(warning.text).toBe('If we do not stand out, we can only compete on price.');
  });

  it('a deal without a company says so and asks for one', async () => {
    const { deal } = dealOf('deal_no_company');
    const r = renderFixture('deal_no_company');
    await ready(r, 'deal_no_company');
    expect(r.findByTestId(Alert, 'alert-no_company').props.title).toBe('No associated company');
    expect(r.maybeFindByTestId(Flex, 'explanation')).toBeNull();
    const todos = allText(r.findByTestId(Flex, 'fit-todos'));
    for (const todo of deal.todos) expect(todos).toContain(todo.text);
  });
});
