import fc from 'fast-check';
import { describe, expect, expectTypeOf, it } from 'vitest';

import minimal from '../../../../../../examples/strategies/01-minimal.json' with { type: 'json' };
import b2b from '../../../../../../examples/strategies/02-b2b-saas.json' with { type: 'json' };
import services from '../../../../../../examples/strategies/03-revops-services.json' with { type: 'json' };
import { Operator } from '../enums.ts';
import { OPERATORS } from '../criteria/operators.ts';
import type { StrategyIssue } from './issue-messages.ts';
import { StrategyIssueCode } from './issue-messages.ts';
import { parseStoredStrategy, parseStrategy, strategyIssuesError } from './parse-strategy.ts';
import type { Strategy, StrategyInput } from './strategy-schema.ts';

const criterion = { property: 'industry', operator: 'EQ', value: 'COMPUTER_SOFTWARE' } as const;
const valid = (): StrategyInput => ({
  schemaVersion: 1,
  name: 'Strategy',
  segments: [{ id: 'software', name: 'Software', priority: 'core', criteria: [{ ...criterion }] }],
});

const issuesOf = (input: unknown): StrategyIssue[] => {
  const r = parseStrategy(input);
  return r.ok ? [] : r.error;
};
const codes = (input: unknown): string[] => issuesOf(input).map((i) => `${i.path}: ${i.code}`);

/** A valid strategy with one change made to its first segment's first criterion. */
const withCriterion = (changes: Record<string, unknown>): unknown => {
  const s = valid() as { segments: { criteria: Record<string, unknown>[] }[] };
  const c = s.segments[0]?.criteria[0] ?? {};
  for (const [k, v] of Object.entries(changes)) {
    if (v === undefined) Reflect.deleteProperty(c, k);
    else c[k] = v;
  }
  return s;
};

