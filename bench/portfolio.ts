// Deterministic generator of a HubSpot-like company portfolio and a 10 × 8 + 5 strategy, for benchmarks.
import type { PropertyDefinitions, StrategyInput } from '@strategy-fit/core';

/** A small, seedable PRNG (mulberry32): the same seed gives the same portfolio on every machine. */
export const random = (seed: number): (() => number) => {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
};

const INDUSTRIES = [
  'COMPUTER_SOFTWARE',
  'INFORMATION_TECHNOLOGY_AND_SERVICES',
  'INTERNET',
  'MARKETING_AND_ADVERTISING',
  'FINANCIAL_SERVICES',
  'BANKING',
  'INSURANCE',
  'HOSPITAL_HEALTH_CARE',
  'MEDICAL_PRACTICE',
  'RETAIL',
  'CONSUMER_GOODS',
  'GAMBLING_CASINOS',
  'TOBACCO',
  'MANAGEMENT_CONSULTING',
  'REAL_ESTATE',
  'CONSTRUCTION',
  'AUTOMOTIVE',
  'TELECOMMUNICATIONS',
  'EDUCATION_MANAGEMENT',
  'LOGISTICS_AND_SUPPLY_CHAIN',
  'ACCOUNTING',
  'HOSPITALITY',
  'MACHINERY',
  'PHARMACEUTICALS',
  'UTILITIES',
];
const COUNTRIES = [
  'United States',
  'Canada',
  'United Kingdom',
  'Germany',
  'France',
  'Netherlands',
  'Spain',
  'Italy',
  'Sweden',
  'Australia',
  'India',
  'Brazil',
  'Japan',
  'Singapore',
  'Ireland',
  'Switzerland',
];
const STATES = [
  'CA',
  'NY',
  'TX',
  'MA',
  'WA',
  'IL',
  'Bavaria',
  'Berlin',
  'Ontario',
  'England',
  'Île-de-France',
];
const CITIES = [
  'San Francisco',
  'New York',
  'Austin',
  'Boston',
  'Seattle',
  'Chicago',
  'Munich',
  'Berlin',
  'Toronto',
  'London',
  'Paris',
  'Amsterdam',
];
const TYPES = ['PROSPECT', 'PARTNER', 'RESELLER', 'VENDOR', 'OTHER'];
const STAGES = [
  'subscriber',
  'lead',
  'marketingqualifiedlead',
  'salesqualifiedlead',
  'opportunity',
  'customer',
  'evangelist',
  'other',
];
const TECH = [
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
];

const pick = <T>(r: () => number, list: readonly T[]): T =>
  list[Math.floor(r() * list.length)] as T;

/** The property definitions a portal would return for these companies. */
export const companyDefinitions = (): PropertyDefinitions => ({
  industry: {
    name: 'industry',
    label: 'Industry',
    type: 'enumeration',
    fieldType: 'select',
    options: INDUSTRIES.map((v) => ({ value: v, label: v.toLowerCase().replaceAll('_', ' ') })),
  },
  numberofemployees: {
    name: 'numberofemployees',
    label: 'Number of Employees',
    type: 'number',
    fieldType: 'number',
  },
  annualrevenue: {
    name: 'annualrevenue',
    label: 'Annual Revenue',
    type: 'number',
    fieldType: 'number',
  },
  country: { name: 'country', label: 'Country/Region', type: 'string', fieldType: 'text' },
  state: { name: 'state', label: 'State/Region', type: 'string', fieldType: 'text' },
  city: { name: 'city', label: 'City', type: 'string', fieldType: 'text' },
  type: {
    name: 'type',
    label: 'Type',
    type: 'enumeration',
    fieldType: 'select',
    options: TYPES.map((v) => ({ value: v, label: v.toLowerCase() })),
  },
  lifecyclestage: {
    name: 'lifecyclestage',
    label: 'Lifecycle Stage',
    type: 'enumeration',
    fieldType: 'radio',
  },
  web_technologies: {
    name: 'web_technologies',
    label: 'Web Technologies',
    type: 'enumeration',
    fieldType: 'checkbox',
    options: TECH.map((v) => ({ value: v, label: v })),
  },
  is_public: { name: 'is_public', label: 'Is Public', type: 'bool', fieldType: 'booleancheckbox' },
  founded_year: { name: 'founded_year', label: 'Year Founded', type: 'string', fieldType: 'text' },
  createdate: { name: 'createdate', label: 'Create Date', type: 'datetime', fieldType: 'date' },
});

