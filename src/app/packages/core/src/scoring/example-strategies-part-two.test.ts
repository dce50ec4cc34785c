// The realistic examples use every part of SCORING §10–§15, and those parts change no score a
// strategy had before them: each example scores exactly as it does with the parts taken out.
import { describe, expect, it } from 'vitest';

import b2b from '../../../../../../examples/strategies/02-b2b-saas.json' with { type: 'json' };
import services from '../../../../../../examples/strategies/03-revops-services.json' with { type: 'json' };
import { COMPANY_DEFINITIONS, NOW_MS } from '../../../../../../test/support/core/fixtures.ts';
import type { LineItemFacts, PropertyDefinitions, RecordFacts } from '../facts/schema.ts';
import { parseStrategy } from '../strategy/parse-strategy.ts';
import type { Strategy } from '../strategy/strategy-schema.ts';
import { compileStrategy } from './compile-strategy.ts';
import { scoreCompany } from './score-company.ts';
import { scoreDeal } from './score-deal.ts';

const parsed = (input: unknown): Strategy => {
  const r = parseStrategy(input);
  if (!r.ok) throw new Error(JSON.stringify(r.error));
  return r.value;
};
const EXAMPLES = { '02-b2b-saas': parsed(b2b), '03-revops-services': parsed(services) };

const PART_TWO_KEYS = [
  'competitors',
  'competitorProperty',
  'existingCustomers',
  'focusGuard',
  'evidenceWindowDays',
] as const;

/** The strategy as it would have been written before SCORING §10–§15. */
const withoutPartTwo = (s: Strategy): Strategy => {
  const rest = Object.fromEntries(
    Object.entries(s).filter(([key]) => !(PART_TWO_KEYS as readonly string[]).includes(key)),
  );
  return parsed({
    ...rest,
    segments: s.segments.map((segment) => {
      const copy: Record<string, unknown> = { ...segment };
      delete copy.positioning;
      delete copy.offers;
      return copy;
    }),
  });
};

const DEAL_DEFINITIONS: PropertyDefinitions = {
  competitors: {
    name: 'competitors',
    label: 'Competitors',
    type: 'enumeration',
    fieldType: 'checkbox',
  },
  dealtype: { name: 'dealtype', label: 'Deal Type', type: 'enumeration', fieldType: 'radio' },
  decision_date: { name: 'decision_date', label: 'Decision date', type: 'date', fieldType: 'date' },
};

const COMPANIES: Record<string, string>[] = [
  {
    industry: 'COMPUTER_SOFTWARE',
    numberofemployees: '2500',
    annualrevenue: '120000000',
    web_technologies: 'salesforce;aws',
    country: 'United States',
  },
  {
    industry: 'INFORMATION_TECHNOLOGY_AND_SERVICES',
    numberofemployees: '180',
    web_technologies: 'hubspot',
    annualrevenue: '15000000',
    country: 'Germany',
  },
  {
    industry: 'FINANCIAL_SERVICES',
    numberofemployees: '800',
    is_public: 'true',
    country: 'United Kingdom',
  },
  { industry: 'MACHINERY', numberofemployees: '450' },
  { industry: 'MANAGEMENT_CONSULTING', numberofemployees: '300' },
  { industry: 'RETAIL', numberofemployees: '12' },
  { web_technologies: 'shopify;stripe', annualrevenue: '12000000' },
  { industry: 'RETAIL', numberofemployees: '40', web_technologies: 'wordpress', type: 'VENDOR' },
  { industry: 'RETAIL', numberofemployees: '40', web_technologies: 'wordpress' },
  {},
];
const DEALS: Record<string, string>[] = [
  {
    dealtype: 'existingbusiness',
    competitors: 'Pipewise;Freelancer',
    amount: '42000',
    pain_identified: 'true',
    budget_confirmed: 'true',
    decision_date: '2026-02-01',
    discount_percent: '25',
  },
  { dealtype: 'newbusiness', competitors: 'Big Four consultancy', amount: '9000' },
  { competitors: 'In-house build', amount: '150000', discount_percent: '4' },
];
const LINE_ITEMS: LineItemFacts[][] = [
  [],
  [
    {
      id: 'li-1',
      properties: {
        name: 'Enterprise seat',
        hs_sku: 'SEAT-ENT',
        hs_product_id: '1500000003',
        price: '1200',
        quantity: '10',
        amount: '10800',
      },
    },
    {
      id: 'li-2',
      properties: {
        name: 'Training day',
        hs_sku: 'SVC-TRAINING',
        price: '1500',
        quantity: '1',
        amount: '1500',
      },
    },
  ],
];

const company = (i: number, properties: Record<string, string>): RecordFacts => ({
  id: String(101 + i),
  properties,
  definitions: COMPANY_DEFINITIONS,
  nowMs: NOW_MS,
});

