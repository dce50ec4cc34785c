import { Tier, TIER_TONE } from '@strategy-fit/core';
import { describe, expect, it } from 'vitest';

import { OUTCOME_VIEW, tierBadge } from './tier.ts';

describe('tier colours', () => {
  it('every tier has one colour, the same on every card and page (the core’s TIER_TONE)', () => {
    const variants = Object.fromEntries(Tier.options.map((t) => [t, tierBadge(t).variant]));
    expect(variants).toEqual(TIER_TONE);
  });

  it('a tier badge carries SCORING.md’s word for the tier', () => {
    expect(tierBadge('needs_data')).toEqual({
      tier: 'needs_data',
      label: 'Needs data',
      variant: 'warning',
    });
    expect(tierBadge('off_strategy').label).toBe('Off strategy');
  });

  it('outcomes read matched / missed / unknown', () => {
    expect(Object.values(OUTCOME_VIEW).map((o) => o.label)).toEqual([
      'Matched',
      'Missed',
      'Unknown',
    ]);
  });
});
