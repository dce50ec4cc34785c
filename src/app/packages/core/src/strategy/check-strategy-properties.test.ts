import { describe, expect, it } from 'vitest';

import type { PropertyDefinitions } from '../facts/schema.ts';
import {
  checkStrategyProperties,
  strategyPropertyIssuesError,
} from './check-strategy-properties.ts';
import { StrategySchema } from './strategy-schema.ts';
import type { CriterionInput, StrategyInput } from './strategy-schema.ts';

const company: PropertyDefinitions = {
  industry: {
    name: 'industry',
    label: 'Industry',
    type: 'enumeration',
    fieldType: 'select',
    options: [
      { label: 'Computer Software', value: 'COMPUTER_SOFTWARE' },
      { label: 'Internet', value: 'INTERNET' },
    ],
  },
  numberofemployees: {
    name: 'numberofemployees',
    label: 'Employees',
    type: 'number',
    fieldType: 'number',
  },
  founded_year: { name: 'founded_year', label: 'Founded', type: 'string', fieldType: 'text' },
  createdate: { name: 'createdate', label: 'Created', type: 'datetime', fieldType: 'date' },
  is_public: {
    name: 'is_public',
    label: 'Public',
    type: 'bool',
    fieldType: 'booleancheckbox',
    options: [
      { label: 'Yes', value: 'true' },
      { label: 'No', value: 'false' },
    ],
  },
  size_band: {
    name: 'size_band',
    label: 'Size band',
    type: 'enumeration',
    fieldType: 'select',
    options: [
      { label: 'Small', value: '1' },
      { label: 'Large', value: '2' },
    ],
  },
  web_technologies: {
    name: 'web_technologies',
    label: 'Web technologies',
    type: 'enumeration',
    fieldType: 'checkbox',
    options: [{ label: 'HubSpot', value: 'hubspot' }],
  },
  hubspot_owner_id: {
    name: 'hubspot_owner_id',
    label: 'Owner',
    type: 'enumeration',
    fieldType: 'select',
  },
};
const deal: PropertyDefinitions = {
  amount: { name: 'amount', label: 'Amount', type: 'number', fieldType: 'number' },
  decision_date: { name: 'decision_date', label: 'Decision date', type: 'date', fieldType: 'date' },
  discount_percent: {
    name: 'discount_percent',
    label: 'Discount',
    type: 'number',
    fieldType: 'number',
  },
  dealtype: {
    name: 'dealtype',
    label: 'Deal type',
    type: 'enumeration',
    fieldType: 'select',
    options: [{ label: 'New', value: 'newbusiness' }],
  },
};
const definitions = { company, deal };

const strategy = (criteria: CriterionInput[], extra: Partial<StrategyInput> = {}) =>
  StrategySchema.parse({
    schemaVersion: 1,
    name: 'Test',
    segments: [{ id: 'one', name: 'One', priority: 'core', criteria }],
    ...extra,
  });

const check = (criteria: CriterionInput[], extra: Partial<StrategyInput> = {}) =>
  checkStrategyProperties(strategy(criteria, extra), definitions);

