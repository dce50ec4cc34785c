// `strategy-fit score --since` through the CLI against sandboxes: a deal whose company was edited
// is rescored and written although the deal itself was not (SCORING §7: its company's result feeds
// its own); a deal both edited and under an edited company is written once; a deal merely linked to
// an edited company, whose own company is another, is left alone; and a run SIGKILLed among the
// deals of changed companies resumes to the portal of an uninterrupted run, writing nothing twice.
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pickDealCompanyId } from '@strategy-fit/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';

import { runCli, startCli } from './support/cli.ts';
import { associations, fitSnapshot, listAll } from './support/portal.ts';
import type { Portal } from './support/portal.ts';
import { setUpAndPublish } from './support/prepare.ts';
import {
  EXAMPLE_STRATEGY,
  expectedScores,
  FIT_NAMES,
  loadStrategy,
  mismatches,
  NOW,
  startPortal,
} from './support/sandbox.ts';
import type { TestPortal } from './support/sandbox.ts';

const SEED = { seed: 23, companies: 300, deals: 500 };
/** The kill/resume portals: enough changed companies for the phase to run across many pages. */
const KILL_SEED = { seed: 24, companies: 600, deals: 900 };
const LATENCY_MS = 40;

const dir = mkdtempSync(join(tmpdir(), 'strategy-fit-e2e-since-'));
let portal: TestPortal;
let killed: TestPortal;
let straight: TestPortal;

beforeAll(async () => {
  [portal, killed, straight] = await Promise.all([
    startPortal(SEED),
    startPortal(KILL_SEED),
    startPortal(KILL_SEED),
  ]);
  await Promise.all([portal, killed, straight].map((p) => setUpAndPublish(p, EXAMPLE_STRATEGY)));
});
afterAll(async () => {
  await Promise.all([portal, killed, straight].map((p) => p.sandbox.close()));
  rmSync(dir, { recursive: true, force: true });
});

const Counters = z.object({
  scanned: z.number(),
  changed: z.number(),
  unchanged: z.number(),
  failed: z.number(),
});
const Summary = z.looseObject({
  resumed: z.boolean(),
  companies: Counters,
  deals: Counters,
  dealsOfChangedCompanies: Counters.nullable(),
  stopped: z.unknown().nullable(),
});

const score = async (target: TestPortal, checkpoint: string, ...args: string[]) => {
  const run = await runCli(
    ['score', '--json', '--now', NOW, '--no-progress', '--checkpoint', checkpoint, ...args],
    target,
    { timeoutMs: 120_000 },
  );
  expect(run.code, run.stderr).toBe(0);
  return Summary.parse(JSON.parse(run.stdout));
};

