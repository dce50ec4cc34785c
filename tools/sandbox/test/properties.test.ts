import { Client } from '@hubspot/api-client';
import {
  PropertyCreateFieldTypeEnum,
  PropertyCreateTypeEnum,
} from '@hubspot/api-client/lib/codegen/crm/properties/index.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { INDUSTRY_VALUES, type RunningSandbox } from '../src/index.ts';
import { apiFailure, startTestSandbox } from './harness.ts';

let sandbox: RunningSandbox;
let client: Client;

beforeAll(async () => {
  sandbox = await startTestSandbox();
  client = new Client({ accessToken: sandbox.token, basePath: sandbox.baseUrl });
});
afterAll(() => sandbox.close());

describe('the demo catalogue', () => {
  it('defines the company properties the core reads, with HubSpot types and options', async () => {
    const all = await client.crm.properties.coreApi.getAll('companies');
    const byName = new Map(all.results.map((p) => [p.name, p]));
    const shape = (name: string) => {
      const p = byName.get(name);
      return p === undefined ? undefined : [p.type, p.fieldType];
    };
    expect(shape('industry')).toEqual(['enumeration', 'select']);
    expect(byName.get('industry')?.options.map((o) => o.value)).toEqual([...INDUSTRY_VALUES]);
    expect(shape('web_technologies')).toEqual(['enumeration', 'checkbox']);
    expect(byName.get('web_technologies')?.options.map((o) => o.value)).toEqual(
      expect.arrayContaining([
        'salesforce',
        'hubspot',
        'google_analytics',
        'shopify',
        'wordpress',
        'marketo',
        'zendesk',
        'intercom',
        'aws',
        'stripe',
      ]),
    );
    expect(shape('numberofemployees')).toEqual(['number', 'number']);
    expect(shape('annualrevenue')).toEqual(['number', 'number']);
    expect(shape('is_public')).toEqual(['bool', 'booleancheckbox']);
    expect(shape('founded_year')).toEqual(['string', 'text']);
    expect(byName.get('type')?.options.map((o) => o.value)).toEqual([
      'PROSPECT',
      'PARTNER',
      'RESELLER',
      'VENDOR',
      'OTHER',
    ]);
    expect(byName.get('hs_object_id')?.modificationMetadata?.readOnlyValue).toBe(true);
  });

  it('defines the deal and line item properties, including the demo custom ones', async () => {
    const deal = new Map(
      (await client.crm.properties.coreApi.getAll('deals')).results.map((p) => [
        p.name,
        [p.type, p.fieldType],
      ]),
    );
    expect(
      Object.fromEntries(
        [
          'budget_confirmed',
          'pain_identified',
          'decision_date',
          'discount_percent',
          'closedate',
          'dealtype',
        ].map((n) => [n, deal.get(n)]),
      ),
    ).toEqual({
      budget_confirmed: ['bool', 'booleancheckbox'],
      pain_identified: ['bool', 'booleancheckbox'],
      decision_date: ['date', 'date'],
      discount_percent: ['number', 'number'],
      closedate: ['datetime', 'date'],
      dealtype: ['enumeration', 'radio'],
    });
    const items = (await client.crm.properties.coreApi.getAll('line_items')).results.map(
      (p) => p.name,
    );
    expect(items).toEqual(
      expect.arrayContaining(['name', 'price', 'quantity', 'amount', 'hs_product_id']),
    );
  });

  it('reads one property by name and answers 404 for an unknown one', async () => {
    const industry = await client.crm.properties.coreApi.getByName('companies', 'industry');
    expect(industry.groupName).toBe('companyinformation');
    expect(
      (await apiFailure(client.crm.properties.coreApi.getByName('companies', 'nope'))).code,
    ).toBe(404);
  });
});

