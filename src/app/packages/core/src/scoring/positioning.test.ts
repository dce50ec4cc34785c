// SCORING §10 positioning: what reps are told to sell, on the company's and the deal's score.
import { describe, expect, it } from 'vitest';

import {
  company,
  deal,
  NOW_MS,
  segment,
  strategyOf,
} from '../../../../../../test/support/core/fixtures.ts';
import type { Tier } from '../enums.ts';
import { compileStrategy } from './compile-strategy.ts';
import { scoreCompany } from './score-company.ts';
import { scoreDeal } from './score-deal.ts';

const compiled = compileStrategy(
  strategyOf(
    [
      segment(
        'saas',
        [
          { property: 'industry', operator: 'EQ', value: 'COMPUTER_SOFTWARE', required: true },
          { property: 'numberofemployees', operator: 'GTE', value: 500 },
          { property: 'country', operator: 'EQ', value: 'Germany' },
        ],
        {
          name: 'SaaS',
          priority: 'dream',
          positioning: {
            valueProposition: 'Forecasts your board believes',
            differentiators: ['Native HubSpot sync', 'Live in two weeks'],
          },
        },
      ),
      segment('banks', [{ property: 'industry', operator: 'EQ', value: 'FINANCIAL_SERVICES' }], {
        name: 'Banks',
      }),
    ],
    {
      exclusions: [
        {
          id: 'tobacco',
          reason: 'No tobacco',
          criteria: [{ property: 'industry', operator: 'EQ', value: 'TOBACCO' }],
        },
      ],
    },
  ),
);

const SAAS_POSITIONING = {
  segmentId: 'saas',
  segmentName: 'SaaS',
  valueProposition: 'Forecasts your board believes',
  differentiators: ['Native HubSpot sync', 'Live in two weeks'],
  expectations: [],
};

const cases: [Tier, Record<string, string>][] = [
  ['dream', { industry: 'COMPUTER_SOFTWARE', numberofemployees: '900', country: 'Germany' }],
  ['stretch', { industry: 'COMPUTER_SOFTWARE', numberofemployees: '900', country: 'France' }],
  ['needs_data', { industry: 'COMPUTER_SOFTWARE', numberofemployees: '90' }],
];

describe('SCORING §10 positioning', () => {
  it.each(cases)(
    'cards show the positioning of the company’s segment for the %s tier, on the company and its deals',
    (tier, properties) => {
      const facts = company(properties);
      const score = scoreCompany(compiled, facts);
      expect(score.tier).toBe(tier);
      expect(score.positioning).toEqual(SAAS_POSITIONING);
      const dealScore = scoreDeal(compiled, {
        deal: deal({}),
        company: { facts, score },
        lineItems: [],
        nowMs: NOW_MS,
      });
      expect(dealScore.positioning).toEqual(SAAS_POSITIONING);
    },
  );

  it('a segment without positioning shows nothing extra', () => {
    const score = scoreCompany(compiled, company({ industry: 'FINANCIAL_SERVICES' }));
    expect([score.tier, score.segmentId, score.positioning]).toEqual(['fit', 'banks', null]);
  });

  it('refused and off-strategy records show no positioning (there is nothing to sell)', () => {
    const refused = scoreCompany(compiled, company({ industry: 'TOBACCO' }));
    const off = scoreCompany(compiled, company({ industry: 'RETAIL', country: 'Germany' }));
    expect([refused.tier, refused.positioning]).toEqual(['refused', null]);
    expect([off.tier, off.positioning]).toEqual(['off_strategy', null]);
    const noCompany = scoreDeal(compiled, {
      deal: deal({}),
      company: null,
      lineItems: [],
      nowMs: NOW_MS,
    });
    expect(noCompany.positioning).toBeNull();
  });
});
