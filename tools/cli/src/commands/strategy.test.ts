import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

import { OWNERS } from '@strategy-fit/sandbox';
import type { RunningSandbox } from '@strategy-fit/sandbox';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';

import { runCli, startCliSandbox } from '../backend/cli.test-support.ts';

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../../../..');
const EXAMPLE = join(repoRoot, 'examples/strategies/02-b2b-saas.json');
const dir = mkdtempSync(join(tmpdir(), 'strategy-fit-strategy-'));

let sandbox: RunningSandbox;
let env: Record<string, string>;

/** Writes the example with `change` applied and returns the file. */
const variant = (
  name: string,
  change: (s: Record<string, unknown> & { segments: Record<string, unknown>[] }) => void,
): string => {
  const doc = JSON.parse(readFileSync(EXAMPLE, 'utf8'));
  change(doc);
  const file = join(dir, name);
  writeFileSync(file, JSON.stringify(doc, null, 2));
  return file;
};

const criteria = (segment: Record<string, unknown> | undefined): Record<string, unknown>[] =>
  z.array(z.record(z.string(), z.unknown())).parse(segment?.['criteria']);

const Summary = z.object({
  version: z.number(),
  status: z.string(),
  source: z.string(),
  rolledBackFrom: z.number().nullable(),
});

