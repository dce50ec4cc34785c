// For view-model unit tests only: real core results (scoreCompany, scoreDeal) of a small strategy
// built through the schemas (STYLE §30), wrapped in the contract's ScoreRecordValue. Card tests
// use the fixtures the real score_record function produced against the sandbox instead.
import type {
  CompanyScore,
  DealScore,
  PropertyBag,
  PropertyDefinitions,
  RecordFacts,
  StrategyInput,
} from '@strategy-fit/core';
import {
  compileStrategy,
  ScoreRecordValue,
  scoreCompany,
  scoreDeal,
  StrategySchema,
} from '@strategy-fit/core';

/** "Now" in these tests: 2026-01-15T12:00:00Z. */
export const NOW_MS = Date.UTC(2026, 0, 15, 12);

const STRATEGY: StrategyInput = {
  schemaVersion: 1,
  name: 'Card tests',
  segments: [
    {
      id: 'enterprise-saas',
      name: 'Enterprise SaaS',
      priority: 'dream',
      criteria: [
        {
          property: 'industry',
          operator: 'EQ',
          value: 'COMPUTER_SOFTWARE',
          weight: 3,
          required: true,
          label: 'Software company',
        },
        { property: 'numberofemployees', operator: 'GTE', value: 500, weight: 2 },
        { property: 'country', operator: 'EQ', value: 'Germany' },
      ],
      dealAmount: { min: 50_000 },
      positioning: {
        valueProposition: 'Forecasts the board believes, from the CRM they already run.',
        differentiators: ['Native two-way CRM sync', 'An audit trail finance signs off'],
        expectations: ['Single sign-on from day one'],
      },
      offers: ['PLAT-ANNUAL', 'SEAT-ENT'],
    },
    {
      id: 'midmarket',
      name: 'Mid-market',
      priority: 'core',
      criteria: [
        { property: 'numberofemployees', operator: 'BETWEEN', value: 50, highValue: 499 },
        { property: 'country', operator: 'EQ', value: 'Germany' },
      ],
    },
  ],
  exclusions: [
    {
      id: 'tobacco',
      reason: 'We do not sell to tobacco companies',
      criteria: [{ property: 'industry', operator: 'EQ', value: 'TOBACCO' }],
    },
  ],
  dreamCustomer: {
    need: [{ property: 'pain_identified', operator: 'EQ', value: true, label: 'Pain identified' }],
    abilityToPay: [
      { property: 'budget_confirmed', operator: 'EQ', value: true, label: 'Budget confirmed' },
    ],
    urgency: [
      {
        property: 'decision_date',
        operator: 'WITHIN_NEXT_DAYS',
        value: 90,
        label: 'Decision within 90 days',
      },
    ],
  },
  dealChecks: { maxDiscountPercent: 20, discountProperty: 'discount_percent' },
  competitors: [
    {
      id: 'acme',
      name: 'Acme',
      targets: ['enterprise-saas'],
      howWeWin: 'Show the live sync: Acme exports nightly.',
    },
    { id: 'globex', name: 'Globex', targets: ['midmarket'] },
  ],
  competitorProperty: 'competitors',
  existingCustomers: { policy: 'retain' },
};

const compiled = compileStrategy(StrategySchema.parse(STRATEGY));

const COMPANY_DEFINITIONS: PropertyDefinitions = {
  industry: {
    name: 'industry',
    label: 'Industry',
    type: 'enumeration',
    fieldType: 'select',
    options: [
      { label: 'Computer Software', value: 'COMPUTER_SOFTWARE' },
      { label: 'Tobacco', value: 'TOBACCO' },
    ],
  },
  numberofemployees: {
    name: 'numberofemployees',
    label: 'Number of Employees',
    type: 'number',
    fieldType: 'number',
  },
  country: { name: 'country', label: 'Country/Region', type: 'string', fieldType: 'text' },
};

