import { describe, expect, it } from 'vitest';

import {
  company,
  COMPANY_DEFINITIONS,
  segment,
  strategyOf,
} from '../../../../../../test/support/core/fixtures.ts';
import { Tier } from '../enums.ts';
import type { CriterionInput, StrategyInput } from '../strategy/strategy-schema.ts';
import { compileStrategy } from './compile-strategy.ts';
import { scoreCompany } from './score-company.ts';

const SOFTWARE: CriterionInput = {
  property: 'industry',
  operator: 'EQ',
  value: 'COMPUTER_SOFTWARE',
  weight: 2,
};
const BIG: CriterionInput = { property: 'numberofemployees', operator: 'GTE', value: 100 };
const GERMANY: CriterionInput = { property: 'country', operator: 'EQ', value: 'Germany' };
const RICH: CriterionInput = { property: 'annualrevenue', operator: 'GTE', value: 1_000_000 };

const score = (s: ReturnType<typeof strategyOf>, properties: Record<string, string | null>) =>
  scoreCompany(compileStrategy(s), company(properties));
const summary = (s: ReturnType<typeof score>) => `${s.tier} ${s.fitScore} ${String(s.segmentId)}`;

const exclusions: StrategyInput['exclusions'] = [
  {
    id: 'tobacco',
    reason: 'We do not sell to tobacco companies',
    criteria: [{ property: 'industry', operator: 'EQ', value: 'TOBACCO' }],
  },
  {
    id: 'small-tobacco',
    reason: 'Small tobacco companies',
    criteria: [
      { property: 'industry', operator: 'EQ', value: 'TOBACCO' },
      { property: 'numberofemployees', operator: 'LT', value: 10 },
    ],
  },
  {
    id: 'no-country',
    reason: 'Unknown country and tiny',
    criteria: [
      { property: 'country', operator: 'NOT_HAS_PROPERTY' },
      { property: 'numberofemployees', operator: 'LT', value: 10 },
    ],
  },
];

describe('SCORING §6.1 exclusions first', () => {
  const s = strategyOf([segment('software', [SOFTWARE, BIG])], { exclusions });

  it('a matching exclusion gives tier refused, fitScore 0, segment null and its reason', () => {
    const result = score(s, { industry: 'TOBACCO', numberofemployees: '5000' });
    expect(result).toMatchObject({
      tier: 'refused',
      fitScore: 0,
      segmentId: null,
      exclusionId: 'tobacco',
      offStrategy: true,
      reason: 'We do not sell to tobacco companies',
      missing: [],
      todos: [],
    });
  });

  it('the first matching exclusion in document order wins', () => {
    expect(score(s, { industry: 'TOBACCO', numberofemployees: '5' }).exclusionId).toBe('tobacco');
  });

  it('an exclusion matches only when all its criteria match (unknown is not a match)', () => {
    const r = score(s, { industry: 'COMPUTER_SOFTWARE' });
    expect(r.exclusions.map((e) => [e.exclusionId, e.matched])).toEqual([
      ['tobacco', false],
      ['small-tobacco', false],
      ['no-country', false],
    ]);
    expect(score(s, { industry: 'COMPUTER_SOFTWARE', numberofemployees: '3' }).exclusionId).toBe(
      'no-country',
    );
  });

  it('exclusions are judged even when a segment matches perfectly', () => {
    expect(summary(score(s, { industry: 'TOBACCO', numberofemployees: '100' }))).toBe(
      'refused 0 null',
    );
  });
});

