// Issue 10: `strategy_editor_load` and `strategy_review` answered every caller with the managers'
// user ids and every user's email, which made the id + email "proof" of identity worthless. No
// function answers a user id, an email or the user list any more, to anyone: a rep may see the
// managers' names (whom to ask). Every function, called as the cards and pages call it.
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';

import { OWNERS } from '@strategy-fit/sandbox';

import { StrategyEditorLoadResponse, StrategyPublishResponse } from '@strategy-fit/core';

import { useFunctionEnv } from '../support/functions/hubspot-env.ts';
import { approvePending } from '../support/functions/invoke-editor.ts';
import { loadExampleStrategy, startTestPortal } from '../support/functions/test-portal.ts';
import type { TestPortal } from '../support/functions/test-portal.ts';
import {
  createRecordsFor,
  entryNames,
  secondVersion,
  validCalls,
} from '../reliability/support/function-table.ts';
import { call, COLLEAGUE, EVERY_ID_AND_EMAIL, MANAGER, REP } from './support/portal.ts';

let portal: TestPortal;
let restoreEnv: () => void = () => undefined;
const answers: [string, unknown][] = [];

beforeAll(async () => {
  portal = await startTestPortal();
  restoreEnv = useFunctionEnv(portal.env);
  vi.spyOn(console, 'error').mockImplementation(() => undefined);
  const records = await createRecordsFor(portal);
  await portal.publish(secondVersion());
  for (const [name, c] of Object.entries(validCalls(records, 2))) {
    answers.push([name, await call(name, c.parameters, c.propertiesToSend ?? {})]);
  }
});
afterAll(async () => {
  vi.restoreAllMocks();
  restoreEnv();
  await portal.close();
});

describe('what any caller receives', () => {
  it('every function answered (the table covers them all)', () => {
    expect(answers.map(([name]) => name).sort()).toEqual(entryNames());
    expect(answers.filter(([, a]) => (a as { ok: boolean }).ok).length).toBeGreaterThan(8);
  });

  it.each(OWNERS.map((o) => [`${o.firstName} ${o.lastName}`, o] as const))(
    'no answer carries the email or the user id of %s',
    (_, owner) => {
      for (const [name, answer] of answers) {
        const text = JSON.stringify(answer);
        expect(text, name).not.toContain(owner.email);
        expect(text, name).not.toContain(String(owner.userId));
      }
    },
  );

  it('the managers are named by name, where a rep needs to know whom to ask', () => {
    const byName = Object.fromEntries(answers);
    expect(byName['score_record']).toMatchObject({ value: { managerNames: [MANAGER.name] } });
    expect(byName['strategy_editor_load']).toMatchObject({
      value: { people: { managers: [{ ref: 'manager:0', name: MANAGER.name }] } },
    });
  });
});

describe('the versions waiting for approval, as the load answers them to a rep', () => {
  it('name who approved, never a user id or an email, though the stored strategy holds them', async () => {
    // A version prepared on top of version 2 naming the published manager (by ref) and a new
    // one by email: the store holds both user ids. The manager approves it in HubSpot; a rep
    // opens the settings page afterwards.
    const strategy = {
      ...loadExampleStrategy(),
      name: 'B2B SaaS — version 3',
      managers: { userIds: ['manager:0', COLLEAGUE.email], teamIds: [] },
    };
    const prepared = StrategyPublishResponse.parse(
      await call('strategy_publish', { strategy, basedOnVersion: 2 }),
    );
    if (!prepared.ok || prepared.value.outcome !== 'awaiting_approval') {
      throw new Error(`not prepared: ${JSON.stringify(prepared)}`);
    }
    approvePending(portal, MANAGER, prepared.value.pending);
    const loaded = StrategyEditorLoadResponse.parse(await call('strategy_editor_load', {}));
    if (!loaded.ok) throw new Error(loaded.error.message);
    // Newest first; the publish and rollback of the calls above wait too, unapproved.
    expect(loaded.value.pending[0]).toMatchObject({
      pending: { recordId: prepared.value.pending.recordId },
      approval: { set: true, byName: MANAGER.name },
    });
    expect(loaded.value.pending.length).toBeGreaterThan(1);
    const text = JSON.stringify(loaded.value.pending);
    for (const idOrEmail of EVERY_ID_AND_EMAIL) expect(text).not.toContain(idOrEmail);
    expect(text).not.toContain(REP.name);
  });
});
