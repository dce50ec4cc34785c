// `setup` and `strategy publish` through the CLI against a sandbox: setup is idempotent, and a
// strategy that cannot be published is refused with the JSON path or property that is wrong.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { runCli } from './support/cli.ts';
import { startPortal } from './support/sandbox.ts';
import type { TestPortal } from './support/sandbox.ts';

let portal: TestPortal;
const dir = mkdtempSync(join(tmpdir(), 'strategy-fit-e2e-setup-'));

beforeAll(async () => {
  portal = await startPortal({ seed: 3, companies: 20, deals: 30 });
});
afterAll(async () => {
  await portal.sandbox.close();
  rmSync(dir, { recursive: true, force: true });
});

/** Everything setup creates or changes, as HubSpot returns it. */
const portalSchema = async (): Promise<unknown[]> => {
  const get = async (path: string): Promise<unknown> =>
    (
      await fetch(`${portal.baseUrl}${path}`, {
        headers: { authorization: `Bearer ${portal.token}` },
      })
    ).json();
  return Promise.all([
    get('/crm/properties/2026-09/companies'),
    get('/crm/properties/2026-09/deals'),
    get('/crm/properties/2026-09/companies/groups'),
    get('/crm/properties/2026-09/deals/groups'),
    get('/crm-object-schemas/2026-09/schemas'),
  ]);
};

const write = (name: string, value: unknown): string => {
  const file = join(dir, name);
  writeFileSync(file, typeof value === 'string' ? value : JSON.stringify(value));
  return file;
};

const validSegment = {
  id: 'software',
  name: 'Software',
  priority: 'core',
  criteria: [{ property: 'industry', operator: 'EQ', value: 'COMPUTER_SOFTWARE' }],
};

describe('strategy-fit setup (e2e)', () => {
  it('creates the properties and the store once; a second run changes nothing and says so', async () => {
    const first = await runCli(['setup'], portal);
    expect(first.code, first.stderr).toBe(0);
    expect(first.stdout).toMatch(/Setup done: \d+ created/);
    const before = await portalSchema();
    const second = await runCli(['setup'], portal);
    expect(second.code, second.stderr).toBe(0);
    expect(second.stdout).toMatch(/Nothing to change/);
    expect(await portalSchema()).toEqual(before);
  });
});

describe('strategy-fit strategy publish (e2e)', () => {
  it('refuses an invalid strategy, naming each JSON path, and publishes nothing', async () => {
    const file = write('bad-path.json', {
      schemaVersion: 1,
      name: 'Bad',
      segments: [
        { ...validSegment, criteria: [{ property: 'industry', operator: 'IN', values: [] }] },
      ],
    });
    const run = await runCli(['strategy', 'publish', file], portal);
    expect(run.code).not.toBe(0);
    expect(run.stderr).toContain('segments[0].criteria[0].values');
    const history = await runCli(['strategy', 'history', '--json'], portal);
    expect(JSON.parse(history.stdout)).toEqual([]);
  });

  it('refuses malformed JSON', async () => {
    const run = await runCli(
      ['strategy', 'publish', write('broken.json', '{"schemaVersion": 1,')],
      portal,
    );
    expect(run.code).not.toBe(0);
    expect(run.stderr).toMatch(/strategy_invalid/);
  });

  it('refuses a property the portal does not have, naming it and its path', async () => {
    const file = write('unknown-property.json', {
      schemaVersion: 1,
      name: 'Unknown property',
      segments: [
        {
          ...validSegment,
          criteria: [
            ...validSegment.criteria,
            { property: 'favourite_colour', operator: 'EQ', value: 'blue' },
          ],
        },
      ],
    });
    const run = await runCli(['strategy', 'publish', file], portal);
    expect(run.code).not.toBe(0);
    expect(run.stderr).toContain('favourite_colour');
    expect(run.stderr).toContain('segments[0].criteria[1]');
  });

  it('publishes a valid strategy as version 1, then a changed one as 2; the same again publishes nothing', async () => {
    const file = write('good.json', { schemaVersion: 1, name: 'Good', segments: [validSegment] });
    const changed = write('better.json', {
      schemaVersion: 1,
      name: 'Better',
      segments: [validSegment],
    });
    for (const [version, f] of [
      [1, file],
      [2, changed],
    ] as const) {
      const run = await runCli(['strategy', 'publish', f], portal);
      expect(run.code, run.stderr).toBe(0);
      expect(run.stdout).toContain(`Published version ${version}`);
    }
    const again = await runCli(['strategy', 'publish', changed], portal);
    expect(again.code, again.stderr).toBe(0);
    expect(again.stdout).toMatch(/^Nothing to publish: the strategy is the same as version 2/);
  });
});
