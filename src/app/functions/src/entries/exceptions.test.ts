// request_exception and decide_exception: main(context) as HubSpot calls it, against an
// in-process sandbox through the real client. Who asks and who decides is what the sandbox
// recorded when a user edited the deal's input fields "in HubSpot's UI" (editAs); every refusal
// is checked to change nothing. Attacks by hand-made calls are in test/security/.
import { EXCEPTION_INPUT_PROPERTIES, ExceptionResponse, StrategySchema } from '@strategy-fit/core';
import type { Strategy } from '@strategy-fit/core';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';

import { useFunctionEnv } from '../../../../../test/support/functions/hubspot-env.ts';
import {
  COLLEAGUE,
  COMPANIES,
  createCompany,
  createDeal,
  dayFromToday,
  exceptionEventsOf,
  hubspotContext,
  loadExampleStrategy,
  MANAGER,
  plainDeal,
  readBack,
  REP,
  setDecision,
  startTestPortal,
  writeReason,
} from '../../../../../test/support/functions/test-portal.ts';
import type { DemoUser, TestPortal } from '../../../../../test/support/functions/test-portal.ts';
import { main as decide } from './decide-exception.ts';
import { main as request } from './request-exception.ts';

const DEAL_PROPERTIES = [
  'strategy_fit_exception',
  'strategy_fit_exception_note',
  'strategy_fit_exception_by',
  'strategy_fit_exception_requested_by',
  'strategy_fit_exception_expires',
  'strategy_fit_exception_seq',
  ...Object.values(EXCEPTION_INPUT_PROPERTIES),
  'strategy_fit_tier',
];
const REASON = 'Strategic logo in a new market, board sponsor';

let portal: TestPortal;
let restoreEnv: () => void;
const answers: unknown[] = [];
const logs: string[] = [];

const requestFor = async (dealId: string) => {
  const answer = await request(hubspotContext({}, { hs_object_id: dealId }));
  answers.push(answer);
  return ExceptionResponse.parse(answer);
};
const decideFor = async (
  dealId: string,
  requestSeq: number,
  decision: 'approve' | 'reject' = 'approve',
) => {
  const answer = await decide(hubspotContext({ requestSeq, decision }, { hs_object_id: dealId }));
  answers.push(answer);
  return ExceptionResponse.parse(answer);
};
const askAs = async (user: DemoUser, dealId: string, reason = REASON) => {
  writeReason(portal, user, dealId, reason);
  return requestFor(dealId);
};
const decideAs = async (
  user: DemoUser,
  dealId: string,
  decision: 'approve' | 'reject',
  requestSeq: number,
  expiresOn?: string,
) => {
  setDecision(portal, user, dealId, decision, expiresOn);
  return decideFor(dealId, requestSeq, decision);
};

const errorOf = (answer: ExceptionResponse) => (answer.ok ? null : answer.error);
const offStrategyDeal = async (name = 'Grocery pilot'): Promise<string> =>
  createDeal(portal.hs, plainDeal(name), {
    companyId: await createCompany(portal.hs, COMPANIES.off_strategy),
  });
const stateOf = (dealId: string) => readBack(portal.hs, 'deals', dealId, DEAL_PROPERTIES);

const eventsOf = (dealId: string) => exceptionEventsOf(portal, dealId);

beforeAll(async () => {
  portal = await startTestPortal();
  restoreEnv = useFunctionEnv(portal.env);
  vi.spyOn(console, 'error').mockImplementation((...args: unknown[]) => {
    logs.push(args.map(String).join(' '));
  });
});
afterAll(async () => {
  vi.restoreAllMocks();
  restoreEnv();
  await portal.close();
});

