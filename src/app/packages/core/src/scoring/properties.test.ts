// Property-based tests of the scoring rules (fast-check): ranges, determinism, exclusions,
// monotonicity, and the fast path agreeing with the explained path.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';

import {
  company,
  COMPANY_DEFINITIONS,
  DAY_MS,
  NOW_MS,
  strategy,
} from '../../../../../../test/support/core/fixtures.ts';
import type { PropertyBag } from '../facts/schema.ts';
import type { CriterionInput, StrategyInput } from '../strategy/strategy-schema.ts';
import { compileStrategy } from './compile-strategy.ts';
import { evaluateCompany } from './evaluate-company.ts';
import { scoreCompany } from './score-company.ts';

const STRINGS = [
  'COMPUTER_SOFTWARE',
  'TOBACCO',
  'Germany',
  'france',
  'hubspot',
  'salesforce',
  'soft',
];
const STRING_PROPERTIES = ['industry', 'country', 'web_technologies'] as const;
const NUMBER_PROPERTIES = ['numberofemployees', 'annualrevenue'] as const;
const DATES = ['2025-01-01', '2026-01-10', '2026-01-15T12:00:00Z', '2026-02-01'];

const base = { weight: fc.integer({ min: 1, max: 10 }), required: fc.boolean() };
const stringCriterion = fc.oneof(
  fc.record({
    property: fc.constantFrom(...STRING_PROPERTIES),
    operator: fc.constantFrom('EQ', 'NEQ', 'CONTAINS_TOKEN', 'NOT_CONTAINS_TOKEN'),
    value: fc.constantFrom(...STRINGS),
    ...base,
  }),
  fc.record({
    property: fc.constantFrom(...STRING_PROPERTIES),
    operator: fc.constantFrom('IN', 'NOT_IN'),
    values: fc.array(fc.constantFrom(...STRINGS), { minLength: 1, maxLength: 3 }),
    ...base,
  }),
);
const numberCriterion = fc.oneof(
  fc.record({
    property: fc.constantFrom(...NUMBER_PROPERTIES),
    operator: fc.constantFrom('EQ', 'NEQ', 'GT', 'GTE', 'LT', 'LTE'),
    value: fc.integer({ min: 0, max: 1000 }),
    ...base,
  }),
  fc
    .tuple(
      fc.constantFrom(...NUMBER_PROPERTIES),
      fc.integer({ min: 0, max: 1000 }),
      fc.integer({ min: 0, max: 1000 }),
      base.weight,
      base.required,
    )
    .map(([property, a, b, weight, required]) => ({
      property,
      operator: 'BETWEEN',
      value: Math.min(a, b),
      highValue: Math.max(a, b),
      weight,
      required,
    })),
  fc.record({
    property: fc.constantFrom(...NUMBER_PROPERTIES),
    operator: fc.constantFrom('IN', 'NOT_IN'),
    values: fc.array(fc.integer({ min: 0, max: 1000 }), { minLength: 1, maxLength: 3 }),
    ...base,
  }),
);
const otherCriterion = fc.oneof(
  fc.record({
    property: fc.constant('is_public'),
    operator: fc.constantFrom('EQ', 'NEQ'),
    value: fc.boolean(),
    ...base,
  }),
  fc.record({
    property: fc.constantFrom(...STRING_PROPERTIES, ...NUMBER_PROPERTIES, 'is_public'),
    operator: fc.constantFrom('HAS_PROPERTY', 'NOT_HAS_PROPERTY'),
    ...base,
  }),
  fc.record({
    property: fc.constant('createdate'),
    operator: fc.constantFrom('GT', 'GTE', 'LT', 'LTE'),
    value: fc.constantFrom(...DATES),
    ...base,
  }),
  fc.record({
    property: fc.constant('createdate'),
    operator: fc.constantFrom('WITHIN_NEXT_DAYS', 'WITHIN_LAST_DAYS'),
    value: fc.integer({ min: 0, max: 400 }),
    ...base,
  }),
  fc.record({
    property: fc.constant('amount'),
    object: fc.constant('deal'),
    operator: fc.constant('GTE'),
    value: fc.integer({ min: 0, max: 10 }),
    ...base,
  }),
);
const criterionArb = fc.oneof(
  stringCriterion,
  numberCriterion,
  otherCriterion,
) as fc.Arbitrary<CriterionInput>;

