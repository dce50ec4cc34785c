import {
  Alert,
  Flex,
  LoadingButton,
  ScoreCircle,
  StatusTag,
  Table,
  Tag,
  Text,
} from '@hubspot/ui-extensions';
import { CrmPropertyList } from '@hubspot/ui-extensions/crm';
import { createRenderer } from '@hubspot/ui-extensions/testing';
import type { DealScore, ScoreRecordValue } from '@strategy-fit/core';
import {
  approvalExpiryBounds,
  EXCEPTION_INPUT_PROPERTIES,
  ScoreRecordResponse,
  TIER_WORDS,
} from '@strategy-fit/core';
import { beforeAll, describe, expect, it } from 'vitest';

import { DealFitCard } from './DealFitCard.tsx';
import type { FunctionRunner } from '@strategy-fit/function-calls';
import type {
  CardFixtures,
  ScoreFixtureName as FixtureName,
} from '../../../test/support/cards/card-fixtures.ts';
import { loadCardFixtures } from '../../../test/support/cards/card-fixtures.ts';
import { allText, runnerAnswering } from '../../../test/support/cards/helpers.ts';

/** The example strategy's manager, as the functions name her. */
const MANAGER_NAME = 'Maya Okafor';

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

const ready = async (r: ReturnType<typeof renderCard>, name: FixtureName) => {
  const tier = dealOf(name).deal.tier;
  await r.waitFor(() => expect(r.findByTestId(Tag, 'fit-tier').text).toBe(TIER_WORDS[tier]));
};