describe('SCORING §1 the strategy document', () => {
  it('defaults live in the schema: thresholds 70/40, weight 1, required false, object company', () => {
    const parsed = parseStrategy(valid());
    expect(parsed).toEqual({
      ok: true,
      value: {
        schemaVersion: 1,
        name: 'Strategy',
        thresholds: { fit: 70, stretch: 40 },
        segments: [
          {
            id: 'software',
            name: 'Software',
            priority: 'core',
            criteria: [{ ...criterion, object: 'company', weight: 1, required: false }],
          },
        ],
        exclusions: [],
      },
    });
  });

  it('dream-customer criteria read the deal by default; managers default to empty lists', () => {
    const parsed = parseStrategy({
      ...valid(),
      dreamCustomer: {
        need: [criterion],
        abilityToPay: [criterion],
        urgency: [{ ...criterion, object: 'company' }],
      },
      managers: {},
    });
    expect(parsed.ok && parsed.value.dreamCustomer?.need[0]?.object).toBe('deal');
    expect(parsed.ok && parsed.value.dreamCustomer?.urgency[0]?.object).toBe('company');
    expect(parsed.ok && parsed.value.managers).toEqual({ userIds: [], teamIds: [] });
  });

  it('accepts JSON text or an already-parsed value', () => {
    expect(parseStrategy(JSON.stringify(valid()))).toEqual(parseStrategy(valid()));
  });

  it('every example strategy is valid', () => {
    expect(parseStrategy(minimal).ok).toBe(true);
    expect(issuesOf(b2b)).toEqual([]);
    expect(issuesOf(services)).toEqual([]);
  });

  it('unknown keys are rejected, each with its path', () => {
    expect(codes({ ...valid(), colour: 'blue', segments: [{ ...valid().segments[0], colour: 1 }] }))
      .toMatchInlineSnapshot(`
      [
        "segments[0].colour: unknown_key",
        "colour: unknown_key",
      ]
    `);
  });

  it.each([
    ['a', true],
    ['enterprise-saas', true],
    ['9lives', true],
    ['a'.repeat(63), true],
    ['a'.repeat(64), false],
    ['-leading-dash', false],
    ['Upper', false],
    ['with space', false],
    ['under_score', false],
    ['', false],
  ])('a slug is [a-z0-9][a-z0-9-]{0,62}: %j valid=%s', (id, ok) => {
    const s = valid();
    const seg = s.segments[0];
    if (seg) seg.id = id;
    expect(parseStrategy(s).ok).toBe(ok);
  });

  it('property names are HubSpot internal names (lower-case letters, digits, underscores)', () => {
    expect(codes(withCriterion({ property: 'Number of employees' }))).toEqual([
      'segments[0].criteria[0].property: invalid_property_name',
    ]);
  });

  it.each([
    [{ name: '' }, 'name: too_short'],
    [{ name: 'x'.repeat(121) }, 'name: too_long'],
    [{ schemaVersion: 2 }, 'schemaVersion: invalid_choice'],
    [{ segments: [] }, 'segments: too_short'],
    [{ thresholds: { fit: 101 } }, 'thresholds.fit: too_big'],
    [
      { thresholds: { fit: 0 } },
      'thresholds.fit: too_small|thresholds.stretch: stretch_not_below_fit',
    ],
    [{ thresholds: { fit: 50, stretch: 50 } }, 'thresholds.stretch: stretch_not_below_fit'],
    [{ thresholds: { fit: 30 } }, 'thresholds.stretch: stretch_not_below_fit'],
    [{ thresholds: { fit: 70.5 } }, 'thresholds.fit: not_whole_number'],
    [{ dreamCapacityPerOwner: 0 }, 'dreamCapacityPerOwner: too_small'],
    [{ dealChecks: { maxDiscountPercent: 120 } }, 'dealChecks.maxDiscountPercent: too_big'],
  ])('top-level rules: %j → %s', (change, expected) => {
    expect(codes({ ...valid(), ...change })).toEqual(expected.split('|'));
  });

  it('segments: 1..50, criteria 1..30, exclusions 0..50 with 1..10 criteria', () => {
    const seg = (id: string, n = 1) => ({
      id,
      name: id,
      priority: 'core',
      criteria: Array(n).fill(criterion),
    });
    const exclusion = (id: string, n = 1) => ({
      id,
      reason: 'r',
      criteria: Array(n).fill(criterion),
    });
    expect(
      parseStrategy({
        ...valid(),
        segments: Array.from({ length: 50 }, (_, i) => seg(`s${i}`)),
      }).ok,
    ).toBe(true);
    expect(parseStrategy({ ...valid(), segments: [seg('a', 30)] }).ok).toBe(true);
    expect(
      codes({ ...valid(), segments: Array.from({ length: 51 }, (_, i) => seg(`s${i}`)) }),
    ).toEqual(['segments: too_long']);
    expect(codes({ ...valid(), segments: [seg('a', 31)] })).toEqual([
      'segments[0].criteria: too_long',
    ]);
    expect(parseStrategy({ ...valid(), exclusions: [] }).ok).toBe(true);
    expect(
      codes({ ...valid(), exclusions: Array.from({ length: 51 }, (_, i) => exclusion(`e${i}`)) }),
    ).toEqual(['exclusions: too_long']);
    expect(codes({ ...valid(), exclusions: [exclusion('e', 11), exclusion('f', 0)] })).toEqual([
      'exclusions[0].criteria: too_long',
      'exclusions[1].criteria: too_short',
    ]);
  });

  it('ids are unique per list', () => {
    const seg = { id: 'a', name: 'A', priority: 'core', criteria: [criterion] };
    const exclusion = { id: 'a', reason: 'r', criteria: [criterion] };
    expect(
      codes({ ...valid(), segments: [seg, seg, seg], exclusions: [exclusion, exclusion] }),
    ).toEqual([
      'segments[1].id: duplicate_id',
      'segments[2].id: duplicate_id',
      'exclusions[1].id: duplicate_id',
    ]);
  });

  it.each([
    [{ weight: 0 }, 'too_small'],
    [{ weight: 11 }, 'too_big'],
    [{ weight: 2.5 }, 'not_whole_number'],
    [{ weight: '3' }, 'wrong_type'],
    [{ required: 'yes' }, 'wrong_type'],
    [{ object: 'contact' }, 'invalid_choice'],
    [{ label: '' }, 'too_short'],
  ])('criterion fields: %j → %s', (change, code) => {
    expect(issuesOf(withCriterion(change)).map((i) => i.code)).toEqual([code]);
  });

  it('dealAmount min must not be above max', () => {
    const s = valid();
    const seg = s.segments[0];
    if (seg) seg.dealAmount = { min: 100, max: 10 };
    expect(codes(s)).toEqual(['segments[0].dealAmount.max: range_reversed']);
  });
});

