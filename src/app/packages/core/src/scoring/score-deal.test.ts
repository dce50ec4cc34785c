import { describe, expect, it } from 'vitest';

import {
  company,
  DAY_MS,
  deal,
  NOW_MS,
  segment,
  strategyOf,
} from '../../../../../../test/support/core/fixtures.ts';
import type { LineItemFacts, PropertyBag, RecordFacts } from '../facts/schema.ts';
import type { StrategyInput } from '../strategy/strategy-schema.ts';
import { compileStrategy } from './compile-strategy.ts';
import { scoreCompany } from './score-company.ts';
import { pickDealCompanyId, scoreDeal } from './score-deal.ts';

const day = (offsetDays: number): string =>
  new Date(NOW_MS + offsetDays * DAY_MS).toISOString().slice(0, 10);

const base: Partial<StrategyInput> = {
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
      {
        property: 'annualrevenue',
        object: 'company',
        operator: 'GTE',
        value: 1_000_000,
        label: 'Revenue of $1M+',
      },
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
};
const compiled = compileStrategy(
  strategyOf(
    [
      segment(
        'enterprise',
        [
          { property: 'industry', operator: 'EQ', value: 'COMPUTER_SOFTWARE' },
          { property: 'numberofemployees', operator: 'GTE', value: 500 },
        ],
        {
          name: 'Enterprise',
          priority: 'dream',
          dealAmount: { min: 50_000, max: 500_000 },
        },
      ),
      segment(
        'midmarket',
        [{ property: 'numberofemployees', operator: 'BETWEEN', value: 50, highValue: 499 }],
        { name: 'Mid-market' },
      ),
    ],
    base,
  ),
);

const DREAM_COMPANY = {
  industry: 'COMPUTER_SOFTWARE',
  numberofemployees: '1000',
  annualrevenue: '90000000',
};
const FOCUS_DEAL = {
  pain_identified: 'true',
  budget_confirmed: 'true',
  decision_date: day(30),
  amount: '100000',
};

const withCompany = (
  companyProps: PropertyBag | null,
  dealProps: PropertyBag,
  lineItems: LineItemFacts[] = [],
) => {
  const facts: RecordFacts | null = companyProps === null ? null : company(companyProps);
  return scoreDeal(compiled, {
    deal: deal(dealProps),
    company: facts === null ? null : { facts, score: scoreCompany(compiled, facts) },
    lineItems,
    nowMs: NOW_MS,
  });
};
const line = (id: string, price: string, quantity: string, amount: string): LineItemFacts => ({
  id,
  properties: { price, quantity, amount },
});

const ASSOCIATE_LIKE = {
  kind: 'add_property',
  property: 'numberofemployees',
  object: 'company',
  targetTier: 'dream',
  question: null,
} as const;