describe('SCORING §6.2 the best segment', () => {
  it('is the one with the highest score', () => {
    const s = strategyOf([segment('a', [SOFTWARE, BIG]), segment('b', [GERMANY])]);
    expect(
      summary(
        score(s, { industry: 'COMPUTER_SOFTWARE', country: 'Germany', numberofemployees: '5' }),
      ),
    ).toBe('fit 100 b');
  });

  it('a tie goes to dream over core', () => {
    const s = strategyOf([
      segment('core', [GERMANY], { priority: 'core' }),
      segment('dream', [GERMANY], { priority: 'dream' }),
    ]);
    expect(summary(score(s, { country: 'Germany' }))).toBe('dream 100 dream');
  });

  it('a tie goes to core over opportunistic', () => {
    const s = strategyOf([
      segment('opp', [GERMANY], { priority: 'opportunistic' }),
      segment('core', [GERMANY], { priority: 'core' }),
    ]);
    expect(summary(score(s, { country: 'Germany' }))).toBe('fit 100 core');
  });

  it('a tie between equal priorities goes to document order', () => {
    const s = strategyOf([segment('first', [GERMANY]), segment('second', [GERMANY])]);
    expect(summary(score(s, { country: 'Germany' }))).toBe('fit 100 first');
  });
});

describe('SCORING §6.3 the tier', () => {
  const s = strategyOf(
    [
      segment('dream', [SOFTWARE, BIG, GERMANY, RICH], { priority: 'dream' }),
      segment('core', [GERMANY, BIG], { priority: 'core' }),
    ],
    { thresholds: { fit: 70, stretch: 40 } },
  );

  it('best score >= fit → dream when the best segment is a dream segment', () => {
    const r = score(s, {
      industry: 'COMPUTER_SOFTWARE',
      numberofemployees: '500',
      country: 'France',
      annualrevenue: '5000000',
    });
    expect(summary(r)).toBe('dream 80 dream');
  });

  it('best score >= fit → fit when the best segment is not a dream segment', () => {
    expect(summary(score(s, { country: 'Germany', numberofemployees: '500' }))).toBe(
      'fit 100 core',
    );
  });

  it('else best score >= stretch → stretch', () => {
    expect(summary(score(s, { country: 'Germany', numberofemployees: '5' }))).toBe(
      'stretch 50 core',
    );
  });

  it("needs_data when a segment's potential reaches stretch, reporting the segment with the highest potential", () => {
    const r = score(s, { numberofemployees: '5' });
    expect(summary(r)).toBe('needs_data 0 dream');
    expect(r.segments.map((x) => [x.segmentId, x.score, x.potential])).toEqual([
      ['dream', 0, 80],
      ['core', 0, 50],
    ]);
  });

  it('a disqualified segment never gives needs_data', () => {
    const t = strategyOf([segment('core', [{ ...GERMANY, required: true }, BIG, RICH, SOFTWARE])]);
    expect(summary(score(t, { country: 'France' }))).toBe('off_strategy 0 null');
  });

  it('else off_strategy, with segment null and fitScore the best score', () => {
    const t = strategyOf([segment('core', [GERMANY, BIG, SOFTWARE, RICH])], {
      thresholds: { fit: 70, stretch: 40 },
    });
    const r = score(t, {
      country: 'Germany',
      numberofemployees: '5',
      industry: 'TOBACCO',
      annualrevenue: '1',
    });
    expect(summary(r)).toBe('off_strategy 20 null');
  });

  it('needs_data vs off_strategy: the potential decides', () => {
    const t = strategyOf([segment('core', [GERMANY, BIG, SOFTWARE])], {
      thresholds: { fit: 70, stretch: 40 },
    });
    expect(score(t, { country: 'France', numberofemployees: '5' }).tier).toBe('needs_data');
    expect(score(t, { country: 'France', numberofemployees: '5', industry: 'TOBACCO' }).tier).toBe(
      'off_strategy',
    );
  });
});

describe('SCORING §6.4–6.5 offStrategy, fitScore and segment', () => {
  const s = strategyOf([segment('dream', [GERMANY, BIG], { priority: 'dream' })], { exclusions });
  const cases: Record<Tier, Record<string, string>> = {
    dream: { country: 'Germany', numberofemployees: '500' },
    fit: {},
    stretch: { country: 'Germany', numberofemployees: '5' },
    needs_data: {},
    off_strategy: { country: 'France', numberofemployees: '5' },
    refused: { industry: 'TOBACCO' },
  };

  it.each(Tier.options.filter((t) => t !== 'fit'))(
    'offStrategy is true exactly for off_strategy and refused: %s',
    (tier) => {
      const r = score(s, cases[tier]);
      expect(r.tier).toBe(tier);
      expect(r.offStrategy).toBe(tier === 'off_strategy' || tier === 'refused');
      expect(r.segmentId).toBe(tier === 'off_strategy' || tier === 'refused' ? null : 'dream');
    },
  );
});