/** Sometimes missing (absent, null or ""), sometimes malformed, mostly a plain HubSpot string. */
const employees = (r: () => number): string | null | undefined => {
  const x = r();
  if (x < 0.08) return undefined;
  if (x < 0.1) return null;
  if (x < 0.12) return pick(r, ['about 800', '1,200', 'n/a', '50-200', '']);
  const n = Math.round(Math.exp(2 + r() * 8));
  return x < 0.14 ? ` ${n} ` : String(n);
};

const revenue = (r: () => number): string | null | undefined => {
  const x = r();
  if (x < 0.15) return undefined;
  if (x < 0.17) return pick(r, ['$5M', 'unknown', '1.2e7x']);
  return String(Math.round(Math.exp(12 + r() * 8) / 1000) * 1000);
};

const technologies = (r: () => number): string | undefined => {
  if (r() < 0.2) return undefined;
  const n = 1 + Math.floor(r() * 4);
  const set = new Set<string>();
  for (let i = 0; i < n; i++) set.add(pick(r, TECH));
  // HubSpot returns checkbox choices in the order of the property's options.
  return TECH.filter((t) => set.has(t)).join(';');
};

/** One company's property bag, shaped like a CRM search result's `properties`. */
const company = (r: () => number, i: number): Record<string, string | null> => {
  const bag: Record<string, string | null | undefined> = {
    hs_object_id: String(1_000_000 + i),
    name: `Company ${i}`,
    domain: `company-${i}.example`,
    industry: r() < 0.1 ? undefined : pick(r, INDUSTRIES),
    numberofemployees: employees(r),
    annualrevenue: revenue(r),
    country:
      r() < 0.1
        ? undefined
        : r() < 0.03
          ? pick(r, ['germany', ' USA ', 'Deutschland'])
          : pick(r, COUNTRIES),
    state: r() < 0.3 ? undefined : pick(r, STATES),
    city: r() < 0.2 ? undefined : pick(r, CITIES),
    type: r() < 0.4 ? null : pick(r, TYPES),
    lifecyclestage: pick(r, STAGES),
    web_technologies: technologies(r),
    is_public: r() < 0.5 ? null : r() < 0.2 ? 'true' : 'false',
    founded_year:
      r() < 0.3 ? undefined : r() < 0.02 ? 'circa 1990' : String(1950 + Math.floor(r() * 75)),
    createdate: new Date(
      Date.UTC(2018, 0, 1) + Math.floor(r() * 8 * 365) * 86_400_000 + Math.floor(r() * 86_400_000),
    ).toISOString(),
    hs_lastmodifieddate: new Date(
      Date.UTC(2025, 0, 1) + Math.floor(r() * 300 * 86_400_000),
    ).toISOString(),
    hubspot_owner_id: String(100 + Math.floor(r() * 40)),
  };
  // A property asked for but not set comes back as null (HubSpot's API; docs/sandbox.md), so every
  // record of an answer has the same keys in the same order.
  return Object.fromEntries(Object.entries(bag).map(([k, v]) => [k, v ?? null])) as Record<
    string,
    string | null
  >;
};

/** `count` company property bags, passed through JSON like an API response. */
export const generatePortfolio = (
  count: number,
  seed = 20_260_101,
): Record<string, string | null>[] => {
  const r = random(seed);
  const bags = Array.from({ length: count }, (_, i) => company(r, i));
  return JSON.parse(JSON.stringify(bags)) as Record<string, string | null>[];
};

type CriterionInput = NonNullable<StrategyInput['segments'][number]['criteria']>[number];

