// Issue 10, played as a rep (Priya Raman) who knows every user id and email of the portal and
// crafts every parameter by hand: each attack on an exception is refused and leaves the portal as
// it was (a snapshot of every Strategy Fit value, strategy record and exception event before and
// after). The legitimate paths still work. Who acts is only ever what HubSpot recorded of an edit
// in its UI (the sandbox's `editAsUser`, which nothing sent with the app's token can produce).
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';

import { useFunctionEnv } from '../support/functions/hubspot-env.ts';
import {
  dayFromToday,
  exceptionEventsOf,
  readBack,
  setDecision,
  startTestPortal,
  writeReason,
} from '../support/functions/test-portal.ts';
import type { TestPortal } from '../support/functions/test-portal.ts';
import {
  call,
  EVERY_ID_AND_EMAIL,
  MANAGER,
  offStrategyDeal,
  REP,
  snapshot,
} from './support/portal.ts';

let portal: TestPortal;
let restoreEnv: () => void = () => undefined;

beforeAll(async () => {
  portal = await startTestPortal();
  restoreEnv = useFunctionEnv(portal.env);
  vi.spyOn(console, 'error').mockImplementation(() => undefined);
});
afterAll(async () => {
  vi.restoreAllMocks();
  restoreEnv();
  await portal.close();
});

/** Runs the attack; it must be refused with `code` and change nothing in the portal. */
async function refusedAndUnchanged(
  attack: () => Promise<{ ok: boolean; error?: { code: string; message: string } }>,
  code: string | readonly string[],
): Promise<string> {
  const before = await snapshot(portal);
  const answer = await attack();
  expect(answer.ok, JSON.stringify(answer)).toBe(false);
  expect([code].flat()).toContain(answer.error?.code);
  expect(await snapshot(portal)).toEqual(before);
  return answer.error?.message ?? '';
}

/** A deal with an open request by the rep (event 1), made as the product intends. */
async function requestedDeal(): Promise<string> {
  const dealId = await offStrategyDeal(portal);
  writeReason(portal, REP, dealId, 'Strategic logo in a new market');
  const asked = await call('request_exception', {}, { hs_object_id: dealId });
  expect(asked.ok, JSON.stringify(asked)).toBe(true);
  return dealId;
}

