// SCORING §14 in the adapter's publish (both paths: publishStrategy for the CLI,
// publishStrategyIfCurrent for the editor): nothing to publish when the strategy equals the
// active version, the trap criteria refused at their paths, and versions published before §14
// still read while publishing them again is refused.
import { StrategySchema } from '@strategy-fit/core';
import type { Strategy, StrategyInput } from '@strategy-fit/core';
import type { RunningSandbox } from '@strategy-fit/sandbox';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import type { HubSpot } from './create-client.ts';
import { ensureFitProperties } from './ensure-fit-properties.ts';
import {
  raw,
  connect,
  startTestSandbox,
  value,
} from '../../../../../test/support/hubspot/sandbox.ts';
import { ensureStrategyStore } from './strategy-store/ensure-strategy-store.ts';
import { publishStrategy } from './strategy-store/publish-strategy.ts';
import { preparePendingVersion } from './strategy-store/pending-versions.ts';
import { publishStrategyIfCurrent } from './strategy-store/publish-strategy-if-current.ts';
import {
  listStrategyVersions,
  readPublishedStrategy,
  readStrategyVersion,
} from './strategy-store/read-strategies.ts';

const input = (name: string, criteria: StrategyInput['segments'][number]['criteria']) => ({
  schemaVersion: 1 as const,
  name,
  segments: [{ id: 'core', name: 'Core', priority: 'core' as const, criteria }],
});
const parsed = (name: string, criteria: StrategyInput['segments'][number]['criteria']): Strategy =>
  StrategySchema.parse(input(name, criteria));
const INDUSTRY = [{ property: 'industry', operator: 'EQ', value: 'COMPUTER_SOFTWARE' }] as const;
const meta = (publishedBy: string, nowMs: number) => ({ publishedBy, nowMs });

let sandbox: RunningSandbox;
let hs: HubSpot;
const versions = async (): Promise<number[]> =>
  value(await listStrategyVersions(hs)).map((v) => v.version);

beforeAll(async () => {
  sandbox = await startTestSandbox({
    seed: { seed: 2, companies: 3, deals: 0, asOf: '2026-11-01' },
  });
  hs = connect(sandbox).hs;
  value(await ensureFitProperties(hs));
  value(await ensureStrategyStore(hs));
  value(await publishStrategy(hs, parsed('Software', [...INDUSTRY]), meta('maya', 1)));
});
afterAll(() => sandbox.close());

describe('nothing to publish (SCORING §14)', () => {
  it('publishing a strategy equal to the active version (after defaults, in another key order) makes no version', async () => {
    const reordered = StrategySchema.parse({
      segments: [
        {
          criteria: [
            { value: 'COMPUTER_SOFTWARE', operator: 'EQ', property: 'industry', weight: 1 },
          ],
          priority: 'core',
          name: 'Core',
          id: 'core',
        },
      ],
      thresholds: { stretch: 40, fit: 70 },
      name: 'Software',
      schemaVersion: 1,
    });
    const again = await publishStrategy(hs, reordered, meta('lukas', 2));
    expect(again.ok ? null : again.error).toMatchObject({
      code: 'strategy_unchanged',
      message: expect.stringMatching(
        /^Nothing to publish: the strategy is the same as version 1, the active version/,
      ),
    });
    expect(await versions()).toEqual([1]);
  });

  it('the editor’s publish on top of the active version says the same', async () => {
    const again = await publishStrategyIfCurrent(hs, parsed('Software', [...INDUSTRY]), {
      ...meta('maya', 3),
      basedOnVersion: 1,
    });
    expect(again.ok ? null : again.error.code).toBe('strategy_unchanged');
    expect(await versions()).toEqual([1]);
  });

  it('the settings page prepares no pending version equal to the active one; another one it does', async () => {
    const store = value(await ensureStrategyStore(hs)).objectTypeId;
    const records = async () =>
      (await raw(sandbox, 'GET', `/crm/objects/2026-09/${store}?limit=100`)).json;
    const before = await records();
    const active = value(await readPublishedStrategy(hs));
    const same = await preparePendingVersion(
      hs,
      parsed('Software', [...INDUSTRY]),
      { basedOnVersion: 1, source: 'publish', nowMs: 3 },
      active,
    );
    expect(same.ok ? null : same.error.code).toBe('strategy_unchanged');
    expect(await records()).toEqual(before);
    const other = value(
      await preparePendingVersion(
        hs,
        parsed('Other', [...INDUSTRY]),
        { basedOnVersion: 1, source: 'publish', nowMs: 3 },
        active,
      ),
    );
    expect(other.recordId).toMatch(/^\d+$/);
    // A pending version is no version.
    expect(await versions()).toEqual([1]);
  });

  it('rolling back to a version equal to the active one makes no version; to another one does', async () => {
    value(
      await publishStrategy(
        hs,
        parsed('Wider', [{ property: 'industry', operator: 'HAS_PROPERTY' }]),
        meta('maya', 4),
      ),
    );
    const active = value(await readStrategyVersion(hs, 2)).strategy;
    const toActive = await publishStrategy(hs, active, {
      ...meta('sam', 5),
      source: 'rollback',
      rolledBackFrom: 2,
    });
    expect(toActive.ok ? null : toActive.error.code).toBe('strategy_unchanged');
    const toFirst = value(
      await publishStrategy(hs, value(await readStrategyVersion(hs, 1)).strategy, {
        ...meta('sam', 6),
        source: 'rollback',
        rolledBackFrom: 1,
      }),
    );
    expect(toFirst.version).toBe(3);
    expect(await versions()).toEqual([3, 2, 1]);
  });
});

