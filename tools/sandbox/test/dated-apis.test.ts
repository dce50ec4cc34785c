// HubSpot's 2026-09 date-versioned paths, through the api-client's generic request (the way the
// adapter calls them): the same answers as v3/v4 where the 2026-09 reference keeps the shapes, and
// its differences where it shows them. The v3/v4 paths stay for other clients.
import { Client } from '@hubspot/api-client';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { RunningSandbox } from '../src/index.ts';
import { raw, startTestSandbox } from './harness.ts';

let sandbox: RunningSandbox;
let client: Client;

beforeAll(async () => {
  sandbox = await startTestSandbox();
  client = new Client({ accessToken: sandbox.token, basePath: sandbox.baseUrl });
});
afterEach(() => sandbox.control.setRateLimit(false));
afterAll(() => sandbox.close());

type Answer = { status: number; json: Record<string, unknown>; headers: Headers };

/** One request through the api-client's generic `apiRequest`. */
async function send(via: Client, method: string, path: string, body?: unknown): Promise<Answer> {
  const response = await via.apiRequest({ method, path, ...(body === undefined ? {} : { body }) });
  const text = await response.text();
  return {
    status: response.status,
    json: text === '' ? {} : (JSON.parse(text) as Record<string, unknown>),
    headers: response.headers,
  };
}

/** Answers of the two versions with what differs per request left out. */
const comparable = (json: Record<string, unknown>): unknown =>
  JSON.parse(
    JSON.stringify(json, (key, value: unknown) =>
      ['startedAt', 'completedAt', 'correlationId', 'link'].includes(key) ? undefined : value,
    ),
  );

describe('the 2026-09 paths answer as v3/v4 do', () => {
  it.each([
    [
      'GET',
      '/crm/objects/2026-09/companies?limit=3&properties=name',
      '/crm/v3/objects/companies?limit=3&properties=name',
    ],
    [
      'GET',
      '/crm/objects/2026-09/companies/1001?properties=name,industry',
      '/crm/v3/objects/companies/1001?properties=name,industry',
    ],
    ['GET', '/crm/properties/2026-09/deals', '/crm/v3/properties/deals'],
    ['GET', '/crm/properties/2026-09/companies/groups', '/crm/v3/properties/companies/groups'],
    ['GET', '/crm/owners/2026-09?limit=3', '/crm/v3/owners?limit=3'],
    [
      'GET',
      '/crm/owners/2026-09/9100002?idProperty=userId',
      '/crm/v3/owners/9100002?idProperty=userId',
    ],
    ['GET', '/crm/pipelines/2026-09/deals', '/crm/v3/pipelines/deals'],
    [
      'GET',
      '/crm/pipelines/2026-09/deals/default/stages',
      '/crm/v3/pipelines/deals/default/stages',
    ],
    ['GET', '/crm-object-schemas/2026-09/schemas', '/crm-object-schemas/v3/schemas'],
    [
      'GET',
      '/crm/associations/2026-09/deals/companies/labels',
      '/crm/v4/associations/deals/companies/labels',
    ],
  ])('%s %s', async (method, dated, legacy) => {
    const [a, b] = [await send(client, method, dated), await send(client, method, legacy)];
    expect(a.status).toBe(200);
    expect(comparable(a.json)).toEqual(comparable(b.json));
  });

  it.each([
    [
      '/crm/objects/2026-09/deals/batch/read',
      '/crm/v3/objects/deals/batch/read',
      {
        inputs: [{ id: '1061' }, { id: '99999999' }],
        properties: ['dealname'],
        propertiesWithHistory: [],
      },
    ],
    [
      '/crm/objects/2026-09/companies/search',
      '/crm/v3/objects/companies/search',
      {
        filterGroups: [
          { filters: [{ propertyName: 'hs_object_id', operator: 'GT', value: '1010' }] },
        ],
        sorts: ['hs_object_id'],
        limit: 5,
        properties: ['name'],
      },
    ],
    [
      '/crm/associations/2026-09/deals/companies/batch/read',
      '/crm/v4/associations/deals/companies/batch/read',
      { inputs: [{ id: '1061' }, { id: '1062' }] },
    ],
  ])('POST %s', async (dated, legacy, body) => {
    const [a, b] = [
      await send(client, 'POST', dated, body),
      await send(client, 'POST', legacy, body),
    ];
    expect([a.status, b.status]).toEqual([b.status, a.status]);
    expect(a.status).toBeLessThan(300);
    expect(comparable(a.json)).toEqual(comparable(b.json));
  });

  it('list paging links point at the version asked', async () => {
    const page = await send(client, 'GET', '/crm/objects/2026-09/companies?limit=1');
    expect(JSON.stringify(page.json['paging'])).toContain('/crm/objects/2026-09/companies?after=');
  });

  it('writes through 2026-09 (create, update, batch update, associations) are read back through v3', async () => {
    const created = await send(client, 'POST', '/crm/objects/2026-09/companies', {
      properties: { name: 'Dated Co' },
      associations: [],
    });
    expect(created.status).toBe(201);
    const id = String(created.json['id']);
    await send(client, 'PATCH', `/crm/objects/2026-09/companies/${id}`, {
      properties: { city: 'Lyon' },
    });
    const batch = await send(client, 'POST', '/crm/objects/2026-09/companies/batch/update', {
      inputs: [{ id, properties: { state: 'ARA' }, objectWriteTraceId: id }],
    });
    expect(batch.status).toBe(200);
    const linked = await send(
      client,
      'PUT',
      `/crm/objects/2026-09/deals/1061/associations/default/companies/${id}`,
    );
    expect(linked.status).toBe(200);
    const read = await client.crm.companies.basicApi.getById(id, ['city', 'state']);
    expect(read.properties).toMatchObject({ city: 'Lyon', state: 'ARA' });
    const deals = await client.crm.associations.v4.basicApi.getPage('deals', '1061', 'companies');
    expect(deals.results.map((r) => r.toObjectId)).toContain(id);
  });

  it('has no GET of one record\u2019s associations under /crm/objects/2026-09 (not in the reference)', async () => {
    const answer = await send(
      client,
      'GET',
      '/crm/objects/2026-09/deals/1061/associations/companies',
    );
    expect(answer.status).toBe(404);
  });
});