describe('SCORING §2 each operator has exactly what it needs', () => {
  const needs = (operator: Operator): string => OPERATORS[operator].operands;

  it.each(Operator.options)('%s without its operands says what it needs', (operator) => {
    const issues = issuesOf(withCriterion({ operator, value: undefined }));
    const expected: Record<string, string[]> = {
      value: ['operator_needs_value'],
      values: ['operator_needs_values'],
      range: ['operator_needs_value', 'operator_needs_high_value'],
      days: ['operator_needs_value'],
      none: [],
    };
    expect(issues.map((i) => i.code)).toEqual(expected[needs(operator)]);
  });

  it.each(Operator.options)('%s with operands it does not use is rejected', (operator) => {
    const change =
      needs(operator) === 'values'
        ? { operator, value: 'x', values: ['x'], highValue: 3 }
        : needs(operator) === 'none'
          ? { operator, value: 'x', values: ['x'], highValue: 3 }
          : {
              operator,
              value: 1,
              values: ['x'],
              ...(needs(operator) === 'range' ? { highValue: 3 } : {}),
            };
    const extra = issuesOf(withCriterion(change)).filter(
      (i) => i.code === 'operator_takes_no_value',
    );
    expect(extra.length).toBeGreaterThan(0);
  });

  it('IN needs a non-empty list of values to compare with', () => {
    expect(issuesOf(withCriterion({ operator: 'IN', value: undefined, values: [] })))
      .toMatchInlineSnapshot(`
      [
        {
          "code": "operator_needs_values",
          "message": "IN needs a non-empty list of values to compare with.",
          "path": "segments[0].criteria[0].values",
        },
      ]
    `);
  });

  it.each([
    [{ operator: 'GT', value: 'abc' }, 'value_wrong_type'],
    [{ operator: 'GT', value: true }, 'value_wrong_type'],
    [{ operator: 'GT', value: '2025-01-31' }, null],
    [{ operator: 'GTE', value: '2025-01-31T10:00:00Z' }, null],
    [{ operator: 'LT', value: '31/01/2025' }, 'value_wrong_type'],
    [{ operator: 'CONTAINS_TOKEN', value: 5 }, 'value_wrong_type'],
    [{ operator: 'WITHIN_NEXT_DAYS', value: -1 }, 'value_wrong_type'],
    [{ operator: 'WITHIN_LAST_DAYS', value: '30' }, 'value_wrong_type'],
    [{ operator: 'WITHIN_LAST_DAYS', value: 0 }, null],
    [{ operator: 'IN', value: undefined, values: ['a', 2] }, null],
    [{ operator: 'IN', value: undefined, values: [true] }, 'wrong_type'],
    [{ operator: 'BETWEEN', value: 10, highValue: 5 }, 'range_reversed'],
    [{ operator: 'BETWEEN', value: 5, highValue: 5 }, null],
    [{ operator: 'BETWEEN', value: '2025-02-01', highValue: '2025-01-01' }, 'range_reversed'],
    [{ operator: 'BETWEEN', value: 10, highValue: '2025-01-01' }, 'range_mixed_kinds'],
    [{ operator: 'EQ', value: '' }, 'too_short'],
  ])('the right kind of operand: %j → %s', (change, code) => {
    expect(issuesOf(withCriterion(change)).map((i) => i.code)).toEqual(code === null ? [] : [code]);
  });
});

