import { Client } from '@hubspot/api-client';
import {
  FilterOperatorEnum,
  type PublicObjectSearchRequest,
} from '@hubspot/api-client/lib/codegen/crm/companies/index.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningSandbox } from '../src/index.ts';
import { apiFailure, startTestSandbox } from './harness.ts';

let sandbox: RunningSandbox;
let client: Client;
const ids: Record<string, string> = {};

/** Six companies whose values exercise every operator; the seed adds none (companies: 0). */
const FIXTURES: Record<string, Record<string, string>> = {
  alpha: {
    name: 'Alpha Software',
    industry: 'COMPUTER_SOFTWARE',
    numberofemployees: '50',
    country: 'Germany',
    web_technologies: 'hubspot;aws',
    is_public: 'false',
    domain: 'alpha.example',
  },
  beta: {
    name: 'Beta Bank',
    industry: 'BANKING',
    numberofemployees: '5000',
    country: 'United States',
    web_technologies: 'salesforce',
    is_public: 'true',
  },
  gamma: {
    name: 'Gamma Retail',
    industry: 'RETAIL',
    numberofemployees: '250',
    country: 'germany',
    web_technologies: 'shopify;stripe;aws',
  },
  delta: { name: 'Delta Consulting', industry: 'MANAGEMENT_CONSULTING', numberofemployees: '12' },
  epsilon: {
    name: 'Epsilon Labs',
    numberofemployees: '900',
    country: 'France',
    founded_year: 'approx 1998',
  },
  zeta: {
    name: 'Zeta Software Group',
    industry: 'COMPUTER_SOFTWARE',
    country: 'United Kingdom',
    web_technologies: 'hubspot',
  },
};

beforeAll(async () => {
  sandbox = await startTestSandbox({
    seed: { seed: 1, companies: 0, deals: 0, asOf: '2026-11-01' },
  });
  client = new Client({ accessToken: sandbox.token, basePath: sandbox.baseUrl });
  for (const [key, properties] of Object.entries(FIXTURES)) {
    ids[key] = (await client.crm.companies.basicApi.create({ properties, associations: [] })).id;
  }
});
afterAll(() => sandbox.close());

type FilterInput = {
  propertyName: string;
  operator: FilterOperatorEnum;
  value?: string;
  highValue?: string;
  values?: string[];
};

async function names(
  filters: FilterInput[],
  extra: Partial<PublicObjectSearchRequest> = {},
): Promise<string[]> {
  const page = await client.crm.companies.searchApi.doSearch({
    filterGroups: [{ filters }],
    properties: ['name'],
    limit: 100,
    ...extra,
  });
  return page.results.map((r) => Object.entries(ids).find(([, id]) => id === r.id)?.[0] ?? r.id);
}

const O = FilterOperatorEnum;