describe('request_exception', () => {
  it('records who wrote the reason in HubSpot, as event 1, and clears the field', async () => {
    const dealId = await offStrategyDeal();
    const answer = await askAs(REP, dealId, `  ${REASON}\n`);
    expect(answer).toEqual({
      ok: true,
      value: {
        dealId,
        exception: {
          status: 'requested',
          active: false,
          expired: false,
          note: REASON,
          requestedBy: REP.name,
          by: null,
          expiresOn: null,
          seq: 1,
        },
      },
    });
    expect(await stateOf(dealId)).toMatchObject({
      strategy_fit_exception: 'requested',
      strategy_fit_exception_note: REASON,
      strategy_fit_exception_requested_by: REP.name,
      strategy_fit_exception_seq: '1',
      strategy_fit_exception_reason_input: null,
      strategy_fit_tier: 'off_strategy',
    });
    expect(await eventsOf(dealId)).toEqual([
      expect.objectContaining({
        seq: '1',
        kind: 'requested',
        actor_name: REP.name,
        reason: REASON,
      }),
    ]);
  });

  it('without a reason written in HubSpot there is no request (not_verified), and nothing changes', async () => {
    const dealId = await offStrategyDeal();
    const before = await stateOf(dealId);
    expect(errorOf(await requestFor(dealId))?.code).toBe('not_verified');
    expect(await stateOf(dealId)).toEqual(before);
  });

  it.each([
    ['under 10 characters', 'Too short'],
    ['over 1,000 characters', 'x'.repeat(1001)],
  ])('refuses a reason %s and changes nothing', async (_, reason) => {
    const dealId = await offStrategyDeal();
    writeReason(portal, REP, dealId, reason);
    const before = await stateOf(dealId);
    expect(errorOf(await requestFor(dealId))?.code).toBe('invalid_input');
    expect(await stateOf(dealId)).toEqual(before);
    expect(await eventsOf(dealId)).toEqual([]);
  });

  it('one open request per deal', async () => {
    const dealId = await offStrategyDeal();
    expect((await askAs(REP, dealId)).ok).toBe(true);
    const before = await stateOf(dealId);
    expect(errorOf(await askAs(COLLEAGUE, dealId, 'Another reason, just as long'))?.code).toBe(
      'exception_not_allowed',
    );
    expect(await eventsOf(dealId)).toHaveLength(1);
    expect((await stateOf(dealId))['strategy_fit_exception_note']).toBe(
      before['strategy_fit_exception_note'],
    );
  });

  it('refuses a deal that is not off strategy (exception_not_allowed)', async () => {
    const companyId = await createCompany(portal.hs, COMPANIES.dream);
    const dealId = await createDeal(portal.hs, plainDeal('Dream deal'), { companyId });
    expect(errorOf(await askAs(REP, dealId))?.code).toBe('exception_not_allowed');
    expect(await eventsOf(dealId)).toEqual([]);
  });

  it('refuses an existing-business deal kept under policy retain, saying why, and changes nothing (SCORING §12)', async () => {
    const companyId = await createCompany(portal.hs, COMPANIES.off_strategy);
    const dealId = await createDeal(
      portal.hs,
      { ...plainDeal('Renewal 2027'), dealtype: 'existingbusiness' },
      { companyId },
    );
    writeReason(portal, REP, dealId, REASON);
    const before = await stateOf(dealId);
    const refused = errorOf(await requestFor(dealId));
    expect(refused?.code).toBe('exception_not_allowed');
    expect(refused?.message).toMatch(/existing business with a customer we keep/);
    expect(await stateOf(dealId)).toEqual(before);
    expect(await eventsOf(dealId)).toEqual([]);
    // The same deal as new business is an off-strategy deal like any other: the rep may ask.
    const newBusiness = await createDeal(
      portal.hs,
      { ...plainDeal('New logo'), dealtype: 'newbusiness' },
      { companyId },
    );
    expect((await askAs(REP, newBusiness)).ok).toBe(true);
  });

  it('needs the deal HubSpot says the card is on', async () => {
    const answer = ExceptionResponse.parse(await request(hubspotContext({})));
    expect(errorOf(answer)).toMatchObject({ code: 'invalid_input' });
  });
});