describe('every validation error names the JSON path and says what is expected', () => {
  it('all issues are returned at once, never only the first', () => {
    const broken = {
      schemaVersion: 1,
      name: '',
      thresholds: { fit: 60, stretch: 80 },
      segments: [
        {
          id: 'Enterprise SaaS',
          name: 'Enterprise',
          priority: 'top',
          criteria: [
            { property: 'numberofemployees', operator: 'GT', value: 'many', weight: 2.5 },
            { property: 'industry', operator: 'IN', values: [] },
            { property: 'country', operator: 'BETWEEN', value: 10 },
            { property: 'country', operator: 'HAS_PROPERTY', value: 'x' },
          ],
        },
        { id: 'mid', name: 'Mid', priority: 'core', criteria: [] },
      ],
      exclusions: [{ id: 'x', criteria: [{ property: 'type', operator: 'EQ', value: 'VENDOR' }] }],
      dreamCapacity: 3,
    };
    expect(issuesOf(broken)).toMatchInlineSnapshot(`
      [
        {
          "code": "too_short",
          "message": "“name” must not be empty.",
          "path": "name",
        },
        {
          "code": "stretch_not_below_fit",
          "message": "The stretch threshold (80) must be lower than the fit threshold (60).",
          "path": "thresholds.stretch",
        },
        {
          "code": "invalid_slug",
          "message": "“Enterprise SaaS” is not a valid id. Use 1 to 63 lower-case letters, digits and dashes, starting with a letter or digit (for example enterprise-saas).",
          "path": "segments[0].id",
        },
        {
          "code": "invalid_choice",
          "message": "“top” is not allowed here. Use one of: dream, core, opportunistic.",
          "path": "segments[0].priority",
        },
        {
          "code": "not_whole_number",
          "message": "“weight” must be a whole number, but it is 2.5.",
          "path": "segments[0].criteria[0].weight",
        },
        {
          "code": "value_wrong_type",
          "message": "GT compares with a number or a date (YYYY-MM-DD or an ISO date-time), not “many”.",
          "path": "segments[0].criteria[0].value",
        },
        {
          "code": "operator_needs_values",
          "message": "IN needs a non-empty list of values to compare with.",
          "path": "segments[0].criteria[1].values",
        },
        {
          "code": "operator_needs_high_value",
          "message": "BETWEEN needs a highValue: the upper end of the range.",
          "path": "segments[0].criteria[2].highValue",
        },
        {
          "code": "operator_takes_no_value",
          "message": "HAS_PROPERTY does not use “value”. Remove it.",
          "path": "segments[0].criteria[3].value",
        },
        {
          "code": "too_short",
          "message": "“criteria” needs at least 1 item.",
          "path": "segments[1].criteria",
        },
        {
          "code": "required",
          "message": "“reason” is required here.",
          "path": "exclusions[0].reason",
        },
        {
          "code": "unknown_key",
          "message": "“dreamCapacity” is not a field this place knows. Check its spelling, or remove it.",
          "path": "dreamCapacity",
        },
      ]
    `);
  });

  it('a syntax error is one invalid_json issue at the root', () => {
    expect(issuesOf('{"schemaVersion": 1,')).toMatchInlineSnapshot(`
      [
        {
          "code": "invalid_json",
          "message": "This is not valid JSON (Expected double-quoted property name in JSON at position 20 (line 1 column 21)). Look for a missing comma, quote or bracket.",
          "path": "",
        },
      ]
    `);
  });

  it.each([undefined, null, 42, 'null', '[]', [valid()]])(
    'a document that is not an object (%j) is one issue at the root',
    (input) => {
      const issues = issuesOf(input);
      expect(issues).toHaveLength(1);
      expect(issues[0]?.path).toBe('');
    },
  );

  it('a strategy over 65,536 characters of compact JSON is refused, saying its size and the limit', () => {
    const segments = Array.from({ length: 40 }, (_, i) => ({
      id: `s${i}`,
      name: `Segment ${i}`,
      priority: 'core',
      description: 'x'.repeat(2000),
      criteria: [criterion],
    }));
    const issues = issuesOf({ ...valid(), segments });
    expect(issues).toMatchInlineSnapshot(`
      [
        {
          "code": "strategy_too_large",
          "message": "The strategy is 85,990 characters as compact JSON; the limit is 65,536, because it is stored in one HubSpot text property. Remove segments or criteria, or shorten descriptions.",
          "path": "",
        },
      ]
    `);
    expect(strategyIssuesError(issues).code).toBe('strategy_too_large');
  });

  it('the size limit counts compact JSON, not the whitespace of the text', () => {
    const s = { ...valid(), description: 'x'.repeat(1000) };
    expect(parseStrategy(JSON.stringify(s, null, 40)).ok).toBe(true);
  });

  it('never throws, even on values that are not JSON', () => {
    const cyclic: Record<string, unknown> = { schemaVersion: 1 };
    cyclic.self = cyclic;
    for (const input of [cyclic, 10n, () => 1, Symbol('x'), new Map()]) {
      const r = parseStrategy(input);
      expect(r.ok).toBe(false);
    }
  });

  it('one product error summarises the issues for function responses', () => {
    expect(strategyIssuesError(issuesOf({ ...valid(), name: '' }))).toMatchInlineSnapshot(`
      {
        "code": "strategy_invalid",
        "message": "name: “name” must not be empty.",
        "path": "name",
      }
    `);
    expect(strategyIssuesError(issuesOf({ ...valid(), name: '', segments: [] })))
      .toMatchInlineSnapshot(`
        {
          "code": "strategy_invalid",
          "message": "The strategy has 2 problems. The first: name: “name” must not be empty.",
          "path": "name",
        }
      `);
  });

  it('every issue code has its message in the one message table', () => {
    const seen = new Set<string>();
    const samples: unknown[] = [
      '{',
      { ...valid(), name: undefined },
      { ...valid(), extra: 1 },
      { ...valid(), name: 5 },
      withCriterion({ weight: 1.5 }),
      { ...valid(), name: '' },
      { ...valid(), name: 'x'.repeat(200) },
      withCriterion({ weight: 0 }),
      withCriterion({ weight: 20 }),
      { ...valid(), segments: [{ ...valid().segments[0], id: 'A' }] },
      withCriterion({ property: 'A' }),
      withCriterion({ operator: 'LIKE' }),
      { ...valid(), segments: [valid().segments[0], valid().segments[0]] },
      { ...valid(), thresholds: { fit: 10, stretch: 20 } },
      withCriterion({ value: undefined }),
      withCriterion({ operator: 'IN', value: undefined }),
      withCriterion({ operator: 'BETWEEN', value: 1 }),
      withCriterion({ values: ['x'] }),
      withCriterion({ operator: 'GT', value: 'x' }),
      withCriterion({ operator: 'BETWEEN', value: 1, highValue: '2025-01-01' }),
      withCriterion({ operator: 'BETWEEN', value: 2, highValue: 1 }),
      withCriterion({ object: 'deal' }),
      // SCORING §11: unknown target segment, a value meaning two competitors, the reserved id.
      {
        ...valid(),
        competitors: [
          { id: 'other', name: 'Acme', targets: ['retail'] },
          { id: 'beta', name: 'ACME' },
        ],
      },
      {
        ...valid(),
        description: 'x'.repeat(2000),
        segments: Array(40)
          .fill(null)
          .map((_, i) => ({
            id: `s${i}`,
            name: 'n',
            priority: 'core',
            description: 'x'.repeat(2000),
            criteria: [criterion],
          })),
      },
    ];
    for (const sample of samples)
      for (const i of issuesOf(sample)) {
        seen.add(i.code);
        expect(i.message.length).toBeGreaterThan(10);
      }
    expect([...seen].sort()).toEqual([...StrategyIssueCode.options].sort());
  });
});