describe('the trap criteria of issue 13 are refused at their paths (SCORING §14)', () => {
  it.each([
    [
      'text compared as a number: country GTE 5',
      [{ property: 'country', operator: 'GTE', value: 5 }],
      {
        code: 'strategy_property_unreadable',
        path: 'segments[0].criteria[0].property',
        property: 'country',
      },
      'GT, GTE, LT, LTE and BETWEEN compare a number only with a number property',
    ],
    [
      'a date-time compared with a day: createdate EQ "2026-01-01"',
      [{ property: 'createdate', operator: 'EQ', value: '2026-01-01' }],
      {
        code: 'strategy_property_unreadable',
        path: 'segments[0].criteria[0].operator',
        property: 'createdate',
      },
      "Use BETWEEN the day's start and end",
    ],
    [
      "a segment criterion on the deal's amount",
      [{ property: 'amount', operator: 'GTE', value: 10000 }],
      {
        code: 'strategy_property_unknown',
        path: 'segments[0].criteria[0].property',
        property: 'amount',
      },
      'Deal properties belong in the dream-customer test',
    ],
    [
      'a segment criterion on the deal\'s amount with "object": "deal"',
      [{ property: 'amount', object: 'deal', operator: 'GTE', value: 10000 }],
      { code: 'strategy_invalid', path: 'segments[0].criteria[0].object' },
      'Deal properties belong in the dream-customer test',
    ],
  ] as const)('%s', async (_, criteria, error, advice) => {
    const refused = await publishStrategy(hs, parsed('Trap', [...criteria]), meta('maya', 10));
    expect(refused.ok ? null : refused.error).toMatchObject(error);
    expect(refused.ok ? '' : refused.error.message).toContain(advice);
    expect(refused.ok ? '' : refused.error.message).not.toContain('Add "object": "deal"');
    expect(await versions()).toEqual([3, 2, 1]);
  });

  it('a version published before §14 with a deal criterion in a segment still reads; publishing it again is refused', async () => {
    const store = value(await ensureStrategyStore(hs)).objectTypeId;
    const legacy = input('Legacy', [
      ...INDUSTRY,
      { property: 'amount', object: 'deal', operator: 'GTE', value: 10000 },
    ]);
    await raw(sandbox, 'POST', `/crm/v3/objects/${store}`, {
      properties: {
        version: '4',
        status: 'published',
        strategy_json: JSON.stringify(legacy),
        strategy_name: 'Legacy',
        published_by: 'old cli',
        published_at: '2026-01-01T00:00:00.000Z',
        source: 'publish',
      },
    });
    const current = value(await readPublishedStrategy(hs));
    expect(current?.version).toBe(4);
    expect(current?.strategy.segments[0]?.criteria[1]).toMatchObject({ object: 'deal' });
    const fixed = parsed('Legacy', [...INDUSTRY]);
    expect(value(await publishStrategy(hs, fixed, meta('maya', 11))).version).toBe(5);
    const rollback = await publishStrategy(hs, value(await readStrategyVersion(hs, 4)).strategy, {
      ...meta('sam', 12),
      source: 'rollback',
      rolledBackFrom: 4,
    });
    expect(rollback.ok ? null : rollback.error).toMatchObject({
      code: 'strategy_invalid',
      path: 'segments[0].criteria[1].object',
    });
  });
});
