import { describe, expect, it } from 'vitest';

import { COMPANIES, companyValue } from '../../../../test/support/cards/score-values.ts';
import { positioningView } from './positioning.ts';

const positioningOf = (properties: Record<string, string>) =>
  companyValue(properties).company?.positioning ?? null;

describe('positioningView (SCORING §10)', () => {
  it('the segment’s value proposition, differentiators and expectations', () => {
    expect(positioningView(positioningOf(COMPANIES.dream))).toEqual({
      title: 'Positioning for Enterprise SaaS',
      valueProposition: 'Forecasts the board believes, from the CRM they already run.',
      differentiators: ['Native two-way CRM sync', 'An audit trail finance signs off'],
      expectations: ['Single sign-on from day one'],
    });
  });

  it('leaves the differentiators out when the card shows them elsewhere (next to price competition)', () => {
    const view = positioningView(positioningOf(COMPANIES.dream), {
      differentiatorsShownElsewhere: true,
    });
    expect(view?.differentiators).toEqual([]);
    expect(view?.expectations).toEqual(['Single sign-on from day one']);
  });

  it('nothing for a segment without positioning, nor for refused or off-strategy records', () => {
    expect(positioningView(positioningOf(COMPANIES.fit))).toBeNull();
    expect(positioningView(positioningOf(COMPANIES.refused))).toBeNull();
    expect(positioningView(positioningOf(COMPANIES.offStrategy))).toBeNull();
  });

  it('needs_data records of a positioned segment show it', () => {
    expect(positioningView(positioningOf(COMPANIES.needsData))?.title).toBe(
      'Positioning for Enterprise SaaS',
    );
  });
});
