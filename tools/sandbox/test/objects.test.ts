import { Client } from '@hubspot/api-client';
import { AssociationSpecAssociationCategoryEnum } from '@hubspot/api-client/lib/codegen/crm/companies/index.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningSandbox } from '../src/index.ts';
import { apiFailure, raw, startTestSandbox } from './harness.ts';

let sandbox: RunningSandbox;
let client: Client;

beforeAll(async () => {
  sandbox = await startTestSandbox();
  client = new Client({ accessToken: sandbox.token, basePath: sandbox.baseUrl });
});
afterAll(() => sandbox.close());

const createCompany = (properties: Record<string, string>) =>
  client.crm.companies.basicApi.create({ properties, associations: [] });

describe('GET /crm/v3/objects/{type}/{id}', () => {
  it('returns the default properties when none are asked for, every value a string', async () => {
    const created = await createCompany({
      name: 'Acme Analytics',
      domain: 'acme.example',
      industry: 'COMPUTER_SOFTWARE',
    });
    const company = await client.crm.companies.basicApi.getById(created.id);
    expect(Object.keys(company.properties).sort()).toEqual([
      'createdate',
      'domain',
      'hs_lastmodifieddate',
      'hs_object_id',
      'name',
    ]);
    expect(company.properties).toMatchObject({
      name: 'Acme Analytics',
      domain: 'acme.example',
      hs_object_id: created.id,
    });
    expect(company.createdAt).toBeInstanceOf(Date);
    expect(company.archived).toBe(false);
  });

  it('returns asked-for properties (null when unset) plus the system ones and ignores unknown names', async () => {
    const created = await createCompany({ name: 'Beta', numberofemployees: '120' });
    const company = await client.crm.companies.basicApi.getById(created.id, [
      'numberofemployees',
      'industry',
      'no_such_property',
    ]);
    expect(company.properties).toEqual({
      numberofemployees: '120',
      industry: null,
      hs_object_id: created.id,
      createdate: expect.any(String),
      hs_lastmodifieddate: expect.any(String),
    });
  });

  it('answers the propertiesToSend fetch by object type id (GET /crm/v3/objects/0-2/{id}?properties=…)', async () => {
    const created = await createCompany({ name: 'Gamma', country: 'Germany' });
    const response = await raw(
      sandbox,
      'GET',
      `/crm/v3/objects/0-2/${created.id}?properties=name,country`,
    );
    expect(response.status).toBe(200);
    expect(response.json['properties']).toMatchObject({ name: 'Gamma', country: 'Germany' });
  });

  it('answers 404 "resource not found" for an unknown numeric id', async () => {
    const failure = await apiFailure(client.crm.companies.basicApi.getById('99999999'));
    expect(failure.code).toBe(404);
    expect(failure.body).toMatchObject({
      status: 'error',
      message: 'resource not found',
      category: 'OBJECT_NOT_FOUND',
    });
    expect(failure.body['correlationId']).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('answers 404 with context.id for a non-numeric id', async () => {
    const failure = await apiFailure(client.crm.companies.basicApi.getById('abc'));
    expect(failure.code).toBe(404);
    expect(failure.body).toMatchObject({
      message: 'Object not found.  objectId are usually numeric.',
      context: { id: ['abc'] },
    });
  });

  it('answers 400 for an object type it cannot resolve', async () => {
    const failure = await apiFailure(client.crm.objects.basicApi.getById('widgets', '1'));
    expect(failure.code).toBe(400);
    expect(failure.body).toMatchObject({
      category: 'VALIDATION_ERROR',
      message: 'Unable to infer object type from: widgets',
    });
  });

  it('lists associated ids with HubSpot type names when associations are asked for', async () => {
    const company = await createCompany({ name: 'Delta' });
    const deal = await client.crm.deals.basicApi.create({
      properties: { dealname: 'Delta deal', dealstage: 'appointmentscheduled' },
      associations: [
        {
          to: { id: company.id },
          types: [
            {
              associationCategory: AssociationSpecAssociationCategoryEnum.HubspotDefined,
              associationTypeId: 5,
            },
          ],
        },
      ],
    });
    const read = await client.crm.deals.basicApi.getById(deal.id, undefined, undefined, [
      'companies',
    ]);
    expect(read.associations?.['companies']?.results.map((r) => [r.id, r.type])).toEqual([
      [company.id, 'deal_to_company_unlabeled'],
      [company.id, 'deal_to_company'],
    ]);
  });
});

describe('GET /crm/v3/objects/{type} (list)', () => {
  it('pages with after until the end, and getAll collects every live record', async () => {
    const first = await client.crm.companies.basicApi.getPage(7);
    expect(first.results).toHaveLength(7);
    const next = first.paging?.next?.after;
    expect(next).toBeDefined();
    const second = await client.crm.companies.basicApi.getPage(7, next);
    expect(Number(second.results[0]?.id)).toBeGreaterThan(Number(first.results[6]?.id));
    const all = await client.crm.companies.getAll(100);
    expect(new Set(all.map((c) => c.id)).size).toBe(all.length);
    expect(all.length).toBeGreaterThanOrEqual(60);
  });

  it('refuses a page size above 100', async () => {
    const failure = await apiFailure(client.crm.companies.basicApi.getPage(101));
    expect(failure.code).toBe(400);
  });
});

describe('writes', () => {
  it('creates (201) and updates, refreshing hs_lastmodifieddate', async () => {
    const created = await createCompany({
      name: 'Epsilon',
      annualrevenue: '2500000',
      web_technologies: 'hubspot;aws',
    });
    expect(created.properties).toMatchObject({
      name: 'Epsilon',
      annualrevenue: '2500000',
      web_technologies: 'hubspot;aws',
    });
    const updated = await client.crm.companies.basicApi.update(created.id, {
      properties: { annualrevenue: '3000000', domain: '' },
    });
    expect(updated.properties['annualrevenue']).toBe('3000000');
    expect(updated.updatedAt.getTime()).toBeGreaterThan(created.updatedAt.getTime());
  });

  it('clears a value written as an empty string', async () => {
    const created = await createCompany({ name: 'Zeta', city: 'Berlin' });
    await client.crm.companies.basicApi.update(created.id, { properties: { city: '' } });
    const read = await client.crm.companies.basicApi.getById(created.id, ['city']);
    expect(read.properties['city']).toBeNull();
  });

  it('refuses unknown, read-only and invalid values with one 400 listing every property', async () => {
    const failure = await apiFailure(
      createCompany({
        name: 'Eta',
        foo: 'x',
        hs_object_id: '1',
        createdate: '2020-01-01',
        industry: 'SOFTWARE',
        numberofemployees: '1,200',
        is_public: 'yes',
      }),
    );
    expect(failure.code).toBe(400);
    expect(failure.body['category']).toBe('VALIDATION_ERROR');
    expect(String(failure.body['message'])).toMatch(/^Property values were not valid: \[/);
    const errors = failure.body['errors'] as {
      code: string;
      context: { propertyName: string[] };
    }[];
    expect(errors.map((e) => [e.context.propertyName[0], e.code])).toEqual([
      ['foo', 'PROPERTY_DOESNT_EXIST'],
      ['hs_object_id', 'READ_ONLY_VALUE'],
      ['createdate', 'READ_ONLY_VALUE'],
      ['industry', 'INVALID_OPTION'],
      ['numberofemployees', 'INVALID_DECIMAL'],
      ['is_public', 'INVALID_OPTION'],
    ]);
  });

  it('accepts a string value of 65,536 characters and refuses one of 65,537', async () => {
    const ok = await createCompany({ name: 'Long', description: 'x'.repeat(65_536) });
    expect(ok.properties['description']).toHaveLength(65_536);
    const failure = await apiFailure(
      createCompany({ name: 'Too long', description: 'x'.repeat(65_537) }),
    );
    expect(failure.code).toBe(400);
    expect((failure.body['errors'] as { code: string }[])[0]?.code).toBe('INVALID_STRING_LENGTH');
  });

  it('normalises dates and datetimes the way HubSpot stores them', async () => {
    const deal = await client.crm.deals.basicApi.create({
      properties: { dealname: 'Dates', closedate: '1767225600000', decision_date: '2026-03-15' },
      associations: [],
    });
    expect(deal.properties).toMatchObject({
      closedate: '2026-01-01T00:00:00Z',
      decision_date: '2026-03-15',
    });
    const failure = await apiFailure(
      client.crm.deals.basicApi.update(deal.id, { properties: { decision_date: '1767229200000' } }),
    );
    expect((failure.body['errors'] as { message: string }[])[0]?.message).toMatch(/not midnight/);
  });

  it('derives hs_is_closed and hs_is_closed_won from the stage of the deal pipeline', async () => {
    const deal = await client.crm.deals.basicApi.create({
      properties: { dealname: 'Won', pipeline: 'default', dealstage: 'closedwon' },
      associations: [],
    });
    expect(deal.properties).toMatchObject({ hs_is_closed: 'true', hs_is_closed_won: 'true' });
    const lost = await client.crm.deals.basicApi.update(deal.id, {
      properties: { dealstage: 'closedlost' },
    });
    expect(lost.properties).toMatchObject({ hs_is_closed: 'true', hs_is_closed_won: 'false' });
    const open = await client.crm.deals.basicApi.update(deal.id, {
      properties: { pipeline: '19824735', dealstage: '51234002' },
    });
    expect(open.properties).toMatchObject({ hs_is_closed: 'false', hs_is_closed_won: 'false' });
    const failure = await apiFailure(
      client.crm.deals.basicApi.update(deal.id, { properties: { dealstage: 'closedwon' } }),
    );
    expect((failure.body['errors'] as { message: string }[])[0]?.message).toBe(
      'closedwon is not a valid pipeline stage ID. Valid options are: pipelineId=19824735 : [51234001, 51234002, 51234003, 51234004, 51234005, 51234006, 51234007]',
    );
  });

  it('computes a line item amount from price, quantity and discounts and refuses a negative price', async () => {
    const item = await client.crm.lineItems.basicApi.create({
      properties: { name: 'Seats', price: '100', quantity: '10', hs_discount_percentage: '20' },
      associations: [],
    });
    expect(item.properties['amount']).toBe('800');
    const failure = await apiFailure(
      client.crm.lineItems.basicApi.update(item.id, { properties: { price: '-1' } }),
    );
    expect(failure.code).toBe(400);
    const refused = await apiFailure(
      client.crm.lineItems.basicApi.update(item.id, { properties: { amount: '5' } }),
    );
    expect((refused.body['errors'] as { code: string }[])[0]?.code).toBe('READ_ONLY_VALUE');
  });

  it('refuses an owner id that is not an owner of the portal', async () => {
    const failure = await apiFailure(createCompany({ name: 'Theta', hubspot_owner_id: '123' }));
    expect((failure.body['errors'] as { code: string }[])[0]?.code).toBe('INVALID_OWNER_ID');
  });

  it('archives (204), hides the record, and reads it back with archived=true', async () => {
    const created = await createCompany({ name: 'Iota' });
    await client.crm.companies.basicApi.archive(created.id);
    expect((await apiFailure(client.crm.companies.basicApi.getById(created.id))).code).toBe(404);
    const archived = await client.crm.companies.basicApi.getById(
      created.id,
      undefined,
      undefined,
      undefined,
      true,
    );
    expect(archived.archived).toBe(true);
    expect(archived.archivedAt).toBeInstanceOf(Date);
  });

  it('finds a contact by a unique property with idProperty', async () => {
    const contact = await client.crm.contacts.basicApi.create({
      properties: { email: 'kim@example.com', firstname: 'Kim' },
      associations: [],
    });
    const read = await client.crm.contacts.basicApi.getById(
      'kim@example.com',
      ['firstname'],
      undefined,
      undefined,
      false,
      'email',
    );
    expect(read.id).toBe(contact.id);
  });
});

describe('strict request checking', () => {
  it('refuses a create without properties with HubSpot\u2019s "required fields" text', async () => {
    const response = await raw(sandbox, 'POST', '/crm/v3/objects/companies', {});
    expect(response.status).toBe(400);
    expect(response.json['message']).toBe(
      'Invalid input JSON on line 1, column 2. Some required fields were not set: [properties]',
    );
  });

  it('refuses a body that is not JSON and a field of the wrong type', async () => {
    expect((await raw(sandbox, 'POST', '/crm/v3/objects/companies', 'properties=1')).status).toBe(
      400,
    );
    const wrong = await raw(sandbox, 'POST', '/crm/v3/objects/companies/batch/read', {
      inputs: 'x',
    });
    expect(wrong.status).toBe(400);
    expect(String(wrong.json['message'])).toMatch(/^Invalid input JSON on line 1, column 1: /);
  });

  it('accepts numbers and booleans as property values (read as text)', async () => {
    const response = await raw(sandbox, 'POST', '/crm/v3/objects/companies', {
      properties: { name: 'Kappa', numberofemployees: 42, is_public: true },
    });
    expect(response.status).toBe(201);
    expect(response.json['properties']).toMatchObject({
      numberofemployees: '42',
      is_public: 'true',
    });
  });
});

describe('batch endpoints', () => {
  it('reads up to 100 ids; missing ids make a 207 with OBJECT_NOT_FOUND', async () => {
    const a = await createCompany({ name: 'Batch A' });
    const full = await client.crm.companies.batchApi.read({
      inputs: [{ id: a.id }],
      properties: ['name'],
      propertiesWithHistory: [],
    });
    expect(full.results.map((r) => r.properties['name'])).toEqual(['Batch A']);
    const partial = await client.crm.companies.batchApi.read({
      inputs: [{ id: a.id }, { id: '424242' }],
      properties: [],
      propertiesWithHistory: [],
    });
    expect(partial.results).toHaveLength(1);
    expect(partial).toMatchObject({
      status: 'COMPLETE',
      numErrors: 1,
      errors: [
        {
          status: 'error',
          category: 'OBJECT_NOT_FOUND',
          message:
            'Could not get some COMPANY objects, they may be deleted or not exist. Check that ids are valid.',
          context: { ids: ['424242'] },
        },
      ],
    });
    const tooMany = await apiFailure(
      client.crm.companies.batchApi.read({
        inputs: Array.from({ length: 101 }, (_, i) => ({ id: String(i + 1) })),
        properties: [],
        propertiesWithHistory: [],
      }),
    );
    expect(tooMany.code).toBe(400);
  });

  it('creates a batch (201); one invalid input refuses the whole batch (400)', async () => {
    const created = await client.crm.companies.batchApi.create({
      inputs: [{ properties: { name: 'B1' } }, { properties: { name: 'B2' } }],
    });
    expect(created.results.map((r) => r.properties['name']).sort()).toEqual(['B1', 'B2']);
    const failure = await apiFailure(
      client.crm.companies.batchApi.create({
        inputs: [{ properties: { name: 'B3' } }, { properties: { nope: '1' } }],
      }),
    );
    expect(failure.code).toBe(400);
  });

  it('answers 207 with per-input errors when every input carries objectWriteTraceId', async () => {
    const answer = await client.crm.companies.batchApi.create({
      inputs: [
        { properties: { name: 'T1' }, objectWriteTraceId: 't1' },
        { properties: { nope: '1' }, objectWriteTraceId: 't2' },
      ],
    });
    expect(answer.results.map((r) => r.properties['name'])).toEqual(['T1']);
    expect(
      (answer as { errors?: { context: Record<string, string[]> }[] }).errors?.[0]?.context,
    ).toEqual({ objectWriteTraceId: ['t2'] });
  });

  it('updates a batch (200); unknown ids make a 207', async () => {
    const a = await createCompany({ name: 'U1' });
    const ok = await client.crm.companies.batchApi.update({
      inputs: [{ id: a.id, properties: { city: 'Paris' } }],
    });
    expect(ok.results[0]?.properties['city']).toBe('Paris');
    const partial = await client.crm.companies.batchApi.update({
      inputs: [
        { id: a.id, properties: { city: 'Lyon' } },
        { id: '515151', properties: { city: 'Nice' } },
      ],
    });
    expect(partial.results).toHaveLength(1);
    expect((partial as { errors?: { category: string }[] }).errors?.[0]?.category).toBe(
      'OBJECT_NOT_FOUND',
    );
  });

  it('archives a batch (204)', async () => {
    const a = await createCompany({ name: 'Gone' });
    await client.crm.companies.batchApi.archive({ inputs: [{ id: a.id }] });
    expect((await apiFailure(client.crm.companies.basicApi.getById(a.id))).code).toBe(404);
  });
});
