import fc from 'fast-check';
import { describe, expect, it } from 'vitest';

import b2b from '../../../../../../examples/strategies/02-b2b-saas.json' with { type: 'json' };
import {
  company,
  COMPANY_DEFINITIONS,
  compiledWith,
  DAY_MS,
  NOW_MS,
  segment,
  strategyOf,
} from '../_fixtures/build.ts';
import type { CriterionInput } from '../strategy/strategy-schema.ts';
import { parseStrategy } from '../strategy/parse-strategy.ts';
import { compileStrategy } from './compile-strategy.ts';
import { evaluateCompany } from './evaluate-company.ts';
import { scoreCompany } from './score-company.ts';

const headline = (s: ReturnType<typeof scoreCompany>) => ({
  tier: s.tier,
  fitScore: s.fitScore,
  segmentId: s.segmentId,
  exclusionId: s.exclusionId,
  offStrategy: s.offStrategy,
  reason: s.reason,
});

describe('evaluateCompany, the fast path', () => {
  it('returns what the write-back needs, nothing more', () => {
    const compiled = compiledWith([{ property: 'country', operator: 'EQ', value: 'Germany' }]);
    expect(evaluateCompany(compiled, company({ country: 'Germany' }))).toEqual({
      tier: 'fit',
      fitScore: 100,
      segmentId: 'seg',
      exclusionId: null,
      offStrategy: false,
      reason: 'Matches seg (core segment) at 100%',
    });
  });

  it('agrees with scoreCompany on the example strategy for realistic companies', () => {
    const parsed = parseStrategy(b2b);
    if (!parsed.ok) throw new Error('example invalid');
    const compiled = compileStrategy(parsed.value);
    const companies = [
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
        web_technologies: 'hubspot;google_analytics',
        annualrevenue: '25000000',
        country: 'Germany',
      },
      { industry: 'FINANCIAL_SERVICES', numberofemployees: '800', is_public: 'true' },
      {
        industry: 'HOSPITAL_HEALTH_CARE',
        numberofemployees: 'about 300',
        country: 'United States',
      },
      { web_technologies: 'shopify;stripe', annualrevenue: '12000000' },
      { industry: 'GAMBLING_CASINOS', numberofemployees: '5000' },
      { type: 'VENDOR', industry: 'COMPUTER_SOFTWARE' },
      { numberofemployees: '4' },
      {},
    ];
    const rows = companies.map((p) => {
      const facts = company(p, { ...COMPANY_DEFINITIONS });
      const fast = evaluateCompany(compiled, facts);
      expect(fast).toEqual(headline(scoreCompany(compiled, facts)));
      return `${fast.tier} ${fast.fitScore} ${String(fast.segmentId)} — ${fast.reason}`;
    });
    expect(rows).toMatchInlineSnapshot(`
      [
        "dream 100 enterprise-saas — Matches Enterprise SaaS (dream segment) at 100%",
        "fit 100 midmarket-tech — Matches Mid-market tech (core segment) at 100%",
        "fit 86 financial-services — Matches Financial services (core segment) at 86%",
        "fit 75 healthcare — Matches Healthcare providers (opportunistic segment) at 75%",
        "fit 100 ecommerce — Matches E-commerce brands (opportunistic segment) at 100%",
        "refused 0 null — Company policy: we do not sell to gambling or tobacco companies",
        "refused 0 null — Vendors are competitors or suppliers, not customers",
        "refused 0 null — Under 10 employees: too small to use the product",
        "needs_data 0 enterprise-saas — Could reach Enterprise SaaS at up to 100% — missing: Industry, Number of Employees, Annual Revenue and 2 more",
      ]
    `);
  });

  it('picks up changed property definitions between calls (multi-select split)', () => {
    const compiled = compiledWith([
      { property: 'web_technologies', operator: 'EQ', value: 'hubspot' },
    ]);
    const props = { web_technologies: 'salesforce;hubspot' };
    expect(evaluateCompany(compiled, company(props)).fitScore).toBe(100);
    expect(evaluateCompany(compiled, company(props, {})).fitScore).toBe(0);
    expect(evaluateCompany(compiled, company(props)).fitScore).toBe(100);
  });

  it('follows nowMs between calls (no stale outcome for WITHIN_* criteria)', () => {
    const compiled = compiledWith([
      { property: 'createdate', operator: 'WITHIN_LAST_DAYS', value: 10 },
      { property: 'createdate', operator: 'HAS_PROPERTY' },
    ]);
    const facts = company({ createdate: '2026-01-10' });
    expect(evaluateCompany(compiled, facts).fitScore).toBe(100);
    expect(evaluateCompany(compiled, { ...facts, nowMs: NOW_MS + 30 * DAY_MS }).fitScore).toBe(50);
    expect(evaluateCompany(compiled, facts).fitScore).toBe(100);
  });

  it('gives the same results once its per-value cache is full', () => {
    const compiled = compiledWith([
      { property: 'country', operator: 'CONTAINS_TOKEN', value: '7' },
      { property: 'country', operator: 'HAS_PROPERTY' },
    ]);
    for (let i = 0; i < 10_000; i += 1) {
      const facts = company({ country: `country ${i}` });
      expect(evaluateCompany(compiled, facts).fitScore).toBe(String(i).includes('7') ? 100 : 50);
    }
  });

  // The fast path answers numbers and dates by value region between the criteria's bounds
  // (fast-interval.ts): values on a bound, just beside it and between bounds must agree with the
  // full explanation, for open and closed bounds, negations and bounds that move with now.
  it('agrees with scoreCompany on and around every bound of number and date criteria', () => {
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
      fc.record({
        property: fc.constant('createdate'),
        operator: fc.constantFrom('WITHIN_LAST_DAYS', 'WITHIN_NEXT_DAYS'),
        value: fc.constantFrom(0, 1, 5),
      }),
    );
    const criterion = fc
      .tuple(fc.oneof(numberCriterion, dateCriterion), fc.integer({ min: 1, max: 10 }))
      .map(([c, weight]) => ({ ...c, weight }) as CriterionInput);
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
      String(NOW_MS),
      'soon',
      null,
    );
    fc.assert(
      fc.property(
        fc.array(fc.array(criterion, { minLength: 1, maxLength: 6 }), {
          minLength: 1,
          maxLength: 3,
        }),
        fc.array(
          fc.record({
            numberofemployees: numberValue,
            annualrevenue: numberValue,
            createdate: dateValue,
            nowDays: fc.constantFrom(0, 1, 5),
          }),
          { minLength: 1, maxLength: 8 },
        ),
        (segments, companies) => {
          const compiled = compileStrategy(
            strategyOf(segments.map((criteria, i) => segment(`s${i}`, criteria))),
          );
          for (const { nowDays, ...properties } of companies) {
            const facts = { ...company(properties), nowMs: NOW_MS + nowDays * DAY_MS };
            expect(evaluateCompany(compiled, facts)).toEqual(
              headline(scoreCompany(compiled, facts)),
            );
          }
        },
      ),
      { numRuns: 400, seed: 20_261_127 },
    );
  });
});
