// SCORING §13 printed by the CLI: `strategy validate` (with or without a portal) names a strategy
// without exclusions; `simulate` and `strategy publish` print the focus guard over the portal's
// companies scored with the strategy — every warning for a strategy that calls everyone dream,
// one calm line for the example. Warnings, never errors: the exit codes stay 0.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

import type { RunningSandbox } from '@strategy-fit/sandbox';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { runCli, startCliSandbox } from '../backend/cli.test-support.ts';

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../../../..');
const EXAMPLE = join(repoRoot, 'examples/strategies/02-b2b-saas.json');
const dir = mkdtempSync(join(tmpdir(), 'strategy-fit-focus-'));
const EVERYONE = join(dir, 'everyone.json');

const REFUSES_NOBODY =
  'Focus guard: If everyone is our customer, we have no customers: this strategy turns nobody away.';
const NO_EXCLUSIONS = 'Focus guard: This strategy names no customers we refuse.';
const ACCEPTS_ALL =
  'Focus guard: 100 % of your companies are dream or fit customers: that is not a focus.';

let sandbox: RunningSandbox;
let env: Record<string, string>;

beforeAll(async () => {
  ({ sandbox, env } = await startCliSandbox());
  expect((await runCli(['setup'], env)).code).toBe(0);
  // Every company has a name: one segment that matches them all, and no exclusion.
  const doc = JSON.parse(readFileSync(EXAMPLE, 'utf8'));
  doc.name = 'Everyone';
  doc.segments = [
    {
      id: 'everyone',
      name: 'Everyone',
      priority: 'dream',
      criteria: [{ property: 'name', operator: 'HAS_PROPERTY' }],
    },
  ];
  doc.exclusions = [];
  delete doc.competitors;
  writeFileSync(EVERYONE, JSON.stringify(doc, null, 2));
});
afterAll(async () => {
  await sandbox.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('the focus guard in the CLI (SCORING §13)', () => {
  it('strategy validate names a strategy without exclusions, offline and against the portal, in text and JSON', async () => {
    for (const extra of [['--offline'], []]) {
      const run = await runCli(['strategy', 'validate', EVERYONE, ...extra], env);
      expect(run.code, run.err).toBe(0);
      expect(run.out).toContain(NO_EXCLUSIONS);
    }
    const json = await runCli(['strategy', 'validate', EVERYONE, '--json'], env);
    expect(JSON.parse(json.out).warnings).toEqual([
      { code: 'no_exclusions', message: 'This strategy names no customers we refuse.' },
    ]);
    const example = await runCli(['strategy', 'validate', EXAMPLE], env);
    expect(example.out).not.toContain('Focus guard');
  });

  it('simulate prints every warning above the matrix, and the figure in --json', async () => {
    const run = await runCli(['simulate', EVERYONE, '--no-progress'], env);
    expect(run.code, run.err).toBe(0);
    const lines = run.out.split('\n');
    expect(lines.slice(1, 4)).toEqual([REFUSES_NOBODY, NO_EXCLUSIONS, ACCEPTS_ALL]);
    expect(lines[4]).toMatch(
      /^ {2}100% of 40 scored companies would be dream or fit; the guard warns above 40%\.$/,
    );
    const json = await runCli(['simulate', EVERYONE, '--json', '--no-progress'], env);
    const figure = JSON.parse(json.out).focusGuard;
    expect(figure).toMatchObject({ companies: 40, dreamOrFit: 40, refusedOrOffStrategy: 0 });
    expect(figure.warnings.map((w: { code: string }) => w.code)).toEqual([
      'refuses_nobody',
      'no_exclusions',
      'accepts_most',
    ]);
  });

  it('strategy publish prints the guard before it publishes, and publishes anyway', async () => {
    const run = await runCli(['strategy', 'publish', EVERYONE], env);
    expect(run.code, run.err).toBe(0);
    expect(run.err).toContain(`${REFUSES_NOBODY}\n${NO_EXCLUSIONS}\n${ACCEPTS_ALL}\n`);
    expect(run.out).toMatch(/^Published version \d+ of “Everyone”/);
    const focused = await runCli(['strategy', 'publish', EXAMPLE], env);
    expect(focused.code, focused.err).toBe(0);
    expect(focused.err).toMatch(
      /^Focus guard: ok\. [\d.]+% of 40 scored companies would be dream or fit/m,
    );
    expect(focused.err).not.toContain(NO_EXCLUSIONS);
  });
});