describe('checkStrategyProperties', () => {
  it('accepts properties that exist on their object with a type their operator can read', () => {
    expect(
      check(
        [
          { property: 'industry', operator: 'IN', values: ['computer_software', ' Internet '] },
          { property: 'numberofemployees', operator: 'BETWEEN', value: 50, highValue: 500 },
          { property: 'founded_year', operator: 'GTE', value: 2005 },
          { property: 'createdate', operator: 'WITHIN_LAST_DAYS', value: 30 },
          { property: 'is_public', operator: 'EQ', value: true },
          { property: 'size_band', operator: 'GTE', value: 2 },
          { property: 'web_technologies', operator: 'CONTAINS_TOKEN', value: 'hub' },
          { property: 'hubspot_owner_id', operator: 'EQ', value: '123' },
          { property: 'amount', object: 'deal', operator: 'GT', value: 1000 },
          { property: 'createdate', operator: 'HAS_PROPERTY' },
        ],
        {
          dreamCustomer: {
            need: [{ property: 'dealtype', operator: 'EQ', value: 'newbusiness' }],
            abilityToPay: [{ property: 'amount', operator: 'GTE', value: 1 }],
            urgency: [{ property: 'decision_date', operator: 'WITHIN_NEXT_DAYS', value: 90 }],
          },
          dealChecks: { maxDiscountPercent: 20, discountProperty: 'discount_percent' },
        },
      ),
    ).toEqual([]);
  });

  it('names an unknown property by its JSON path and suggests a near name', () => {
    expect(check([{ property: 'numberofemployes', operator: 'GT', value: 10 }])).toEqual([
      {
        code: 'property_unknown',
        path: 'segments[0].criteria[0].property',
        property: 'numberofemployes',
        object: 'company',
        message:
          "This portal has no company property “numberofemployes”. Did you mean “numberofemployees”? Use the property's internal name, or create the property in HubSpot first.",
      },
    ]);
  });

  it('says when the property belongs to the other object', () => {
    const [issue] = check([{ property: 'amount', operator: 'GT', value: 10 }]);
    expect(issue?.code).toBe('property_wrong_object');
    expect(issue?.message).toContain('Add "object": "deal"');
  });

  it.each([
    ['a bool read as a number', { property: 'is_public', operator: 'GT', value: 5 }],
    ['a datetime read as a number', { property: 'createdate', operator: 'LT', value: 5 }],
    [
      'a number read as a date',
      { property: 'numberofemployees', operator: 'WITHIN_LAST_DAYS', value: 5 },
    ],
    ['a number read as true/false', { property: 'numberofemployees', operator: 'EQ', value: true }],
    ['a text enumeration read as a number', { property: 'industry', operator: 'GTE', value: 3 }],
  ] as const)('refuses %s', (_, criterion) => {
    const issues = check([criterion as CriterionInput]);
    expect(issues.map((i) => [i.code, i.path])).toEqual([
      ['property_unreadable', 'segments[0].criteria[0].property'],
    ]);
  });

  it('refuses enumeration values that are not options, each at its own path', () => {
    const issues = check([
      { property: 'industry', operator: 'IN', values: ['COMPUTER_SOFTWARE', 'SOFTWARE', 'SAAS'] },
      { property: 'is_public', operator: 'EQ', value: 'yes' },
    ]);
    expect(issues.map((i) => [i.code, i.path, i.property])).toEqual([
      ['option_unknown', 'segments[0].criteria[0].values[1]', 'industry'],
      ['option_unknown', 'segments[0].criteria[0].values[2]', 'industry'],
      ['option_unknown', 'segments[0].criteria[1].value', 'is_public'],
    ]);
    expect(issues[0]?.message).toBe(
      '“SOFTWARE” is not an option of “industry”, so it can never match. Its options are: COMPUTER_SOFTWARE, INTERNET.',
    );
  });

  it('checks exclusions, the dream-customer test and the discount property', () => {
    const issues = check([{ property: 'industry', operator: 'HAS_PROPERTY' }], {
      exclusions: [
        { id: 'x', reason: 'No', criteria: [{ property: 'nope', operator: 'HAS_PROPERTY' }] },
      ],
      dreamCustomer: {
        need: [{ property: 'industry', operator: 'HAS_PROPERTY' }],
        abilityToPay: [{ property: 'amount', operator: 'GT', value: 1 }],
        urgency: [{ property: 'amount', operator: 'GT', value: 1 }],
      },
      dealChecks: { discountProperty: 'dealtype' },
    });
    expect(issues.map((i) => [i.code, i.path])).toEqual([
      ['property_unknown', 'exclusions[0].criteria[0].property'],
      ['property_wrong_object', 'dreamCustomer.need[0].property'],
      ['property_unreadable', 'dealChecks.discountProperty'],
    ]);
  });

  it('SCORING §11: competitorProperty must be a deal property of the portal', () => {
    const competitors = (competitorProperty: string) =>
      check([{ property: 'industry', operator: 'HAS_PROPERTY' }], {
        competitors: [{ id: 'acme', name: 'Acme' }],
        competitorProperty,
      });
    expect(competitors('dealtype')).toEqual([]);
    expect(competitors('industry').map((i) => `${i.path}: ${i.code} — ${i.message}`))
      .toMatchInlineSnapshot(`
        [
          "competitorProperty: competitor_property_not_on_deals — “industry” is a company property, but competitors are read from the deal. Use a deal property that names the competitors on a deal.",
        ]
      `);
    expect(competitors('competitor').map((i) => [i.path, i.code, i.object])).toEqual([
      ['competitorProperty', 'property_unknown', 'deal'],
    ]);
    expect(strategyPropertyIssuesError(competitors('industry')).code).toBe(
      'strategy_property_unknown',
    );
  });

  it('SCORING §12: the existing-customer criteria are checked like every criterion', () => {
    const issues = check([{ property: 'industry', operator: 'HAS_PROPERTY' }], {
      existingCustomers: {
        criteria: [
          { property: 'dealtype', operator: 'EQ', value: 'existingbusiness' },
          { property: 'renewal', operator: 'EQ', value: true },
        ],
      },
    });
    expect(issues.map((i) => [i.code, i.path])).toEqual([
      ['option_unknown', 'existingCustomers.criteria[0].value'],
      ['property_unknown', 'existingCustomers.criteria[1].property'],
    ]);
  });

  it('turns the issues into one product error naming the first path and property', () => {
    const issues = check([
      { property: 'industry', operator: 'EQ', value: 'x' },
      { property: 'nope', operator: 'HAS_PROPERTY' },
    ]);
    expect(strategyPropertyIssuesError(issues)).toMatchObject({
      code: 'strategy_property_unreadable',
      path: 'segments[0].criteria[0].value',
      property: 'industry',
    });
    expect(strategyPropertyIssuesError(issues).message).toMatch(
      /^The strategy has 2 property problems/,
    );
    expect(strategyPropertyIssuesError(issues.slice(1)).code).toBe('strategy_property_unknown');
  });
});