/** The criterion templates segments draw from: every operator family, on realistic properties. */
const CRITERIA: ((r: () => number) => CriterionInput)[] = [
  (r) => ({
    property: 'industry',
    operator: 'IN',
    values: [pick(r, INDUSTRIES), pick(r, INDUSTRIES), pick(r, INDUSTRIES)],
    weight: 3,
    required: r() < 0.5,
  }),
  (r) => ({
    property: 'numberofemployees',
    operator: 'BETWEEN',
    value: Math.floor(r() * 200),
    highValue: 500 + Math.floor(r() * 5000),
    weight: 2,
  }),
  (r) => ({
    property: 'annualrevenue',
    operator: 'GTE',
    value: Math.floor(r() * 50) * 1_000_000,
    weight: 2,
  }),
  (r) => ({
    property: 'country',
    operator: 'IN',
    values: [pick(r, COUNTRIES), pick(r, COUNTRIES), pick(r, COUNTRIES), pick(r, COUNTRIES)],
  }),
  (r) => ({
    property: 'web_technologies',
    operator: 'IN',
    values: [pick(r, TECH), pick(r, TECH)],
    weight: 2,
  }),
  (r) => ({ property: 'is_public', operator: 'EQ', value: r() < 0.5 }),
  (r) => ({ property: 'founded_year', operator: 'GTE', value: 1980 + Math.floor(r() * 30) }),
  (r) => ({ property: 'type', operator: 'NEQ', value: pick(r, TYPES) }),
  (r) => ({ property: 'lifecyclestage', operator: 'NOT_IN', values: ['other', pick(r, STAGES)] }),
  (r) => ({
    property: 'city',
    operator: 'CONTAINS_TOKEN',
    value: pick(r, ['san', 'new', 'ber', 'on']),
  }),
  () => ({ property: 'state', operator: 'HAS_PROPERTY' }),
  (r) => ({
    property: 'createdate',
    operator: 'WITHIN_LAST_DAYS',
    value: 365 + Math.floor(r() * 1500),
  }),
];

/** A strategy of 10 segments × 8 criteria and 5 exclusions, deterministic. */
export const benchmarkStrategy = (seed = 7): StrategyInput => {
  const r = random(seed);
  const priorities = ['dream', 'core', 'core', 'opportunistic'] as const;
  return {
    schemaVersion: 1,
    name: 'Benchmark strategy: 10 segments × 8 criteria, 5 exclusions',
    segments: Array.from({ length: 10 }, (_, s) => ({
      id: `segment-${s}`,
      name: `Segment ${s}`,
      priority: priorities[s % priorities.length] ?? 'core',
      criteria: Array.from({ length: 8 }, (_, k) =>
        (CRITERIA[(s + k * 5) % CRITERIA.length] as (typeof CRITERIA)[number])(r),
      ),
    })),
    exclusions: [
      {
        id: 'restricted',
        reason: 'Restricted industry',
        criteria: [
          { property: 'industry', operator: 'IN', values: ['GAMBLING_CASINOS', 'TOBACCO'] },
        ],
      },
      {
        id: 'vendors',
        reason: 'Vendors are not customers',
        criteria: [{ property: 'type', operator: 'EQ', value: 'VENDOR' }],
      },
      {
        id: 'tiny',
        reason: 'Too small',
        criteria: [{ property: 'numberofemployees', operator: 'LT', value: 5 }],
      },
      {
        id: 'no-name-no-country',
        reason: 'No country and no city',
        criteria: [
          { property: 'country', operator: 'NOT_HAS_PROPERTY' },
          { property: 'city', operator: 'NOT_HAS_PROPERTY' },
        ],
      },
      {
        id: 'old-agencies',
        reason: 'Agencies founded before 1960',
        criteria: [
          { property: 'industry', operator: 'EQ', value: 'MARKETING_AND_ADVERTISING' },
          { property: 'founded_year', operator: 'LT', value: 1960 },
        ],
      },
    ],
  };
};