describe('deal card (crm.record.tab)', () => {
  it('asks score_record for the deal HubSpot says the card is on, and sends no id or user', async () => {
    const r = renderFixture('deal_fit_focus');
    await ready(r, 'deal_fit_focus');
    expect(r.run).toHaveBeenCalledWith('score_record', {
      parameters: { objectType: 'deal' },
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

  it('off strategy: an alert with the reason, and the request in HubSpot’s own editor', async () => {
    const { deal } = dealOf('deal_off_strategy');
    const r = renderFixture('deal_off_strategy');
    await ready(r, 'deal_off_strategy');
    const alert = r.findByTestId(Alert, 'alert-off_strategy');
    expect(alert.props.variant).toBe('danger');
    expect(alert.text).toBe(deal.reason);
    expect(r.findByTestId(StatusTag, 'exception-status').text).toBe('No exception');
    // The reason is written in HubSpot's property editor, so HubSpot records who wrote it.
    expect(r.findByTestId(CrmPropertyList, 'exception-reason').props.properties).toEqual([
      EXCEPTION_INPUT_PROPERTIES.reason,
    ]);
    expect(allText(r.findByTestId(Flex, 'exception-request'))).toContain(
      `${MANAGER_NAME} decides.`,
    );
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

  it('asking calls request_exception with nothing but the card’s record, then rescores', async () => {
    const r = renderFixtures(['deal_off_strategy', 'deal_exception_requested'], {
      request_exception: [fixtures.exception_request_answer],
    });
    await ready(r, 'deal_off_strategy');
    r.findByTestId(LoadingButton, 'exception-submit').trigger('onClick');
    await r.waitFor(() =>
      expect(r.findByTestId(StatusTag, 'exception-status').text).toBe('Exception requested'),
    );
    expect(r.run.mock.calls.map(([name]) => name)).toEqual([
      'score_record',
      'request_exception',
      'score_record',
    ]);
    expect(r.run).toHaveBeenCalledWith('request_exception', {
      parameters: {},
      propertiesToSend: ['hs_object_id'],
    });
    expect(r.mocks.actions.refreshObjectProperties.callCount).toBeGreaterThanOrEqual(1);
    expect(r.maybeFindByTestId(Flex, 'exception-request')).toBeNull();
  });

  it.each([
    [
      'no reason written in HubSpot',
      'exception_request_not_verified',
      'HubSpot has no record of your edit yet',
    ],
    ['a reason too short', 'exception_request_too_short', 'The request was not valid'],
  ] as const)(
    'a request refused for %s says why and stays for another try',
    async (_, name, title) => {
      const r = renderFixtures(['deal_off_strategy'], { request_exception: [fixtures[name]] });
      await ready(r, 'deal_off_strategy');
      r.findByTestId(LoadingButton, 'exception-submit').trigger('onClick');
      await r.waitFor(() =>
        expect(r.findByTestId(Alert, 'exception-error').props.title).toBe(title),
      );
      expect(r.findByTestId(Flex, 'exception-request')).toBeDefined();
      expect(r.run.mock.calls.map(([name]) => name)).toEqual(['score_record', 'request_exception']);
    },
  );

  it('exception requested: who asked and why, and the decision fields in HubSpot’s editor', async () => {
    const value = dealOf('deal_exception_requested');
    const r = renderFixture('deal_exception_requested');
    await ready(r, 'deal_exception_requested');
    expect(r.findByTestId(StatusTag, 'exception-status').text).toBe('Exception requested');
    expect(r.findByTestId(Text, 'exception-note').text).toBe(
      `Reason given by ${value.deal.exception.requestedBy ?? ''}: “${value.deal.exception.note ?? ''}”`,
    );
    expect(r.findByTestId(CrmPropertyList, 'exception-decision-fields').props.properties).toEqual([
      EXCEPTION_INPUT_PROPERTIES.decision,
      EXCEPTION_INPUT_PROPERTIES.expires,
    ]);
    const bounds = approvalExpiryBounds(Date.now());
    expect(allText(r.findByTestId(Flex, 'exception-decision'))).toContain(
      `from ${bounds.earliest} to ${bounds.latest}`,
    );
    expect(r.maybeFindByTestId(Flex, 'exception-request')).toBeNull();
  });

  it('confirming an approval names the request the card showed and the choice', async () => {
    const value = dealOf('deal_exception_requested');
    const approved = dealOf('deal_exception_approved').deal.exception;
    const run = runnerAnswering({
      score_record: [fixtures.deal_exception_requested, fixtures.deal_exception_approved],
      decide_exception: [fixtures.exception_approve_answer],
    });
    const r = renderCard(run);
    await ready(r, 'deal_exception_requested');
    r.findByTestId(LoadingButton, 'exception-approve').trigger('onClick');
    await r.waitFor(() =>
      expect(r.findByTestId(StatusTag, 'exception-status').text).toBe(
        `Approved until ${approved.expiresOn ?? ''}`,
      ),
    );
    expect(run).toHaveBeenCalledWith('decide_exception', {
      parameters: { requestSeq: value.deal.exception.seq, decision: 'approve' },
      propertiesToSend: ['hs_object_id'],
    });
    expect(r.maybeFindByTestId(Flex, 'exception-decision')).toBeNull();
  });

  it('confirming a rejection', async () => {
    const value = dealOf('deal_exception_requested');
    const run = runnerAnswering({
      score_record: [fixtures.deal_exception_requested, fixtures.deal_exception_requested],
      decide_exception: [fixtures.exception_reject_answer],
    });
    const r = renderCard(run);
    await ready(r, 'deal_exception_requested');
    r.findByTestId(LoadingButton, 'exception-reject').trigger('onClick');
    await r.waitFor(() => expect(run).toHaveBeenCalledTimes(3));
    expect(r.maybeFindByTestId(Alert, 'exception-error')).toBeNull();
    expect(run).toHaveBeenCalledWith('decide_exception', {
      parameters: { requestSeq: value.deal.exception.seq, decision: 'reject' },
      propertiesToSend: ['hs_object_id'],
    });
  });

  it('a decision HubSpot says a rep set is refused: the card says why and nothing changes', async () => {
    const run = runnerAnswering({
      score_record: [fixtures.deal_exception_requested],
      decide_exception: [fixtures.exception_decide_not_allowed],
    });
    const r = renderCard(run);
    await ready(r, 'deal_exception_requested');
    r.findByTestId(LoadingButton, 'exception-reject').trigger('onClick');
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
    expect(r.maybeFindByTestId(Flex, 'exception-request')).toBeNull();
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
