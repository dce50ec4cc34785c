// SCORING §13: "if everyone is our customer, we have no customers".
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';

import { segment, strategyOf } from '../../../../../../test/support/core/fixtures.ts';
import {
  company,
  reviewOf,
  STRATEGY,
} from '../../../../../../test/support/core/review-fixtures.ts';
import { Tier } from '../enums.ts';
import { createSimulationAccumulator } from './create-simulation-accumulator.ts';
import { computeFocusGuard, simulationFocusGuard, strategyFocusWarnings } from './focus-guard.ts';

const noExclusions = strategyOf([segment('all', [{ property: 'name', operator: 'HAS_PROPERTY' }])]);
const codes = (warnings: { code: string }[]) => warnings.map((w) => w.code);

describe('SCORING §13 focus guard', () => {
  it('refuses_nobody: no company is refused or off_strategy', () => {
    const guard = computeFocusGuard(STRATEGY, { dream: 1, fit: 1, stretch: 2 });
    expect(guard.warnings[0]).toEqual({
      code: 'refuses_nobody',
      message:
        'If everyone is our customer, we have no customers: this strategy turns nobody away.',
    });
    expect(codes(computeFocusGuard(STRATEGY, { stretch: 3, off_strategy: 1 }).warnings)).toEqual(
      [],
    );
    expect(codes(computeFocusGuard(STRATEGY, { stretch: 3, refused: 1 }).warnings)).toEqual([]);
  });

  it('no_exclusions (raised by validate, with or without a portal): the strategy has no exclusions', () => {
    expect(strategyFocusWarnings(noExclusions)).toEqual([
      { code: 'no_exclusions', message: 'This strategy names no customers we refuse.' },
    ]);
    expect(strategyFocusWarnings(STRATEGY)).toEqual([]);
    expect(codes(computeFocusGuard(noExclusions, { off_strategy: 1 }).warnings)).toEqual([
      'no_exclusions',
    ]);
  });

  it('accepts_most: dream + fit companies are more than focusGuard.maxAcceptedPercent % of them', () => {
    const guard = computeFocusGuard(STRATEGY, { dream: 2, fit: 4, off_strategy: 3 });
    expect(guard.warnings).toEqual([
      {
        code: 'accepts_most',
        message: '67 % of your companies are dream or fit customers: that is not a focus.',
      },
    ]);
    // Exactly the limit is not more than it.
    expect(codes(computeFocusGuard(STRATEGY, { fit: 1, refused: 1 }).warnings)).toEqual([]);
    const strict = strategyOf(STRATEGY.segments, {
      exclusions: STRATEGY.exclusions,
      focusGuard: { maxAcceptedPercent: 20 },
    });
    expect(codes(computeFocusGuard(strict, { fit: 1, refused: 3 }).warnings)).toEqual([
      'accepts_most',
    ]);
  });

  it('a strategy whose one segment matches every company shows all three warnings', () => {
    expect(codes(computeFocusGuard(noExclusions, { dream: 40 }).warnings)).toEqual([
      'refuses_nobody',
      'no_exclusions',
      'accepts_most',
    ]);
    expect(computeFocusGuard(noExclusions, { dream: 40 }).warnings[2]?.message).toBe(
      '100 % of your companies are dream or fit customers: that is not a focus.',
    );
  });

  it('over the companies that a simulation or review scores (refused included, never scored not)', () => {
    const review = reviewOf({
      companies: [
        company({ id: 'c1', tier: 'dream' }),
        company({ id: 'c2', tier: 'fit' }),
        company({ id: 'c3', tier: null }),
        company({ id: 'c4', tier: 'needs_data' }),
      ],
    });
    expect(review.focusGuard).toMatchObject({
      companies: 3,
      dreamOrFit: 2,
      refusedOrOffStrategy: 0,
      warnings: [{ code: 'refuses_nobody' }, { code: 'accepts_most' }],
    });
    const sim = createSimulationAccumulator();
    sim.addOpenDeal({ companyId: 'c2', amount: '10' });
    sim.addCompany({ id: 'c1', oldTier: null, newTier: 'refused' });
    sim.addCompany({ id: 'c2', oldTier: 'fit', newTier: 'dream' });
    expect(simulationFocusGuard(STRATEGY, sim.finish())).toMatchObject({
      companies: 2,
      dreamOrFit: 1,
      refusedOrOffStrategy: 1,
      warnings: [],
    });
  });

  it('with no company counted, only no_exclusions can show', () => {
    expect(computeFocusGuard(STRATEGY, {})).toMatchObject({ acceptedShare: null, warnings: [] });
    expect(codes(computeFocusGuard(noExclusions, {}).warnings)).toEqual(['no_exclusions']);
  });
});

describe('SCORING §13 focus guard (fast-check)', () => {
  it("the focus guard's shares add up to the companies it counts, and its warnings follow them", () => {
    const counts = fc.dictionary(fc.constantFrom(...Tier.options), fc.nat({ max: 50 }));
    fc.assert(
      fc.property(counts, fc.integer({ min: 1, max: 100 }), (tiers, max) => {
        const s = strategyOf(STRATEGY.segments, {
          exclusions: STRATEGY.exclusions,
          focusGuard: { maxAcceptedPercent: max },
        });
        const g = computeFocusGuard(s, tiers);
        const total = Object.values(tiers).reduce((a, b) => a + b, 0);
        expect(g.dreamOrFit + g.stretchOrNeedsData + g.refusedOrOffStrategy).toBe(g.companies);
        expect(g.companies).toBe(total);
        const accepted = g.acceptedShare ?? 0;
        expect(codes(g.warnings).includes('accepts_most')).toBe(
          total > 0 && accepted * 100 > max + 1e-9,
        );
        expect(codes(g.warnings).includes('refuses_nobody')).toBe(
          total > 0 && g.refusedOrOffStrategy === 0,
        );
      }),
    );
  });
});