beforeAll(async () => {
  ({ sandbox, env } = await startCliSandbox());
  expect((await runCli(['setup'], env)).code).toBe(0);
});
afterAll(async () => {
  await sandbox.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('strategy validate', () => {
  it('checks the schema offline and prints every issue with its JSON path', async () => {
    const file = join(dir, 'invalid.json');
    writeFileSync(
      file,
      JSON.stringify({
        schemaVersion: 1,
        name: '',
        segments: [{ id: 'A B', name: 'x', priority: 'core', criteria: [] }],
      }),
    );
    const run = await runCli(['strategy', 'validate', file, '--offline'], {});
    expect(run.code).toBe(3);
    // The wording is the core's (its message table); here: one line per issue, code and path first.
    const errors = run.err.split('\n').filter((l) => l.startsWith('error'));
    expect(errors.map((l) => l.slice(0, l.indexOf(': ')))).toEqual([
      'error [strategy_invalid] name',
      'error [strategy_invalid] segments[0].id',
      'error [strategy_invalid] segments[0].criteria',
    ]);
    expect(errors[1]).toContain('“A B” is not a valid id');
    expect(run.err).not.toContain('backend:');
    const bad = join(dir, 'broken.json');
    writeFileSync(bad, '{"schemaVersion": 1,');
    expect((await runCli(['strategy', 'validate', bad, '--offline'], {})).err).toMatch(
      /^error \[strategy_invalid\] This is not valid JSON/,
    );
    expect(
      (await runCli(['strategy', 'validate', join(dir, 'nope.json'), '--offline'], {})).err,
    ).toMatch(/^error \[file_not_found\] There is no file/);
  });

  it('checks every property against the portal: unknown, wrong object, unreadable type, not an option', async () => {
    const file = variant('bad-properties.json', (s) => {
      const first = criteria(s.segments[0]);
      first[1] = { ...first[1], property: 'numberofemployes' };
      first[0] = { ...first[0], values: ['COMPUTER_SOFTWARE', 'SOFTWARE'] };
      first.push({ property: 'is_public', operator: 'GT', value: 5 });
      s.segments[0] = { ...s.segments[0], criteria: first };
      const second = criteria(s.segments[1]);
      second[0] = { ...second[0], object: 'deal' };
      s.segments[1] = { ...s.segments[1], criteria: second };
    });
    const run = await runCli(['strategy', 'validate', file], env);
    expect(run.code).toBe(3);
    const errors = run.err.split('\n').filter((l) => l.startsWith('error'));
    expect(errors.map((l) => l.slice(0, l.indexOf(':')))).toEqual([
      'error [strategy_invalid] segments[1].criteria[0].object',
      'error [strategy_property_unreadable] segments[0].criteria[0].values[1] (industry)',
      'error [strategy_property_unknown] segments[0].criteria[1].property (numberofemployes)',
      'error [strategy_property_unreadable] segments[0].criteria[5].property (is_public)',
    ]);
    const json = await runCli(['strategy', 'validate', file, '--json'], env);
    expect(JSON.parse(json.out)).toMatchObject({
      valid: false,
      portalChecked: true,
      issues: expect.any(Array),
    });
  });

  it('accepts the example strategy on the portal', async () => {
    const run = await runCli(['strategy', 'validate', EXAMPLE], env);
    expect(run.code).toBe(0);
    expect(run.out).toMatch(
      /is valid: 5 segments, 3 exclusions, \d+ criteria; every property exists on the portal/,
    );
  });

  it.each(['02-b2b-saas.json', '03-revops-services.json'])(
    'the example %s is valid on the seeded portal (SCORING §14, every property checked) and names a manager who is an active user',
    async (name) => {
      const file = join(repoRoot, 'examples/strategies', name);
      const run = await runCli(['strategy', 'validate', file, '--json'], env);
      expect(run.code).toBe(0);
      expect(JSON.parse(run.out)).toEqual({
        file,
        valid: true,
        portalChecked: true,
        issues: [],
        warnings: [],
      });
      const managers = z
        .object({ managers: z.object({ userIds: z.array(z.string()) }) })
        .parse(JSON.parse(readFileSync(file, 'utf8'))).managers.userIds;
      const active = OWNERS.filter((o) => !o.archived).map((o) => String(o.userId));
      expect(managers.length).toBeGreaterThan(0);
      for (const id of managers) expect(active).toContain(id);
    },
  );
});

describe('strategy publish, history, show, diff, rollback', () => {
  it('show before any publish says nothing is published', async () => {
    const run = await runCli(['strategy', 'show'], env);
    expect(run.code).toBe(1);
    expect(run.err).toContain('error [strategy_not_published] No strategy is published');
    expect((await runCli(['strategy', 'history'], env)).out).toBe(
      'No strategy is published yet.\n',
    );
  });

  it('publishes versions 1 and 2, refuses a bad file without storing anything', async () => {
    const first = await runCli(['strategy', 'publish', EXAMPLE], env);
    expect(first.code).toBe(0);
    expect(first.out).toMatch(
      /^Published version 1 of “B2B SaaS — FY2026 go-to-market” \(by CLI \(token holder\), /,
    );
    const narrow = variant('narrow.json', (s) => {
      s['name'] = 'Narrow';
      s['thresholds'] = { fit: 75, stretch: 40 };
      s.segments.splice(1, 1);
      // SCORING §11: a competitor's targets must name existing segments.
      s['competitors'] = z
        .array(z.record(z.string(), z.unknown()))
        .parse(s['competitors'])
        .map((c) => (c['id'] === 'forecastly' ? { ...c, targets: ['enterprise-saas'] } : c));
    });
    const second = await runCli(
      ['strategy', 'publish', narrow, '--by', 'Lukas.Berg@demo-sales.example', '--json'],
      env,
    );
    expect(Summary.parse(JSON.parse(second.out))).toMatchObject({
      version: 2,
      status: 'current',
      source: 'publish',
    });
    const bad = variant('bad.json', (s) => {
      s.segments[0] = {
        ...s.segments[0],
        criteria: [{ property: 'nope', operator: 'HAS_PROPERTY' }],
      };
    });
    const invalid = variant('invalid-schema.json', (s) => {
      s.segments[0] = {
        ...s.segments[0],
        criteria: [{ property: 'industry', operator: 'BIGGER', value: 1 }],
      };
    });
    const rejected = await runCli(['strategy', 'publish', invalid], env);
    expect(rejected.code).toBe(3);
    expect(rejected.err).toMatch(
      /^error \[strategy_invalid\] segments\[0\]\.criteria\[0\]\.operator: /m,
    );
    expect(rejected.err).toContain('Nothing was published');
    const refused = await runCli(['strategy', 'publish', bad], env);
    expect(refused.code).toBe(3);
    expect(refused.err).toContain(
      'error [strategy_property_unknown] segments[0].criteria[0].property (nope)',
    );
    expect(refused.err).toContain('Nothing was published');
  });

  it('names a publisher only as an active HubSpot user (--by <email>), never a free name; else exit 2', async () => {
    const before = await runCli(['strategy', 'history', '--json'], env);
    for (const by of ['maya', 'nobody@demo-sales.example', 'olivia.novak@demo-sales.example']) {
      const run = await runCli(['strategy', 'publish', EXAMPLE, '--by', by], env);
      expect([run.code, run.err.includes('error [invalid_input] ')]).toEqual([2, true]);
      expect(run.err).toContain('Nothing was published');
    }
    expect((await runCli(['strategy', 'history', '--json'], env)).out).toBe(before.out);
  });

  it('warns when the published strategy names no managers', async () => {
    const unmanaged = variant('unmanaged.json', (s) => {
      delete s['managers'];
    });
    const throwaway = await startCliSandbox();
    try {
      expect((await runCli(['setup'], throwaway.env)).code).toBe(0);
      const run = await runCli(['strategy', 'publish', unmanaged], throwaway.env);
      expect(run.code).toBe(0);
      expect(run.err).toContain('warning: this strategy names no managers');
      const managed = await runCli(['strategy', 'publish', EXAMPLE], throwaway.env);
      expect(managed.err).not.toContain('warning');
    } finally {
      await throwaway.sandbox.close();
    }
  });

  it('lists the history newest first and shows a version', async () => {
    const history = await runCli(['strategy', 'history'], env);
    expect(history.out.split('\n').map((l) => l.split(/ {2,}/).slice(0, 3).join('|'))).toEqual([
      'version|status|source',
      '2|current|publish',
      '1|superseded|publish',
      '',
    ]);
    const current = await runCli(['strategy', 'show'], env);
    expect(current.err).toMatch(
      /version 2 \(current\): “Narrow”, published .* by Lukas Berg \(user 9100002\)/,
    );
    expect(JSON.parse(current.out)).toMatchObject({ name: 'Narrow', thresholds: { fit: 75 } });
    const first = await runCli(['strategy', 'show', '--version', '1', '--json'], env);
    expect(JSON.parse(first.out)).toMatchObject({
      version: 1,
      status: 'superseded',
      strategy: { name: 'B2B SaaS — FY2026 go-to-market' },
    });
    const missing = await runCli(['strategy', 'show', '--version', '9'], env);
    expect([
      missing.code,
      missing.err.includes('error [record_not_found] Strategy version 9 does not exist'),
    ]).toEqual([1, true]);
  });

  it('diffs versions and files structurally', async () => {
    const run = await runCli(['strategy', 'diff', '1', '2'], env);
    expect(run.code).toBe(0);
    expect(run.out).toBe(
      [
        'version 1 → version 2: 4 changes',
        '  ~ name: “B2B SaaS — FY2026 go-to-market” → “Narrow”',
        '  ~ thresholds.fit: 70 → 75',
        '  - segment midmarket-tech: “Mid-market tech” (core, 5 criteria)',
        '  ~ competitor forecastly: “Forecastly”',
        '      ~ targets: [“midmarket-tech”] → [“enterprise-saas”]',
        '',
      ].join('\n'),
    );
    const same = await runCli(['strategy', 'diff', EXAMPLE, '1'], env);
    expect(same.out).toBe(`${EXAMPLE} and version 1 are the same strategy.\n`);
    // Two files need no backend: a dead URL is never contacted.
    const offline = await runCli(
      ['strategy', 'diff', EXAMPLE, join(dir, 'narrow.json'), '--json'],
      {
        HUBSPOT_API_BASE_URL: 'http://127.0.0.1:9',
        HUBSPOT_ACCESS_TOKEN: 'x',
      },
    );
    expect(offline.code).toBe(0);
    expect(
      z.object({ changes: z.array(z.unknown()) }).parse(JSON.parse(offline.out)).changes,
    ).toHaveLength(4);
  });

  it('rolls back to version 1 as version 3 (source rollback), keeping every version', async () => {
    const run = await runCli(['strategy', 'rollback', '1'], env);
    expect(run.code).toBe(0);
    expect(run.out).toBe(
      'Rolled back: version 3 publishes the strategy of version 1 (“B2B SaaS — FY2026 go-to-market”) again. All earlier versions are kept.\n',
    );
    const history = await runCli(['strategy', 'history', '--json'], env);
    expect(
      z
        .array(Summary)
        .parse(JSON.parse(history.out))
        .map((v) => [v.version, v.status, v.source, v.rolledBackFrom]),
    ).toEqual([
      [3, 'current', 'rollback', 1],
      [2, 'superseded', 'publish', null],
      [1, 'superseded', 'publish', null],
    ]);
    expect((await runCli(['strategy', 'diff', '1', '3'], env)).out).toBe(
      'version 1 and version 3 are the same strategy.\n',
    );
    const bad = await runCli(['strategy', 'rollback', 'x'], env);
    expect([bad.code, bad.err]).toEqual([
      2,
      'error [invalid_input] “x” is not a version number (1, 2, …).\n',
    ]);
  });
});

describe('SCORING §14 and every problem at once, through the CLI', () => {
  /**
   * The manager's draft of issue 13: a duplicate id, a schema mistake and the three traps. Renaming
   * the third segment also leaves Pipewise's target `financial-services` without its segment
   * (SCORING §11): reported in the same pass.
   */
  const traps = (name: string) =>
    variant(name, (s) => {
      const first = criteria(s.segments[0]);
      first.push(
        { property: 'country', operator: 'GTE', value: 5 },
        { property: 'createdate', operator: 'EQ', value: '2026-01-01' },
        { property: 'amount', operator: 'GTE', value: 10000 },
      );
      s.segments[0] = { ...s.segments[0], criteria: first };
      s.segments[2] = { ...s.segments[2], id: 'enterprise-saas', name: '' };
    });

  it('strategy validate reports schema, duplicate-id and portal problems in one pass, with exit 3', async () => {
    const run = await runCli(['strategy', 'validate', traps('traps.json')], env);
    expect(run.code).toBe(3);
    const errors = run.err.split('\n').filter((l) => l.startsWith('error'));
    expect(errors.map((l) => l.slice(0, l.indexOf(':')))).toEqual([
      'error [strategy_invalid] segments[2].name',
      'error [strategy_invalid] segments[2].id',
      'error [strategy_invalid] competitors[0].targets[1]',
      'error [strategy_property_unreadable] segments[0].criteria[5].property (country)',
      'error [strategy_property_unreadable] segments[0].criteria[6].operator (createdate)',
      'error [strategy_property_unknown] segments[0].criteria[7].property (amount)',
    ]);
    expect(errors[2]).toContain('This strategy has no segment “financial-services”');
    expect(errors[4]).toContain("Use BETWEEN the day's start and end");
    expect(errors[5]).toContain('Deal properties belong in the dream-customer test');
    expect(errors[5]).not.toContain('Add "object": "deal"');
    expect(run.err).toContain('traps.json: 6 problems. It is not valid.');
  });

  it('strategy publish refuses the traps with their paths and advice, stores nothing, exit 3', async () => {
    const before = (await runCli(['strategy', 'history', '--json'], env)).out;
    const run = await runCli(['strategy', 'publish', traps('traps-publish.json')], env);
    expect(run.code).toBe(3);
    expect(run.err).toContain(
      'segments[0].criteria[5].property (country): “country” is a text property',
    );
    expect(run.err).toContain('segments[0].criteria[6].operator (createdate)');
    expect(run.err).toContain('segments[0].criteria[7].property (amount)');
    expect(run.err).toContain('competitors[0].targets[1]: This strategy has no segment');
    expect(run.err).toContain('6 problems. Nothing was published.');
    expect((await runCli(['strategy', 'history', '--json'], env)).out).toBe(before);
  });

  it('publishing the active version again, or rolling back to it, creates no version: nothing to publish', async () => {
    const history = async () =>
      z
        .array(Summary)
        .parse(JSON.parse((await runCli(['strategy', 'history', '--json'], env)).out));
    const [active] = await history();
    const count = (await history()).length;
    const same = await runCli(['strategy', 'publish', EXAMPLE], env);
    expect(same.code).toBe(0);
    expect(same.out).toMatch(
      new RegExp(
        `^Nothing to publish: the strategy is the same as version ${active?.version}, the active version`,
      ),
    );
    const back = await runCli(['strategy', 'rollback', String(active?.rolledBackFrom ?? 1)], env);
    expect([back.code, back.out.startsWith('Nothing to publish')]).toEqual([0, true]);
    expect(await history()).toHaveLength(count);
  });
});

describe('the strategy-fit binary', () => {
  it('answers --help for every strategy command and validates offline (spawned with npx)', () => {
    const help = spawnSync('npx', ['strategy-fit', 'strategy', 'publish', '--help'], {
      cwd: repoRoot,
      encoding: 'utf8',
    });
    expect(help.status).toBe(0);
    expect(help.stdout).toContain('Usage: strategy-fit strategy publish [options] <file>');
    const validate = spawnSync(
      'npx',
      ['strategy-fit', 'strategy', 'validate', EXAMPLE, '--offline'],
      { cwd: repoRoot, encoding: 'utf8' },
    );
    expect(validate.status).toBe(0);
    expect(validate.stdout).toContain('is valid');
  });
});