describe('where the 2026-09 reference differs', () => {
  it('a property create needs every option\u2019s displayOrder (OptionInput)', async () => {
    const property = {
      name: 'dated_choice',
      label: 'Choice',
      type: 'enumeration',
      fieldType: 'select',
      groupName: 'companyinformation',
      options: [{ label: 'A', value: 'a', hidden: false }],
    };
    const refused = await send(client, 'POST', '/crm/properties/2026-09/companies', property);
    expect(refused.status).toBe(400);
    expect(refused.json['category']).toBe('VALIDATION_ERROR');
    const legacy = await send(client, 'POST', '/crm/v3/properties/companies', property);
    expect(legacy.status).toBe(201);
  });

  it('a schema create needs allowsSensitiveProperties, secondary and searchable properties', async () => {
    const egg = {
      name: 'dated_thing',
      labels: { singular: 'Thing', plural: 'Things' },
      primaryDisplayProperty: 'name',
      requiredProperties: ['name'],
      associatedObjects: [],
      properties: [{ name: 'name', label: 'Name', type: 'string', fieldType: 'text' }],
    };
    const refused = await send(client, 'POST', '/crm-object-schemas/2026-09/schemas', egg);
    expect(refused.status).toBe(400);
    expect(String(refused.json['message'])).toContain('allowsSensitiveProperties');
    const created = await send(client, 'POST', '/crm-object-schemas/2026-09/schemas', {
      ...egg,
      allowsSensitiveProperties: false,
      secondaryDisplayProperties: [],
      searchableProperties: ['name'],
    });
    expect(created.status).toBe(201);
    expect(created.json).toMatchObject({
      allowsSensitiveProperties: false,
      archived: false,
      fullyQualifiedName: `p${sandbox.portalId}_dated_thing`,
      objectTypeId: expect.stringMatching(/^2-\d+$/),
      searchableProperties: ['name'],
      secondaryDisplayProperties: [],
    });
  });
});

