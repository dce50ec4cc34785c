// The read-only commands on one seeded portal (issue 13): `strategy validate --portal` and
// `simulate` say what the portal holds per criterion; `simulate` lists which accounts move and
// counts deals without a company, so its open pipeline equals the report's; read-only progress
// says what it read, never "changed / failed"; `report --owner --pipeline --window` are the
// review page's filters, bad values answered in plain words.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { runCli } from './support/cli.ts';
import { associations, listAll } from './support/portal.ts';
import { setUpAndPublish } from './support/prepare.ts';
import {
  EXAMPLE_STRATEGY,
  expectedScores,
  loadStrategy,
  MINIMAL_STRATEGY,
  NOW,
  startPortal,
} from './support/sandbox.ts';
import type { TestPortal } from './support/sandbox.ts';

let portal: TestPortal;
const dir = mkdtempSync(join(tmpdir(), 'strategy-fit-e2e-read-only-'));

beforeAll(async () => {
  // Countries in other spellings as the demo portal has them (issue 13's traps).
  portal = await startPortal({ seed: 13, companies: 400, deals: 700, spellingVariantsPercent: 25 });
  await setUpAndPublish(portal, EXAMPLE_STRATEGY);
  const scored = await runCli(
    ['score', '--now', NOW, '--checkpoint', join(dir, 'checkpoint.json')],
    portal,
  );
  expect(scored.code, scored.stderr).toBe(0);
});
afterAll(async () => {
  await portal.sandbox.close();
  rmSync(dir, { recursive: true, force: true });
});

type Cell = { companies: number; openDeals: number; openAmount: number };
type Simulation = {
  matrix: { total: Cell; noCompany: Cell; openPipeline: Cell };
  movers: {
    companies: {
      rows: { id: string; oldTier: string; newTier: string; openAmount: number }[];
      total: number;
    };
    deals: { rows: { id: string; companyId: string; amount: number }[]; total: number };
    byOwner: Cell[];
    bySegment: Cell[];
  };
};
type Review = {
  totals: { openDeals: { count: number; amount: number } };
  evidenceWindow: { days: number; closedInWindow: number };
};

const cents = (n: number): number => Math.round(n * 100);

const json = async <T>(args: string[]): Promise<T> => {
  const run = await runCli(args, portal);
  expect(run.code, run.stderr).toBe(0);
  return JSON.parse(run.stdout) as T;
};