describe('SCORING §7 a deal', () => {
  it("takes its company's figures, to-dos and findings from the company's score: it never scores the company again", () => {
    const facts = company({ industry: 'COMPUTER_SOFTWARE', numberofemployees: 'many' });
    const scored = scoreCompany(compiled, facts);
    const todo = { ...ASSOCIATE_LIKE, text: 'Given by the company score' };
    const given = {
      ...scored,
      tier: 'dream' as const,
      fitScore: 97,
      reason: 'Given',
      todos: [todo],
      dataQuality: [],
    };
    const r = scoreDeal(compiled, {
      deal: deal(FOCUS_DEAL),
      company: { facts, score: given },
      lineItems: [],
      nowMs: NOW_MS,
    });
    expect([r.tier, r.fitScore, r.reason, r.todos[0], r.dataQuality]).toEqual([
      'dream',
      97,
      'Given',
      todo,
      [],
    ]);
    expect(scored.dataQuality.map((f) => f.property)).toEqual(['numberofemployees']);
  });

  it("inherits its company's tier, fitScore and segment", () => {
    const r = withCompany({ industry: 'COMPUTER_SOFTWARE', numberofemployees: '100' }, FOCUS_DEAL);
    expect([r.tier, r.fitScore, r.segmentId, r.offStrategy, r.reason]).toEqual([
      'fit',
      100,
      'midmarket',
      false,
      'Matches Mid-market (core segment) at 100%',
    ]);
  });

  it('with no associated company, it is needs_data with reason "no associated company" and warning missing_company', () => {
    expect(withCompany(null, { amount: '1000' })).toMatchInlineSnapshot(`
      {
        "amount": 1000,
        "business": "new",
        "companyId": null,
        "competitors": [],
        "dataQuality": [],
        "dealId": "901",
        "discountPercent": null,
        "dreamTest": [
          {
            "criteria": [
              {
                "actual": null,
                "expected": "Yes",
                "label": "Pain identified",
                "object": "deal",
                "operator": "EQ",
                "outcome": "unknown",
                "property": "pain_identified",
                "required": false,
                "weight": 1,
              },
            ],
            "group": "need",
            "outcome": "unknown",
            "question": "Do they need us?",
          },
          {
            "criteria": [
              {
                "actual": null,
                "expected": "Yes",
                "label": "Budget confirmed",
                "object": "deal",
                "operator": "EQ",
                "outcome": "unknown",
                "property": "budget_confirmed",
                "required": false,
                "weight": 1,
              },
              {
                "actual": null,
                "expected": "at least 1,000,000",
                "label": "Revenue of $1M+",
                "object": "company",
                "operator": "GTE",
                "outcome": "unknown",
                "property": "annualrevenue",
                "required": false,
                "weight": 1,
              },
            ],
            "group": "abilityToPay",
            "outcome": "unknown",
            "question": "Can they pay?",
          },
          {
            "criteria": [
              {
                "actual": null,
                "expected": "within the next 90 days",
                "label": "Decision within 90 days",
                "object": "deal",
                "operator": "WITHIN_NEXT_DAYS",
                "outcome": "unknown",
                "property": "decision_date",
                "required": false,
                "weight": 1,
              },
            ],
            "group": "urgency",
            "outcome": "unknown",
            "question": "Should they buy now?",
          },
        ],
        "exception": {
          "active": false,
          "by": null,
          "expired": false,
          "expiresOn": null,
          "note": null,
          "requestedBy": null,
          "seq": 0,
          "status": "none",
        },
        "exclusionId": null,
        "fitScore": 0,
        "focus": false,
        "offStrategy": false,
        "offers": null,
        "positioning": null,
        "reason": "no associated company",
        "retained": false,
        "segmentId": null,
        "tier": "needs_data",
        "todos": [
          {
            "kind": "associate_company",
            "object": null,
            "property": null,
            "question": null,
            "targetTier": null,
            "text": "Associate a company with this deal so it can be scored",
          },
          {
            "kind": "answer_question",
            "object": null,
            "property": null,
            "question": "need",
            "targetTier": null,
            "text": "Answer “Do they need us?”: add Pain identified",
          },
          {
            "kind": "answer_question",
            "object": null,
            "property": null,
            "question": "abilityToPay",
            "targetTier": null,
            "text": "Answer “Can they pay?”: add Budget confirmed; add Revenue of $1M+",
          },
          {
            "kind": "answer_question",
            "object": null,
            "property": null,
            "question": "urgency",
            "targetTier": null,
            "text": "Answer “Should they buy now?”: add Decision within 90 days",
          },
        ],
        "warnings": [
          "missing_company",
        ],
      }
    `);
  });

  it('its company is the primary associated company, else the lowest-id associated company', () => {
    expect(
      pickDealCompanyId([
        { id: '30', primary: false },
        { id: '20', primary: true },
        { id: '10', primary: false },
      ]),
    ).toBe('20');
    expect(
      pickDealCompanyId([
        { id: '30', primary: false },
        { id: '200', primary: false },
        { id: '9', primary: false },
      ]),
    ).toBe('9');
    expect(pickDealCompanyId([])).toBeNull();
  });

  it('a refused company makes a refused deal, with no to-dos', () => {
    const r = withCompany({ industry: 'TOBACCO' }, {});
    expect([r.tier, r.offStrategy, r.reason, r.exclusionId, r.todos]).toEqual([
      'refused',
      true,
      'We do not sell to tobacco companies',
      'tobacco',
      [],
    ]);
  });

  it('the full result of a focus deal', () => {
    expect(withCompany(DREAM_COMPANY, FOCUS_DEAL, [line('1', '1000', '10', '9000')]))
      .toMatchInlineSnapshot(`
        {
          "amount": 100000,
          "business": "new",
          "companyId": "101",
          "competitors": [],
          "dataQuality": [],
          "dealId": "901",
          "discountPercent": 10,
          "dreamTest": [
            {
              "criteria": [
                {
                  "actual": "true",
                  "expected": "Yes",
                  "label": "Pain identified",
                  "object": "deal",
                  "operator": "EQ",
                  "outcome": "match",
                  "property": "pain_identified",
                  "required": false,
                  "weight": 1,
                },
              ],
              "group": "need",
              "outcome": "pass",
              "question": "Do they need us?",
            },
            {
              "criteria": [
                {
                  "actual": "true",
                  "expected": "Yes",
                  "label": "Budget confirmed",
                  "object": "deal",
                  "operator": "EQ",
                  "outcome": "match",
                  "property": "budget_confirmed",
                  "required": false,
                  "weight": 1,
                },
                {
                  "actual": "90000000",
                  "expected": "at least 1,000,000",
                  "label": "Revenue of $1M+",
                  "object": "company",
                  "operator": "GTE",
                  "outcome": "match",
                  "property": "annualrevenue",
                  "required": false,
                  "weight": 1,
                },
              ],
              "group": "abilityToPay",
              "outcome": "pass",
              "question": "Can they pay?",
            },
            {
              "criteria": [
                {
                  "actual": "2026-02-14",
                  "expected": "within the next 90 days",
                  "label": "Decision within 90 days",
                  "object": "deal",
                  "operator": "WITHIN_NEXT_DAYS",
                  "outcome": "match",
                  "property": "decision_date",
                  "required": false,
                  "weight": 1,
                },
              ],
              "group": "urgency",
              "outcome": "pass",
              "question": "Should they buy now?",
            },
          ],
          "exception": {
            "active": false,
            "by": null,
            "expired": false,
            "expiresOn": null,
            "note": null,
            "requestedBy": null,
            "seq": 0,
            "status": "none",
          },
          "exclusionId": null,
          "fitScore": 100,
          "focus": true,
          "offStrategy": false,
          "offers": null,
          "positioning": null,
          "reason": "Matches Enterprise (dream segment) at 100%",
          "retained": false,
          "segmentId": "enterprise",
          "tier": "dream",
          "todos": [],
          "warnings": [],
        }
      `);
  });
});