describe('parseStrategy never throws (fast-check)', () => {
  it('on arbitrary JSON, and always returns issues with paths', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        const r = parseStrategy(value);
        if (r.ok) return;
        expect(r.error.length).toBeGreaterThan(0);
        for (const i of r.error) {
          expect(StrategyIssueCode.options).toContain(i.code);
          expect(typeof i.path).toBe('string');
          expect(i.message).not.toBe('');
        }
      }),
    );
  });

  it('on arbitrary JSON text', () => {
    fc.assert(fc.property(fc.string(), (text) => void parseStrategy(text)));
  });

  it('on mutations of valid strategies, and always returns issues with paths', () => {
    const paths = (v: unknown, prefix: (string | number)[] = []): (string | number)[][] => {
      if (typeof v !== 'object' || v === null) return [prefix];
      const entries = Array.isArray(v) ? v.map((x, i) => [i, x] as const) : Object.entries(v);
      return [prefix, ...entries.flatMap(([k, x]) => paths(x, [...prefix, k]))];
    };
    const all = paths(b2b);
    fc.assert(
      fc.property(
        fc.constantFrom(...all),
        fc.oneof(fc.jsonValue(), fc.constant(undefined)),
        (path, replacement) => {
          const copy = JSON.parse(JSON.stringify(b2b)) as Record<string | number, unknown>;
          let node: Record<string | number, unknown> = copy;
          for (const key of path.slice(0, -1)) node = node[key] as Record<string | number, unknown>;
          const last = path.at(-1);
          if (last === undefined) return;
          if (replacement === undefined) Reflect.deleteProperty(node, last);
          else node[last] = replacement;
          const r = parseStrategy(copy);
          if (r.ok) return;
          for (const i of r.error) {
            expect(StrategyIssueCode.options).toContain(i.code);
            expect(i.path === '' || /^[A-Za-z$]/.test(i.path)).toBe(true);
          }
        },
      ),
    );
  });
});

