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
  country: { name: 'country', label: 'Country', type: 'string', fieldType: 'text' },
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
  it('accepts properties that exist on their object with a type their operator suits', () => {
    expect(
      check(
        [
          { property: 'industry', operator: 'IN', values: ['computer_software', ' Internet '] },
          { property: 'numberofemployees', operator: 'BETWEEN', value: 50, highValue: 500 },
          { property: 'founded_year', operator: 'EQ', value: 2005 },
          { property: 'createdate', operator: 'WITHIN_LAST_DAYS', value: 30 },
          { property: 'createdate', operator: 'GTE', value: '2026-01-01' },
          { property: 'is_public', operator: 'EQ', value: true },
          { property: 'size_band', operator: 'IN', values: [2] },
          { property: 'web_technologies', operator: 'CONTAINS_TOKEN', value: 'hub' },
          { property: 'hubspot_owner_id', operator: 'EQ', value: '123' },
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

  it('a deal property in a segment: segments judge the company, and the advice says where deal properties belong (SCORING §14)', () => {
    expect(check([{ property: 'amount', operator: 'GT', value: 10 }])).toMatchInlineSnapshot(`
      [
        {
          "code": "property_wrong_object",
          "message": "“amount” is a deal property, but segments and exclusions judge the company: a company's fit cannot depend on one of its deals. Use a company property here. Deal properties belong in the dream-customer test (dreamCustomer: need, abilityToPay, urgency), the deal checks (dealChecks.discountProperty), the existing-customer criteria (existingCustomers.criteria) or the competitor property (competitorProperty).",
          "object": "company",
          "path": "segments[0].criteria[0].property",
          "property": "amount",
        },
      ]
    `);
    const [exclusion] = check([{ property: 'industry', operator: 'HAS_PROPERTY' }], {
      exclusions: [
        {
          id: 'big',
          reason: 'Big deals only',
          criteria: [{ property: 'amount', operator: 'GT', value: 1 }],
        },
      ],
    });
    expect(exclusion?.path).toBe('exclusions[0].criteria[0].property');
    expect(exclusion?.message).not.toContain('Add "object": "deal"');
  });

  it('a company property in the dream-customer test: add "object": "company"', () => {
    const [issue] = check([{ property: 'industry', operator: 'HAS_PROPERTY' }], {
      dreamCustomer: {
        need: [{ property: 'numberofemployees', operator: 'GT', value: 1 }],
        abilityToPay: [{ property: 'amount', operator: 'GT', value: 1 }],
        urgency: [{ property: 'decision_date', operator: 'WITHIN_NEXT_DAYS', value: 9 }],
      },
    });
    expect(issue).toMatchObject({
      code: 'property_wrong_object',
      path: 'dreamCustomer.need[0].property',
    });
    expect(issue?.message).toContain('Add "object": "company"');
  });

  it('a criterion with "object": "deal" in a segment is left to the schema (deal_criterion_in_segment)', () => {
    expect(check([{ property: 'amount', object: 'deal', operator: 'GT', value: 10 }])).toEqual([]);
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
    [
      'text compared as a number (SCORING §14)',
      { property: 'founded_year', operator: 'GTE', value: 2005 },
    ],
    [
      'a number enumeration ordered (SCORING §14)',
      { property: 'size_band', operator: 'GTE', value: 2 },
    ],
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
      '“SOFTWARE” is not an option of “industry”, so it can never match. The closest option is: COMPUTER_SOFTWARE.',
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

const DEFINITION = (type: string, fieldType: string, options?: string[]) => ({
  name: `a_${type}`,
  label: `A ${type}`,
  type,
  fieldType,
  ...(options === undefined ? {} : { options: options.map((o) => ({ label: o, value: o })) }),
});

/** One property of each HubSpot type SCORING §14 names. */
const TYPED: PropertyDefinitions = {
  text: DEFINITION('string', 'text'),
  number: DEFINITION('number', 'number'),
  date: DEFINITION('date', 'date'),
  datetime: DEFINITION('datetime', 'date'),
  yes_no: DEFINITION('bool', 'booleancheckbox', ['true', 'false']),
  select: DEFINITION('enumeration', 'select', ['a', 'b', '1']),
  true_false: DEFINITION('enumeration', 'radio', ['true', 'false']),
  numbers: DEFINITION('enumeration', 'select', ['1', '2']),
};

describe('SCORING §14: operators must suit the property’s HubSpot type', () => {
  const codeOf = (property: string, criterion: Omit<CriterionInput, 'property'>) =>
    checkStrategyProperties(
      StrategySchema.parse({
        schemaVersion: 1,
        name: 'T',
        segments: [
          { id: 's', name: 'S', priority: 'core', criteria: [{ property, ...criterion }] },
        ],
      }),
      { company: TYPED, deal: {} },
    ).map((i) => `${i.code} ${i.path.replace('segments[0].criteria[0].', '')}`)[0] ?? 'ok';

  const RANGE = { operator: 'BETWEEN', value: 1, highValue: 9 } as const;
  const DAYS = { operator: 'BETWEEN', value: '2026-01-01', highValue: '2026-02-01' } as const;
  it.each<[string, Omit<CriterionInput, 'property'>, Record<string, string>]>([
    [
      'GT with a number needs a number property',
      { operator: 'GT', value: 5 },
      {
        number: 'ok',
        text: 'unreadable',
        date: 'unreadable',
        select: 'unreadable',
        numbers: 'unreadable',
        yes_no: 'unreadable',
      },
    ],
    [
      'BETWEEN numbers needs a number property',
      RANGE,
      { number: 'ok', text: 'unreadable', datetime: 'unreadable' },
    ],
    [
      'LTE with a date needs a date or date-time property',
      { operator: 'LTE', value: '2026-01-01' },
      {
        date: 'ok',
        datetime: 'ok',
        number: 'unreadable',
        text: 'unreadable',
        select: 'unreadable',
      },
    ],
    [
      'BETWEEN dates needs a date or date-time property',
      DAYS,
      { date: 'ok', datetime: 'ok', text: 'unreadable' },
    ],
    [
      'WITHIN_NEXT_DAYS needs a date or date-time property',
      { operator: 'WITHIN_NEXT_DAYS', value: 30 },
      { date: 'ok', datetime: 'ok', number: 'unreadable', text: 'unreadable' },
    ],
    [
      'CONTAINS_TOKEN needs a text or enumeration property',
      { operator: 'CONTAINS_TOKEN', value: 'a' },
      { text: 'ok', select: 'ok', number: 'unreadable', date: 'unreadable', yes_no: 'unreadable' },
    ],
    [
      'NOT_CONTAINS_TOKEN needs a text or enumeration property',
      { operator: 'NOT_CONTAINS_TOKEN', value: 'a' },
      { text: 'ok', datetime: 'unreadable' },
    ],
    [
      'a boolean operand needs bool or an enumeration of true/false',
      { operator: 'EQ', value: true },
      {
        yes_no: 'ok',
        true_false: 'ok',
        text: 'unreadable',
        select: 'unreadable',
        number: 'unreadable',
      },
    ],
    [
      'EQ with a date on a datetime property is refused at the operator (BETWEEN the day)',
      { operator: 'EQ', value: '2026-01-01' },
      { datetime: 'day_on_datetime operator', date: 'ok', text: 'ok' },
    ],
    [
      'IN with a date on a datetime property is refused',
      { operator: 'IN', values: ['2026-01-01', '2026-01-02'] },
      { datetime: 'day_on_datetime operator', date: 'ok' },
    ],
    [
      'NEQ with a date-time on a datetime property is refused',
      { operator: 'NEQ', value: '2026-01-01T10:00:00Z' },
      { datetime: 'day_on_datetime operator' },
    ],
    [
      'NOT_IN with a date on a datetime property is refused',
      { operator: 'NOT_IN', values: ['2026-01-01'] },
      { datetime: 'day_on_datetime operator' },
    ],
    [
      'EQ with a number suits numbers, text holding numbers and enumerations of numbers',
      { operator: 'EQ', value: 1 },
      { number: 'ok', text: 'ok', numbers: 'ok', select: 'unreadable', datetime: 'unreadable' },
    ],
    [
      'enumeration values must be options',
      { operator: 'EQ', value: 'c' },
      { select: 'option_unknown value', text: 'ok' },
    ],
    [
      'HAS_PROPERTY suits every type',
      { operator: 'HAS_PROPERTY' },
      { text: 'ok', number: 'ok', datetime: 'ok', yes_no: 'ok' },
    ],
  ])('%s', (_, criterion, expected) => {
    const got = Object.fromEntries(
      Object.keys(expected).map((property) => [
        property,
        codeOf(property, criterion).replace(/^property_unreadable property$/, 'unreadable'),
      ]),
    );
    expect(got).toEqual(expected);
  });

  it('the issue’s trap criteria are refused with their paths and advice', () => {
    const issues = check([
      { property: 'country', operator: 'GTE', value: 5 },
      { property: 'createdate', operator: 'EQ', value: '2026-01-01' },
      { property: 'amount', operator: 'GTE', value: 10000 },
    ]);
    expect(issues.map((i) => [i.code, i.path])).toEqual([
      ['property_unreadable', 'segments[0].criteria[0].property'],
      ['day_on_datetime', 'segments[0].criteria[1].operator'],
      ['property_wrong_object', 'segments[0].criteria[2].property'],
    ]);
    expect(issues.slice(0, 2).map((i) => i.message)).toMatchInlineSnapshot(`
      [
        "“country” is a text property (type string, field text), so GTE 5 can never match it: GT, GTE, LT, LTE and BETWEEN compare a number only with a number property. Use a number property, or compare this one with EQ, IN or CONTAINS_TOKEN.",
        "“createdate” is a date-time property (type datetime, field date): it holds a moment, not a day, so EQ “2026-01-01” can never match. Use BETWEEN the day's start and end instead: "operator": "BETWEEN", "value": "2026-01-01T00:00:00Z", "highValue": "2026-01-01T23:59:59.999Z".",
      ]
    `);
  });
});
