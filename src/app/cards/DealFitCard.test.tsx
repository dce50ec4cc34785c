import {
  Alert,
  Flex,
  Heading,
  List,
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
  existingBusinessRefusal,
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
import { allText, listItems, runnerAnswering } from '../../../test/support/cards/helpers.ts';

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

  it('a deal with none of the extras: no competitors, no existing-customer tag, no offer warning', async () => {
    const { deal } = dealOf('deal_fit_focus');
    expect([deal.competitors, deal.business, deal.warnings]).toEqual([[], 'new', []]);
    const r = renderFixture('deal_fit_focus');
    await ready(r, 'deal_fit_focus');
    expect(r.maybeFindByTestId(Flex, 'competitors')).toBeNull();
    expect(r.maybeFindByTestId(Tag, 'deal-existing')).toBeNull();
    expect(r.maybeFindByTestId(Alert, 'warning-offer_outside_segment')).toBeNull();
    expect(r.maybeFindByTestId(Alert, 'alert-retained')).toBeNull();
  });

  it('the segment’s positioning: value proposition, differentiators, expectations (SCORING §10)', async () => {
    const positioning = dealOf('deal_fit_focus').deal.positioning;
    if (positioning === null) throw new Error('a fit deal has its segment’s positioning');
    const r = renderFixture('deal_fit_focus');
    await ready(r, 'deal_fit_focus');
    expect(r.findByTestId(Flex, 'positioning').find(Heading).text).toBe(
      `Positioning for ${positioning.segmentName}`,
    );
    expect(r.findByTestId(Text, 'positioning-value').text).toBe(positioning.valueProposition);
    expect(listItems(r.findByTestId(List, 'positioning-differentiators'))).toEqual(
      positioning.differentiators,
    );
    expect(listItems(r.findByTestId(List, 'positioning-expectations'))).toEqual(
      positioning.expectations,
    );
  });

  it.each<FixtureName>(['deal_off_strategy', 'deal_refused'])(
    '%s: no positioning (nothing to sell)',
    async (name) => {
      expect(dealOf(name).deal.positioning).toBeNull();
      const r = renderFixture(name);
      await ready(r, name);
      expect(r.maybeFindByTestId(Flex, 'positioning')).toBeNull();
    },
  );

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

  it('price competition: a warning with the discount, and the differentiators next to it', async () => {
    const { deal } = dealOf('deal_price_competition');
    expect(deal.warnings).toContain('price_competition');
    const positioning = deal.positioning;
    if (positioning === null) throw new Error('the fit deal has its segment’s positioning');
    const r = renderFixture('deal_price_competition');
    await ready(r, 'deal_price_competition');
    const warning = r.findByTestId(Alert, 'warning-price_competition');
    expect(warning.props).toMatchObject({
      variant: 'warning',
      title: `Price competition: ${deal.discountPercent}% discount`,
    });
    const text = allText(warning);
    expect(text).toContain('If we do not stand out, we can only compete on price.');
    expect(text).toContain(`What sets us apart in ${positioning.segmentName}:`);
    expect(listItems(warning.find(List))).toEqual(positioning.differentiators);
    // Shown once: the positioning section below keeps the value proposition and expectations.
    expect(r.maybeFindByTestId(List, 'positioning-differentiators')).toBeNull();
    expect(r.findByTestId(Text, 'positioning-value').text).toBe(positioning.valueProposition);
    expect(listItems(r.findByTestId(List, 'positioning-expectations'))).toEqual(
      positioning.expectations,
    );
  });

  it('price competition in a segment without positioning: the warning alone, nothing extra', async () => {
    const { deal } = dealOf('deal_no_positioning');
    expect(deal.positioning).toBeNull();
    const r = renderFixture('deal_no_positioning');
    await ready(r, 'deal_no_positioning');
    const warning = r.findByTestId(Alert, 'warning-price_competition');
    expect(warning.text).toBe('If we do not stand out, we can only compete on price.');
    expect(warning.maybeFind(List)).toBeNull();
    expect(r.maybeFindByTestId(Flex, 'positioning')).toBeNull();
  });

  it('an offer outside the segment: the warning names the line items outside it', async () => {
    const { deal } = dealOf('deal_offer_outside');
    const outside = deal.offers?.outside ?? [];
    expect(outside.length).toBeGreaterThan(0);
    const r = renderFixture('deal_offer_outside');
    await ready(r, 'deal_offer_outside');
    const warning = r.findByTestId(Alert, 'warning-offer_outside_segment');
    expect(warning.props).toMatchObject({ variant: 'warning', title: 'Offer outside the segment' });
    expect(warning.text).toBe(deal.offers?.message);
    for (const item of outside) expect(warning.text).toContain(`${item.name} (SKU ${item.sku})`);
  });

  it('competitors: each with how we win, the one going after this segment said so, others as such', async () => {
    const { deal } = dealOf('deal_competitors');
    const r = renderFixture('deal_competitors');
    await ready(r, 'deal_competitors');
    const section = r.findByTestId(Flex, 'competitors');
    expect(section.find(Heading).text).toBe('Competitors on this deal');
    let others = 0;
    for (const c of deal.competitors) {
      if (c.competitorId === 'other') {
        others += 1;
        const node = r.findByTestId(Flex, `competitor-other-${others}`);
        expect(allText(node)).toContain(c.value);
        expect(node.find(Tag).text).toBe('Other');
        expect(allText(node)).toContain('Not a competitor the strategy lists');
        continue;
      }
      const node = r.findByTestId(Flex, `competitor-${c.competitorId}`);
      const text = allText(node);
      expect(text).toContain(c.name ?? '');
      expect(text).toContain(`How we win: ${c.howWeWin ?? ''}`);
      expect(text.includes(`${c.name ?? ''} goes after this segment too.`)).toBe(c.targetsSegment);
      expect(node.maybeFind(Tag)).toBeNull();
    }
    expect(others).toBe(1);
    expect(deal.competitors.filter((c) => c.targetsSegment)).toHaveLength(1);
  });

  it('an existing customer kept under the retain policy: said so, and no exception is offered', async () => {
    const { deal } = dealOf('deal_existing_retained');
    expect([deal.business, deal.retained, deal.tier]).toEqual(['existing', true, 'off_strategy']);
    const r = renderFixture('deal_existing_retained');
    await ready(r, 'deal_existing_retained');
    expect(r.findByTestId(Tag, 'deal-existing').text).toBe('Existing customer');
    const alert = r.findByTestId(Alert, 'alert-retained');
    expect(alert.props).toMatchObject({
      variant: 'info',
      title: 'Existing customer — kept under the retain policy',
    });
    expect(alert.text).toContain(deal.reason);
    expect(alert.text).toContain(existingBusinessRefusal(deal)?.message);
    expect(r.maybeFindByTestId(Alert, 'alert-off_strategy')).toBeNull();
    // No request: no section, no reason field, no button (request_exception would refuse it too).
    expect(r.maybeFindByTestId(Flex, 'exception')).toBeNull();
    expect(r.maybeFind(CrmPropertyList)).toBeNull();
    expect(r.maybeFindByTestId(LoadingButton, 'exception-submit')).toBeNull();
    expect(r.run.mock.calls.map(([name]) => name)).toEqual(['score_record']);
  });

  it('an existing customer on strategy: tagged as such, no alert, no exception', async () => {
    const { deal } = dealOf('deal_existing_fit');
    expect([deal.business, deal.retained]).toEqual(['existing', false]);
    const r = renderFixture('deal_existing_fit');
    await ready(r, 'deal_existing_fit');
    expect(r.findByTestId(Tag, 'deal-existing').text).toBe('Existing customer');
    expect(r.maybeFind(Alert)).toBeNull();
    expect(r.maybeFindByTestId(Flex, 'exception')).toBeNull();
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