const send = async (target: Portal, method: string, path: string, body: unknown) => {
  const response = await fetch(`${target.baseUrl}${path}`, {
    method,
    headers: { authorization: `Bearer ${target.token}`, 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  expect(response.status, `${method} ${path}`).toBeLessThan(300);
  return (await response.json()) as unknown;
};

/** Updates records through the batch API (100 per request), as a user's import would. */
const update = async (
  target: Portal,
  objectType: string,
  inputs: { id: string; properties: Record<string, string> }[],
) => {
  for (let i = 0; i < inputs.length; i += 100) {
    await send(target, 'POST', `/crm/objects/2026-09/${objectType}/batch/update`, {
      inputs: inputs.slice(i, i + 100),
    });
  }
};

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** An instant after every write so far and before every edit after it. */
const sinceNow = async (): Promise<string> => {
  await sleep(20);
  const since = new Date().toISOString();
  await sleep(20);
  return since;
};

/** Each deal's own company (SCORING §7), read over plain HTTP. */
const ownCompanies = async (target: Portal): Promise<Map<string, string | null>> => {
  const deals = (await listAll(target, 'deals', [])).map((d) => d.id);
  const links = await associations(target, 'deals', 'companies', deals);
  return new Map(deals.map((id) => [id, pickDealCompanyId(links.get(id) ?? [])]));
};

const dealWriteCounts = (target: TestPortal) => target.sandbox.control.writeCounts('deals');

/** Deals written since `before` (a writeCounts snapshot), with how many times. */
const writtenSince = (target: TestPortal, before: Map<string, number>): Map<string, number> =>
  new Map(
    [...dealWriteCounts(target)]
      .map(([id, n]) => [id, n - (before.get(id) ?? 0)] as const)
      .filter(([, n]) => n > 0),
  );

describe('strategy-fit score --since: the deals of changed companies (e2e)', () => {
  it('rescores and writes the deals of an edited company once, and leaves others alone', async () => {
    const checkpoint = join(dir, 'one.json');
    const fits = await listAll(portal, 'companies', ['strategy_fit_tier']);
    const own = await ownCompanies(portal);
    const dealsOf = (company: string) =>
      [...own].filter(([, c]) => c === company).map(([id]) => id);
    // A company with three deals of its own, and another company.
    const company = fits.find((c) => dealsOf(c.id).length >= 3)?.id ?? '';
    const other = fits.find((c) => c.id !== company && dealsOf(c.id).length >= 1)?.id ?? '';
    expect(company).not.toBe('');
    // A deal linked to `company` whose own (primary) company is `other`.
    const linked = z.object({ id: z.string() }).parse(
      await send(portal, 'POST', '/crm/objects/2026-09/deals', {
        properties: { dealname: 'linked to two', amount: '40000', pipeline: 'default' },
        associations: [
          {
            to: { id: company },
            types: [{ associationCategory: 'HUBSPOT_DEFINED', associationTypeId: 341 }],
          },
          {
            to: { id: other },
            types: [{ associationCategory: 'HUBSPOT_DEFINED', associationTypeId: 5 }],
          },
        ],
      }),
    ).id;
    const full = await score(portal, checkpoint);
    expect(full.deals.scanned).toBe(SEED.deals + 1);

    const since = await sinceNow();
    const [edited, ...notEdited] = dealsOf(company) as [string, ...string[]];
    const elsewhere = dealsOf(other)[0] ?? '';
    // Under 10 employees: the company is refused (exclusion "too-small"), and so are its deals.
    await update(portal, 'companies', [{ id: company, properties: { numberofemployees: '5' } }]);
    await update(portal, 'deals', [
      { id: edited, properties: { dealname: 'edited deal of the edited company' } },
      { id: elsewhere, properties: { dealname: 'edited deal of another company' } },
    ]);
    const before = dealWriteCounts(portal);

    const run = await score(portal, checkpoint, '--since', since);
    expect(run.companies).toEqual({ scanned: 1, changed: 1, unchanged: 0, failed: 0 });
    expect(run.deals).toEqual({ scanned: 2, changed: 1, unchanged: 1, failed: 0 });
    expect(run.dealsOfChangedCompanies).toEqual({
      scanned: notEdited.length,
      changed: notEdited.length,
      unchanged: 0,
      failed: 0,
    });
    // Written exactly once: the company's deals (the edited one included); not the others.
    const written = writtenSince(portal, before);
    expect(Object.fromEntries(written)).toEqual(
      Object.fromEntries([edited, ...notEdited].map((id) => [id, 1])),
    );
    expect(written.has(linked)).toBe(false);
    expect(existsSync(checkpoint)).toBe(false);

    const deals = await listAll(portal, 'deals', ['strategy_fit_tier', 'strategy_fit_reason']);
    const tiers = new Map(deals.map((d) => [d.id, d.properties.strategy_fit_tier]));
    expect([edited, ...notEdited].map((id) => tiers.get(id))).toEqual(
      [edited, ...notEdited].map(() => 'refused'),
    );
    // The whole portal is what the core computes from the records as they are now.
    const { actual, expected } = await expectedScores(portal, loadStrategy(EXAMPLE_STRATEGY), 1);
    expect(mismatches(actual.companies, expected.companies, FIT_NAMES.companies)).toEqual([]);
    expect(mismatches(actual.deals, expected.deals, FIT_NAMES.deals)).toEqual([]);

    // The text summary says it; the same --since again writes nothing.
    const again = await runCli(
      ['score', '--now', NOW, '--no-progress', '--checkpoint', checkpoint, '--since', since],
      portal,
    );
    expect(again.code, again.stderr).toBe(0);
    expect(again.stdout).toMatch(/\+ \d+ deals rescored because their company changed: changed 0,/);
    expect(writtenSince(portal, before)).toEqual(written);
  });

  it('resumes a run SIGKILLed among the deals of changed companies to the uninterrupted run’s portal', async () => {
    const checkpoint = join(dir, 'killed.json');
    await Promise.all([
      score(killed, join(dir, 'killed-full.json')),
      score(straight, join(dir, 'straight-full.json')),
    ]);
    const since = await sinceNow();
    // The same edits on both: every third company refused, and a few deals renamed.
    const companies = (await listAll(killed, 'companies', [])).map((c) => c.id);
    const deals = (await listAll(killed, 'deals', [])).map((d) => d.id);
    const edits = {
      companies: companies
        .filter((_, i) => i % 3 === 0)
        .map((id) => ({ id, properties: { numberofemployees: '5' } })),
      deals: deals
        .filter((_, i) => i % 20 === 0)
        .map((id) => ({ id, properties: { dealname: `renamed ${id}` } })),
    };
    for (const target of [killed, straight]) {
      await update(target, 'companies', edits.companies);
      await update(target, 'deals', edits.deals);
    }
    const before = { killed: dealWriteCounts(killed), straight: dealWriteCounts(straight) };
    const args = ['--since', since, '--batch', '10'];

    const reference = await score(straight, join(dir, 'straight.json'), ...args);
    expect(reference.companies.scanned).toBe(edits.companies.length);
    expect(reference.dealsOfChangedCompanies?.scanned).toBeGreaterThan(100);

    // Killed twice among the deals of changed companies, then resumed to the end.
    killed.sandbox.control.setLatency(LATENCY_MS);
    const kills: number[] = [];
    for (const [index, atLeast] of [20, 80].entries()) {
      const child = startCli(
        [
          'score',
          '--now',
          NOW,
          '--no-progress',
          '--checkpoint',
          checkpoint,
          ...args,
          ...(index > 0 ? ['--resume'] : []),
        ],
        killed,
      );
      const exited = new Promise((done) =>
        child.once('exit', (code, signal) => done(signal ?? code)),
      );
      let state: { phase: string; scanned: number } | null = null;
      for (let polls = 0; polls < 3000; polls += 1) {
        state = readPhase(checkpoint);
        if (state?.phase === 'companyDeals' && state.scanned >= atLeast) break;
        if (child.exitCode !== null) throw new Error('the run ended before the kill');
        await sleep(10);
      }
      process.kill(-(child.pid ?? 0), 'SIGKILL');
      expect(await exited).toBe('SIGKILL');
      await sleep(10 * LATENCY_MS);
      const after = readPhase(checkpoint);
      expect(after?.phase).toBe('companyDeals');
      kills.push(after?.scanned ?? 0);
    }
    killed.sandbox.control.setLatency(0);
    const resumed = await score(killed, checkpoint, ...args, '--resume');
    expect(resumed.resumed).toBe(true);
    expect(kills[0]).toBeLessThan(resumed.dealsOfChangedCompanies?.scanned ?? 0);
    expect(existsSync(checkpoint)).toBe(false);
    expect(existsSync(`${checkpoint}.companies`)).toBe(false);
    expect(resumed.companies).toEqual(reference.companies);
    expect(resumed.deals.scanned).toBe(reference.deals.scanned);
    expect(resumed.dealsOfChangedCompanies?.scanned).toBe(
      reference.dealsOfChangedCompanies?.scanned,
    );

    // The same portal, the same deals written, none twice.
    const [a, b] = await Promise.all([
      fitSnapshot(killed, FIT_NAMES),
      fitSnapshot(straight, FIT_NAMES),
    ]);
    expect(a).toEqual(b);
    const writes = {
      killed: writtenSince(killed, before.killed),
      straight: writtenSince(straight, before.straight),
    };
    expect([...writes.killed].filter(([, n]) => n > 1)).toEqual([]);
    expect([...writes.killed.keys()].sort()).toEqual([...writes.straight.keys()].sort());
    expect(writes.straight.size).toBeGreaterThan(100);
  });
});

const Phase = z.object({
  phase: z.string(),
  counters: z.object({ companyDeals: z.object({ scanned: z.number() }).optional() }),
});

/** The checkpoint's phase and how many deals of changed companies it counts; null when none. */
const readPhase = (path: string): { phase: string; scanned: number } | null => {
  if (!existsSync(path)) return null;
  try {
    const parsed = Phase.parse(JSON.parse(readFileSync(path, 'utf8')));
    return { phase: parsed.phase, scanned: parsed.counters.companyDeals?.scanned ?? 0 };
  } catch {
    return null; // replaced while read
  }
};