describe('a rep cannot approve their own exception', () => {
  let dealId: string;
  beforeEach(async () => {
    dealId = await requestedDeal();
  });

  it('with the manager’s id and email as parameters (the old identity claim)', async () => {
    const claims = [
      { requestSeq: 1, user: { id: MANAGER.id, email: MANAGER.email, teamIds: ['4810001'] } },
      { requestSeq: 1, decision: 'approve', userId: MANAGER.id, email: MANAGER.email },
      { dealId, decision: 'approve', user: { id: MANAGER.id, email: MANAGER.email, teamIds: [] } },
    ];
    for (const parameters of claims) {
      await refusedAndUnchanged(
        () => call('decide_exception', parameters, { hs_object_id: dealId }),
        'invalid_input',
      );
    }
  });

  it('by calling decide_exception with nothing decided in HubSpot', async () => {
    await refusedAndUnchanged(
      () =>
        call('decide_exception', { requestSeq: 1, decision: 'approve' }, { hs_object_id: dealId }),
      'not_verified',
    );
  });

  it('by setting the decision in HubSpot herself: HubSpot records her, not a manager', async () => {
    setDecision(portal, REP, dealId, 'approve', dayFromToday(365));
    const message = await refusedAndUnchanged(
      () =>
        call('decide_exception', { requestSeq: 1, decision: 'approve' }, { hs_object_id: dealId }),
      'not_allowed',
    );
    expect(message).toMatch(/Only the strategy's managers can approve or reject exceptions/);
  });

  it('by writing the exception’s state on the deal by hand: the card restores it from the events', async () => {
    portal.editAs(REP, 'deals', dealId, {
      strategy_fit_exception: 'approved',
      strategy_fit_exception_by: MANAGER.name,
      strategy_fit_exception_expires: dayFromToday(300),
    });
    const scored = await call('score_record', { objectType: 'deal' }, { hs_object_id: dealId });
    expect(scored).toMatchObject({
      ok: true,
      value: { deal: { exception: { status: 'requested', active: false, seq: 1 } } },
    });
    expect(await readBack(portal.hs, 'deals', dealId, ['strategy_fit_exception'])).toMatchObject({
      strategy_fit_exception: 'requested',
    });
  });

  it('by editing an exception event in HubSpot: the deal’s exception is no longer trusted', async () => {
    const [event] = await exceptionEventsOf(portal, dealId);
    const store = await call('strategy_editor_load', {});
    expect(store.ok).toBe(true);
    portal.editAs(REP, 'strategy_fit_exception_event', String(event?.['hs_object_id'] ?? ''), {
      reason: 'edited',
    });
    setDecision(portal, MANAGER, dealId, 'approve');
    const message = await refusedAndUnchanged(
      () =>
        call('decide_exception', { requestSeq: 1, decision: 'approve' }, { hs_object_id: dealId }),
      'conflict',
    );
    expect(message).toMatch(/changed outside Strategy Fit .*user 9100003/);
  });
});

describe('a request is the rep’s own, made in HubSpot', () => {
  it('parameters cannot ask in someone else’s name, nor carry a reason', async () => {
    const dealId = await offStrategyDeal(portal);
    for (const parameters of [
      {
        dealId,
        reason: 'A reason long enough',
        user: { id: MANAGER.id, email: MANAGER.email, teamIds: [] },
      },
      { reason: 'A reason long enough' },
    ]) {
      await refusedAndUnchanged(
        () => call('request_exception', parameters, { hs_object_id: dealId }),
        'invalid_input',
      );
    }
    await refusedAndUnchanged(
      () => call('request_exception', {}, { hs_object_id: dealId }),
      'not_verified',
    );
  });

  it('32 requests of 2,000 characters cannot push the manager’s rejection out of the trail', async () => {
    const dealId = await requestedDeal();
    setDecision(portal, MANAGER, dealId, 'reject');
    expect(
      (
        await call(
          'decide_exception',
          { requestSeq: 1, decision: 'reject' },
          { hs_object_id: dealId },
        )
      ).ok,
    ).toBe(true);
    for (let i = 0; i < 32; i += 1) {
      writeReason(portal, REP, dealId, `${String(i).padStart(2, '0')} ${'x'.repeat(1997)}`);
      await refusedAndUnchanged(
        () => call('request_exception', {}, { hs_object_id: dealId }),
        'invalid_input',
      );
    }
    writeReason(portal, REP, dealId, 'A fair new request after the rejection');
    expect((await call('request_exception', {}, { hs_object_id: dealId })).ok).toBe(true);
    for (let i = 0; i < 32; i += 1) {
      writeReason(portal, REP, dealId, `Another request number ${i}, long enough`);
      await refusedAndUnchanged(
        () => call('request_exception', {}, { hs_object_id: dealId }),
        'exception_not_allowed',
      );
    }
    expect(
      (await exceptionEventsOf(portal, dealId)).map((e) => [e['seq'], e['kind'], e['actor_name']]),
    ).toEqual([
      ['1', 'requested', REP.name],
      ['2', 'rejected', MANAGER.name],
      ['3', 'requested', REP.name],
    ]);
  });
});

describe('no permanent approvals', () => {
  it('expiresOn 9999-12-31 as a parameter is refused', async () => {
    const dealId = await requestedDeal();
    setDecision(portal, MANAGER, dealId, 'approve');
    await refusedAndUnchanged(
      () =>
        call(
          'decide_exception',
          { requestSeq: 1, decision: 'approve', expiresOn: '9999-12-31' },
          { hs_object_id: dealId },
        ),
      'invalid_input',
    );
  });

  it('a manager’s expiry past 365 days is refused', async () => {
    const dealId = await requestedDeal();
    setDecision(portal, MANAGER, dealId, 'approve', '9999-12-31');
    await refusedAndUnchanged(
      () =>
        call('decide_exception', { requestSeq: 1, decision: 'approve' }, { hs_object_id: dealId }),
      'invalid_input',
    );
  });

  it('an expiry the rep sets next to the manager’s approval does not count: 90 days', async () => {
    const dealId = await requestedDeal();
    setDecision(portal, MANAGER, dealId, 'approve');
    portal.editAs(REP, 'deals', dealId, {
      strategy_fit_exception_expires_input: dayFromToday(365),
    });
    const answer = await call(
      'decide_exception',
      { requestSeq: 1, decision: 'approve' },
      { hs_object_id: dealId },
    );
    expect(answer).toMatchObject({
      ok: true,
      value: { exception: { expiresOn: dayFromToday(90) } },
    });
  });
});

describe('record functions act only on the record HubSpot says the card is on', () => {
  it('score_record without hs_object_id reads no deal (its amount, its company’s revenue)', async () => {
    const dealId = await offStrategyDeal(portal);
    for (const parameters of [{ objectType: 'deal' }, { objectType: 'deal', objectId: dealId }]) {
      const message = await refusedAndUnchanged(
        () => call('score_record', parameters),
        'invalid_input',
      );
      expect(message).not.toMatch(/40000|Corner Grocers/);
    }
  });

  it('request and decide without hs_object_id act on no deal', async () => {
    const dealId = await requestedDeal();
    setDecision(portal, MANAGER, dealId, 'approve');
    await refusedAndUnchanged(
      () => call('decide_exception', { requestSeq: 1, decision: 'approve' }),
      'invalid_input',
    );
    await refusedAndUnchanged(() => call('request_exception', {}), 'invalid_input');
  });
});

describe('the legitimate path', () => {
  it('the rep asks, the manager decides in HubSpot and confirms on the card', async () => {
    const dealId = await requestedDeal();
    setDecision(portal, MANAGER, dealId, 'approve', dayFromToday(60));
    const answer = await call(
      'decide_exception',
      { requestSeq: 1, decision: 'approve' },
      { hs_object_id: dealId },
    );
    expect(answer).toMatchObject({
      ok: true,
      value: { exception: { status: 'approved', by: MANAGER.name, expiresOn: dayFromToday(60) } },
    });
    expect(JSON.stringify(answer)).not.toMatch(new RegExp(EVERY_ID_AND_EMAIL.join('|')));
  });
});