describe('SCORING §7 the dream-customer test', () => {
  const groups = (dealProps: PropertyBag, companyProps: PropertyBag | null = DREAM_COMPANY) =>
    withCompany(companyProps, dealProps).dreamTest?.map((g) => `${g.group}:${g.outcome}`);

  it('a group passes when all its criteria match', () => {
    expect(groups(FOCUS_DEAL)).toEqual(['need:pass', 'abilityToPay:pass', 'urgency:pass']);
  });

  it('a group fails when any criterion misses, even if others are unknown', () => {
    expect(groups({ ...FOCUS_DEAL, budget_confirmed: 'false' }, {})).toEqual([
      'need:pass',
      'abilityToPay:fail',
      'urgency:pass',
    ]);
  });

  it('a group is unknown otherwise', () => {
    expect(
      groups({ ...FOCUS_DEAL, decision_date: 'soon' }, { ...DREAM_COMPANY, annualrevenue: null }),
    ).toEqual(['need:pass', 'abilityToPay:unknown', 'urgency:unknown']);
  });

  it('criteria read the deal by default and the company with object: company', () => {
    expect(groups(FOCUS_DEAL, null)).toEqual(['need:pass', 'abilityToPay:unknown', 'urgency:pass']);
  });

  it('focus is true when the tier is dream or fit and all three groups pass', () => {
    expect(withCompany(DREAM_COMPANY, FOCUS_DEAL).focus).toBe(true);
    expect(
      withCompany({ numberofemployees: '100', annualrevenue: '5000000' }, FOCUS_DEAL).focus,
    ).toBe(true);
    expect(withCompany(DREAM_COMPANY, { ...FOCUS_DEAL, pain_identified: 'false' }).focus).toBe(
      false,
    );
    expect(withCompany(DREAM_COMPANY, { ...FOCUS_DEAL, pain_identified: null }).focus).toBe(false);
    expect(withCompany({ numberofemployees: '1000' }, FOCUS_DEAL).focus).toBe(false);
  });

  it('without a dream-customer test, focus follows the tier alone', () => {
    const plain = compileStrategy(
      strategyOf([segment('s', [{ property: 'country', operator: 'EQ', value: 'Germany' }])]),
    );
    const facts = company({ country: 'Germany' });
    const r = scoreDeal(plain, {
      deal: deal({}),
      company: { facts, score: scoreCompany(plain, facts) },
      lineItems: [],
      nowMs: NOW_MS,
    });
    expect([r.dreamTest, r.focus]).toEqual([null, true]);
  });

  it('every unknown dream-test group becomes a to-do', () => {
    const r = withCompany(
      { ...DREAM_COMPANY, annualrevenue: null },
      { amount: '100000', decision_date: 'next month' },
    );
    expect(r.todos.map((t) => t.text)).toMatchInlineSnapshot(`
      [
        "Answer “Do they need us?”: add Pain identified",
        "Answer “Can they pay?”: add Budget confirmed; add Revenue of $1M+",
        "Answer “Should they buy now?”: correct Decision within 90 days (“next month” is not a date)",
      ]
    `);
  });
});