describe('simulate: which accounts move, and the same totals as the report', () => {
  it('counts open deals without a company, so its open pipeline equals the report’s', async () => {
    const sim = await json<Simulation>(['simulate', MINIMAL_STRATEGY, '--json', '--no-progress']);
    const review = await json<Review>(['report', '--format', 'json', '--no-progress']);
    expect(sim.matrix.noCompany.openDeals).toBeGreaterThan(0);
    expect(sim.matrix.openPipeline.openDeals).toBe(review.totals.openDeals.count);
    expect(cents(sim.matrix.openPipeline.openAmount)).toBe(cents(review.totals.openDeals.amount));
    expect(sim.matrix.openPipeline.openDeals).toBe(
      sim.matrix.total.openDeals + sim.matrix.noCompany.openDeals,
    );
  });

  it('lists the companies and open deals that change tier, as the core scores them', async () => {
    const sim = await json<Simulation>(['simulate', MINIMAL_STRATEGY, '--json', '--no-progress']);
    const published = await expectedScores(portal, loadStrategy(EXAMPLE_STRATEGY), 1);
    const proposed = await expectedScores(portal, loadStrategy(MINIMAL_STRATEGY), 2);
    const tiers = new Map(
      [...published.expected.companies].map(([id, c]) => [
        id,
        [c.strategy_fit_tier, proposed.expected.companies.get(id)?.strategy_fit_tier] as const,
      ]),
    );
    const changed = [...tiers].filter(([, [a, b]]) => a !== b).map(([id]) => id);
    expect(changed.length).toBeGreaterThan(0);
    expect(sim.movers.companies.total).toBe(changed.length);
    for (const row of sim.movers.companies.rows) {
      expect([row.oldTier, row.newTier], row.id).toEqual(tiers.get(row.id));
    }
    const amounts = sim.movers.companies.rows.map((r) => r.openAmount);
    expect(amounts).toEqual([...amounts].sort((a, b) => b - a));
    // Open deals that move: those whose company (primary, else lowest id) moves.
    const open = (await listAll(portal, 'deals', ['hs_is_closed'])).filter(
      (d) => d.properties.hs_is_closed === 'false',
    );
    const links = await associations(
      portal,
      'deals',
      'companies',
      open.map((d) => d.id),
    );
    const companyOf = (id: string): string | null => {
      const l = links.get(id) ?? [];
      const primary = l.find((x) => x.primary);
      return primary?.id ?? [...l].sort((a, b) => Number(a.id) - Number(b.id))[0]?.id ?? null;
    };
    const moving = new Set(changed);
    const movingDeals = open.filter((d) => {
      const c = companyOf(d.id);
      return c !== null && moving.has(c);
    });
    expect(sim.movers.deals.total).toBe(movingDeals.length);
    for (const d of sim.movers.deals.rows) expect(moving.has(d.companyId), d.id).toBe(true);
    const sum = (cells: Cell[], key: keyof Cell) => cells.reduce((n, c) => n + c[key], 0);
    expect(sum(sim.movers.byOwner, 'companies')).toBe(changed.length);
    expect(sum(sim.movers.bySegment, 'openDeals')).toBe(movingDeals.length);
  });

  it('prints the movers and the deals without a company in its tables', async () => {
    const run = await runCli(['simulate', MINIMAL_STRATEGY, '--no-progress'], portal);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toContain('No company:');
    expect(run.stdout).toContain('Accounts that change tier:');
    expect(run.stdout).toContain('Open deals that change tier');
  });
});

describe('read-only progress says what it read', () => {
  it('simulate and report print no changed / failed counts', async () => {
    for (const args of [
      ['simulate', MINIMAL_STRATEGY],
      ['report', '--format', 'json'],
    ]) {
      const run = await runCli(args, portal);
      expect(run.code, run.stderr).toBe(0);
      expect(run.stderr, args[0]).toMatch(/companies read: [\d,]+/);
      expect(run.stderr, args[0]).not.toMatch(/changed|failed/);
    }
  });
});

describe('report --owner, --pipeline, --window (the review page’s filters)', () => {
  it('narrows the deals to one owner and one pipeline, and sets the evidence window', async () => {
    const deals = await listAll(portal, 'deals', ['hubspot_owner_id', 'pipeline', 'hs_is_closed']);
    const open = deals.filter((d) => d.properties.hs_is_closed === 'false');
    const owner = open[0]?.properties.hubspot_owner_id ?? '';
    const pipeline = open[0]?.properties.pipeline ?? '';
    expect(owner).not.toBe('');
    const review = await json<Review>([
      'report',
      '--format',
      'json',
      '--no-progress',
      '--owner',
      owner,
      '--pipeline',
      pipeline,
      '--window',
      '90',
    ]);
    expect(review.totals.openDeals.count).toBe(
      open.filter(
        (d) => d.properties.hubspot_owner_id === owner && d.properties.pipeline === pipeline,
      ).length,
    );
    expect(review.evidenceWindow.days).toBe(90);
    const whole = await json<Review>(['report', '--format', 'json', '--no-progress']);
    expect(review.evidenceWindow.closedInWindow).toBeLessThan(whole.evidenceWindow.closedInWindow);
  });

  it('answers bad values in plain words, exit 2', async () => {
    const cases: [string[], string][] = [
      [['--window', '10'], '--window is “10”, but it takes a whole number from 30 to 3650.'],
      [['--owner', 'bob'], '--owner is “bob”, but it takes a HubSpot owner id (digits).'],
      [['--owner', '999999999'], '--owner 999999999 is no owner of this portal'],
      [['--pipeline', 'nope'], '--pipeline nope is no deal pipeline of this portal'],
    ];
    for (const [args, words] of cases) {
      const run = await runCli(['report', '--no-progress', ...args], portal);
      expect(run.code, run.stderr).toBe(2);
      expect(run.stderr).toContain(words);
    }
  });
});

