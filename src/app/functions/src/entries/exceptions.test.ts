// request_exception and decide_exception: main(context) as HubSpot calls it, against an
// in-process sandbox through the real client; every refusal is checked to change nothing.
import { ExceptionResponse, ScoreRecordResponse, StrategySchema } from '@strategy-fit/core';
import type { CardUser, Strategy } from '@strategy-fit/core';
import { writeRecords } from '@strategy-fit/hubspot';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';

import { EXCEPTION_LOG_PROPERTY } from '../lib/exception-log.ts';
import { useFunctionEnv } from '../../../../../test/support/functions/hubspot-env.ts';
import {
  COMPANIES,
  createCompany,
  createDeal,
  dayFromToday,
  focusDeal,
  hubspotContext,
  loadExampleStrategy,
  MANAGER,
  plainDeal,
  readBack,
  REP,
  startTestPortal,
} from '../../../../../test/support/functions/test-portal.ts';
import type { TestPortal } from '../../../../../test/support/functions/test-portal.ts';
import { main as decide } from './decide-exception.ts';
import { main as request } from './request-exception.ts';
import { main as score } from './score-record.ts';

const DEAL_PROPERTIES = [
  'strategy_fit_exception',
  'strategy_fit_exception_note',
  'strategy_fit_exception_by',
  'strategy_fit_exception_expires',
  EXCEPTION_LOG_PROPERTY,
  'strategy_fit_tier',
];
const REASON = 'Strategic logo in a new market, board sponsor';

let portal: TestPortal;
let restoreEnv: () => void;
const answers: unknown[] = [];
/** What the functions logged (HubSpot's function log is their stderr). */
const logs: string[] = [];

const requestFor = async (dealId: string, reason = REASON, user: CardUser = REP) => {
  const answer = await request(hubspotContext({ dealId, reason, user }, { hs_object_id: dealId }));
  answers.push(answer);
  return ExceptionResponse.parse(answer);
};

const decideFor = async (
  dealId: string,
  decision: 'approve' | 'reject',
  user: CardUser = MANAGER,
  expiresOn?: string,
) => {
  const parameters = { dealId, decision, user, ...(expiresOn === undefined ? {} : { expiresOn }) };
  const answer = await decide(hubspotContext(parameters, { hs_object_id: dealId }));
  answers.push(answer);
  return ExceptionResponse.parse(answer);
};

const errorOf = (answer: ExceptionResponse) => (answer.ok ? null : answer.error);

const offStrategyDeal = async (name = 'Grocery pilot'): Promise<string> =>
  createDeal(portal.hs, plainDeal(name), {
    companyId: await createCompany(portal.hs, COMPANIES.off_strategy),
  });

/** The deal's exception properties and last change now. */
const stateOf = (dealId: string) => readBack(portal.hs, 'deals', dealId, DEAL_PROPERTIES);

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
  it('records the request, the reason, a fresh score and who asked when, for an off-strategy deal', async () => {
    const dealId = await offStrategyDeal();
    const answer = await requestFor(dealId, `  ${REASON}\n`);
    expect(answer).toEqual({
      ok: true,
      value: {
        dealId,
        exception: {
          status: 'requested',
          active: false,
          expired: false,
          note: REASON,
          by: null,
          expiresOn: null,
        },
      },
    });
    const stored = await stateOf(dealId);
    expect(stored).toMatchObject({
      strategy_fit_exception: 'requested',
      strategy_fit_exception_note: REASON,
      strategy_fit_tier: 'off_strategy',
    });
    expect(stored[EXCEPTION_LOG_PROPERTY]).toMatch(
      new RegExp(
        `^\\d{4}-\\d\\d-\\d\\dT[\\d:.]+Z requested by Priya Raman <priya.raman@demo-sales.example> \\(user 9100003\\): ${REASON}$`,
      ),
    );
  });

  it.each([
    ['a reason under 10 characters', { reason: 'Too short' }, 'invalid_input'],
    ['a reason of spaces', { reason: '             ' }, 'invalid_input'],
    ['a reason over 2000 characters', { reason: 'x'.repeat(2001) }, 'invalid_input'],
    ['no user', { user: undefined }, 'invalid_input'],
    ['an extra key', { approve: true }, 'invalid_input'],
    ['a user HubSpot does not know', { user: { ...REP, id: '4242' } }, 'not_allowed'],
    [
      'a real user id with another email',
      { user: { ...REP, email: 'boss@evil.example' } },
      'not_allowed',
    ],
    ['a user without an email', { user: { ...REP, email: null } }, 'not_allowed'],
  ])('refuses %s and changes nothing', async (_, change, code) => {
    const dealId = await offStrategyDeal();
    const before = await stateOf(dealId);
    const parameters = { dealId, reason: REASON, user: REP, ...change };
    const answer = ExceptionResponse.parse(
      await request(hubspotContext(parameters, { hs_object_id: dealId })),
    );
    answers.push(answer);
    expect(errorOf(answer)?.code).toBe(code);
    expect(await stateOf(dealId)).toEqual(before);
  });

  it('refuses a deal that is not off strategy (exception_not_allowed), changing nothing', async () => {
    const companyId = await createCompany(portal.hs, COMPANIES.fit);
    const dealId = await createDeal(portal.hs, focusDeal(), { companyId });
    const before = await stateOf(dealId);
    expect(errorOf(await requestFor(dealId))).toEqual({
      code: 'exception_not_allowed',
      message: 'Only an off-strategy deal needs an exception.',
    });
    expect(await stateOf(dealId)).toEqual(before);
  });

  it('refuses a dealId that is not the deal the card is on', async () => {
    const dealId = await offStrategyDeal();
    const other = await offStrategyDeal();
    const answer = ExceptionResponse.parse(
      await request(hubspotContext({ dealId, reason: REASON, user: REP }, { hs_object_id: other })),
    );
    expect(errorOf(answer)?.code).toBe('invalid_input');
    expect((await stateOf(dealId))['strategy_fit_exception']).toBeNull();
  });

  it('answers record_not_found for a deal HubSpot does not have', async () => {
    expect(errorOf(await requestFor('999999999'))).toMatchObject({
      code: 'record_not_found',
      recordId: '999999999',
    });
  });
});

