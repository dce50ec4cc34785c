import { readFileSync } from 'node:fs';

import { parseStrategy, StrategySchema } from '@strategy-fit/core';
import type { Strategy, StrategyInput } from '@strategy-fit/core';
import type { RunningSandbox } from '@strategy-fit/sandbox';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { apiPaths } from './api-paths.ts';
import type { HubSpot } from './create-client.ts';
import { ensureFitProperties } from './ensure-fit-properties.ts';
import {
  connect,
  raw,
  recordRequests,
  startTestSandbox,
  value,
} from '../../../../../test/support/hubspot/sandbox.ts';
import { ensureStrategyStore } from './strategy-store/ensure-strategy-store.ts';
import { publishStrategy } from './strategy-store/publish-strategy.ts';
import {
  listStrategyVersions,
  readPublishedStrategy,
  readStrategyVersion,
} from './strategy-store/read-strategies.ts';

const example = (): Strategy =>
  value(
    parseStrategy(
      readFileSync(
        new URL('../../../../../examples/strategies/02-b2b-saas.json', import.meta.url),
        'utf8',
      ),
    ),
  );

const small = (name: string, criteria: StrategyInput['segments'][number]['criteria']): Strategy =>
  StrategySchema.parse({
    schemaVersion: 1,
    name,
    segments: [{ id: 'core', name: 'Core', priority: 'core', criteria }],
  });

const meta = (publishedBy: string, nowMs = Date.UTC(2026, 10, 27, 9, 30)) => ({
  publishedBy,
  nowMs,
});

describe('the strategy store', () => {
  let sandbox: RunningSandbox;
  let hs: HubSpot;

  beforeAll(async () => {
    sandbox = await startTestSandbox({
      seed: { seed: 1, companies: 10, deals: 10, asOf: '2026-11-01' },
    });
    hs = connect(sandbox).hs;
    value(await ensureFitProperties(hs));
  });
  afterAll(() => sandbox.close());

  it('before setup: nothing is published, and publishing says to run setup', async () => {
    expect(value(await readPublishedStrategy(hs))).toBeNull();
    expect(value(await listStrategyVersions(hs))).toEqual([]);
    const refused = await publishStrategy(hs, example(), meta('maya'));
    expect(refused.ok ? null : refused.error).toMatchObject({
      code: 'record_not_found',
      message: expect.stringContaining('strategy-fit setup'),
    });
  });

  it('setup creates the custom object once, with a unique version property', async () => {
    const first = value(await ensureStrategyStore(hs));
    expect(first).toEqual({
      created: true,
      objectTypeId: expect.stringMatching(/^2-\d+$/),
      updated: [],
    });
    expect(value(await ensureStrategyStore(hs))).toEqual({ ...first, created: false });
    const schema = (
      await raw(sandbox, 'GET', `/crm-object-schemas/v3/schemas/${first.objectTypeId}`)
    ).json;
    expect(JSON.stringify(schema)).toMatch(/"name":"version"[^}]*"hasUniqueValue":true/);
  });

  it('numbers versions 1, 2, 3 and keeps every earlier one; the highest is current', async () => {
    const v1 = value(await publishStrategy(hs, example(), meta('maya')));
    expect(v1).toMatchObject({
      version: 1,
      status: 'current',
      strategyName: 'B2B SaaS — FY2026 go-to-market',
      publishedBy: 'maya',
      publishedAt: '2026-11-27T09:30:00.000Z',
      source: 'publish',
      rolledBackFrom: null,
    });
    const changed = small('Narrow', [
      { property: 'numberofemployees', operator: 'GTE', value: 500 },
    ]);
    expect(value(await publishStrategy(hs, changed, meta('lukas'))).version).toBe(2);
    expect(value(await publishStrategy(hs, example(), meta('maya'))).version).toBe(3);
    const history = value(await listStrategyVersions(hs));
    expect(history.map((v) => [v.version, v.status, v.publishedBy])).toEqual([
      [3, 'current', 'maya'],
      [2, 'superseded', 'lukas'],
      [1, 'superseded', 'maya'],
    ]);
    const current = value(await readPublishedStrategy(hs));
    expect(current?.version).toBe(3);
    expect(current?.strategy).toEqual(example());
    const second = value(await readStrategyVersion(hs, 2));
    expect(second).toMatchObject({ version: 2, status: 'superseded', strategy: changed });
  });

  it('gives two concurrent publishes different numbers (the version property is unique)', async () => {
    const before = value(await listStrategyVersions(hs)).length;
    const { result: results, sent } = await recordRequests(() =>
      Promise.all(
        ['a', 'b', 'c', 'd'].map((who) =>
          publishStrategy(
            hs,
            small(`Concurrent ${who}`, [{ property: 'industry', operator: 'HAS_PROPERTY' }]),
            meta(who),
          ),
        ),
      ),
    );
    // They did collide: more creates were sent than versions were made.
    const creates = sent.filter(
      (s) => s.method === 'POST' && /^2-\d+$/.test(s.path.slice(apiPaths.objects('').length)),
    );
    expect(creates.length).toBeGreaterThan(4);
    const versions = results.map((r) => value(r).version);
    expect(new Set(versions).size).toBe(4);
    expect([...versions].sort((x, y) => x - y)).toEqual([
      before + 1,
      before + 2,
      before + 3,
      before + 4,
    ]);
    const history = value(await listStrategyVersions(hs));
    expect(history).toHaveLength(before + 4);
    expect(new Set(history.map((v) => v.version)).size).toBe(before + 4);
  });

  it('rolls back to version N by publishing its strategy again as a new version', async () => {
    const newest = value(await listStrategyVersions(hs))[0]?.version ?? 0;
    const rolled = value(
      await publishStrategy(hs, value(await readStrategyVersion(hs, 2)).strategy, {
        ...meta('sam'),
        source: 'rollback',
        rolledBackFrom: 2,
      }),
    );
    expect(rolled).toMatchObject({
      version: newest + 1,
      source: 'rollback',
      rolledBackFrom: 2,
      status: 'current',
    });
    const current = value(await readPublishedStrategy(hs));
    expect(current).toMatchObject({
      version: newest + 1,
      source: 'rollback',
      rolledBackFrom: 2,
      strategyName: 'Narrow',
    });
    expect(value(await readStrategyVersion(hs, 2)).status).toBe('superseded');
  });

  it('refuses an unknown property, naming its JSON path and the property, and stores nothing', async () => {
    const before = value(await listStrategyVersions(hs)).length;
    const bad = small('Bad', [
      { property: 'industry', operator: 'HAS_PROPERTY' },
      { property: 'numberofemployes', operator: 'GT', value: 10 },
    ]);
    const result = await publishStrategy(hs, bad, meta('maya'));
    expect(result.ok ? null : result.error).toEqual({
      code: 'strategy_property_unknown',
      message:
        "segments[0].criteria[1].property: This portal has no company property “numberofemployes”. Did you mean “numberofemployees”? Use the property's internal name, or create the property in HubSpot first.",
      path: 'segments[0].criteria[1].property',
      property: 'numberofemployes',
    });
    expect(value(await listStrategyVersions(hs))).toHaveLength(before);
  });

  it('refuses an enumeration value that is not an option', async () => {
    const bad = small('Bad', [
      { property: 'industry', operator: 'IN', values: ['COMPUTER_SOFTWARE', 'SOFTWARE'] },
    ]);
    const result = await publishStrategy(hs, bad, meta('maya'));
    expect(result.ok ? null : result.error).toMatchObject({
      code: 'strategy_property_unreadable',
      path: 'segments[0].criteria[0].values[1]',
      property: 'industry',
      message: expect.stringContaining('“SOFTWARE” is not an option of “industry”'),
    });
  });

  it('refuses a strategy over 65,536 characters of compact JSON', async () => {
    const huge = { ...example(), description: 'x'.repeat(2000) };
    const segments = Array.from({ length: 50 }, (_, i) => ({
      ...huge.segments[0],
      id: `s${i}`,
      description: 'y'.repeat(2000),
    }));
    const result = await publishStrategy(hs, { ...huge, segments } as Strategy, meta('maya'));
    expect(result.ok ? null : result.error.code).toBe('strategy_too_large');
  });

  it('reads a missing version as record_not_found and a record changed after Strategy Fit wrote it as strategy_invalid', async () => {
    const missing = await readStrategyVersion(hs, 999);
    expect(missing.ok ? null : missing.error.code).toBe('record_not_found');
    const record = value(await readStrategyVersion(hs, 1)).recordId;
    const store = value(await ensureStrategyStore(hs)).objectTypeId;
    await raw(sandbox, 'PATCH', `/crm/v3/objects/${store}/${record}`, {
      properties: { strategy_json: '{"schemaVersion":1}' },
    });
    const broken = await readStrategyVersion(hs, 1);
    expect(broken.ok ? null : broken.error).toMatchObject({
      code: 'strategy_invalid',
      message: expect.stringMatching(
        /^Strategy version record \d+ was not written by Strategy Fit, or was changed since \(strategy_json set by INTEGRATION at /,
      ),
    });
  });
});

