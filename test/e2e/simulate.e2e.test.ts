// `strategy-fit simulate FILE` through the CLI: the old-tier → new-tier matrix agrees with the
// tiers the core gives each company under both strategies, and nothing is written.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { runCli } from './support/cli.ts';
import { listAll } from './support/portal.ts';
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
const dir = mkdtempSync(join(tmpdir(), 'strategy-fit-e2e-simulate-'));

beforeAll(async () => {
  portal = await startPortal({ seed: 9, companies: 500, deals: 800 });
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
type Matrix = {
  rows: { oldTier: string | null; cells: ({ newTier: string } & Cell)[]; total: Cell }[];
  columns: { newTier: string; total: Cell }[];
  total: Cell;
};

const modifiedDates = async (): Promise<unknown> =>
  Promise.all(
    ['companies', 'deals', 'line_items'].map(async (type) =>
      (await listAll(portal, type, ['hs_lastmodifieddate'])).map((r) => [
        r.id,
        r.properties.hs_lastmodifieddate,
      ]),
    ),
  );

const countBy = (values: Iterable<string>): Map<string, number> => {
  const counts = new Map<string, number>();
  for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1);
  return counts;
};

describe('strategy-fit simulate (e2e)', () => {
  it('moves each company from its tier under the published strategy to its tier under the proposed one, writing nothing', async () => {
    const before = await modifiedDates();
    const run = await runCli(['simulate', MINIMAL_STRATEGY, '--json', '--no-progress'], portal);
    expect(run.code, run.stderr).toBe(0);
    const { matrix, publishedVersion } = JSON.parse(run.stdout) as {
      matrix: Matrix;
      publishedVersion: number;
    };
    expect(publishedVersion).toBe(1);
    expect(await modifiedDates()).toEqual(before);

    const published = await expectedScores(portal, loadStrategy(EXAMPLE_STRATEGY), 1);
    const proposed = await expectedScores(portal, loadStrategy(MINIMAL_STRATEGY), 2);
    const oldTiers = countBy(
      [...published.expected.companies.values()].map((c) => c.strategy_fit_tier ?? ''),
    );
    const newTiers = countBy(
      [...proposed.expected.companies.values()].map((c) => c.strategy_fit_tier ?? ''),
    );
    expect(matrix.total.companies).toBe(500);
    for (const row of matrix.rows)
      expect(row.total.companies, String(row.oldTier)).toBe(oldTiers.get(row.oldTier ?? '') ?? 0);
    for (const col of matrix.columns)
      expect(col.total.companies, col.newTier).toBe(newTiers.get(col.newTier) ?? 0);
    // Every cell: companies whose tiers are (row, column) under (published, proposed).
    const pairs = countBy(
      [...published.expected.companies.entries()].map(
        ([id, c]) =>
          `${c.strategy_fit_tier} → ${proposed.expected.companies.get(id)?.strategy_fit_tier}`,
      ),
    );
    for (const row of matrix.rows) {
      for (const cell of row.cells) {
        expect(cell.companies, `${row.oldTier} → ${cell.newTier}`).toBe(
          pairs.get(`${row.oldTier} → ${cell.newTier}`) ?? 0,
        );
      }
    }
    expect(matrix.total.openDeals).toBeGreaterThan(0);
  });

  it('prints the matrix as tables by default', async () => {
    const run = await runCli(['simulate', MINIMAL_STRATEGY, '--no-progress'], portal);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toContain('against the published version 1. Nothing was written.');
    expect(run.stdout).toContain('Today \\ New');
    expect(run.stdout).toContain('Open pipeline');
  });

  it('refuses an invalid strategy with every problem at its path in one pass, exit 3 as validate and publish', async () => {
    const file = join(dir, 'bad.json');
    writeFileSync(
      file,
      JSON.stringify({
        schemaVersion: 1,
        name: 'Bad',
        thresholds: { fit: 50, stretch: 60 },
        segments: [
          {
            id: 'Bad Id',
            name: 'x',
            priority: 'core',
            criteria: [
              { property: 'industry', operator: 'GT' },
              { property: 'country', operator: 'GTE', value: 5 },
            ],
          },
        ],
      }),
    );
    const run = await runCli(['simulate', file], portal);
    expect(run.code).toBe(3);
    expect(run.stderr).toContain('segments[0].id');
    expect(run.stderr).toContain('segments[0].criteria[0]');
    // The portal's problems in the same pass (SCORING §14: text compared as a number).
    expect(run.stderr).toContain(
      'error [strategy_property_unreadable] segments[0].criteria[1].property (country)',
    );
    expect(run.stderr).toContain('Nothing was simulated.');
  });
});