describe('SCORING §6.6 explanations', () => {
  const s = strategyOf(
    [
      segment(
        'enterprise',
        [
          {
            property: 'industry',
            operator: 'IN',
            values: ['COMPUTER_SOFTWARE', 'FINANCIAL_SERVICES'],
            weight: 3,
            required: true,
          },
          {
            property: 'numberofemployees',
            operator: 'BETWEEN',
            value: 500,
            highValue: 10_000,
            weight: 2,
          },
          {
            property: 'web_technologies',
            operator: 'IN',
            values: ['salesforce', 'hubspot'],
            label: 'Runs a CRM we integrate with',
          },
          { property: 'annualrevenue', operator: 'GTE', value: 50_000_000, weight: 2 },
          { property: 'is_public', operator: 'EQ', value: true },
        ],
        { name: 'Enterprise', priority: 'dream' },
      ),
      segment(
        'midmarket',
        [
          { property: 'numberofemployees', operator: 'BETWEEN', value: 50, highValue: 499 },
          { property: 'country', operator: 'IN', values: ['Germany', 'France'] },
        ],
        { name: 'Mid-market' },
      ),
    ],
    { exclusions: [exclusions[0] ?? { id: 'x', reason: 'x', criteria: [GERMANY] }] },
  );

  it('gives every criterion its label, operator, expected value, actual value, outcome and weight', () => {
    const r = score(s, {
      industry: 'COMPUTER_SOFTWARE',
      numberofemployees: '1,200',
      web_technologies: 'wordpress;hubspot',
      is_public: 'false',
      country: 'Germany',
    });
    expect(r).toMatchInlineSnapshot(`
      {
        "companyId": "101",
        "dataQuality": [
          {
            "expected": "number",
            "label": "Number of Employees",
            "message": "Number of Employees: “1,200” is not a number",
            "object": "company",
            "property": "numberofemployees",
            "recordId": "101",
            "value": "1,200",
          },
        ],
        "exclusionId": null,
        "exclusions": [
          {
            "criteria": [
              {
                "actual": "Computer Software",
                "expected": "Tobacco",
                "label": "Industry",
                "object": "company",
                "operator": "EQ",
                "outcome": "miss",
                "property": "industry",
                "required": false,
                "weight": 1,
              },
            ],
            "exclusionId": "tobacco",
            "matched": false,
            "reason": "We do not sell to tobacco companies",
          },
        ],
        "fitScore": 50,
        "missing": [
          {
            "label": "Annual Revenue",
            "object": "company",
            "property": "annualrevenue",
          },
        ],
        "offStrategy": false,
        "positioning": null,
        "reason": "Partly matches Mid-market (core segment) at 50%",
        "segmentId": "midmarket",
        "segments": [
          {
            "confidence": 0.5555555555555556,
            "criteria": [
              {
                "actual": "Computer Software",
                "expected": "one of Computer Software, Financial Services",
                "label": "Industry",
                "object": "company",
                "operator": "IN",
                "outcome": "match",
                "property": "industry",
                "required": true,
                "weight": 3,
              },
              {
                "actual": "1,200",
                "expected": "between 500 and 10,000",
                "label": "Number of Employees",
                "object": "company",
                "operator": "BETWEEN",
                "outcome": "unknown",
                "property": "numberofemployees",
                "required": false,
                "weight": 2,
              },
              {
                "actual": "wordpress; HubSpot",
                "expected": "one of Salesforce, HubSpot",
                "label": "Runs a CRM we integrate with",
                "object": "company",
                "operator": "IN",
                "outcome": "match",
                "property": "web_technologies",
                "required": false,
                "weight": 1,
              },
              {
                "actual": null,
                "expected": "at least 50,000,000",
                "label": "Annual Revenue",
                "object": "company",
                "operator": "GTE",
                "outcome": "unknown",
                "property": "annualrevenue",
                "required": false,
                "weight": 2,
              },
              {
                "actual": "No",
                "expected": "Yes",
                "label": "Is Public",
                "object": "company",
                "operator": "EQ",
                "outcome": "miss",
                "property": "is_public",
                "required": false,
                "weight": 1,
              },
            ],
            "disqualified": false,
            "name": "Enterprise",
            "potential": 89,
            "priority": "dream",
            "score": 44,
            "segmentId": "enterprise",
          },
          {
            "confidence": 0.5,
            "criteria": [
              {
                "actual": "1,200",
                "expected": "between 50 and 499",
                "label": "Number of Employees",
                "object": "company",
                "operator": "BETWEEN",
                "outcome": "unknown",
                "property": "numberofemployees",
                "required": false,
                "weight": 1,
              },
              {
                "actual": "Germany",
                "expected": "one of Germany, France",
                "label": "Country/Region",
                "object": "company",
                "operator": "IN",
                "outcome": "match",
                "property": "country",
                "required": false,
                "weight": 1,
              },
            ],
            "disqualified": false,
            "name": "Mid-market",
            "potential": 100,
            "priority": "core",
            "score": 50,
            "segmentId": "midmarket",
          },
        ],
        "tier": "stretch",
        "todos": [
          {
            "kind": "correct_property",
            "object": "company",
            "property": "numberofemployees",
            "question": null,
            "targetTier": "dream",
            "text": "Correct the Number of Employees (“1,200” is not a number) to reach Dream",
          },
          {
            "kind": "add_property",
            "object": "company",
            "property": "annualrevenue",
            "question": null,
            "targetTier": "dream",
            "text": "Add the Annual Revenue to reach Dream",
          },
        ],
      }
    `);
  });

  it('the reason line for each tier is one short sentence a rep reads', () => {
    const bags: Record<string, string>[] = [
      {
        industry: 'COMPUTER_SOFTWARE',
        numberofemployees: '1200',
        web_technologies: 'hubspot',
        annualrevenue: '6e7',
        is_public: 'true',
      },
      {
        industry: 'COMPUTER_SOFTWARE',
        numberofemployees: '1200',
        web_technologies: 'hubspot',
        annualrevenue: '1',
        is_public: 'false',
      },
      { industry: 'COMPUTER_SOFTWARE', numberofemployees: '100', country: 'Spain' },
      { industry: 'COMPUTER_SOFTWARE' },
      { industry: 'COMPUTER_SOFTWARE', numberofemployees: 'lots' },
      { industry: 'TOBACCO' },
      {
        industry: 'FINANCIAL_SERVICES',
        numberofemployees: '10',
        web_technologies: 'wordpress',
        annualrevenue: '1',
        is_public: 'false',
        country: 'Spain',
      },
    ];
    const reasons = bags.map((p) => score(s, p).reason);
    expect(reasons).toMatchInlineSnapshot(`
      [
        "Matches Enterprise (dream segment) at 100%",
        "Partly matches Enterprise (dream segment) at 67%",
        "Partly matches Mid-market (core segment) at 50%",
        "Could reach Enterprise at up to 100% — missing: Number of Employees, Annual Revenue, Web Technologies and 1 more",
        "Could reach Enterprise at up to 100% — missing: Number of Employees (unreadable), Annual Revenue, Web Technologies and 1 more",
        "We do not sell to tobacco companies",
        "Off strategy: the best match, Enterprise, scores 33% (stretch needs 40%)",
      ]
    `);
  });

  it('missing lists the properties with no value that would raise the score', () => {
    const r = score(s, { industry: 'COMPUTER_SOFTWARE', numberofemployees: '1200' });
    expect(r.missing).toEqual([
      { property: 'web_technologies', object: 'company', label: 'Web Technologies' },
      { property: 'annualrevenue', object: 'company', label: 'Annual Revenue' },
      { property: 'is_public', object: 'company', label: 'Is Public' },
    ]);
  });

  it('an unparseable value is a data-quality finding naming the property and the raw value, truncated', () => {
    const long = `${'9'.repeat(100)} employees`;
    const r = score(s, { industry: 'COMPUTER_SOFTWARE', numberofemployees: long });
    expect(r.dataQuality).toEqual([
      {
        object: 'company',
        recordId: '101',
        property: 'numberofemployees',
        label: 'Number of Employees',
        value: `${'9'.repeat(79)}…`,
        expected: 'number',
        message: `Number of Employees: “${'9'.repeat(39)}…” is not a number`,
      },
    ]);
  });

  it('a segment criterion on a deal property is unknown when a company is scored', () => {
    const t = strategyOf([
      segment('s', [GERMANY, { property: 'amount', object: 'deal', operator: 'GTE', value: 1 }]),
    ]);
    const r = score(t, { country: 'Germany', amount: '5' });
    expect(r.segments[0]?.criteria[1]).toEqual({
      property: 'amount',
      object: 'deal',
      label: 'amount',
      operator: 'GTE',
      expected: 'at least 1',
      actual: null,
      outcome: 'unknown',
      weight: 1,
      required: false,
    });
    expect([r.tier, r.fitScore, r.todos]).toEqual(['stretch', 50, []]);
  });

  it('scoring does not change its inputs', () => {
    const facts = company({ industry: 'COMPUTER_SOFTWARE', numberofemployees: ' 600 ' });
    const copy = structuredClone(facts);
    const compiled = compileStrategy(s);
    const strategyCopy = structuredClone(compiled.strategy);
    scoreCompany(compiled, facts);
    expect(facts).toEqual(copy);
    expect(compiled.strategy).toEqual(strategyCopy);
  });
});