describe('creating and changing properties', () => {
  it('creates a group and a property in it (201), then the property accepts values', async () => {
    await client.crm.properties.groupsApi.create('companies', {
      name: 'strategy_fit',
      label: 'Strategy Fit',
      displayOrder: 1,
    });
    const created = await client.crm.properties.coreApi.create('companies', {
      name: 'strategy_fit_tier',
      label: 'Strategy fit tier',
      type: PropertyCreateTypeEnum.Enumeration,
      fieldType: PropertyCreateFieldTypeEnum.Select,
      groupName: 'strategy_fit',
      options: ['dream', 'fit', 'stretch'].map((value, i) => ({
        label: value,
        value,
        displayOrder: i,
        hidden: false,
      })),
    });
    expect(created).toMatchObject({
      name: 'strategy_fit_tier',
      type: 'enumeration',
      groupName: 'strategy_fit',
    });
    const company = await client.crm.companies.basicApi.create({
      properties: { name: 'Tiered', strategy_fit_tier: 'fit' },
      associations: [],
    });
    expect(company.properties['strategy_fit_tier']).toBe('fit');
    const group = await client.crm.properties.groupsApi.getByName('companies', 'strategy_fit');
    expect(group).toEqual({
      name: 'strategy_fit',
      label: 'Strategy Fit',
      displayOrder: 1,
      archived: false,
    });
  });

  it('refuses a duplicate (409), an unknown group and a field type that does not fit the type (400)', async () => {
    const base = {
      label: 'X',
      type: PropertyCreateTypeEnum.String,
      fieldType: PropertyCreateFieldTypeEnum.Text,
      groupName: 'companyinformation',
    };
    await client.crm.properties.coreApi.create('companies', { ...base, name: 'dup_prop' });
    expect(
      (
        await apiFailure(
          client.crm.properties.coreApi.create('companies', { ...base, name: 'dup_prop' }),
        )
      ).code,
    ).toBe(409);
    expect(
      (
        await apiFailure(
          client.crm.properties.coreApi.create('companies', {
            ...base,
            name: 'p2',
            groupName: 'nope',
          }),
        )
      ).code,
    ).toBe(400);
    const mismatch = await apiFailure(
      client.crm.properties.coreApi.create('companies', {
        ...base,
        name: 'p3',
        fieldType: PropertyCreateFieldTypeEnum.Checkbox,
      }),
    );
    expect(mismatch.code).toBe(400);
  });

  it('updates a custom property, refuses to change a HubSpot-defined one, archives and reads archived', async () => {
    await client.crm.properties.coreApi.create('deals', {
      name: 'review_note',
      label: 'Review note',
      type: PropertyCreateTypeEnum.String,
      fieldType: PropertyCreateFieldTypeEnum.Textarea,
      groupName: 'dealinformation',
    });
    const updated = await client.crm.properties.coreApi.update('deals', 'review_note', {
      label: 'Manager review note',
    });
    expect(updated.label).toBe('Manager review note');
    expect(
      (
        await apiFailure(
          client.crm.properties.coreApi.update('deals', 'dealname', { label: 'Name' }),
        )
      ).code,
    ).toBe(400);
    await client.crm.properties.coreApi.archive('deals', 'review_note');
    expect(
      (await apiFailure(client.crm.properties.coreApi.getByName('deals', 'review_note'))).code,
    ).toBe(404);
    expect(
      (await client.crm.properties.coreApi.getByName('deals', 'review_note', true)).archived,
    ).toBe(true);
  });

  it('batch-creates (201) and batch-reads (200, 207 for unknown names) properties', async () => {
    const created = await client.crm.properties.batchApi.create('deals', {
      inputs: ['fit_a', 'fit_b'].map((name) => ({
        name,
        label: name,
        type: PropertyCreateTypeEnum.Number,
        fieldType: PropertyCreateFieldTypeEnum.Number,
        groupName: 'dealinformation',
      })),
    });
    expect(created.results.map((p) => p.name).sort()).toEqual(['fit_a', 'fit_b']);
    const read = await client.crm.properties.batchApi.read('deals', {
      archived: false,
      inputs: [{ name: 'fit_a' }, { name: 'nope' }],
    });
    expect(read.results.map((p) => p.name)).toEqual(['fit_a']);
    expect((read as { errors?: unknown[] }).errors).toHaveLength(1);
  });

  it('lists, updates and archives property groups', async () => {
    await client.crm.properties.groupsApi.create('deals', { name: 'temp_group', label: 'Temp' });
    expect(
      (await client.crm.properties.groupsApi.getAll('deals')).results.map((g) => g.name),
    ).toContain('temp_group');
    expect(
      (await client.crm.properties.groupsApi.update('deals', 'temp_group', { label: 'Renamed' }))
        .label,
    ).toBe('Renamed');
    await client.crm.properties.groupsApi.archive('deals', 'temp_group');
    expect(
      (await apiFailure(client.crm.properties.groupsApi.getByName('deals', 'temp_group'))).code,
    ).toBe(404);
  });
});