describe('a store that setup did not create', () => {
  let sandbox: RunningSandbox;
  let hs: HubSpot;

  const schema = (uniqueVersion: boolean) => ({
    name: 'strategy_fit_strategy',
    labels: { singular: 'Strategy', plural: 'Strategies' },
    requiredProperties: ['version'],
    associatedObjects: [],
    properties: [
      {
        name: 'version',
        label: 'Version',
        type: 'number',
        fieldType: 'number',
        hasUniqueValue: uniqueVersion,
      },
      { name: 'strategy_json', label: 'JSON', type: 'string', fieldType: 'textarea' },
    ],
  });

  beforeAll(async () => {
    sandbox = await startTestSandbox({
      seed: { seed: 1, companies: 2, deals: 2, asOf: '2026-11-01' },
    });
    hs = connect(sandbox).hs;
  });
  afterAll(() => sandbox.close());

  it('gets its missing properties added, and nothing else changed', async () => {
    expect(
      (await raw(sandbox, 'POST', '/crm-object-schemas/v3/schemas', schema(true))).status,
    ).toBe(201);
    expect(value(await ensureStrategyStore(hs))).toEqual({
      created: false,
      objectTypeId: expect.stringMatching(/^2-\d+$/),
      updated: [
        'status',
        'approval',
        'based_on_version',
        'published_version',
        'strategy_name',
        'published_by',
        'published_at',
        'source',
        'rolled_back_from',
      ],
    });
    expect(value(await ensureStrategyStore(hs)).updated).toEqual([]);
  });

  it('is refused when its version property does not require unique values', async () => {
    const other = await startTestSandbox({
      seed: { seed: 1, companies: 1, deals: 0, asOf: '2026-11-01' },
    });
    try {
      await raw(other, 'POST', '/crm-object-schemas/v3/schemas', schema(false));
      const result = await ensureStrategyStore(connect(other).hs);
      expect(result.ok ? null : result.error).toMatchObject({
        code: 'hubspot_error',
        property: 'version',
      });
    } finally {
      await other.close();
    }
  });
});