describe('SCORING §7 questions for the rep (company)', () => {
  const s = strategyOf([
    segment(
      'dream',
      [
        { property: 'industry', operator: 'EQ', value: 'COMPUTER_SOFTWARE', weight: 3 },
        { property: 'numberofemployees', operator: 'GTE', value: 100, weight: 2 },
        { property: 'annualrevenue', operator: 'GTE', value: 1_000_000, weight: 2 },
        { property: 'country', operator: 'EQ', value: 'Germany' },
      ],
      { priority: 'dream', name: 'Dream' },
    ),
    segment(
      'core',
      [
        { property: 'country', operator: 'EQ', value: 'Germany' },
        { property: 'numberofemployees', operator: 'GTE', value: 10 },
      ],
      { name: 'Core' },
    ),
  ]);

  it('every missing property that could raise the tier becomes a to-do, best target first, then weight, then document order', () => {
    const r = score(s, { industry: 'COMPUTER_SOFTWARE', numberofemployees: 'a few' });
    expect(r.tier).toBe('needs_data');
    expect(r.todos).toMatchInlineSnapshot(`
      [
        {
          "kind": "correct_property",
          "object": "company",
          "property": "numberofemployees",
          "question": null,
          "targetTier": "dream",
          "text": "Correct the Number of Employees (“a few” is not a number) to reach Dream",
        },
        {
          "kind": "add_property",
          "object": "company",
          "property": "annualrevenue",
          "question": null,
          "targetTier": "dream",
          "text": "Add the Annual Revenue to reach Dream",
        },
        {
          "kind": "add_property",
          "object": "company",
          "property": "country",
          "question": null,
          "targetTier": "dream",
          "text": "Add the Country/Region to reach Dream",
        },
      ]
    `);
  });

  it('no to-do when the property cannot lift the tier', () => {
    const r = score(s, {
      industry: 'COMPUTER_SOFTWARE',
      numberofemployees: '500',
      annualrevenue: '5000000',
      country: 'France',
    });
    expect([r.tier, r.todos]).toEqual(['dream', []]);
  });

  // Issue 13: the manager's wording wins over HubSpot's property label.
  it("the to-do uses the manager's criterion label, else the property label, else the name", () => {
    const t = strategyOf([
      segment('s', [
        GERMANY,
        {
          property: 'industry',
          operator: 'IN',
          values: ['MACHINERY', 'INDUSTRIAL_AUTOMATION'],
          label: 'Builds machines or components',
        },
        { property: 'numberofemployees', operator: 'GTE', value: 50, label: 'At least 50 people' },
        { property: 'annualrevenue', operator: 'GTE', value: 1 },
        { property: 'hs_num_child_companies', operator: 'GTE', value: 1 },
      ]),
    ]);
    const r = score(t, { country: 'Germany', numberofemployees: 'fifty' });
    expect(r.todos.map((x) => x.text)).toEqual([
      'Add Builds machines or components to reach Fit',
      'Correct At least 50 people (“fifty” is not a number) to reach Fit',
      'Add the Annual Revenue to reach Fit',
      'Add the hs_num_child_companies to reach Fit',
    ]);
    expect(r.missing.map((m) => m.label)).toEqual([
      'Industry',
      'Annual Revenue',
      'hs_num_child_companies',
    ]);
  });

  it('refused records get no to-dos', () => {
    const t = strategyOf([segment('s', [GERMANY, BIG])], { exclusions });
    expect(score(t, { industry: 'TOBACCO' }).todos).toEqual([]);
  });
});