/** Every company and company × deal × line items, scored with `s`. */
const scoreAll = (s: Strategy) => {
  const compiled = compileStrategy(s);
  return COMPANIES.flatMap((props, i) => {
    const facts = company(i, props);
    const score = scoreCompany(compiled, facts);
    const deals = DEALS.flatMap((d, j) =>
      LINE_ITEMS.map((lineItems) =>
        scoreDeal(compiled, {
          deal: {
            id: String(901 + j),
            properties: d,
            definitions: DEAL_DEFINITIONS,
            nowMs: NOW_MS,
          },
          company: { facts, score },
          lineItems,
          nowMs: NOW_MS,
        }),
      ),
    );
    return [{ score, deals }];
  });
};

describe('the realistic examples and SCORING §10–§15', () => {
  it.each(Object.entries(EXAMPLES))('%s uses every new part', (_, s) => {
    expect(s.segments.some((x) => x.positioning !== undefined)).toBe(true);
    expect(s.segments.some((x) => x.offers !== undefined)).toBe(true);
    expect(s.competitors?.length).toBeGreaterThan(0);
    expect(s.competitors?.some((c) => (c.targets ?? []).length > 0)).toBe(true);
    expect(s.competitorProperty).toBe('competitors');
    expect(s.existingCustomers?.policy).toBe('retain');
    expect(s.focusGuard).toBeDefined();
    expect(s.evidenceWindowDays).toBeDefined();
  });

  it.each(Object.entries(EXAMPLES))(
    '%s scores identically with and without the new parts: companies entirely; deals in everything but positioning, offers, competitors, business, retained and the offer warning',
    (_, s) => {
      const before = scoreAll(withoutPartTwo(s));
      const after = scoreAll(s);
      const dealCore = (d: (typeof after)[number]['deals'][number]) => {
        const added = ['positioning', 'offers', 'competitors', 'business', 'retained'];
        const rest = Object.fromEntries(Object.entries(d).filter(([key]) => !added.includes(key)));
        return { ...rest, warnings: d.warnings.filter((w) => w !== 'offer_outside_segment') };
      };
      expect(after.map((x) => ({ ...x.score, positioning: null }))).toEqual(
        before.map((x) => x.score),
      );
      expect(after.flatMap((x) => x.deals.map(dealCore))).toEqual(
        before.flatMap((x) => x.deals.map(dealCore)),
      );
      // The new parts do show: on the same records, something of each is there.
      const deals = after.flatMap((x) => x.deals);
      expect(after.some((x) => x.score.positioning !== null)).toBe(true);
      expect(deals.some((d) => d.warnings.includes('offer_outside_segment'))).toBe(true);
      expect(deals.some((d) => d.competitors.some((c) => c.competitorId !== 'other'))).toBe(true);
      expect(deals.some((d) => d.competitors.some((c) => c.competitorId === 'other'))).toBe(true);
      expect(deals.some((d) => d.retained)).toBe(true);
    },
  );

  it('the services example reads as its manager would', () => {
    const compiled = compileStrategy(EXAMPLES['03-revops-services']);
    const rows = COMPANIES.map((p, i) => {
      const r = scoreCompany(compiled, company(i, p));
      return `${r.tier} ${r.fitScore} ${String(r.segmentId)} — ${r.reason}`;
    });
    expect(rows).toMatchInlineSnapshot(`
      [
        "stretch 63 scaleups — Partly matches Scale-ups outgrowing their CRM (dream segment) at 63%",
        "dream 100 scaleups — Matches Scale-ups outgrowing their CRM (dream segment) at 100%",
        "fit 100 regulated — Matches Regulated firms (core segment) at 100%",
        "fit 100 manufacturers — Matches Manufacturers (opportunistic segment) at 100%",
        "refused 0 null — Consultancies and agencies are our competitors and partners, not our clients",
        "refused 0 null — Under 20 people: a project would cost more than it saves them",
        "needs_data 13 regulated — Could reach Regulated firms at up to 100% — missing: Industry, Number of Employees, Country/Region",
        "off_strategy 0 null — Off strategy: industry is RETAIL; the Scale-ups outgrowing their CRM need one of Computer Software, INTERNET, INFORMATION_TECHNOLOGY_AND_SERVICES",
        "off_strategy 0 null — Off strategy: industry is RETAIL; the Scale-ups outgrowing their CRM need one of Computer Software, INTERNET, INFORMATION_TECHNOLOGY_AND_SERVICES",
        "needs_data 0 scaleups — Could reach Scale-ups outgrowing their CRM at up to 100% — missing: Industry, Number of Employees, Web Technologies and 1 more",
      ]
    `);
  });
});