describe('types', () => {
  it('parseStrategy returns a Result of the parsed strategy or its issues', () => {
    expectTypeOf(parseStrategy).returns.toEqualTypeOf<
      { ok: true; value: Strategy } | { ok: false; error: StrategyIssue[] }
    >();
  });
});

describe('SCORING §14: criteria in segments and exclusions read the company', () => {
  const dealCriterion = { property: 'amount', object: 'deal', operator: 'GTE', value: 10000 };
  const withDealCriteria = (): unknown => ({
    ...valid(),
    segments: [{ id: 'big', name: 'Big', priority: 'core', criteria: [criterion, dealCriterion] }],
    exclusions: [{ id: 'small', reason: 'Small deals', criteria: [dealCriterion] }],
  });

  it('"object": "deal" in a segment or exclusion is refused, at its path, saying where deal properties belong', () => {
    expect(issuesOf(withDealCriteria())).toMatchInlineSnapshot(`
      [
        {
          "code": "deal_criterion_in_segment",
          "message": "Segments and exclusions judge the company, and a company's fit cannot depend on one of its deals, so "object": "deal" is not allowed here: the criterion could never match. Use a company property and remove "object". Deal properties belong in the dream-customer test (dreamCustomer: need, abilityToPay, urgency), the deal checks (dealChecks.discountProperty), the existing-customer criteria (existingCustomers.criteria) or the competitor property (competitorProperty).",
          "path": "segments[0].criteria[1].object",
        },
        {
          "code": "deal_criterion_in_segment",
          "message": "Segments and exclusions judge the company, and a company's fit cannot depend on one of its deals, so "object": "deal" is not allowed here: the criterion could never match. Use a company property and remove "object". Deal properties belong in the dream-customer test (dreamCustomer: need, abilityToPay, urgency), the deal checks (dealChecks.discountProperty), the existing-customer criteria (existingCustomers.criteria) or the competitor property (competitorProperty).",
          "path": "exclusions[0].criteria[0].object",
        },
      ]
    `);
  });

  it('is refused alongside every other issue of the document, without a portal', () => {
    const broken = withDealCriteria() as Record<string, unknown>;
    expect(codes({ ...broken, name: '', thresholds: { fit: 40, stretch: 50 } })).toEqual([
      'name: too_short',
      'thresholds.stretch: stretch_not_below_fit',
      'segments[0].criteria[1].object: deal_criterion_in_segment',
      'exclusions[0].criteria[0].object: deal_criterion_in_segment',
    ]);
  });

  it('the dream-customer test may read deals (its default) and companies', () => {
    expect(
      parseStrategy({
        ...valid(),
        dreamCustomer: {
          need: [dealCriterion],
          abilityToPay: [{ ...dealCriterion, object: 'company', property: 'annualrevenue' }],
          urgency: [{ property: 'decision_date', operator: 'WITHIN_NEXT_DAYS', value: 90 }],
        },
      }).ok,
    ).toBe(true);
  });

  it('a version published before §14 still reads (parseStoredStrategy), so it keeps scoring as it did', () => {
    const stored = parseStoredStrategy(withDealCriteria());
    expect(stored.ok && stored.value.segments[0]?.criteria[1]).toMatchObject({ object: 'deal' });
  });
});
