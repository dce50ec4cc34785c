// The adapter additions the app functions build on: a retry-wait cap, a single-request owner
// lookup, the current strategy against a known version, record creation with associations.
import type { RunningSandbox } from '@strategy-fit/sandbox';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';

import { apiPaths } from './api-paths.ts';
import { ASSOCIATION_TYPES, createRecords } from './create-records.ts';
import { ensureFitProperties } from './ensure-fit-properties.ts';
import { listRecords } from './list-records.ts';
import { dealCompanyId, readAssociations } from './read-associations.ts';
import { readOwnerByUserId } from './read-owner.ts';
import { readRecords } from './read-records.ts';
import {
  connect,
  recordRequests,
  startTestSandbox,
  value,
} from '../../../../../test/support/hubspot/sandbox.ts';
import { oneSegmentStrategy } from '../../../../../test/support/hubspot/one-segment-strategy.ts';
import { ensureStrategyStore } from './strategy-store/ensure-strategy-store.ts';
import { publishStrategy } from './strategy-store/publish-strategy.ts';
import { readCurrentStrategy } from './strategy-store/read-current-strategy.ts';

const strategy = oneSegmentStrategy;

let sandbox: RunningSandbox;

beforeAll(async () => {
  sandbox = await startTestSandbox({
    seed: { seed: 3, companies: 5, deals: 5, asOf: '2026-11-01' },
  });
});
afterEach(() => sandbox.control.setFaults(undefined));
afterAll(() => sandbox.close());

describe('createHubSpotClient: maxRetryWaitMs', () => {
  it('returns a 429 at once when its Retry-After is longer than the cap', async () => {
    const { hs, events } = connect(sandbox, { maxRetryWaitMs: 500 });
    // The sandbox's injected 429 carries Retry-After: 1.
    sandbox.control.setFaults({ schedule: [{ request: 1, fault: 'rateLimit', count: 5 }] });
    const result = await listRecords(hs, { objectType: 'companies', properties: ['name'] });
    expect(result.ok ? null : result.error.code).toBe('hubspot_rate_limited');
    expect(events).toEqual([]);
  });

  it('still retries waits within the cap', async () => {
    const { hs, events } = connect(sandbox, { maxRetryWaitMs: 1_000 });
    sandbox.control.setFaults({ schedule: [{ request: 1, fault: 'rateLimit' }] });
    const result = await listRecords(hs, { objectType: 'companies', properties: ['name'] });
    expect(result.ok).toBe(true);
    expect(events.map((e) => e.kind)).toEqual(['rate_limited']);
  });
});

describe('readOwnerByUserId', () => {
  it('finds an active owner by HubSpot user id in one request, with email and teams', async () => {
    const { hs } = connect(sandbox);
    const { result, sent } = await recordRequests(() => readOwnerByUserId(hs, '9100001'));
    expect(value(result)).toEqual({
      id: '70110001',
      userId: '9100001',
      email: 'maya.okafor@demo-sales.example',
      firstName: 'Maya',
      lastName: 'Okafor',
      teams: [{ id: '4810001', name: 'Enterprise' }],
    });
    expect(sent.map((s) => `${s.method} ${s.path}`)).toEqual([
      `GET ${apiPaths.owners('9100001')}?idProperty=userId&archived=false`,
    ]);
  });

  it('is null for an unknown user, an archived owner and a malformed id', async () => {
    const { hs } = connect(sandbox);
    expect(value(await readOwnerByUserId(hs, '123'))).toBeNull();
    expect(value(await readOwnerByUserId(hs, '9100009'))).toBeNull();
    expect(value(await readOwnerByUserId(hs, '12a'))).toBeNull();
  });
});

