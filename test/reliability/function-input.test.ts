// Bad parameters to every app function (as a hand-made call from the browser could send them):
// not an object, wrong types, missing fields, unknown keys, 1 MB payloads, the id of another
// object type, a record id that is not the card's. Each is refused with a coded error and nothing
// is written (the sandbox's write log and the strategy store's versions are unchanged); the same
// call without the defect is accepted.
import { listStrategyVersions } from '@strategy-fit/hubspot';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { z } from 'zod';

import { useFunctionEnv } from '../support/functions/hubspot-env.ts';
import { hubspotContext, startTestPortal } from '../support/functions/test-portal.ts';
import type { TestPortal } from '../support/functions/test-portal.ts';
import {
  createRecordsFor,
  entryNames,
  mainOf,
  secondVersion,
  validCalls,
} from './support/function-table.ts';
import type { ValidCall } from './support/function-table.ts';

let portal: TestPortal;
let calls: Record<string, ValidCall>;
let restoreEnv: () => void = () => undefined;

beforeAll(async () => {
  portal = await startTestPortal();
  restoreEnv = useFunctionEnv(portal.env);
  vi.spyOn(console, 'error').mockImplementation(() => undefined);
  const records = await createRecordsFor(portal);
  await portal.publish(secondVersion());
  calls = validCalls(records, 2);
});
afterAll(async () => {
  vi.restoreAllMocks();
  restoreEnv();
  await portal.close();
});

const Refusal = z.object({
  ok: z.literal(false),
  error: z.object({ code: z.string(), message: z.string().min(1), path: z.string().optional() }),
});

const MEGABYTE = 'x'.repeat(1_048_576);

type Case = {
  what: string;
  parameters: unknown;
  propertiesToSend?: Record<string, string>;
  code: string;
};

/** A value of another JSON type than `value`. */
const otherType = (value: unknown): unknown => {
  if (typeof value === 'string') return 12345;
  if (typeof value === 'number') return String(value);
  if (typeof value === 'boolean') return 'true';
  if (Array.isArray(value)) return {};
  return 'not an object';
};

/** Every defect of one valid call, with the code it must be refused with. */
const casesOf = (call: ValidCall): Case[] => {
  const p = call.parameters;
  const send = call.propertiesToSend;
  const withSend = (c: Omit<Case, 'propertiesToSend'>): Case =>
    send === undefined ? c : { ...c, propertiesToSend: send };
  const cases: Case[] = [
    { what: 'parameters null', parameters: null, code: 'invalid_input' },
    { what: 'parameters an array', parameters: [p], code: 'invalid_input' },
    { what: 'parameters a string', parameters: JSON.stringify(p), code: 'invalid_input' },
    withSend({ what: 'an unknown key', parameters: { ...p, admin: true }, code: 'invalid_input' }),
    withSend({
      what: '__proto__ as a key (as JSON.parse makes it)',
      parameters: JSON.parse(
        `{"__proto__":{"admin":true}${Object.keys(p).length === 0 ? '' : ','}${JSON.stringify(p).slice(1)}`,
      ),
      code: 'invalid_input',
    }),
  ];
  for (const key of Object.keys(p)) {
    const rest = Object.fromEntries(Object.entries(p).filter(([k]) => k !== key));
    if (!(call.optional ?? []).includes(key)) {
      cases.push(withSend({ what: `${key} missing`, parameters: rest, code: 'invalid_input' }));
    }
    if (!(call.free ?? []).includes(key)) {
      cases.push(
        withSend({
          what: `${key} of the wrong type`,
          parameters: { ...p, [key]: otherType(p[key]) },
          code: 'invalid_input',
        }),
      );
    }
  }
  // No function takes a user: HubSpot verifies none a card could send (docs/security.md).
  cases.push(
    withSend({
      what: 'a claimed user (a manager’s id and email)',
      parameters: { ...p, user: { id: '9100001', email: 'maya.okafor@demo-sales.example' } },
      code: 'invalid_input',
    }),
  );
  const bulky =
    typeof p['reason'] === 'string'
      ? 'reason'
      : typeof p['strategy'] === 'object'
        ? 'strategy'
        : null;
  if (bulky === 'reason') {
    cases.push(
      withSend({
        what: 'a 1 MB reason',
        parameters: { ...p, reason: MEGABYTE },
        code: 'invalid_input',
      }),
    );
  }
  if (bulky === 'strategy') {
    cases.push(
      withSend({
        what: 'a 1 MB strategy',
        parameters: { ...p, strategy: { ...(p['strategy'] as object), description: MEGABYTE } },
        code: 'invalid_input',
      }),
    );
  }
  for (const id of call.otherRecords ?? []) {
    cases.push({
      what: `hs_object_id ${id}: a record of another object type`,
      parameters: p,
      propertiesToSend: { hs_object_id: id },
      code: 'record_not_found',
    });
  }
  if (send !== undefined) {
    cases.push({
      what: 'no hs_object_id: a call that does not come from a card on a record',
      parameters: p,
      code: 'invalid_input',
    });
  }
  return cases;
};

/** What a refused call must not have changed: record updates, and the strategy versions. */
const footprint = async () => {
  const versions = await listStrategyVersions(portal.hs);
  return {
    companies: [...portal.sandbox.control.writeCounts('companies')],
    deals: [...portal.sandbox.control.writeCounts('deals')],
    versions: versions.ok ? versions.value.map((v) => v.version) : versions.error.code,
  };
};

describe('every app function refuses bad parameters with a coded error, writing nothing', () => {
  it('the table covers every function HubSpot can run', () => {
    expect(Object.keys(calls).sort()).toEqual(entryNames());
  });

  it('each defect of each function', async () => {
    const before = await footprint();
    const seen: string[] = [];
    for (const [name, call] of Object.entries(calls)) {
      const main = await mainOf(name);
      for (const c of casesOf(call)) {
        const answer: unknown = await main(hubspotContext(c.parameters, c.propertiesToSend ?? {}));
        const refusal = Refusal.safeParse(answer);
        expect(refusal.success, `${name}, ${c.what}: ${JSON.stringify(answer).slice(0, 300)}`).toBe(
          true,
        );
        if (!refusal.success) continue;
        expect(refusal.data.error.code, `${name}, ${c.what}: ${refusal.data.error.message}`).toBe(
          c.code,
        );
        // The answer is short: it never echoes a 1 MB input back.
        expect(JSON.stringify(answer).length, `${name}, ${c.what}`).toBeLessThan(2_000);
        seen.push(`${name}: ${c.what}`);
      }
    }
    expect(await footprint()).toEqual(before);
    expect(seen.length).toBeGreaterThan(80);
  });

  it('the same calls without the defect are accepted', async () => {
    for (const [name, call] of Object.entries(calls)) {
      const main = await mainOf(name);
      const answer = await main(hubspotContext(call.parameters, call.propertiesToSend ?? {}));
      expect(answer, name).toMatchObject({ ok: true });
    }
  });
});
