// `strategy-fit score` through the CLI against a sandbox: every record ends with the fit
// properties the core computes from the records read back; a second run writes nothing;
// --stale-only rescores after a new version; a record that cannot be written makes exit code 1.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { runCli } from './support/cli.ts';
import { listAll } from './support/portal.ts';
import { setUpAndPublish } from './support/prepare.ts';
import {
  EXAMPLE_STRATEGY,
  expectedScores,
  FIT_NAMES,
  loadStrategy,
  MINIMAL_STRATEGY,
  mismatches,
  NOW,
  startPortal,
} from './support/sandbox.ts';
import type { TestPortal } from './support/sandbox.ts';

let portal: TestPortal;
const dir = mkdtempSync(join(tmpdir(), 'strategy-fit-e2e-score-'));
const checkpoint = join(dir, 'checkpoint.json');

beforeAll(async () => {
  portal = await startPortal({ seed: 11, companies: 450, deals: 700 });
  await setUpAndPublish(portal, EXAMPLE_STRATEGY);
});
afterAll(async () => {
  await portal.sandbox.close();
  rmSync(dir, { recursive: true, force: true });
});

type Summary = {
  strategyVersion: number;
  companies: { scanned: number; changed: number; unchanged: number; failed: number };
  deals: { scanned: number; changed: number; unchanged: number; failed: number };
  failed: { objectType: string; id: string; code: string }[];
};

const score = async (
  ...args: string[]
): Promise<{ code: number | null; summary: Summary; stderr: string }> => {
  const run = await runCli(
    ['score', '--json', '--now', NOW, '--checkpoint', checkpoint, ...args],
    portal,
  );
  return {
    code: run.code,
    summary: JSON.parse(run.stdout || 'null') as Summary,
    stderr: run.stderr,
  };
};

const modifiedDates = async (): Promise<Record<string, string | null>> => {
  const of = async (type: string) =>
    (await listAll(portal, type, ['hs_lastmodifieddate'])).map((r) => [
      `${type}/${r.id}`,
      r.properties.hs_lastmodifieddate ?? null,
    ]);
  return Object.fromEntries([...(await of('companies')), ...(await of('deals'))]);
};

describe('strategy-fit score (e2e)', () => {
  it('gives every company and deal the fit properties the core computes from the records read back', async () => {
    const run = await score();
    expect(run.code, run.stderr).toBe(0);
    expect(run.summary.companies).toEqual({ scanned: 450, changed: 450, unchanged: 0, failed: 0 });
    expect(run.summary.deals).toEqual({ scanned: 700, changed: 700, unchanged: 0, failed: 0 });
    const { actual, expected } = await expectedScores(portal, loadStrategy(EXAMPLE_STRATEGY), 1);
    expect(expected.companies.size).toBe(450);
    expect(expected.deals.size).toBe(700);
    expect(mismatches(actual.companies, expected.companies, FIT_NAMES.companies)).toEqual([]);
    expect(mismatches(actual.deals, expected.deals, FIT_NAMES.deals)).toEqual([]);
    // The portfolio is varied enough for the comparison to mean something.
    const tiers = new Set([...actual.deals.values()].map((d) => d.strategy_fit_tier));
    expect(tiers.size).toBeGreaterThanOrEqual(5);
  });

  it('writes 0 records on a second run (diff-only): no record is modified', async () => {
    const before = await modifiedDates();
    const run = await score();
    expect(run.code, run.stderr).toBe(0);
    expect(run.summary.companies).toEqual({ scanned: 450, changed: 0, unchanged: 450, failed: 0 });
    expect(run.summary.deals).toEqual({ scanned: 700, changed: 0, unchanged: 700, failed: 0 });
    expect(await modifiedDates()).toEqual(before);
  });

  it('--stale-only rescores everything after a new version is published, then nothing', async () => {
    const publish = await runCli(['strategy', 'publish', MINIMAL_STRATEGY], portal);
    expect(publish.code, publish.stderr).toBe(0);
    const stale = await score('--stale-only');
    expect(stale.code, stale.stderr).toBe(0);
    expect(stale.summary.strategyVersion).toBe(2);
    expect(stale.summary.companies.scanned).toBe(450);
    expect(stale.summary.deals.scanned).toBe(700);
    const { actual, expected } = await expectedScores(portal, loadStrategy(MINIMAL_STRATEGY), 2);
    expect(mismatches(actual.companies, expected.companies, FIT_NAMES.companies)).toEqual([]);
    expect(mismatches(actual.deals, expected.deals, FIT_NAMES.deals)).toEqual([]);
    const again = await score('--stale-only');
    expect(again.summary.companies.scanned + again.summary.deals.scanned).toBe(0);
  });

  it('--since reads only the records modified since then', async () => {
    const [first] = await listAll(portal, 'companies', ['numberofemployees']);
    if (first === undefined) throw new Error('no company');
    await new Promise((r) => setTimeout(r, 20));
    const since = new Date().toISOString();
    await new Promise((r) => setTimeout(r, 20));
    const patch = await fetch(`${portal.baseUrl}/crm/objects/2026-09/companies/${first.id}`, {
      method: 'PATCH',
      headers: { authorization: `Bearer ${portal.token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ properties: { numberofemployees: '7' } }),
    });
    expect(patch.status).toBe(200);
    const run = await score('--since', since);
    expect(run.code, run.stderr).toBe(0);
    expect(run.summary.companies).toMatchObject({ scanned: 1 });
    expect(run.summary.deals).toMatchObject({ scanned: 0 });
    const future = await score('--since', '2100-01-01');
    expect(future.summary.companies.scanned + future.summary.deals.scanned).toBe(0);
  });

  it('exits 1 and names the records it could not write, with their error codes', async () => {
    const publish = await runCli(['strategy', 'publish', EXAMPLE_STRATEGY], portal);
    expect(publish.code, publish.stderr).toBe(0);
    // Every batch update of companies fails a share of its inputs, retried or not.
    portal.sandbox.control.setFaults({
      rates: { partialBatch: 1 },
      partialBatchShare: 0.05,
      paths: ['/crm/objects/2026-09/companies/batch/update'],
    });
    try {
      const run = await score();
      expect(run.code).toBe(1);
      expect(run.summary.companies.failed).toBeGreaterThan(0);
      expect(run.summary.companies.changed + run.summary.companies.failed).toBe(450);
      expect(run.summary.failed.length).toBe(run.summary.companies.failed);
      expect(run.summary.failed[0]).toMatchObject({
        objectType: 'companies',
        id: expect.stringMatching(/^\d+$/),
      });
      expect(run.summary.deals.failed).toBe(0);
    } finally {
      portal.sandbox.control.setFaults(undefined);
    }
    const text = await runCli(
      ['score', '--now', NOW, '--checkpoint', checkpoint, '--no-progress'],
      portal,
    );
    expect(text.code, text.stderr).toBe(0);
    expect(text.stdout).toMatch(/companies\s+scanned\s+450\s+changed\s+[1-9]/);
  });
});
