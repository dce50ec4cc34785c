import { describe, expect, it } from 'vitest';

import {
  COMPANY_DEFINITIONS,
  NOW_MS,
  compiledWith,
} from '../../../../../../test/support/core/fixtures.ts';
import { compileStrategy } from '../scoring/compile-strategy.ts';
import { StrategySchema } from '../strategy/strategy-schema.ts';
import {
  addPortalCompany,
  addPortalDeal,
  emptyPortalPart,
  mergePortalParts,
  PortalHolds,
  PortalPart,
  portalHoldsOf,
  VALUE_CAP,
} from './portal-tally.ts';

const company = (id: number, properties: Record<string, string>) => ({
  id: String(id),
  properties,
  definitions: COMPANY_DEFINITIONS,
  nowMs: NOW_MS,
});

const plan = compiledWith([
  { property: 'country', operator: 'IN', values: ['Germany', 'United States'] },
  { property: 'numberofemployees', operator: 'GTE', value: 50 },
  { property: 'industry', operator: 'HAS_PROPERTY' },
]);
const countries = [
  ...Array<string>(5).fill('Germany'),
  ...Array<string>(3).fill('Deutschland'),
  ' deutschland ',
  'USA',
  'USA',
  'United States',
  'Holland',
];

describe('what the portal holds (issue 13)', () => {
  it('counts match / miss / unknown per criterion and the values a text criterion never matches', () => {
    const part = emptyPortalPart(plan);
    countries.forEach((country, i) =>
      addPortalCompany(part, plan, company(i, { country, numberofemployees: '100' })),
    );
    addPortalCompany(part, plan, company(99, { numberofemployees: '10' }));
    const holds = portalHoldsOf(part, plan, { company: COMPANY_DEFINITIONS });
    expect(PortalHolds.parse(holds)).toEqual(holds);
    const [country, employees, industry] = holds.criteria;
    expect(country).toMatchObject({
      path: 'segments[0].criteria[0]',
      records: 14,
      match: 6,
      miss: 7,
      unknown: 1,
      unmatchedValues: [
        { value: 'Deutschland', count: 4 },
        { value: 'USA', count: 2 },
        { value: 'Holland', count: 1 },
      ],
      otherUnmatched: 0,
      flag: null,
    });
    // A number comparison lists no values; a criterion matching every record, or none, is pointed out.
    expect(employees).toMatchObject({ match: 13, miss: 1, unmatchedValues: [], flag: null });
    expect(industry).toMatchObject({ match: 0, miss: 14, flag: 'matches_none' });
  });

  it('points out a criterion that matches every company', () => {
    const all = compiledWith([{ property: 'numberofemployees', operator: 'HAS_PROPERTY' }]);
    const part = emptyPortalPart(all);
    for (let i = 0; i < 3; i += 1)
      addPortalCompany(part, all, company(i, { numberofemployees: '5' }));
    expect(portalHoldsOf(part, all, {}).criteria[0]?.flag).toBe('matches_all');
  });

  it('counts deal criteria (dream test, existing customers) over open deals only', () => {
    const withDream = compileStrategy(
      StrategySchema.parse({
        schemaVersion: 1,
        name: 'S',
        managers: { userIds: ['1'], teamIds: [] },
        segments: [
          {
            id: 's',
            name: 'S',
            priority: 'core',
            criteria: [{ property: 'industry', operator: 'HAS_PROPERTY' }],
          },
        ],
        dreamCustomer: {
          need: [{ property: 'dealtype', operator: 'EQ', value: 'newbusiness' }],
          abilityToPay: [{ property: 'amount', operator: 'GTE', value: 1000 }],
          urgency: [{ property: 'closedate', operator: 'WITHIN_NEXT_DAYS', value: 90 }],
        },
      }),
    );
    const part = emptyPortalPart(withDream);
    for (const dealtype of ['newbusiness', 'existingbusiness', 'existingbusiness'])
      addPortalDeal(part, withDream, {
        id: '1',
        properties: { dealtype, amount: '5000' },
        definitions: {},
        nowMs: NOW_MS,
      });
    const holds = portalHoldsOf(part, withDream, {});
    expect(holds.deals).toBe(3);
    expect(holds.criteria.map((c) => [c.path, c.match, c.miss])).toEqual([
      ['segments[0].criteria[0]', 0, 0],
      ['dreamCustomer.need[0]', 1, 2],
      ['dreamCustomer.abilityToPay[0]', 3, 0],
      ['dreamCustomer.urgency[0]', 0, 0],
      ['existingCustomers.criteria[0]', 2, 1],
    ]);
  });

  it('parts merge like one read (through JSON); at most VALUE_CAP values are kept per criterion', () => {
    const records = Array.from({ length: VALUE_CAP + 40 }, (_, i) =>
      company(i, { country: `Land ${i % (VALUE_CAP + 20)}`, numberofemployees: '1' }),
    );
    const whole = emptyPortalPart(plan);
    for (const r of records) addPortalCompany(whole, plan, r);
    const parts = [0, 1, 2].map((n) => {
      const p = emptyPortalPart(plan);
      records.filter((_, i) => i % 3 === n).forEach((r) => addPortalCompany(p, plan, r));
      return PortalPart.parse(JSON.parse(JSON.stringify(p)));
    });
    const merged = parts.reduce(mergePortalParts, emptyPortalPart(plan));
    const a = portalHoldsOf(whole, plan, {}).criteria[0];
    const b = portalHoldsOf(merged, plan, {}).criteria[0];
    expect(b).toMatchObject({ match: a?.match, miss: a?.miss, records: a?.records });
    expect(Object.keys(merged.criteria[0]?.missed ?? {}).length).toBeLessThanOrEqual(VALUE_CAP);
    expect(
      (b?.otherUnmatched ?? 0) + (b?.unmatchedValues ?? []).reduce((n, v) => n + v.count, 0),
    ).toBe(b?.miss);
    // The most frequent (the 20 values seen twice) come first in both.
    expect(b?.unmatchedValues).toEqual(a?.unmatchedValues);
  });
});