describe('filter operators', () => {
  it.each<[string, FilterInput, string[]]>([
    [
      'EQ on an enumeration',
      { propertyName: 'industry', operator: O.Eq, value: 'COMPUTER_SOFTWARE' },
      ['alpha', 'zeta'],
    ],
    [
      'EQ on text is case-insensitive',
      { propertyName: 'country', operator: O.Eq, value: 'GERMANY' },
      ['alpha', 'gamma'],
    ],
    [
      'NEQ includes records without a value',
      { propertyName: 'industry', operator: O.Neq, value: 'COMPUTER_SOFTWARE' },
      ['beta', 'gamma', 'delta', 'epsilon'],
    ],
    [
      'LT on a number compares numerically',
      { propertyName: 'numberofemployees', operator: O.Lt, value: '250' },
      ['alpha', 'delta'],
    ],
    [
      'LTE',
      { propertyName: 'numberofemployees', operator: O.Lte, value: '250' },
      ['alpha', 'gamma', 'delta'],
    ],
    ['GT', { propertyName: 'numberofemployees', operator: O.Gt, value: '900' }, ['beta']],
    [
      'GTE',
      { propertyName: 'numberofemployees', operator: O.Gte, value: '900' },
      ['beta', 'epsilon'],
    ],
    [
      'BETWEEN is inclusive',
      { propertyName: 'numberofemployees', operator: O.Between, value: '50', highValue: '900' },
      ['alpha', 'gamma', 'epsilon'],
    ],
    [
      'IN',
      { propertyName: 'industry', operator: O.In, values: ['BANKING', 'RETAIL'] },
      ['beta', 'gamma'],
    ],
    [
      'NOT_IN includes records without a value',
      {
        propertyName: 'industry',
        operator: O.NotIn,
        values: ['BANKING', 'RETAIL', 'COMPUTER_SOFTWARE'],
      },
      ['delta', 'epsilon'],
    ],
    [
      'HAS_PROPERTY',
      { propertyName: 'web_technologies', operator: O.HasProperty },
      ['alpha', 'beta', 'gamma', 'zeta'],
    ],
    [
      'NOT_HAS_PROPERTY',
      { propertyName: 'web_technologies', operator: O.NotHasProperty },
      ['delta', 'epsilon'],
    ],
    [
      'CONTAINS_TOKEN matches a word',
      { propertyName: 'name', operator: O.ContainsToken, value: 'software' },
      ['alpha', 'zeta'],
    ],
    [
      'CONTAINS_TOKEN with a wildcard',
      { propertyName: 'domain', operator: O.ContainsToken, value: '*.example' },
      ['alpha'],
    ],
    [
      'NOT_CONTAINS_TOKEN',
      { propertyName: 'name', operator: O.NotContainsToken, value: 'software' },
      ['beta', 'gamma', 'delta', 'epsilon'],
    ],
    [
      'EQ on a multi-checkbox matches one chosen option',
      { propertyName: 'web_technologies', operator: O.Eq, value: 'aws' },
      ['alpha', 'gamma'],
    ],
    [
      'IN on a multi-checkbox matches any chosen option',
      { propertyName: 'web_technologies', operator: O.In, values: ['stripe', 'salesforce'] },
      ['beta', 'gamma'],
    ],
    ['EQ on a bool', { propertyName: 'is_public', operator: O.Eq, value: 'true' }, ['beta']],
  ])('%s', async (_name, filter, expected) => {
    expect(await names([filter])).toEqual(expected);
  });

  it('ANDs the filters of a group and ORs the groups', async () => {
    const page = await client.crm.companies.searchApi.doSearch({
      filterGroups: [
        {
          filters: [
            { propertyName: 'industry', operator: O.Eq, value: 'COMPUTER_SOFTWARE' },
            { propertyName: 'country', operator: O.Eq, value: 'Germany' },
          ],
        },
        { filters: [{ propertyName: 'numberofemployees', operator: O.Gte, value: '5000' }] },
      ],
      limit: 10,
    });
    expect(page.results.map((r) => r.id)).toEqual([ids['alpha'], ids['beta']]);
    expect(page.total).toBe(2);
  });

  it('filters on hs_object_id and createdate (epoch milliseconds)', async () => {
    expect(
      await names([{ propertyName: 'hs_object_id', operator: O.Eq, value: ids['gamma'] ?? '' }]),
    ).toEqual(['gamma']);
    expect(await names([{ propertyName: 'createdate', operator: O.Gt, value: '0' }])).toHaveLength(
      6,
    );
  });

  it('searches default text properties with query', async () => {
    const page = await client.crm.companies.searchApi.doSearch({ query: 'labs', limit: 10 });
    expect(page.results.map((r) => r.id)).toEqual([ids['epsilon']]);
  });
});

describe('sorting and properties', () => {
  it('sorts by a string sort ("-prop" descending) or an object sort, records without a value last', async () => {
    const filter = [{ propertyName: 'name', operator: O.HasProperty }];
    expect(await names(filter, { sorts: ['-numberofemployees'] })).toEqual([
      'beta',
      'epsilon',
      'gamma',
      'alpha',
      'delta',
      'zeta',
    ]);
    const ascending = await client.crm.companies.searchApi.doSearch({
      filterGroups: [{ filters: filter }],
      sorts: [{ propertyName: 'numberofemployees', direction: 'ASCENDING' } as unknown as string],
      limit: 10,
    });
    expect(ascending.results.map((r) => r.id)).toEqual(
      ['delta', 'alpha', 'gamma', 'epsilon', 'beta', 'zeta'].map((k) => ids[k]),
    );
  });

  it('returns the default search properties without `properties`', async () => {
    const page = await client.crm.companies.searchApi.doSearch({ limit: 1 });
    expect(Object.keys(page.results[0]?.properties ?? {}).sort()).toEqual([
      'createdate',
      'domain',
      'hs_lastmodifieddate',
      'hs_object_id',
      'name',
    ]);
  });
});