describe('errors of a batch answer', () => {
  it('carry errors[] with the details and links, like HubSpot\u2019s StandardError', async () => {
    const answer = await send(client, 'POST', '/crm/objects/2026-09/companies/batch/update', {
      inputs: [
        { id: '1001', properties: { numberofemployees: 'many' }, objectWriteTraceId: '1001' },
        { id: '99999999', properties: { city: 'x' }, objectWriteTraceId: '99999999' },
      ],
    });
    expect(answer.status).toBe(207);
    expect(answer.json['errors']).toEqual([
      {
        status: 'error',
        category: 'VALIDATION_ERROR',
        message: expect.stringContaining('Property values were not valid'),
        context: { objectWriteTraceId: ['1001'] },
        errors: [
          {
            message: 'many was not a valid number.',
            code: 'INVALID_DECIMAL',
            context: { propertyName: ['numberofemployees'] },
          },
        ],
        links: {},
      },
      {
        status: 'error',
        category: 'OBJECT_NOT_FOUND',
        message:
          'Could not get some COMPANY objects, they may be deleted or not exist. Check that ids are valid.',
        context: { ids: ['99999999'], objectWriteTraceId: ['99999999'] },
        errors: [],
        links: {},
      },
    ]);
  });
});

describe('pipelines of every object type that has them', () => {
  it.each(['tickets', '0-5', 'appointments', 'courses', 'listings', 'orders', 'services', 'leads'])(
    'answers for %s on both versions',
    async (objectType) => {
      const dated = await send(client, 'GET', `/crm/pipelines/2026-09/${objectType}`);
      const legacy = await send(client, 'GET', `/crm/v3/pipelines/${objectType}`);
      expect(dated.status).toBe(200);
      expect(dated.json).toEqual(legacy.json);
      expect(Array.isArray(dated.json['results'])).toBe(true);
    },
  );

  it('tickets have the default Support Pipeline whose stages carry a ticketState', async () => {
    const tickets = await client.crm.pipelines.pipelinesApi.getAll('tickets');
    expect(tickets.results.map((p) => [p.id, p.label])).toEqual([['0', 'Support Pipeline']]);
    expect(tickets.results[0]?.stages.map((s) => [s.id, s.metadata?.['ticketState']])).toEqual([
      ['1', 'OPEN'],
      ['2', 'OPEN'],
      ['3', 'OPEN'],
      ['4', 'CLOSED'],
    ]);
    expect(tickets.results[0]?.stages.every((s) => s.writePermissions !== undefined)).toBe(true);
  });

  it('an unknown object type is refused with 400', async () => {
    expect((await send(client, 'GET', '/crm/pipelines/2026-09/widgets')).status).toBe(400);
  });
});

describe('rate-limit headers on the dated paths', () => {
  it('name the window the sandbox was given, and count 2026-09 and v3 requests in one window', async () => {
    sandbox.control.setRateLimit({ perTenSeconds: 5, searchPerSecond: 5, intervalMs: 2_000 });
    const first = await send(client, 'GET', '/crm/owners/2026-09');
    expect(first.headers.get('x-hubspot-ratelimit-max')).toBe('5');
    expect(first.headers.get('x-hubspot-ratelimit-remaining')).toBe('4');
    expect(first.headers.get('x-hubspot-ratelimit-interval-milliseconds')).toBe('2000');
    const second = await raw(sandbox, 'GET', '/crm/v3/owners');
    expect(second.headers.get('x-hubspot-ratelimit-remaining')).toBe('3');
    const searched = await send(client, 'POST', '/crm/objects/2026-09/companies/search', {
      limit: 1,
    });
    expect(searched.status).toBe(200);
    expect(searched.headers.get('x-hubspot-ratelimit-remaining')).toBeNull();
    const before = sandbox.control.rateLimitedCount();
    for (let i = 0; i < 2; i += 1) await send(client, 'GET', '/crm/owners/2026-09');
    const refused = await send(client, 'GET', '/crm/owners/2026-09');
    expect(refused.status).toBe(429);
    expect(refused.headers.get('x-hubspot-ratelimit-remaining')).toBe('0');
    expect(sandbox.control.rateLimitedCount() - before).toBe(1);
  });
});