const DEAL_DEFINITIONS: PropertyDefinitions = {
  amount: { name: 'amount', label: 'Amount', type: 'number', fieldType: 'number' },
  pain_identified: {
    name: 'pain_identified',
    label: 'Pain identified',
    type: 'bool',
    fieldType: 'booleancheckbox',
  },
  budget_confirmed: {
    name: 'budget_confirmed',
    label: 'Budget confirmed',
    type: 'bool',
    fieldType: 'booleancheckbox',
  },
  decision_date: { name: 'decision_date', label: 'Decision date', type: 'date', fieldType: 'date' },
  discount_percent: {
    name: 'discount_percent',
    label: 'Discount %',
    type: 'number',
    fieldType: 'number',
  },
  competitors: {
    name: 'competitors',
    label: 'Competitors',
    type: 'enumeration',
    fieldType: 'checkbox',
    options: [
      { label: 'Acme', value: 'Acme' },
      { label: 'Globex', value: 'Globex' },
      { label: 'Initech', value: 'Initech' },
    ],
  },
  dealtype: {
    name: 'dealtype',
    label: 'Deal Type',
    type: 'enumeration',
    fieldType: 'select',
    options: [
      { label: 'New Business', value: 'newbusiness' },
      { label: 'Existing Business', value: 'existingbusiness' },
    ],
  },
};

const facts = (id: string, properties: PropertyBag, definitions: PropertyDefinitions) =>
  ({ id, properties, definitions, nowMs: NOW_MS }) satisfies RecordFacts;

/** Companies by what they are: each scores into the tier of its name. */
export const COMPANIES = {
  dream: { industry: 'COMPUTER_SOFTWARE', numberofemployees: '900', country: 'Germany' },
  fit: { industry: 'COMPUTER_SOFTWARE', numberofemployees: '120', country: 'Germany' },
  stretch: { industry: 'COMPUTER_SOFTWARE', numberofemployees: '120', country: 'France' },
  needsData: { numberofemployees: '900' },
  offStrategy: { industry: 'RETAIL', numberofemployees: '10', country: 'France' },
  refused: { industry: 'TOBACCO', numberofemployees: '900', country: 'Germany' },
  unreadable: { industry: 'COMPUTER_SOFTWARE', numberofemployees: 'lots', country: 'Germany' },
} satisfies Record<string, PropertyBag>;

export const companyScore = (properties: PropertyBag, id = '101'): CompanyScore =>
  scoreCompany(compiled, facts(id, properties, COMPANY_DEFINITIONS));

const STAMP = { version: 3, name: 'Card tests', publishedAt: '2026-01-10T09:00:00.000Z' };

/** `score_record`'s answer for a company, through the contract's schema. */
export const companyValue = (
  properties: PropertyBag,
  extra: { managerNames?: string[] } = {},
): ScoreRecordValue =>
  ScoreRecordValue.parse({
    objectType: 'company',
    objectId: '101',
    strategy: STAMP,
    company: companyScore(properties),
    deal: null,
    written: false,
    scoredAt: new Date(NOW_MS).toISOString(),
    managerNames: extra.managerNames ?? ['Maya Okafor'],
  });

/**
 * `score_record`'s answer for a deal of a company (null: no company), through the schema; its
 * line items as HubSpot has them (`name`, `price`, `quantity`, `hs_sku`, …).
 */
export const dealValue = (
  dealProperties: PropertyBag,
  companyProperties: PropertyBag | null,
  extra: { managerNames?: string[]; lineItems?: PropertyBag[] } = {},
): ScoreRecordValue & { deal: DealScore } => {
  const companyFacts =
    companyProperties === null ? null : facts('101', companyProperties, COMPANY_DEFINITIONS);
  const company =
    companyFacts === null
      ? null
      : { facts: companyFacts, score: scoreCompany(compiled, companyFacts) };
  const deal = scoreDeal(compiled, {
    deal: facts('202', dealProperties, DEAL_DEFINITIONS),
    company,
    lineItems: (extra.lineItems ?? []).map((properties, i) => ({ id: `30${i}`, properties })),
    nowMs: NOW_MS,
  });
  const value = ScoreRecordValue.parse({
    objectType: 'deal',
    objectId: '202',
    strategy: STAMP,
    company: company?.score ?? null,
    deal,
    written: true,
    scoredAt: new Date(NOW_MS).toISOString(),
    managerNames: extra.managerNames ?? ['Maya Okafor'],
  });
  return { ...value, deal };
};