describe('refusals', () => {
  const filter = { propertyName: 'name', operator: O.HasProperty };
  it.each<[string, Partial<PublicObjectSearchRequest>]>([
    ['6 filter groups', { filterGroups: Array.from({ length: 6 }, () => ({ filters: [filter] })) }],
    [
      '11 filters in a group',
      { filterGroups: [{ filters: Array.from({ length: 11 }, () => filter) }] },
    ],
    [
      '26 filters in all',
      {
        filterGroups: Array.from({ length: 3 }, () => ({
          filters: Array.from({ length: 9 }, () => filter),
        })),
      },
    ],
    ['limit 201', { limit: 201 }],
    [
      'an unknown property',
      { filterGroups: [{ filters: [{ propertyName: 'nope', operator: O.Eq, value: 'x' }] }] },
    ],
    [
      'EQ without a value',
      { filterGroups: [{ filters: [{ propertyName: 'name', operator: O.Eq }] }] },
    ],
    [
      'BETWEEN without highValue',
      {
        filterGroups: [
          { filters: [{ propertyName: 'numberofemployees', operator: O.Between, value: '1' }] },
        ],
      },
    ],
    [
      'IN without values',
      { filterGroups: [{ filters: [{ propertyName: 'industry', operator: O.In }] }] },
    ],
    [
      'a number filter with text',
      {
        filterGroups: [
          { filters: [{ propertyName: 'numberofemployees', operator: O.Gt, value: 'many' }] },
        ],
      },
    ],
    ['a query over 3,000 characters', { query: 'x'.repeat(3001) }],
  ])('refuses %s with 400 VALIDATION_ERROR', async (_name, request) => {
    const failure = await apiFailure(client.crm.companies.searchApi.doSearch(request));
    expect(failure.code).toBe(400);
    expect(failure.body['category']).toBe('VALIDATION_ERROR');
  });

  it('accepts 5 groups, 10 filters in a group, 25 filters and limit 200', async () => {
    const groups = [10, 10, 2, 2, 1].map((n) => ({
      filters: Array.from({ length: n }, () => filter),
    }));
    const page = await client.crm.companies.searchApi.doSearch({
      filterGroups: groups,
      limit: 200,
    });
    expect(page.total).toBe(6);
  });
});

describe('paging', () => {
  let big: RunningSandbox;
  let bigClient: Client;
  beforeAll(async () => {
    big = await startTestSandbox({
      seed: { seed: 3, companies: 10_150, deals: 0, asOf: '2026-11-01' },
    });
    bigClient = new Client({ accessToken: big.token, basePath: big.baseUrl });
  });
  afterAll(() => big.close());

  it('pages with after over every result, 200 at a time, without duplicates', async () => {
    const seen = new Set<string>();
    let after: string | undefined = '0';
    const filterGroups = [
      { filters: [{ propertyName: 'hs_object_id', operator: O.Lt, value: '2201' }] },
    ];
    while (after !== undefined) {
      const page = await bigClient.crm.companies.searchApi.doSearch({
        filterGroups,
        limit: 200,
        after,
      });
      for (const r of page.results) seen.add(r.id);
      expect(page.total).toBe(1200);
      after = page.paging?.next?.after;
    }
    expect(seen.size).toBe(1200);
  });

  it('reports the full total but stops paging at 10,000 results', async () => {
    const last = await bigClient.crm.companies.searchApi.doSearch({ limit: 200, after: '9900' });
    expect(last.total).toBe(10_150);
    expect(last.results).toHaveLength(100);
    expect(last.paging).toBeUndefined();
  });

  it('answers 400 when after reaches the 10,000 cap', async () => {
    const failure = await apiFailure(
      bigClient.crm.companies.searchApi.doSearch({ limit: 10, after: '10000' }),
    );
    expect(failure.code).toBe(400);
    expect(failure.body['category']).toBe('VALIDATION_ERROR');
  });
});
