// SCORING §11: a deal's competitors, how we win, and whether they go after the deal's segment.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';

import {
  company,
  deal,
  NOW_MS,
  segment,
  strategyOf,
} from '../../../../../../test/support/core/fixtures.ts';
import type { PropertyDefinitions } from '../facts/schema.ts';
import type { StrategyInput } from '../strategy/strategy-schema.ts';
import { compileStrategy } from './compile-strategy.ts';
import { competitorIdsOf, dealCompetitors } from './deal-competitors.ts';
import { scoreCompany } from './score-company.ts';
import { scoreDeal } from './score-deal.ts';

const CHECKBOX: PropertyDefinitions = {
  competitors: {
    name: 'competitors',
    label: 'Competitors',
    type: 'enumeration',
    fieldType: 'checkbox',
    options: [],
  },
};

const strategyWith = (extra: Partial<StrategyInput> = {}) =>
  strategyOf(
    [
      segment('saas', [{ property: 'industry', operator: 'EQ', value: 'COMPUTER_SOFTWARE' }], {
        name: 'SaaS',
      }),
      segment('banks', [{ property: 'industry', operator: 'EQ', value: 'FINANCIAL_SERVICES' }]),
    ],
    {
      competitors: [
        {
          id: 'pipewise',
          name: 'Pipewise',
          values: ['Pipewise', 'PW Inc'],
          targets: ['saas'],
          howWeWin: 'Show the native sync',
        },
        { id: 'forecastly', name: 'Forecastly', targets: ['banks'] },
      ],
      competitorProperty: 'competitors',
      ...extra,
    },
  );

const competitorsOn = (value: string | null, definitions: PropertyDefinitions = CHECKBOX) =>
  dealCompetitors(strategyWith(), { properties: { competitors: value }, definitions }, 'saas');

describe('SCORING §11 competitors', () => {
  it("a deal's competitors: the value of competitorProperty, each matched to the competitor whose values contain it (trimmed, case-insensitive; default its name)", () => {
    expect(competitorsOn(' pw inc ; FORECASTLY ')).toEqual([
      {
        competitorId: 'pipewise',
        name: 'Pipewise',
        value: 'pw inc',
        howWeWin: 'Show the native sync',
        targetsSegment: true,
      },
      {
        competitorId: 'forecastly',
        name: 'Forecastly',
        value: 'FORECASTLY',
        howWeWin: null,
        targetsSegment: false,
      },
    ]);
  });

  it('split on ; only when the property is a checkbox enumeration (SCORING §3)', () => {
    expect(competitorsOn('Pipewise;Forecastly', {}).map((c) => [c.competitorId, c.value])).toEqual([
      ['other', 'Pipewise;Forecastly'],
    ]);
  });

  it('values that match no competitor are kept as "other" with the raw value', () => {
    expect(competitorsOn('Spreadsheets;pipewise;In-house build;spreadsheets')).toEqual([
      {
        competitorId: 'pipewise',
        name: 'Pipewise',
        value: 'pipewise',
        howWeWin: 'Show the native sync',
        targetsSegment: true,
      },
      {
        competitorId: 'other',
        name: null,
        value: 'Spreadsheets',
        howWeWin: null,
        targetsSegment: false,
      },
      {
        competitorId: 'other',
        name: null,
        value: 'In-house build',
        howWeWin: null,
        targetsSegment: false,
      },
    ]);
  });

  it('no property or no value: none', () => {
    expect(competitorsOn(null)).toEqual([]);
    expect(competitorsOn('  ')).toEqual([]);
    expect(competitorsOn(';')).toEqual([]);
    const withoutProperty = strategyWith({ competitorProperty: undefined });
    expect(
      dealCompetitors(
        withoutProperty,
        { properties: { competitors: 'Pipewise' }, definitions: CHECKBOX },
        'saas',
      ),
    ).toEqual([]);
  });

  it("when the deal's segment is one of the competitor's targets, it says so", () => {
    const compiled = compileStrategy(strategyWith());
    const onDeal = (industry: string) => {
      const facts = company({ industry });
      return scoreDeal(compiled, {
        deal: deal({ competitors: 'Pipewise;Forecastly' }, CHECKBOX),
        company: { facts, score: scoreCompany(compiled, facts) },
        lineItems: [],
        nowMs: NOW_MS,
      }).competitors.map((c) => `${c.competitorId}:${String(c.targetsSegment)}`);
    };
    expect(onDeal('COMPUTER_SOFTWARE')).toEqual(['pipewise:true', 'forecastly:false']);
    expect(onDeal('FINANCIAL_SERVICES')).toEqual(['pipewise:false', 'forecastly:true']);
    expect(onDeal('RETAIL')).toEqual(['pipewise:false', 'forecastly:false']);
  });

  it('write-back: the matched competitor ids, sorted; an unmatched value adds other', () => {
    expect(competitorIdsOf(competitorsOn('Spreadsheets;Pipewise;Forecastly;Excel'))).toEqual([
      'forecastly',
      'other',
      'pipewise',
    ]);
    expect(competitorIdsOf(competitorsOn(null))).toEqual([]);
  });
});

describe('SCORING §11 competitors (fast-check)', () => {
  it('every value on the deal is accounted for: matched to its competitor, or other', () => {
    const value = fc.constantFrom('Pipewise', 'pw inc', 'FORECASTLY', 'Excel', 'x', ' ');
    fc.assert(
      fc.property(fc.array(value, { maxLength: 6 }), (values) => {
        const found = competitorsOn(values.join(';'));
        const keys = new Set(found.map((c) => c.value.toLowerCase()));
        const ids = new Set(found.map((c) => c.competitorId));
        for (const v of values.map((x) => x.trim()).filter((x) => x !== '')) {
          const id = ['pipewise', 'pw inc'].includes(v.toLowerCase())
            ? 'pipewise'
            : v.toLowerCase() === 'forecastly'
              ? 'forecastly'
              : 'other';
          expect(ids.has(id)).toBe(true);
          if (id === 'other') expect(keys.has(v.toLowerCase())).toBe(true);
        }
        expect(found.filter((c) => c.competitorId !== 'other').length).toBe(
          new Set(found.filter((c) => c.competitorId !== 'other').map((c) => c.competitorId)).size,
        );
      }),
    );
  });
});