describe('SCORING §7 price competition', () => {
  it('discount% = (Σ price·quantity − Σ amount) / Σ price·quantity · 100 over the line items', () => {
    const r = withCompany(DREAM_COMPANY, FOCUS_DEAL, [
      line('1', '100', '10', '800'),
      line('2', '50', '2', '100'),
    ]);
    expect(r.discountPercent).toBe(18.18);
    expect(r.warnings).toEqual([]);
  });

  it('above maxDiscountPercent gives the warning price_competition', () => {
    const r = withCompany(DREAM_COMPANY, FOCUS_DEAL, [line('1', '100', '10', '790')]);
    expect([r.discountPercent, r.warnings]).toEqual([21, ['price_competition']]);
    expect(
      withCompany(DREAM_COMPANY, FOCUS_DEAL, [line('1', '100', '10', '800')]).warnings,
    ).toEqual([]);
  });

  it('with no line items, the deal property named by discountProperty', () => {
    const r = withCompany(DREAM_COMPANY, { ...FOCUS_DEAL, discount_percent: '35' });
    expect([r.discountPercent, r.warnings]).toEqual([35, ['price_competition']]);
  });

  it('line items win over the discount property', () => {
    const r = withCompany(DREAM_COMPANY, { ...FOCUS_DEAL, discount_percent: '35' }, [
      line('1', '10', '1', '10'),
    ]);
    expect(r.discountPercent).toBe(0);
  });

  it('else the discount is unknown', () => {
    expect(withCompany(DREAM_COMPANY, FOCUS_DEAL).discountPercent).toBeNull();
    const r = withCompany(DREAM_COMPANY, FOCUS_DEAL, [line('1', '100', 'two', '100')]);
    expect([
      r.discountPercent,
      r.dataQuality.map((f) => `${f.object} ${f.recordId} ${f.property}`),
    ]).toEqual([null, ['line_item 1 quantity']]);
  });
});

describe('SCORING §7 deal size', () => {
  it.each([
    ['49999', ['deal_size_outside_segment']],
    ['50000', []],
    ['500000', []],
    ['500001', ['deal_size_outside_segment']],
  ])('an amount of %s against the band 50,000..500,000 → %j', (amount, warnings) => {
    expect(withCompany(DREAM_COMPANY, { ...FOCUS_DEAL, amount }).warnings).toEqual(warnings);
  });

  it('a missing amount gives no warning but a to-do', () => {
    const r = withCompany(DREAM_COMPANY, { ...FOCUS_DEAL, amount: null });
    expect(r.warnings).toEqual([]);
    expect(r.todos).toEqual([
      {
        kind: 'add_deal_amount',
        text: 'Add the Amount to check the deal size for Enterprise',
        property: 'amount',
        object: 'deal',
        targetTier: null,
        question: null,
      },
    ]);
  });

  it('warnings come in their canonical order', () => {
    const r = withCompany(DREAM_COMPANY, { amount: '10', discount_percent: '50' });
    expect(r.warnings).toEqual(['price_competition', 'deal_size_outside_segment']);
  });
});
