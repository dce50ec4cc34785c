// The app functions when HubSpot fails them: unreachable (connection refused), rate limited,
// answering 5xx, answering too slowly for the function's time budget, or failing the write.
// Each function answers a clear coded error (never hangs past its budget, never throws) and
// nothing is half-written: the sandbox's write log shows no update and every property of the
// records involved is as before.
import { listStrategyVersions } from '@strategy-fit/hubspot';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { z } from 'zod';

import { FUNCTION_BUDGET_MS } from '../../src/app/functions/src/lib/runtime.ts';
import { useFunctionEnv } from '../support/functions/hubspot-env.ts';
import { closedOrigin } from '../support/functions/test-portal.ts';
import { hubspotContext, startTestPortal } from '../support/functions/test-portal.ts';
import type { TestPortal } from '../support/functions/test-portal.ts';
import {
  createRecordsFor,
  entryNames,
  mainOf,
  secondVersion,
  validCalls,
} from './support/function-table.ts';
import type { Records } from './support/function-table.ts';

type FunctionCall = { name: string; writes: boolean; run: () => Promise<unknown> };

let portal: TestPortal;
let records: Records;
let calls: FunctionCall[];
let restoreEnv: () => void = () => undefined;
const logs: string[] = [];

beforeAll(async () => {
  portal = await startTestPortal();
  restoreEnv = useFunctionEnv(portal.env);
  vi.spyOn(console, 'error').mockImplementation((...args: unknown[]) => {
    logs.push(args.map(String).join(' '));
  });
  records = await createRecordsFor(portal);
  await portal.publish(secondVersion()); // version 2: a rollback to 1 has something to do
  calls = await Promise.all(
    Object.entries(validCalls(records, 2)).map(async ([name, call]) => {
      const main = await mainOf(name);
      return {
        name,
        writes: call.writes,
        run: () => main(hubspotContext(call.parameters, call.propertiesToSend ?? {})),
      };
    }),
  );
});
afterEach(() => {
  portal.sandbox.control.setFaults(undefined);
  portal.sandbox.control.setRateLimit(false);
});
afterAll(async () => {
  vi.restoreAllMocks();
  restoreEnv();
  await portal.close();
});

/** Every property (all of them, with hs_lastmodifieddate) of the records the functions touch. */
const state = async (): Promise<unknown> => {
  const ids = [records.company, records.offStrategyCompany];
  const deals = [records.deal, records.offStrategyDeal, records.requestedDeal];
  const all = async (type: string, list: string[]) =>
    Promise.all(
      list.map(async (id) => {
        const response = await fetch(
          `${portal.sandbox.baseUrl}/crm/objects/2026-09/${type}/${id}?properties=${encodeURIComponent(
            [
              'strategy_fit_score',
              'strategy_fit_tier',
              'strategy_fit_segment',
              'strategy_fit_off_strategy',
              'strategy_fit_reason',
              'strategy_fit_version',
              'strategy_fit_scored_at',
              'strategy_fit_focus',
              'strategy_fit_warnings',
              'strategy_fit_exception',
              'strategy_fit_exception_note',
              'strategy_fit_exception_by',
              'strategy_fit_exception_expires',
              'hs_lastmodifieddate',
            ].join(','),
          )}`,
          { headers: { authorization: `Bearer ${portal.sandbox.token}` } },
        );
        return response.json();
      }),
    );
  const versions = await listStrategyVersions(portal.hs);
  return {
    companies: await all('companies', ids),
    deals: await all('deals', deals),
    versions: versions.ok ? versions.value : versions.error,
  };
};

const writes = (): number =>
  [...portal.sandbox.control.writeCounts('companies').values()].reduce((a, b) => a + b, 0) +
  [...portal.sandbox.control.writeCounts('deals').values()].reduce((a, b) => a + b, 0);

type Answer = { ok: boolean; error?: { code: string; message: string } };
const codeOf = (answer: unknown): string | null => {
  const a = answer as Answer;
  return a.ok ? null : (a.error?.code ?? 'no code');
};

/** A bulk answer (rescore_stale) that changed nothing and names each record it failed, with `code`. */
const BulkFailure = z.object({
  ok: z.literal(true),
  value: z.object({
    changed: z.literal(0),
    failed: z.array(z.object({ code: z.string() })).min(1),
  }),
});
const failsEveryRecord = (answer: unknown, code: string): boolean => {
  const parsed = BulkFailure.safeParse(answer);
  return parsed.success && parsed.data.value.failed.every((f) => f.code === code);
};