describe('decide_exception', () => {
  it('a manager approves the request they saw, for 90 days by default; the trail has both events', async () => {
    const dealId = await offStrategyDeal();
    await askAs(REP, dealId);
    const answer = await decideAs(MANAGER, dealId, 'approve', 1);
    expect(answer).toEqual({
      ok: true,
      value: {
        dealId,
        exception: {
          status: 'approved',
          active: true,
          expired: false,
          note: REASON,
          requestedBy: REP.name,
          by: MANAGER.name,
          expiresOn: dayFromToday(90),
          seq: 2,
        },
      },
    });
    expect(await stateOf(dealId)).toMatchObject({
      strategy_fit_exception: 'approved',
      strategy_fit_exception_by: MANAGER.name,
      strategy_fit_exception_decision_input: null,
    });
    expect((await eventsOf(dealId)).map((e) => [e['seq'], e['kind'], e['actor_name']])).toEqual([
      ['1', 'requested', REP.name],
      ['2', 'approved', MANAGER.name],
    ]);
  });

  it('an approval runs through the day the manager set, at most 365 days ahead', async () => {
    const dealId = await offStrategyDeal();
    await askAs(REP, dealId);
    const answer = await decideAs(MANAGER, dealId, 'approve', 1, dayFromToday(30));
    expect(answer.ok && answer.value.exception.expiresOn).toBe(dayFromToday(30));
  });

  it('refuses an expiry past 365 days, and changes nothing', async () => {
    const dealId = await offStrategyDeal();
    await askAs(REP, dealId);
    const before = await stateOf(dealId);
    const answer = await decideAs(MANAGER, dealId, 'approve', 1, dayFromToday(366));
    expect(errorOf(answer)?.code).toBe('invalid_input');
    const after = await stateOf(dealId);
    expect(after['strategy_fit_exception']).toBe(before['strategy_fit_exception']);
    expect(await eventsOf(dealId)).toHaveLength(1);
  });

  it('a manager rejects: no expiry; the rep may ask again as event 3', async () => {
    const dealId = await offStrategyDeal();
    await askAs(REP, dealId);
    const rejected = await decideAs(MANAGER, dealId, 'reject', 1);
    expect(rejected.ok && rejected.value.exception).toMatchObject({
      status: 'rejected',
      expiresOn: null,
    });
    const again = await askAs(REP, dealId, 'New facts: the board signed a letter of intent');
    expect(again.ok && again.value.exception.seq).toBe(3);
  });

  it('a decision set before the request does not answer it (not_verified)', async () => {
    const dealId = await offStrategyDeal();
    setDecision(portal, MANAGER, dealId, 'approve');
    await askAs(REP, dealId);
    expect(errorOf(await decideFor(dealId, 1))?.code).toBe('not_verified');
    expect(await eventsOf(dealId)).toHaveLength(1);
  });

  it('there is nothing to decide without an open request', async () => {
    const dealId = await offStrategyDeal();
    setDecision(portal, MANAGER, dealId, 'approve');
    expect(errorOf(await decideFor(dealId, 1))?.code).toBe('exception_not_allowed');
  });
});

describe('who is a strategy manager', () => {
  const withManagers = (managers: Strategy['managers']): Strategy =>
    StrategySchema.parse({ ...loadExampleStrategy(), managers });

  it('members of a team the strategy names, as HubSpot lists their teams', async () => {
    await portal.publish(withManagers({ userIds: [], teamIds: ['4810001'] }));
    try {
      const dealId = await offStrategyDeal();
      await askAs(REP, dealId);
      expect((await decideAs(COLLEAGUE, dealId, 'reject', 1)).ok).toBe(true);
    } finally {
      await portal.publish();
    }
  });

  it('a manager’s own request goes to another manager', async () => {
    await portal.publish(withManagers({ userIds: [MANAGER.id, COLLEAGUE.id], teamIds: [] }));
    try {
      const dealId = await offStrategyDeal();
      await askAs(MANAGER, dealId);
      expect(errorOf(await decideAs(MANAGER, dealId, 'approve', 1))?.code).toBe('not_allowed');
      // HubSpot records no new version for an unchanged value: the other manager's own choice
      // must differ from the field's value, or be set again (docs/security.md).
      expect(errorOf(await decideAs(COLLEAGUE, dealId, 'approve', 1))?.code).toBe('not_allowed');
      const answer = await decideAs(COLLEAGUE, dealId, 'reject', 1);
      expect(answer.ok && answer.value.exception).toMatchObject({
        status: 'rejected',
        by: COLLEAGUE.name,
      });
    } finally {
      await portal.publish();
    }
  });

  it('the only manager may decide their own request, and the trail marks it self-approved', async () => {
    const dealId = await offStrategyDeal();
    await askAs(MANAGER, dealId);
    expect((await decideAs(MANAGER, dealId, 'approve', 1)).ok).toBe(true);
    expect((await eventsOf(dealId))[1]).toMatchObject({ kind: 'approved', self_approved: 'true' });
  });

  it('nobody, when the strategy names no managers, and the message says so', async () => {
    await portal.publish(withManagers({ userIds: [], teamIds: [] }));
    try {
      const dealId = await offStrategyDeal();
      await askAs(REP, dealId);
      const answer = await decideAs(MANAGER, dealId, 'approve', 1);
      expect(errorOf(answer)).toMatchObject({
        code: 'not_allowed',
        message: expect.stringMatching(/names no managers/),
      });
    } finally {
      await portal.publish();
    }
  });
});

describe('the access token', () => {
  it('appears in no log line and no answer of this file', () => {
    expect(logs.join('\n')).not.toContain(portal.env.PRIVATE_APP_ACCESS_TOKEN);
    expect(JSON.stringify(answers)).not.toContain(portal.env.PRIVATE_APP_ACCESS_TOKEN);
    expect(answers.length).toBeGreaterThan(10);
  });
});
