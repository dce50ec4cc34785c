import { AssociationTypes, Client } from '@hubspot/api-client';
import { AssociationSpecAssociationCategoryEnum } from '@hubspot/api-client/lib/codegen/crm/associations/v4/index.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningSandbox } from '../src/index.ts';
import { apiFailure, startTestSandbox } from './harness.ts';

let sandbox: RunningSandbox;
let client: Client;
const HUBSPOT = AssociationSpecAssociationCategoryEnum.HubspotDefined;

beforeAll(async () => {
  sandbox = await startTestSandbox();
  client = new Client({ accessToken: sandbox.token, basePath: sandbox.baseUrl });
});
afterAll(() => sandbox.close());

async function newDeal(name: string): Promise<string> {
  return (
    await client.crm.deals.basicApi.create({ properties: { dealname: name }, associations: [] })
  ).id;
}
async function newCompany(name: string): Promise<string> {
  return (await client.crm.companies.basicApi.create({ properties: { name }, associations: [] }))
    .id;
}

describe('associations v4', () => {
  it('creates the primary company of a deal; reads return the primary and the unlabeled type', async () => {
    const deal = await newDeal('Primary deal');
    const company = await newCompany('Primary co');
    const created = await client.crm.associations.v4.batchApi.create('deals', 'companies', {
      inputs: [
        {
          _from: { id: deal },
          to: { id: company },
          types: [
            {
              associationCategory: HUBSPOT,
              associationTypeId: AssociationTypes.primaryDealToCompany,
            },
          ],
        },
      ],
    });
    expect(created.results).toEqual([
      {
        fromObjectTypeId: '0-3',
        fromObjectId: deal,
        toObjectTypeId: '0-2',
        toObjectId: company,
        labels: ['Primary'],
      },
    ]);
    const read = await client.crm.associations.v4.batchApi.getPage('deals', 'companies', {
      inputs: [{ id: deal }],
    });
    expect(read.results[0]?.to).toEqual([
      {
        toObjectId: company,
        associationTypes: [
          { category: 'HUBSPOT_DEFINED', typeId: 341, label: null },
          { category: 'HUBSPOT_DEFINED', typeId: 5, label: 'Primary' },
        ],
      },
    ]);
    const inverse = await client.crm.associations.v4.basicApi.getPage(
      'companies',
      company,
      'deals',
    );
    expect(inverse.results[0]?.associationTypes.map((t) => t.typeId)).toEqual([342, 6]);
  });

  it('keeps one primary company per deal: a new primary demotes the old one to unlabeled', async () => {
    const deal = await newDeal('Moving deal');
    const first = await newCompany('First');
    const second = await newCompany('Second');
    for (const company of [first, second]) {
      await client.crm.associations.v4.basicApi.create('deals', deal, 'companies', company, [
        { associationCategory: HUBSPOT, associationTypeId: 5 },
      ]);
    }
    const read = await client.crm.associations.v4.basicApi.getPage('deals', deal, 'companies');
    expect(
      read.results.map((r) => [r.toObjectId, r.associationTypes.map((t) => t.typeId)]),
    ).toEqual([
      [first, [341]],
      [second, [341, 5]],
    ]);
  });

  it('answers 207 with NO_ASSOCIATIONS_FOUND for records without associations', async () => {
    const lonely = await newDeal('Lonely');
    const answer = await client.crm.associations.v4.batchApi.getPage('deals', 'companies', {
      inputs: [{ id: lonely }],
    });
    expect(answer.results).toEqual([]);
    expect((answer as { errors?: unknown[] }).errors).toEqual([
      {
        status: 'error',
        category: 'OBJECT_NOT_FOUND',
        subCategory: 'crm.associations.NO_ASSOCIATIONS_FOUND',
        message: `No company is associated with deal ${lonely}.`,
        context: { fromObjectId: [lonely], fromObjectType: ['deal'], toObjectType: ['company'] },
        errors: [],
        links: {},
      },
    ]);
  });

  it('associates deals and line items with the default (unlabeled) type, one or many', async () => {
    const deal = await newDeal('With items');
    const item = (
      await client.crm.lineItems.basicApi.create({
        properties: { name: 'Seat', price: '10', quantity: '2' },
        associations: [],
      })
    ).id;
    const single = await client.crm.associations.v4.basicApi.createDefault(
      'deals',
      deal,
      'line_items',
      item,
    );
    expect(single.results.map((r) => r.associationSpec.associationTypeId)).toEqual([19, 20]);
    const item2 = (
      await client.crm.lineItems.basicApi.create({
        properties: { name: 'Seat', price: '10', quantity: '1' },
        associations: [],
      })
    ).id;
    await client.crm.associations.v4.batchApi.createDefault('line_items', 'deals', {
      inputs: [{ _from: { id: item2 }, to: { id: deal } }],
    });
    const read = await client.crm.associations.v4.batchApi.getPage('deals', 'line_items', {
      inputs: [{ id: deal }],
    });
    expect(read.results[0]?.to.map((t) => t.toObjectId)).toEqual([item, item2]);
  });

  it('refuses a type that does not link the two object types (400)', async () => {
    const deal = await newDeal('Wrong type');
    const company = await newCompany('Wrong co');
    const failure = await apiFailure(
      client.crm.associations.v4.batchApi.create('deals', 'companies', {
        inputs: [
          {
            _from: { id: deal },
            to: { id: company },
            types: [{ associationCategory: HUBSPOT, associationTypeId: 19 }],
          },
        ],
      }),
    );
    expect(failure.code).toBe(400);
  });

  it('removes one label, then every association between two records', async () => {
    const deal = await newDeal('Unlink');
    const company = await newCompany('Unlink co');
    await client.crm.associations.v4.basicApi.create('deals', deal, 'companies', company, [
      { associationCategory: HUBSPOT, associationTypeId: 5 },
    ]);
    await client.crm.associations.v4.batchApi.archiveLabels('deals', 'companies', {
      inputs: [
        {
          _from: { id: deal },
          to: { id: company },
          types: [{ associationCategory: HUBSPOT, associationTypeId: 5 }],
        },
      ],
    });
    const afterLabel = await client.crm.associations.v4.basicApi.getPage(
      'deals',
      deal,
      'companies',
    );
    expect(afterLabel.results[0]?.associationTypes.map((t) => t.typeId)).toEqual([341]);
    await client.crm.associations.v4.batchApi.archive('deals', 'companies', {
      inputs: [{ _from: { id: deal }, to: [{ id: company }] }],
    });
    expect(
      (await client.crm.associations.v4.basicApi.getPage('deals', deal, 'companies')).results,
    ).toEqual([]);
  });

  it('lists the association types between two object types (labels)', async () => {
    const types = await client.crm.associations.v4.schema.definitionsApi.getAll(
      'deals',
      'companies',
    );
    expect(types.results.map((t) => [t.typeId, t.label ?? null]).sort()).toEqual([
      [341, null],
      [5, 'Primary'],
    ]);
  });

  it('seeds deals with a primary company and line items', async () => {
    const deals = await client.crm.deals.basicApi.getPage(20);
    const read = await client.crm.associations.v4.batchApi.getPage('deals', 'companies', {
      inputs: deals.results.map((d) => ({ id: d.id })),
    });
    const primaries = read.results.filter((r) =>
      r.to.some((t) => t.associationTypes.some((a) => a.typeId === 5)),
    );
    expect(primaries.length).toBeGreaterThan(15);
  });
});