const strategyArb = (
  options: { required?: boolean; exclusions?: boolean; absence?: boolean } = {},
) =>
  fc
    .record({
      segments: fc.array(
        fc.record({
          priority: fc.constantFrom('dream', 'core', 'opportunistic'),
          criteria: fc.array(criterionArb, { minLength: 1, maxLength: 6 }),
        }),
        { minLength: 1, maxLength: 5 },
      ),
      exclusions:
        options.exclusions === false
          ? fc.constant<CriterionInput[][]>([])
          : fc.array(fc.array(criterionArb, { minLength: 1, maxLength: 3 }), { maxLength: 3 }),
      fit: fc.integer({ min: 1, max: 100 }),
      stretch: fc.integer({ min: 0, max: 99 }),
    })
    .map(({ segments, exclusions, fit, stretch }): StrategyInput => ({
      schemaVersion: 1,
      name: 'Generated',
      thresholds: { fit, stretch: Math.min(stretch, fit - 1) },
      segments: segments.map((s, i) => ({
        id: `s${i}`,
        name: `Segment ${i}`,
        priority: s.priority,
        criteria: s.criteria.map((c) => ({
          ...c,
          required: options.required === false ? false : c.required,
          operator:
            options.absence === false && c.operator === 'NOT_HAS_PROPERTY'
              ? 'HAS_PROPERTY'
              : c.operator,
        })),
      })),
      exclusions: exclusions.map((criteria, i) => ({
        id: `x${i}`,
        reason: `Exclusion ${i}`,
        criteria,
      })),
    }))
    .map(strategy);

const valueArb = (pool: (string | null)[]) => fc.constantFrom(...pool);
const companyArb = fc.record(
  {
    industry: valueArb(['COMPUTER_SOFTWARE', 'tobacco', ' Software ', '', null, 'x']),
    country: valueArb(['Germany', ' GERMANY', 'France', 'Spain', '  ', null]),
    web_technologies: valueArb([
      'hubspot',
      'salesforce;hubspot',
      ';',
      'HubSpot ; soft',
      null,
      'wordpress',
    ]),
    numberofemployees: valueArb(['0', '5', '100', '1000', '1,200', 'abc', ' 42 ', '', null, '1e3']),
    annualrevenue: valueArb(['0', '999', '500', 'n/a', null]),
    is_public: valueArb(['true', 'false', 'TRUE', 'yes', null]),
    createdate: valueArb([
      '2025-01-01',
      '2026-01-10T10:00:00Z',
      String(NOW_MS),
      'soon',
      null,
      '2026-03-01',
    ]),
    amount: valueArb(['5', null]),
  },
  { requiredKeys: [] },
) as fc.Arbitrary<PropertyBag>;

const headline = (s: {
  tier: string;
  fitScore: number;
  segmentId: string | null;
  exclusionId: string | null;
  offStrategy: boolean;
  reason: string;
}) => ({
  tier: s.tier,
  fitScore: s.fitScore,
  segmentId: s.segmentId,
  exclusionId: s.exclusionId,
  offStrategy: s.offStrategy,
  reason: s.reason,
});

