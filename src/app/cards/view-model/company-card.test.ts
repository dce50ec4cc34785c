import { describe, expect, it } from 'vitest';

import { COMPANIES, companyValue } from '../../../../test/support/cards/score-values.ts';
import { companyCardView } from './company-card.ts';

const viewOf = (properties: Record<string, string>) => {
  const value = companyValue(properties);
  if (value.company === null) throw new Error('a company answer has a company');
  return companyCardView(value.strategy, value.company);
};

describe('companyCardView', () => {
  it('a dream company: score, tier, segment, reason and strategy version, no alert', () => {
    const view = viewOf(COMPANIES.dream);
    expect(view.summary).toEqual({
      score: 100,
      tier: { tier: 'dream', label: 'Dream', variant: 'success' },
      segmentName: 'Enterprise SaaS',
      reason: 'Matches Enterprise SaaS (dream segment) at 100%',
      strategyLabel: 'Strategy v3',
      strategyName: 'Card tests',
    });
    expect(view.alert).toBeNull();
    expect(view.todos).toEqual([]);
    expect(view.dataQuality).toEqual([]);
  });

  it('a company of a positioned segment carries its positioning; one without, none (SCORING §10)', () => {
    expect(viewOf(COMPANIES.dream).positioning?.title).toBe('Positioning for Enterprise SaaS');
    expect(viewOf(COMPANIES.fit).positioning).toBeNull();
    expect(viewOf(COMPANIES.offStrategy).positioning).toBeNull();
  });

  it('an off-strategy company gets a danger alert with the reason, and no segment', () => {
    const view = viewOf(COMPANIES.offStrategy);
    expect(view.summary.segmentName).toBeNull();
    expect(view.alert).toEqual({
      kind: 'off_strategy',
      title: 'Off strategy',
      body: 'Off strategy: the best match, Enterprise SaaS, scores 0% (stretch needs 40%)',
      variant: 'danger',
    });
  });

  it('a refused company gets a danger alert with the refusal reason', () => {
    expect(viewOf(COMPANIES.refused).alert).toEqual({
      kind: 'refused',
      title: 'Refused: we do not sell to this company',
      body: 'We do not sell to tobacco companies',
      variant: 'danger',
    });
  });

  it('lists the to-dos that would raise the tier and the unreadable values', () => {
    const view = viewOf(COMPANIES.unreadable);
    expect(view.todos.map((t) => t.text)).toEqual([
      'Correct the Number of Employees (“lots” is not a number) to reach Dream',
    ]);
    expect(view.dataQuality.map((f) => f.text)).toEqual([
      'Number of Employees: “lots” is not a number',
    ]);
  });
});