type Holds = {
  companies: number;
  deals: number;
  criteria: {
    path: string;
    property: string;
    object: string;
    match: number;
    miss: number;
    unknown: number;
    unmatchedValues: { value: string; count: number }[];
    flag: string | null;
  }[];
};

describe('what the portal holds (validate --portal, simulate)', () => {
  it('counts each criterion and the values it never matches, as the portal holds them', async () => {
    const run = await runCli(
      ['strategy', 'validate', EXAMPLE_STRATEGY, '--portal', '--json'],
      portal,
    );
    expect(run.code, run.stderr).toBe(0);
    const holds = (JSON.parse(run.stdout) as { portal: Holds }).portal;
    const companies = await listAll(portal, 'companies', ['country']);
    expect(holds.companies).toBe(companies.length);
    const country = holds.criteria.find((c) => c.path === 'segments[0].criteria[4]');
    expect(country?.property).toBe('country');
    const wanted = ['united states', 'canada', 'united kingdom', 'germany'];
    const values = companies.map((c) => (c.properties.country ?? '').trim());
    expect(country?.match).toBe(values.filter((v) => wanted.includes(v.toLowerCase())).length);
    expect(country?.unknown).toBe(values.filter((v) => v === '').length);
    // The seed's traps: other spellings of the countries the criterion names.
    const traps = country?.unmatchedValues.filter((v) =>
      ['Deutschland', 'USA', 'U.S.', 'US', 'UK', 'England'].includes(v.value),
    );
    expect(traps?.length, JSON.stringify(country?.unmatchedValues)).toBeGreaterThan(0);
    for (const v of country?.unmatchedValues ?? []) {
      expect(v.count, v.value).toBe(
        values.filter((x) => x.toLowerCase() === v.value.toLowerCase()).length,
      );
    }
    for (const c of holds.criteria) {
      expect(c.match + c.miss + c.unknown, c.path).toBe(
        c.object === 'company' ? holds.companies : holds.deals,
      );
    }
    // simulate counts the same from its own pages.
    const sim = await json<{ portal: Holds }>([
      'simulate',
      EXAMPLE_STRATEGY,
      '--json',
      '--no-progress',
    ]);
    expect(sim.portal).toEqual(holds);
  });

  it('prints the figures and the traps as a table', async () => {
    const run = await runCli(['strategy', 'validate', EXAMPLE_STRATEGY, '--portal'], portal);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toContain('What the portal holds:');
    expect(run.stdout).toContain('Values it never matches');
    expect(run.stderr).toMatch(/companies read: [\d,]+/);
    expect(run.stderr).not.toMatch(/changed|failed/);
  });

  it('offers the closest options for an enumeration value that is not an option', async () => {
    const strategy = JSON.parse(readFileSync(MINIMAL_STRATEGY, 'utf8')) as {
      segments: { criteria: unknown[] }[];
    };
    const file = join(dir, 'mechanical.json');
    strategy.segments[0]?.criteria.push({
      property: 'industry',
      operator: 'IN',
      values: ['Mechanical Engineering'],
    });
    writeFileSync(file, JSON.stringify(strategy));
    const run = await runCli(['strategy', 'validate', file], portal);
    expect(run.code).toBe(3);
    expect(run.stderr).toContain('MECHANICAL_OR_INDUSTRIAL_ENGINEERING');
  });
});