describe('decide_exception', () => {
  it('a manager approves for 90 days by default: status, approver, expiry and the trail', async () => {
    const dealId = await offStrategyDeal();
    await requestFor(dealId);
    const answer = await decideFor(dealId, 'approve');
    const by = 'maya.okafor@demo-sales.example (user 9100001)';
    expect(answer).toEqual({
      ok: true,
      value: {
        dealId,
        exception: {
          status: 'approved',
          active: true,
          expired: false,
          note: REASON,
          by,
          expiresOn: dayFromToday(90),
        },
      },
    });
    const stored = await stateOf(dealId);
    expect(stored).toMatchObject({
      strategy_fit_exception: 'approved',
      strategy_fit_exception_by: by,
      strategy_fit_exception_expires: dayFromToday(90),
    });
    const trail = stored[EXCEPTION_LOG_PROPERTY]?.split('\n') ?? [];
    expect(trail).toHaveLength(2);
    expect(trail[1]).toMatch(
      / approved by Maya Okafor <maya.okafor@demo-sales.example> \(user 9100001\), valid through \d{4}-\d\d-\d\d$/,
    );
    const scored = ScoreRecordResponse.parse(
      await score(hubspotContext({ objectType: 'deal', objectId: dealId, user: REP })),
    );
    expect(scored.ok && scored.value.deal?.exception.active).toBe(true);
  });

  it('an approval runs through the expiry date the manager chose', async () => {
    const dealId = await offStrategyDeal();
    await requestFor(dealId);
    const answer = await decideFor(dealId, 'approve', MANAGER, dayFromToday(14));
    expect(answer.ok && answer.value.exception.expiresOn).toBe(dayFromToday(14));
  });

  it('a manager rejects: no expiry; the rep may ask again', async () => {
    const dealId = await offStrategyDeal();
    await requestFor(dealId);
    const answer = await decideFor(dealId, 'reject');
    expect(answer.ok && answer.value.exception).toMatchObject({
      status: 'rejected',
      active: false,
      expiresOn: null,
    });
    expect((await stateOf(dealId))[EXCEPTION_LOG_PROPERTY]).toMatch(/ rejected by Maya Okafor/);
    expect((await requestFor(dealId, 'New information: the pilot is paid')).ok).toBe(true);
  });

  it('an expired approval counts as unapproved again, and a new request may be made', async () => {
    const dealId = await offStrategyDeal();
    await requestFor(dealId);
    await decideFor(dealId, 'approve');
    await writeRecords(portal.hs, 'deals', [
      { id: dealId, properties: { strategy_fit_exception_expires: dayFromToday(-1) } },
    ]);
    const scored = ScoreRecordResponse.parse(
      await score(hubspotContext({ objectType: 'deal', objectId: dealId })),
    );
    expect(scored.ok && scored.value.deal?.exception).toMatchObject({
      status: 'approved',
      active: false,
      expired: true,
    });
    expect((await requestFor(dealId)).ok).toBe(true);
  });

  it.each([
    ['a rep (not a manager)', REP, /Only the strategy's managers can approve or reject/],
    [
      "a spoofed manager: the manager's user id with another email",
      { ...MANAGER, email: 'priya.raman@demo-sales.example' },
      /could not confirm who you are/,
    ],
    [
      "a spoofed manager: the manager's email with another user id",
      { ...MANAGER, id: '9100003' },
      /could not confirm who you are/,
    ],
    [
      'a rep claiming the manager team',
      { ...REP, teamIds: ['4810001'] },
      /Only the strategy's managers/,
    ],
    ['a user HubSpot does not know', { ...MANAGER, id: '777' }, /could not confirm who you are/],
    [
      'an archived owner (left the company)',
      { id: '9100009', email: 'olivia.novak@demo-sales.example', teamIds: [] },
      /could not confirm who you are/,
    ],
  ])('refuses %s with not_allowed and changes nothing', async (_, user, message) => {
    const dealId = await offStrategyDeal();
    await requestFor(dealId);
    const before = await stateOf(dealId);
    const answer = await decideFor(dealId, 'approve', user);
    expect(errorOf(answer)).toMatchObject({
      code: 'not_allowed',
      message: expect.stringMatching(message),
    });
    expect(await stateOf(dealId)).toEqual(before);
  });

  it.each([
    ['an expiry on a rejection', 'reject', dayFromToday(10), /only an approval has an expiry date/],
    ['an expiry in the past', 'approve', dayFromToday(-3), /must run past today/],
    ['an expiry of today', 'approve', dayFromToday(0), /must run past today/],
    ['a date that does not exist', 'approve', '2027-02-31', /2027-02-31 is not a date/],
    ['a malformed date', 'approve', '31/01/2027', /expiresOn/],
  ] as const)(
    'refuses %s (invalid_input), changing nothing',
    async (_, decision, expiresOn, message) => {
      const dealId = await offStrategyDeal();
      await requestFor(dealId);
      const before = await stateOf(dealId);
      const answer = await decideFor(dealId, decision, MANAGER, expiresOn);
      expect(errorOf(answer)).toMatchObject({
        code: 'invalid_input',
        message: expect.stringMatching(message),
      });
      expect(await stateOf(dealId)).toEqual(before);
    },
  );

  it('there is nothing to decide without an open request (exception_not_allowed)', async () => {
    const dealId = await offStrategyDeal();
    const before = await stateOf(dealId);
    expect(errorOf(await decideFor(dealId, 'approve'))?.code).toBe('exception_not_allowed');
    expect(await stateOf(dealId)).toEqual(before);
  });
});

describe('who is a strategy manager', () => {
  const withManagers = (managers: Strategy['managers']): Strategy =>
    StrategySchema.parse({ ...loadExampleStrategy(), managers });

  it('members of a team the strategy names, as HubSpot lists their teams', async () => {
    await portal.publish(withManagers({ userIds: [], teamIds: ['4810002'] }));
    const dealId = await offStrategyDeal();
    await requestFor(dealId);
    expect((await decideFor(dealId, 'approve', REP)).ok).toBe(true);
    const other = await offStrategyDeal();
    await requestFor(other);
    expect(errorOf(await decideFor(other, 'approve', MANAGER))?.code).toBe('not_allowed');
  });

  it('nobody, when the strategy names no managers, and the message says so', async () => {
    await portal.publish(withManagers(undefined));
    const dealId = await offStrategyDeal();
    await requestFor(dealId);
    const before = await stateOf(dealId);
    expect(errorOf(await decideFor(dealId, 'approve', MANAGER))).toEqual({
      code: 'not_allowed',
      message: expect.stringContaining('the published strategy (version 3) names no managers'),
    });
    expect(await stateOf(dealId)).toEqual(before);
    await portal.publish();
  });
});

describe('the access token', () => {
  it('appears in no log line of this file', () => {
    expect(logs.length).toBeGreaterThan(2);
    for (const line of logs) expect(line).not.toContain(portal.sandbox.token);
  });

  it('appears in no answer of this file', () => {
    expect(answers.length).toBeGreaterThan(30);
    for (const answer of answers)
      expect(JSON.stringify(answer)).not.toContain(portal.sandbox.token);
  });
});
