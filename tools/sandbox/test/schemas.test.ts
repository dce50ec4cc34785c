import { Client } from '@hubspot/api-client';
import { FilterOperatorEnum } from '@hubspot/api-client/lib/codegen/crm/objects/index.js';
import { ObjectTypePropertyCreateTypeEnum as T } from '@hubspot/api-client/lib/codegen/crm/schemas/index.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningSandbox } from '../src/index.ts';
import { apiFailure, raw, startTestSandbox } from './harness.ts';

let sandbox: RunningSandbox;
let client: Client;
let objectTypeId: string;

/** The strategy store's custom object: one record per strategy version. */
const STRATEGY_SCHEMA = {
  name: 'strategy_version',
  labels: { singular: 'Strategy version', plural: 'Strategy versions' },
  primaryDisplayProperty: 'name',
  requiredProperties: ['name', 'version'],
  searchableProperties: ['name'],
  secondaryDisplayProperties: ['status'],
  associatedObjects: ['COMPANY'],
  properties: [
    { name: 'name', label: 'Name', type: T.String, fieldType: 'text' },
    {
      name: 'version',
      label: 'Version',
      type: T.Number,
      fieldType: 'number',
      hasUniqueValue: true,
    },
    {
      name: 'status',
      label: 'Status',
      type: T.Enumeration,
      fieldType: 'select',
      options: [
        { label: 'Draft', value: 'draft', hidden: false, displayOrder: 0 },
        { label: 'Active', value: 'active', hidden: false, displayOrder: 1 },
        { label: 'Retired', value: 'retired', hidden: false, displayOrder: 2 },
      ],
    },
    { name: 'strategy_json', label: 'Strategy JSON', type: T.String, fieldType: 'textarea' },
    { name: 'published_by', label: 'Published by', type: T.String, fieldType: 'text' },
    { name: 'published_at', label: 'Published at', type: T.Datetime, fieldType: 'date' },
  ],
};

beforeAll(async () => {
  sandbox = await startTestSandbox();
  client = new Client({ accessToken: sandbox.token, basePath: sandbox.baseUrl });
  const schema = await client.crm.schemas.coreApi.create(STRATEGY_SCHEMA);
  objectTypeId = schema.objectTypeId ?? '';
});
afterAll(() => sandbox.close());

describe('custom object schemas', () => {
  it('creates a schema with an objectTypeId 2-<n> and a fully qualified name p<portalId>_<name>', async () => {
    expect(objectTypeId).toMatch(/^2-\d+$/);
    const schema = await client.crm.schemas.coreApi.getById(objectTypeId);
    expect(schema).toMatchObject({
      name: 'strategy_version',
      fullyQualifiedName: `p${sandbox.portalId}_strategy_version`,
      requiredProperties: ['name', 'version'],
      primaryDisplayProperty: 'name',
    });
    expect(schema.properties.map((p) => p.name)).toEqual(
      expect.arrayContaining([
        'name',
        'version',
        'status',
        'strategy_json',
        'published_by',
        'published_at',
        'hs_object_id',
      ]),
    );
    expect(schema.associations.map((a) => a.toObjectTypeId)).toEqual(['0-2']);
  });

  it('reads a schema by fully qualified name or name, lists schemas and serves /crm/v3/schemas too', async () => {
    expect(
      (await client.crm.schemas.coreApi.getById(`p${sandbox.portalId}_strategy_version`))
        .objectTypeId,
    ).toBe(objectTypeId);
    expect((await client.crm.schemas.coreApi.getAll()).results.map((s) => s.name)).toEqual([
      'strategy_version',
    ]);
    const legacyPath = await raw(sandbox, 'GET', '/crm/v3/schemas/strategy_version');
    expect(legacyPath.status).toBe(200);
  });

  it('updates labels and the required properties', async () => {
    const updated = await client.crm.schemas.coreApi.update(objectTypeId, {
      labels: { plural: 'Strategies' },
      requiredProperties: ['name', 'version', 'status'],
    });
    expect(updated.labels).toEqual({ singular: 'Strategy version', plural: 'Strategies' });
    expect(updated.portalId).toBe(sandbox.portalId);
    await client.crm.schemas.coreApi.update(objectTypeId, {
      requiredProperties: ['name', 'version'],
    });
  });

  it('refuses a second schema of the same name (409)', async () => {
    expect((await apiFailure(client.crm.schemas.coreApi.create(STRATEGY_SCHEMA))).code).toBe(409);
  });

  it('adds a property to the custom object through the properties API', async () => {
    const created = await client.crm.properties.coreApi.create(objectTypeId, {
      name: 'notes',
      label: 'Notes',
      type: 'string' as never,
      fieldType: 'textarea' as never,
      groupName: 'strategy_version_information',
    });
    expect(created.name).toBe('notes');
  });
});

describe('custom object records', () => {
  it('stores a strategy of 65,536 characters by objectTypeId, fully qualified name or name', async () => {
    const json = JSON.stringify({ pad: 'x'.repeat(65_536 - 10) });
    expect(json).toHaveLength(65_536);
    const created = await client.crm.objects.basicApi.create(objectTypeId, {
      properties: {
        name: 'Strategy v1',
        version: '1',
        status: 'active',
        strategy_json: json,
        published_by: 'maya.okafor@demo-sales.example',
        published_at: '2026-10-01T09:30:00Z',
      },
      associations: [],
    });
    const byName = await client.crm.objects.basicApi.getById('strategy_version', created.id, [
      'strategy_json',
      'status',
    ]);
    expect(byName.properties['strategy_json']).toHaveLength(65_536);
    const byFqn = await client.crm.objects.basicApi.getById(
      `p${sandbox.portalId}_strategy_version`,
      created.id,
    );
    expect(Object.keys(byFqn.properties).sort()).toEqual([
      'hs_createdate',
      'hs_lastmodifieddate',
      'hs_object_id',
      'name',
    ]);
    const tooLong = await apiFailure(
      client.crm.objects.basicApi.update(objectTypeId, created.id, {
        properties: { strategy_json: `${json}x` },
      }),
    );
    expect(tooLong.code).toBe(400);
  });

  it('refuses a record without its required properties', async () => {
    const failure = await apiFailure(
      client.crm.objects.basicApi.create(objectTypeId, {
        properties: { name: 'No version' },
        associations: [],
      }),
    );
    expect(failure.code).toBe(400);
    expect(
      (failure.body['errors'] as { context: { propertyName: string[] } }[])[0]?.context
        .propertyName,
    ).toEqual(['version']);
  });

  it('searches custom records and reads one by its unique version with idProperty', async () => {
    await client.crm.objects.basicApi.create(objectTypeId, {
      properties: { name: 'Strategy v2', version: '2', status: 'draft' },
      associations: [],
    });
    const drafts = await client.crm.objects.searchApi.doSearch(objectTypeId, {
      filterGroups: [
        { filters: [{ propertyName: 'status', operator: FilterOperatorEnum.Eq, value: 'draft' }] },
      ],
      properties: ['version'],
      sorts: ['-version'],
      limit: 10,
    });
    expect(drafts.results.map((r) => r.properties['version'])).toEqual(['2']);
    const v2 = await client.crm.objects.basicApi.getById(
      objectTypeId,
      '2',
      ['name'],
      undefined,
      undefined,
      false,
      'version',
    );
    expect(v2.properties['name']).toBe('Strategy v2');
  });
});