describe('createRecords', () => {
  it('creates records in input order with their associations', async () => {
    const { hs } = connect(sandbox);
    const [a, b] = value(
      await createRecords(hs, 'companies', [
        { properties: { name: 'Alpha' } },
        { properties: { name: 'Beta' } },
      ]),
    );
    const [deal] = value(
      await createRecords(hs, 'deals', [
        {
          properties: { dealname: 'Alpha deal', pipeline: 'default', dealstage: 'qualifiedtobuy' },
          associations: [
            { toId: b ?? '', associationTypeId: ASSOCIATION_TYPES.dealToCompany },
            { toId: a ?? '', associationTypeId: ASSOCIATION_TYPES.dealToPrimaryCompany },
          ],
        },
      ]),
    );
    const [item] = value(
      await createRecords(hs, 'line_items', [
        {
          properties: { name: 'Seat', price: '100', quantity: '2', discount: '20' },
          associations: [{ toId: deal ?? '', associationTypeId: ASSOCIATION_TYPES.lineItemToDeal }],
        },
      ]),
    );
    const names = value(await readRecords(hs, 'companies', [b ?? '', a ?? ''], ['name']));
    expect(names.records.map((r) => r.properties['name'])).toEqual(['Beta', 'Alpha']);
    const companies = value(await readAssociations(hs, 'deals', 'companies', [deal ?? '']));
    expect(dealCompanyId(companies.get(deal ?? '') ?? [])).toBe(a);
    const links = value(await readAssociations(hs, 'deals', 'line_items', [deal ?? '']));
    const itemIds = (links.get(deal ?? '') ?? []).map((l) => l.id);
    const items = value(await readRecords(hs, 'line_items', itemIds, ['amount'])).records;
    expect(items.map((i) => [i.id, i.properties['amount']])).toEqual([[item, '160']]);
  });

  it('fails with the refusal of the first bad input', async () => {
    const { hs } = connect(sandbox);
    const refused = await createRecords(hs, 'companies', [
      { properties: { name: 'Fine' } },
      { properties: { no_such_property: 'x' } },
    ]);
    expect(refused.ok ? null : refused.error.code).toBe('hubspot_bad_request');
  });
});

describe('readCurrentStrategy', () => {
  it('none before setup and before the first publish', async () => {
    const { hs } = connect(sandbox);
    expect(value(await readCurrentStrategy(hs, null))).toEqual({ status: 'none' });
    value(await ensureFitProperties(hs));
    value(await ensureStrategyStore(hs));
    expect(value(await readCurrentStrategy(hs, null))).toEqual({ status: 'none' });
  });

  it('reads the current version with the list and its history, then only checks the number', async () => {
    const { hs } = connect(sandbox);
    value(await publishStrategy(hs, strategy('First'), { publishedBy: 'maya', nowMs: 1 }));
    value(await publishStrategy(hs, strategy('Second'), { publishedBy: 'maya', nowMs: 2 }));
    const cold = await recordRequests(() => readCurrentStrategy(hs, null));
    const first = value(cold.result);
    expect(
      first.status === 'changed' && [first.stored.version, first.stored.strategy.name],
    ).toEqual([2, 'Second']);
    // The list, then the record with its property history: every property must be Strategy
    // Fit's own single write (docs/strategy-store.md).
    expect(cold.sent.filter((s) => s.path.startsWith(apiPaths.objects('')))).toHaveLength(2);

    const warm = await recordRequests(() => readCurrentStrategy(hs, { version: 2 }));
    expect(value(warm.result)).toEqual({ status: 'unchanged', version: 2 });
    expect(warm.sent).toHaveLength(1);
    expect(warm.sent[0]?.path).not.toContain('strategy_json');

    value(await publishStrategy(hs, strategy('Third'), { publishedBy: 'maya', nowMs: 3 }));
    const newer = await recordRequests(() => readCurrentStrategy(hs, { version: 2 }));
    const third = value(newer.result);
    expect(third.status === 'changed' && third.stored.strategy.name).toBe('Third');
    expect(newer.sent).toHaveLength(2);
  });
});