/**
 * Runs every function under one failure: each answers `code` within `withinMs`, writing nothing.
 * A read-only function may still answer from what its warm container knows (strategy_validate
 * checks against cached property definitions); a bulk function may answer its per-record
 * failures (rescore_stale, like `score`); a function that writes never claims success.
 */
const expectEveryFunction = async (
  code: string,
  withinMs: number,
  arrange: () => Promise<() => void> | (() => void),
  settleMs = 0,
) => {
  const before = await state();
  const writesBefore = writes();
  const undo = await arrange();
  const outcomes: string[] = [];
  try {
    // All at once: a container answers one call at a time, but the budget is per call.
    await Promise.all(
      calls.map(async (call) => {
        const started = performance.now();
        const answer = await call.run();
        const ms = performance.now() - started;
        outcomes.push(`${call.name}: ${codeOf(answer)} in ${Math.round(ms)} ms`);
        expect(ms, call.name).toBeLessThan(withinMs);
        if (!call.writes && codeOf(answer) === null) return;
        if (failsEveryRecord(answer, code)) return;
        expect(codeOf(answer), `${call.name}: ${JSON.stringify(answer)}`).toBe(code);
        const error = (answer as Answer).error;
        expect(error?.message.trim(), call.name).not.toBe('');
      }),
    );
  } finally {
    undo();
  }
  // Requests still on their way (slow answers) land before the state is compared.
  if (settleMs > 0) await new Promise((r) => setTimeout(r, settleMs));
  portal.sandbox.control.setFaults(undefined);
  portal.sandbox.control.setRateLimit(false);
  expect(writes(), outcomes.join('\n')).toBe(writesBefore);
  expect(await state()).toEqual(before);
};

describe('the app functions when HubSpot fails: a coded error, nothing half-written', () => {
  it('covers every function HubSpot can run', () => {
    expect(calls.map((c) => c.name).sort()).toEqual(entryNames());
  });

  it('HubSpot unreachable (connection refused): hubspot_unavailable', async () => {
    const origin = await closedOrigin();
    await expectEveryFunction('hubspot_unavailable', 5_000, () =>
      useFunctionEnv({ ...portal.env, HUBSPOT_API_BASE_URL: origin }),
    );
  });

  it('rate limited (HubSpot asks for a wait longer than the budget allows): hubspot_rate_limited at once', async () => {
    await expectEveryFunction('hubspot_rate_limited', 3_000, () => {
      portal.sandbox.control.setRateLimit({ perTenSeconds: 1 });
      return () => undefined;
    });
  });

  it('HubSpot answers 500/502/503 to everything: hubspot_unavailable after the retries', async () => {
    await expectEveryFunction('hubspot_unavailable', 5_000, () => {
      portal.sandbox.control.setFaults({ rates: { serverError: 1 } });
      return () => undefined;
    });
  });

  it('every write fails (reads succeed): hubspot_unavailable, and the records and versions are as before', async () => {
    const schemas = await fetch(`${portal.sandbox.baseUrl}/crm-object-schemas/2026-09/schemas`, {
      headers: { authorization: `Bearer ${portal.sandbox.token}` },
    });
    const store = z
      .object({ results: z.array(z.object({ name: z.string(), objectTypeId: z.string() })) })
      .parse(await schemas.json())
      .results.find((r) => r.name === 'strategy_fit_strategy');
    if (store === undefined) throw new Error('no strategy store');
    await expectEveryFunction('hubspot_unavailable', 5_000, () => {
      portal.sandbox.control.setFaults({
        rates: { serverError: 1 },
        // Record updates, and creating a version in the store (its reads are GETs or other paths).
        paths: [
          '/crm/objects/2026-09/companies/batch/update',
          '/crm/objects/2026-09/deals/batch/update',
          `/crm/objects/2026-09/${store.objectTypeId}`,
        ],
        methods: ['POST', 'PATCH'],
      });
      return () => undefined;
    });
  });

  it(`answers slower than the function's budget (${FUNCTION_BUDGET_MS / 1000} s): hubspot_unavailable within it, and nothing is written after`, async () => {
    const slowMs = FUNCTION_BUDGET_MS + 1_500;
    await expectEveryFunction(
      'hubspot_unavailable',
      FUNCTION_BUDGET_MS + 1_000,
      () => {
        portal.sandbox.control.setFaults({ rates: { slow: 1 }, slowMs });
        return () => undefined;
      },
      slowMs - FUNCTION_BUDGET_MS + 500,
    );
  }, 40_000);

  it('logged each HubSpot failure, and never the token', () => {
    expect(logs.length).toBeGreaterThan(0);
    for (const line of logs) expect(line).not.toContain(portal.sandbox.token);
  });
});