describe('SCORING §14 the off-strategy reason names what ruled the company out', () => {
  const industry = COMPANY_DEFINITIONS.industry;
  if (industry === undefined) throw new Error('the fixtures define industry');
  const definitions = {
    ...COMPANY_DEFINITIONS,
    industry: {
      ...industry,
      options: [
        ...(industry.options ?? []),
        { label: 'Retail', value: 'RETAIL' },
        { label: 'Machinery', value: 'MACHINERY' },
      ],
    },
  };
  const reasonOf = (s: ReturnType<typeof strategyOf>, properties: Record<string, string>) =>
    scoreCompany(compileStrategy(s), company(properties, definitions));

  it("when every segment is disqualified: the required criterion that missed in the best-priority segment (the spec's example)", () => {
    const s = strategyOf([
      segment('midmarket', [{ ...BIG, required: true }], { name: 'Mid-market' }),
      segment(
        'machine-builders',
        [
          { property: 'country', operator: 'IN', values: ['Germany', 'Austria'], required: true },
          { property: 'industry', operator: 'EQ', value: 'MACHINERY', required: true },
        ],
        { name: 'European machine builders', priority: 'dream' },
      ),
    ]);
    const r = reasonOf(s, { industry: 'RETAIL', country: 'Germany', numberofemployees: '12' });
    expect([r.tier, r.segmentId, r.reason]).toEqual([
      'off_strategy',
      null,
      'Off strategy: industry is Retail; the European machine builders need Machinery',
    ]);
  });

  it('among segments of the same priority the first in document order names it, with its first required miss', () => {
    const s = strategyOf([
      segment('a', [GERMANY, { ...BIG, required: true }, { ...SOFTWARE, required: true }], {
        name: 'Mid-market',
      }),
      segment('b', [{ ...SOFTWARE, required: true }], { name: 'Software houses' }),
    ]);
    expect(reasonOf(s, { industry: 'RETAIL', numberofemployees: '12' }).reason).toBe(
      'Off strategy: number of employees is 12; the Mid-market need at least 100',
    );
  });

  it('with a segment left that is not disqualified, the reason stays the best match and its score', () => {
    const s = strategyOf([
      segment('a', [{ ...SOFTWARE, required: true }], { name: 'Software houses' }),
      segment('b', [GERMANY, BIG, RICH, SOFTWARE], { name: 'Mid-market' }),
    ]);
    expect(
      reasonOf(s, {
        industry: 'RETAIL',
        country: 'Germany',
        numberofemployees: '12',
        annualrevenue: '5',
      }).reason,
    ).toBe('Off strategy: the best match, Mid-market, scores 20% (stretch needs 40%)');
  });

  const cases: [CriterionInput, Record<string, string>, string][] = [
    [
      { property: 'industry', operator: 'EQ', value: 'MACHINERY' },
      { industry: 'RETAIL' },
      'industry is Retail; the Mid-market need Machinery',
    ],
    [
      { property: 'industry', operator: 'NEQ', value: 'RETAIL' },
      { industry: 'retail' },
      'industry is Retail; the Mid-market rule out Retail',
    ],
    [
      { property: 'industry', operator: 'IN', values: ['MACHINERY', 'COMPUTER_SOFTWARE'] },
      { industry: 'RETAIL' },
      'industry is Retail; the Mid-market need one of Machinery, Computer Software',
    ],
    [
      { property: 'industry', operator: 'NOT_IN', values: ['RETAIL', 'TOBACCO'] },
      { industry: 'TOBACCO' },
      'industry is Tobacco; the Mid-market rule out Retail, Tobacco',
    ],
    [
      { property: 'numberofemployees', operator: 'GT', value: 500 },
      { numberofemployees: '40' },
      'number of employees is 40; the Mid-market need more than 500',
    ],
    [
      { property: 'numberofemployees', operator: 'GTE', value: 1000 },
      { numberofemployees: '999' },
      'number of employees is 999; the Mid-market need at least 1,000',
    ],
    [
      { property: 'numberofemployees', operator: 'LT', value: 50 },
      { numberofemployees: '50' },
      'number of employees is 50; the Mid-market need less than 50',
    ],
    [
      { property: 'numberofemployees', operator: 'LTE', value: 50 },
      { numberofemployees: '51' },
      'number of employees is 51; the Mid-market need at most 50',
    ],
    [
      { property: 'numberofemployees', operator: 'BETWEEN', value: 50, highValue: 10_000 },
      { numberofemployees: '12000' },
      'number of employees is 12000; the Mid-market need between 50 and 10,000',
    ],
    [
      { property: 'country', operator: 'HAS_PROPERTY' },
      {},
      'country/region is empty; the Mid-market need a value',
    ],
    [
      { property: 'country', operator: 'NOT_HAS_PROPERTY' },
      { country: 'Germany' },
      'country/region is Germany; the Mid-market need it empty',
    ],
    [
      { property: 'name', operator: 'CONTAINS_TOKEN', value: 'gmbh' },
      { name: 'Acme Inc' },
      'name is Acme Inc; the Mid-market need it to contain “gmbh”',
    ],
    [
      { property: 'name', operator: 'NOT_CONTAINS_TOKEN', value: 'gmbh' },
      { name: 'Acme GmbH' },
      'name is Acme GmbH; the Mid-market rule out “gmbh”',
    ],
    [
      { property: 'createdate', operator: 'WITHIN_NEXT_DAYS', value: 30 },
      { createdate: '2026-03-01' },
      'create date is 2026-03-01; the Mid-market need it within the next 30 days',
    ],
    [
      { property: 'createdate', operator: 'WITHIN_LAST_DAYS', value: 1 },
      { createdate: '2025-01-01' },
      'create date is 2025-01-01; the Mid-market need it within the last 1 day',
    ],
    [
      { property: 'is_public', operator: 'EQ', value: true },
      { is_public: 'false' },
      'is public is No; the Mid-market need Yes',
    ],
    [
      { property: 'web_technologies', operator: 'EQ', value: 'shopify' },
      { web_technologies: 'salesforce;hubspot' },
      'web technologies is Salesforce, HubSpot; the Mid-market need Shopify',
    ],
  ];
  it.each(cases)('%o on %o: "Off strategy: %s"', (criterion, properties, words) => {
    const s = strategyOf([
      segment('m', [{ ...criterion, required: true }], { name: 'Mid-market' }),
    ]);
    expect(reasonOf(s, properties).reason).toBe(`Off strategy: ${words}`);
  });

  it('a segment named "The …" keeps its own article; acronyms in labels stay capitals', () => {
    const s = strategyOf([
      segment('m', [{ property: 'erp', operator: 'EQ', value: 'SAP', required: true }], {
        name: 'The SAP shops',
      }),
    ]);
    const r = scoreCompany(
      compileStrategy(s),
      company(
        { erp: 'Oracle' },
        { erp: { name: 'erp', label: 'ERP System', type: 'string', fieldType: 'text' } },
      ),
    );
    expect(r.reason).toBe('Off strategy: ERP system is Oracle; The SAP shops need SAP');
  });
});
