import { FIT_PROPERTIES } from '@strategy-fit/core';
import type { RunningSandbox } from '@strategy-fit/sandbox';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';

import { runCli, startCliSandbox } from '../backend/cli.test-support.ts';

let sandbox: RunningSandbox;
let env: Record<string, string>;

beforeAll(async () => {
  ({ sandbox, env } = await startCliSandbox());
});
afterAll(() => sandbox.close());

/** Two groups plus every property on each object it belongs to. */
const ENTRIES = 2 + FIT_PROPERTIES.reduce((n, p) => n + p.objects.length, 0);

describe('strategy-fit setup', () => {
  it('creates the group, the properties and the strategy store, one line each', async () => {
    const run = await runCli(['setup'], env);
    expect(run.code).toBe(0);
    expect(run.err).toBe(
      `backend: HubSpot at ${sandbox.baseUrl} (HUBSPOT_API_BASE_URL, HUBSPOT_ACCESS_TOKEN)\n`,
    );
    expect(run.out).toMatch(/^object +property +status\n/);
    expect(run.out).toContain('companies      group strategy_fit');
    expect(run.out).toMatch(/deals +strategy_fit_warnings +created\n/);
    expect(run.out).toMatch(/custom object +strategy_fit_strategy \(2-\d+\) +created\n/);
    expect(run.out).toMatch(/custom object +strategy_fit_exception_event \(2-\d+\) +created\n/);
    expect(run.out.trimEnd().split('\n').at(-1)).toBe(
      `Setup done: ${ENTRIES} created, 0 updated, 0 unchanged; strategy store created; exception events created.`,
    );
  });

  it('is idempotent: the second run changes nothing and says so', async () => {
    const run = await runCli(['setup'], env);
    expect(run.code).toBe(0);
    expect(run.out.trimEnd().split('\n').at(-1)).toBe(
      `Nothing to change: the portal is already set up (0 created, 0 updated, ${ENTRIES} unchanged; strategy store and exception events unchanged).`,
    );
    const json = await runCli(['setup', '--json'], env);
    const report = z
      .object({
        properties: z.object({
          created: z.array(z.string()),
          updated: z.array(z.string()),
          unchanged: z.array(z.string()),
        }),
        strategyStore: z.object({
          status: z.string(),
          created: z.boolean(),
          objectTypeId: z.string(),
        }),
      })
      .parse(JSON.parse(json.out));
    expect([
      report.properties.created,
      report.properties.updated,
      report.properties.unchanged.length,
    ]).toEqual([[], [], ENTRIES]);
    expect(report.strategyStore).toMatchObject({ status: 'unchanged', created: false });
  });

  it('prints HubSpot errors as `error [code] …` with exit code 1, never the token', async () => {
    const token = 'pat-na1-99999999-8888-7777-6666-555555555555';
    const run = await runCli(['setup'], { ...env, HUBSPOT_ACCESS_TOKEN: token });
    expect(run.code).toBe(1);
    expect(run.err).toMatch(
      /error \[hubspot_unauthorized\] HubSpot did not accept the access token/,
    );
    expect(run.out + run.err).not.toContain(token);
  });
});
