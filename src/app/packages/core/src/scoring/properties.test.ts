// Property-based tests of the scoring rules (fast-check): ranges, determinism and an immutable
// plan, the explanation agreeing with the figures, every operator at and around its bounds,
// exclusions, monotonicity.
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
import type { CompanyScore, SegmentResult } from './schema.ts';
import { compileStrategy } from './compile-strategy.ts';
import { roundPercent } from './round-percent.ts';
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

  it('is deterministic and keeps nothing between calls: a company scores to the same JSON alone on a fresh plan, or after others with other definitions and another now', () => {
    fc.assert(
      fc.property(
        strategyArb(),
        fc.array(fc.tuple(companyArb, fc.boolean(), fc.integer({ min: -3, max: 3 })), {
          minLength: 1,
          maxLength: 6,
        }),
        (s, rows) => {
          const factsOf = ([props, withDefinitions, days]: (typeof rows)[number]) => ({
            ...company(props, withDefinitions ? COMPANY_DEFINITIONS : {}),
            nowMs: NOW_MS + days * DAY_MS,
          });
          const alone = rows.map((row) =>
            JSON.stringify(scoreCompany(compileStrategy(structuredClone(s)), factsOf(row))),
          );
          const shared = compileStrategy(s);
          const inTurn = rows.map((row) => JSON.stringify(scoreCompany(shared, factsOf(row))));
          const reversed = [...rows]
            .reverse()
            .map((row) => JSON.stringify(scoreCompany(shared, factsOf(row))))
            .reverse();
          expect(inTurn).toEqual(alone);
          expect(reversed).toEqual(alone);
        },
      ),
    );
  });

  it("the explanation shows each company's own values: actual is the value read, trimmed, null when missing", () => {
    fc.assert(
      fc.property(
        strategyArb(),
        fc.array(companyArb, { minLength: 1, maxLength: 6 }),
        (s, bags) => {
          const compiled = compileStrategy(s);
          for (const props of bags) {
            const r = scoreCompany(compiled, company(props, {}));
            const shown = [...r.segments, ...r.exclusions].flatMap((x) => x.criteria);
            expect(shown.map((c) => c.actual)).toEqual(
              shown.map((c) => {
                const raw = c.object === 'company' ? (props[c.property] ?? '').trim() : '';
                return raw === '' ? null : raw;
              }),
            );
          }
        },
      ),
    );
  });

  it('the compiled strategy is deeply frozen and scoring leaves it as it was', () => {
    fc.assert(
      fc.property(strategyArb(), fc.array(companyArb, { maxLength: 5 }), (s, bags) => {
        const compiled = compileStrategy(s);
        const before = JSON.stringify(compiled);
        for (const p of bags) scoreCompany(compiled, company(p));
        expect(JSON.stringify(compiled)).toBe(before);
        expect(unfrozenPaths(compiled)).toEqual([]);
      }),
      { numRuns: 50 },
    );
  });

  it('the explanation agrees with the figures: segments, exclusions, tier, fitScore and segment recomputed from the explained criteria', () => {
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
            const r = scoreCompany(compiled, facts);
            expect(r.segments.map(segmentFigures)).toEqual(
              r.segments.map(({ score, potential, confidence, disqualified }) => ({
                score,
                potential,
                confidence,
                disqualified,
              })),
            );
            expect(r.exclusions.map((x) => x.matched)).toEqual(
              r.exclusions.map((x) => x.criteria.every((c) => c.outcome === 'match')),
            );
            expect(headlineFromExplanation(r, s.thresholds)).toEqual({
              tier: r.tier,
              fitScore: r.fitScore,
              segmentId: r.segmentId,
              exclusionId: r.exclusionId,
              offStrategy: r.offStrategy,
            });
          }
        },
      ),
      { numRuns: 300 },
    );
  });

  // SCORING §2–4 written out plainly (Number(), Date.parse), against the engine at, just beside
  // and between the bounds of every ordered operator, open and closed, fixed and relative to now.
  it('every ordered operator agrees with SCORING §2 at and around its bounds', () => {
    const bound = fc.constantFrom(0, 5, 10, 100);
    const numberCriterion = fc.oneof(
      fc.record({
        property: fc.constantFrom('numberofemployees', 'annualrevenue'),
        operator: fc.constantFrom('EQ', 'NEQ', 'GT', 'GTE', 'LT', 'LTE'),
        value: bound,
      }),
      fc
        .tuple(fc.constantFrom('numberofemployees', 'annualrevenue'), bound, bound)
        .map(([property, a, b]) => ({
          property,
          operator: 'BETWEEN',
          value: Math.min(a, b),
          highValue: Math.max(a, b),
        })),
    );
    const dateCriterion = fc.oneof(
      fc.record({
        property: fc.constant('createdate'),
        operator: fc.constantFrom('GT', 'GTE', 'LT', 'LTE'),
        value: fc.constantFrom('2026-01-10', '2026-01-15'),
      }),
      fc
        .tuple(
          fc.constantFrom('2026-01-10', '2026-01-15'),
          fc.constantFrom('2026-01-15', '2026-01-20'),
        )
        .map(([value, highValue]) => ({
          property: 'createdate',
          operator: 'BETWEEN',
          value,
          highValue,
        })),
      fc.record({
        property: fc.constant('createdate'),
        operator: fc.constantFrom('WITHIN_LAST_DAYS', 'WITHIN_NEXT_DAYS'),
        value: fc.constantFrom(0, 1, 5),
      }),
    );
    const numberValue = fc.constantFrom(
      '-1',
      '0',
      '4.999',
      '5',
      '5.0',
      ' 5 ',
      '5.001',
      '7',
      '10',
      '1e1',
      '99',
      '100',
      '101',
      'abc',
      '',
      null,
    );
    const dateValue = fc.constantFrom(
      '2026-01-09',
      '2026-01-10',
      '2026-01-10T00:00:00Z',
      '2026-01-10T00:00:00.001Z',
      '2026-01-14T12:00:00Z',
      '2026-01-15',
      '2026-01-15T12:00:00Z',
      '2026-01-20',
      '2026-01-20T12:00:00Z',
      String(NOW_MS),
      String(NOW_MS + DAY_MS),
      'soon',
      null,
    );
    fc.assert(
      fc.property(
        fc.array(fc.oneof(numberCriterion, dateCriterion), { minLength: 1, maxLength: 8 }),
        fc.record({
          numberofemployees: numberValue,
          annualrevenue: numberValue,
          createdate: dateValue,
        }),
        fc.constantFrom(-1, 0, 1, 5),
        (criteria, properties, nowDays) => {
          const s = strategy({
            schemaVersion: 1,
            name: 'Bounds',
            segments: [
              { id: 's', name: 'S', priority: 'core', criteria: criteria as CriterionInput[] },
            ],
          });
          const nowMs = NOW_MS + nowDays * DAY_MS;
          const r = scoreCompany(compileStrategy(s), { ...company(properties), nowMs });
          const outcomes = r.segments[0]?.criteria.map((c) => c.outcome);
          const raw = properties as Record<string, string | null>;
          expect(outcomes).toEqual(
            criteria.map((c) =>
              oracle(c as CriterionInput, raw[(c as CriterionInput).property] ?? null, nowMs),
            ),
          );
        },
      ),
      { numRuns: 600, seed: 20_261_127 },
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
        const r = scoreCompany(compileStrategy(excluded), company(props));
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

/** SCORING §5 recomputed from one explained segment. */
const segmentFigures = (seg: SegmentResult) => {
  const sum = (outcome: string) =>
    seg.criteria.reduce((n, c) => n + (c.outcome === outcome ? c.weight : 0), 0);
  const total = seg.criteria.reduce((n, c) => n + c.weight, 0);
  const disqualified = seg.criteria.some((c) => c.required && c.outcome === 'miss');
  return {
    score: disqualified ? 0 : roundPercent(sum('match'), total),
    potential: disqualified ? 0 : roundPercent(sum('match') + sum('unknown'), total),
    confidence: (total - sum('unknown')) / total,
    disqualified,
  };
};

const RANK = { dream: 0, core: 1, opportunistic: 2 } as const;

/** SCORING §6 recomputed from the explanation alone. */
const headlineFromExplanation = (r: CompanyScore, t: { fit: number; stretch: number }) => {
  const refusing = r.exclusions.find((x) => x.criteria.every((c) => c.outcome === 'match'));
  if (refusing)
    return {
      tier: 'refused',
      fitScore: 0,
      segmentId: null,
      exclusionId: refusing.exclusionId,
      offStrategy: true,
    };
  const segs = r.segments.map((seg) => ({ ...segmentFigures(seg), seg }));
  const top = (list: typeof segs, by: 'score' | 'potential') =>
    list.reduce<(typeof segs)[number] | undefined>(
      (b, x) =>
        b === undefined ||
        x[by] > b[by] ||
        (x[by] === b[by] && RANK[x.seg.priority] < RANK[b.seg.priority])
          ? x
          : b,
      undefined,
    );
  const best = top(segs, 'score');
  const fitScore = best?.score ?? 0;
  const headline = (tier: string, segmentId: string | null) => ({
    tier,
    fitScore,
    segmentId,
    exclusionId: null,
    offStrategy: tier === 'off_strategy',
  });
  if (best && fitScore >= t.fit)
    return headline(best.seg.priority === 'dream' ? 'dream' : 'fit', best.seg.segmentId);
  if (best && fitScore >= t.stretch) return headline('stretch', best.seg.segmentId);
  const hope = top(
    segs.filter((x) => !x.disqualified),
    'potential',
  );
  if (hope && hope.potential >= t.stretch) return headline('needs_data', hope.seg.segmentId);
  return headline('off_strategy', null);
};

/** SCORING §2–4 for number and date comparisons, written out without the engine's helpers. */
const oracle = (c: CriterionInput, raw: string | null, nowMs: number): string => {
  if (raw === null || raw.trim() === '') return 'unknown';
  const text = raw.trim();
  const isDate = c.property === 'createdate';
  const x = isDate ? (/^\d+$/.test(text) ? Number(text) : Date.parse(text)) : Number(text);
  if (!Number.isFinite(x)) return 'unknown';
  const v = typeof c.value === 'string' ? Date.parse(c.value) : Number(c.value);
  const h = typeof c.highValue === 'string' ? Date.parse(c.highValue) : Number(c.highValue);
  const holds = ((): boolean => {
    switch (c.operator) {
      case 'EQ':
        return x === v;
      case 'NEQ':
        return x !== v;
      case 'GT':
        return x > v;
      case 'GTE':
        return x >= v;
      case 'LT':
        return x < v;
      case 'LTE':
        return x <= v;
      case 'BETWEEN':
        return v <= x && x <= h;
      case 'WITHIN_NEXT_DAYS':
        return nowMs <= x && x <= nowMs + v * DAY_MS;
      case 'WITHIN_LAST_DAYS':
        return nowMs - v * DAY_MS <= x && x <= nowMs;
      default:
        throw new Error(`not an ordered operator: ${c.operator}`);
    }
  })();
  return holds ? 'match' : 'miss';
};

/** Paths inside a value that are objects or arrays and not frozen. */
const unfrozenPaths = (value: unknown, path = '$'): string[] => {
  if (typeof value !== 'object' || value === null) return [];
  const own = Object.isFrozen(value) ? [] : [path];
  return [...own, ...Object.entries(value).flatMap(([k, v]) => unfrozenPaths(v, `${path}.${k}`))];
};
