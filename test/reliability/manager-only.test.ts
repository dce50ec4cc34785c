// Manager-only operations (deciding an exception, publishing, rolling back, rescoring the whole
// portal) are refused on the server for anyone the published strategy does not name as a
// manager, whatever the card or page claims: a rep, a spoofed manager (right id, wrong email, or
// the reverse), an unknown user, a manager who has left (archived in HubSpot), a rep claiming a
// manager's team. Each is `not_allowed` and nothing is written; the real manager is accepted.
import type { CardUser } from '@strategy-fit/core';
import { listStrategyVersions } from '@strategy-fit/hubspot';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';

import { useFunctionEnv } from '../support/functions/hubspot-env.ts';
import {
  hubspotContext,
  loadExampleStrategy,
  MANAGER,
  REP,
  startTestPortal,
} from '../support/functions/test-portal.ts';
import type { TestPortal } from '../support/functions/test-portal.ts';
import { createRecordsFor, mainOf, validCalls } from './support/function-table.ts';
import type { ValidCall } from './support/function-table.ts';

/** The demo's archived owner: she left the company. */
const LEFT: CardUser = { id: '9100009', email: 'olivia.novak@demo-sales.example', teamIds: [] };

let portal: TestPortal;
let calls: [string, ValidCall][];
let restoreEnv: () => void = () => undefined;

beforeAll(async () => {
  portal = await startTestPortal();
  restoreEnv = useFunctionEnv(portal.env);
  vi.spyOn(console, 'error').mockImplementation(() => undefined);
  const records = await createRecordsFor(portal);
  // Version 2 also names the manager who has since left: being named is not enough.
  const strategy = loadExampleStrategy();
  await portal.publish({ ...strategy, managers: { userIds: ['9100001', '9100009'], teamIds: [] } });
  calls = Object.entries(validCalls(records, 2)).filter(([, c]) => c.managerOnly === true);
});
afterAll(async () => {
  vi.restoreAllMocks();
  restoreEnv();
  await portal.close();
});

const footprint = async () => {
  const versions = await listStrategyVersions(portal.hs);
  return {
    companies: [...portal.sandbox.control.writeCounts('companies')],
    deals: [...portal.sandbox.control.writeCounts('deals')],
    versions: versions.ok ? versions.value.map((v) => v.version) : versions.error.code,
  };
};

const IMPOSTORS: [string, CardUser][] = [
  ['a rep (a real, active user who is not a manager)', REP],
  ['the manager’s user id with the rep’s email', { ...MANAGER, email: REP.email }],
  ['the manager’s email with the rep’s user id', { ...REP, email: MANAGER.email }],
  ['a user id HubSpot does not know', { id: '9999999', email: MANAGER.email, teamIds: [] }],
  ['a named manager who has left (archived owner)', LEFT],
  ['a rep claiming the manager’s team', { ...REP, teamIds: ['4810001', ...MANAGER.teamIds] }],
];

describe('manager-only functions refuse everyone but the strategy’s managers, on the server', () => {
  it('covers deciding exceptions, publishing, rolling back and the bulk rescore', () => {
    expect(calls.map(([name]) => name).sort()).toEqual([
      'decide_exception',
      'rescore_stale',
      'strategy_publish',
      'strategy_rollback',
    ]);
  });

  it.each(IMPOSTORS)('%s: not_allowed, and nothing is written', async (_, user) => {
    const before = await footprint();
    for (const [name, call] of calls) {
      const main = await mainOf(name);
      const answer = await main(
        hubspotContext({ ...call.parameters, user }, call.propertiesToSend ?? {}),
      );
      expect(answer, name).toMatchObject({ ok: false, error: { code: 'not_allowed' } });
    }
    expect(await footprint()).toEqual(before);
  });

  it('the strategy’s manager is accepted by each', async () => {
    for (const [name, call] of calls) {
      const main = await mainOf(name);
      const answer = await main(hubspotContext(call.parameters, call.propertiesToSend ?? {}));
      expect(answer, name).toMatchObject({ ok: true });
    }
  });
});
