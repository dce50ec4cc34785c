// Issue 10: `strategy_editor_load` and `strategy_review` answered every caller with the managers'
// user ids and every user's email, which made the id + email "proof" of identity worthless. No
// function answers a user id, an email or the user list any more, to anyone: a rep may see the
// managers' names (whom to ask). Every function, called as the cards and pages call it.
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';

import { OWNERS } from '@strategy-fit/sandbox';

import { useFunctionEnv } from '../support/functions/hubspot-env.ts';
import { startTestPortal } from '../support/functions/test-portal.ts';
import type { TestPortal } from '../support/functions/test-portal.ts';
import {
  createRecordsFor,
  entryNames,
  secondVersion,
  validCalls,
} from '../reliability/support/function-table.ts';
import { call, MANAGER } from './support/portal.ts';

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
