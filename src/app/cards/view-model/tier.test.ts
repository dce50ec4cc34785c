import { Tier } from '@strategy-fit/core';
import { describe, expect, it } from 'vitest';

import { OUTCOME_VIEW, TIER_TAG_VARIANT, tierBadge } from './tier.ts';

describe('tier colours', () => {
  it('every tier has one colour, the same on every card', () => {
    expect(TIER_TAG_VARIANT).toMatchInlineSnapshot(`
      {
        "dream": "success",
        "fit": "success",
        "needs_data": "warning",
        "off_strategy": "error",
        "refused": "error",
        "stretch": "info",
      }
    `);
    expect(Object.keys(TIER_TAG_VARIANT).sort()).toEqual([...Tier.options].sort());
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