describe('scoring properties (fast-check)', () => {
  it('score and potential are within 0..100 and potential >= score', () => {
    fc.assert(
      fc.property(strategyArb(), companyArb, (s, props) => {
        const r = scoreCompany(compileStrategy(s), company(props));
        expect(r.fitScore).toBeGreaterThanOrEqual(0);
        expect(r.fitScore).toBeLessThanOrEqual(100);
        for (const seg of r.segments) {
          expect(seg.score).toBeGreaterThanOrEqual(0);
          expect(seg.potential).toBeLessThanOrEqual(100);
          expect(seg.potential).toBeGreaterThanOrEqual(seg.score);
          expect(seg.confidence).toBeGreaterThanOrEqual(0);
          expect(seg.confidence).toBeLessThanOrEqual(1);
        }
      }),
    );
  });

  it('is deterministic: the same input gives byte-identical JSON', () => {
    fc.assert(
      fc.property(
        strategyArb(),
        fc.array(companyArb, { minLength: 1, maxLength: 5 }),
        (s, bags) => {
          const compiled = compileStrategy(s);
          const first = bags.map((p) => JSON.stringify(scoreCompany(compiled, company(p))));
          const fresh = compileStrategy(structuredClone(s));
          const again = [...bags]
            .reverse()
            .map((p) => JSON.stringify(scoreCompany(fresh, company(p))))
            .reverse();
          expect(again).toEqual(first);
          const fast = bags.map((p) => JSON.stringify(evaluateCompany(compiled, company(p))));
          expect(bags.map((p) => JSON.stringify(evaluateCompany(fresh, company(p))))).toEqual(fast);
        },
      ),
    );
  });

  it('evaluateCompany agrees with scoreCompany on tier, score, segment and reason', () => {
    fc.assert(
      fc.property(
        strategyArb(),
        fc.array(fc.tuple(companyArb, fc.integer({ min: -3, max: 3 }), fc.boolean()), {
          minLength: 1,
          maxLength: 12,
        }),
        (s, rows) => {
          const compiled = compileStrategy(s);
          for (const [props, days, withDefinitions] of rows) {
            const facts = {
              ...company(props, withDefinitions ? COMPANY_DEFINITIONS : {}),
              nowMs: NOW_MS + days * DAY_MS,
            };
            expect(evaluateCompany(compiled, facts)).toEqual(
              headline(scoreCompany(compiled, facts)),
            );
          }
        },
      ),
      { numRuns: 300 },
    );
  });

  it('a matching exclusion always yields refused, by the first matching exclusion', () => {
    fc.assert(
      fc.property(strategyArb(), companyArb, (s, props) => {
        const r = scoreCompany(compileStrategy(s), company(props));
        const first = r.exclusions.find((e) => e.matched);
        if (first)
          expect([r.tier, r.exclusionId, r.fitScore, r.segmentId]).toEqual([
            'refused',
            first.exclusionId,
            0,
            null,
          ]);
        else expect(r.tier).not.toBe('refused');
      }),
    );
  });

  it('an exclusion that matches the company makes it refused, whatever the segments say', () => {
    fc.assert(
      fc.property(strategyArb(), companyArb, (s, props) => {
        const present = Object.entries(props).find(
          ([k, v]) => k !== 'amount' && typeof v === 'string' && v.trim() !== '',
        );
        if (!present) return;
        const excluded = {
          ...s,
          exclusions: [
            ...s.exclusions,
            {
              id: 'zz',
              reason: 'Has it',
              criteria: [
                {
                  property: present[0],
                  object: 'company' as const,
                  operator: 'HAS_PROPERTY' as const,
                  weight: 1,
                  required: false,
                },
              ],
            },
          ],
        };
        const r = evaluateCompany(compileStrategy(excluded), company(props));
        expect([r.tier, r.offStrategy, r.fitScore]).toEqual(['refused', true, 0]);
      }),
    );
  });

  // Without required criteria (a fill can disqualify), exclusions (it can refuse) and
  // NOT_HAS_PROPERTY (filling a value turns its match into a miss).
  it('filling an unknown with a matching value never lowers the score', () => {
    fc.assert(
      fc.property(
        strategyArb({ required: false, exclusions: false, absence: false }),
        companyArb,
        fc.nat(),
        (s, props, pick) => {
          const compiled = compileStrategy(s);
          const before = scoreCompany(compiled, company(props));
          const unknowns = before.segments.flatMap((seg) =>
            seg.criteria.filter(
              (c) =>
                c.outcome === 'unknown' &&
                c.object === 'company' &&
                (props[c.property] ?? '').trim() === '',
            ),
          );
          const target = unknowns[pick % Math.max(1, unknowns.length)];
          if (!target) return;
          const criterion = s.segments
            .flatMap((seg) => seg.criteria)
            .find((c) => c.property === target.property && c.operator === target.operator);
          if (!criterion) return;
          const value = matchingValue(criterion);
          const after = scoreCompany(compiled, company({ ...props, [target.property]: value }));
          expect(after.fitScore).toBeGreaterThanOrEqual(before.fitScore);
          after.segments.forEach((seg, i) =>
            expect(seg.score).toBeGreaterThanOrEqual(before.segments[i]?.score ?? 0),
          );
        },
      ),
    );
  });
});

/** A property value that makes a criterion match (used to fill an unknown). */
const matchingValue = (c: CriterionInput): string => {
  const v = c.value;
  const dateOf = (ms: number) => new Date(ms).toISOString();
  switch (c.operator) {
    case 'EQ':
    case 'CONTAINS_TOKEN':
      return String(v);
    case 'NEQ':
      return typeof v === 'number'
        ? String(v + 1)
        : typeof v === 'boolean'
          ? String(!v)
          : `zz-${String(v)}`;
    case 'IN':
      return String(c.values?.[0]);
    case 'NOT_IN':
      return typeof c.values?.[0] === 'number' ? '-1' : 'qqq';
    case 'NOT_CONTAINS_TOKEN':
      return 'qqq';
    case 'GT':
      return typeof v === 'number' ? String(v + 1) : dateOf(Date.parse(String(v)) + DAY_MS);
    case 'LT':
      return typeof v === 'number' ? String(v - 1) : dateOf(Date.parse(String(v)) - DAY_MS);
    case 'GTE':
    case 'LTE':
    case 'BETWEEN':
      return String(v);
    case 'WITHIN_NEXT_DAYS':
    case 'WITHIN_LAST_DAYS':
      return dateOf(NOW_MS);
    case 'HAS_PROPERTY':
      return 'x';
    case 'NOT_HAS_PROPERTY':
      return '';
    default:
      return c.operator satisfies never;
  }
};
