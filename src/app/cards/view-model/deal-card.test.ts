import { describe, expect, it } from 'vitest';

import { COMPANIES, dealValue } from '../../../../test/support/cards/score-values.ts';
import { dealCardView } from './deal-card.ts';

const viewOf = (deal: Record<string, string>, company: Record<string, string> | null) => {
  const value = dealValue(deal, company);
  return dealCardView(value, value.deal);
};

const ALL_YES = {
  pain_identified: 'true',
  budget_confirmed: 'true',
  decision_date: '2026-02-01',
};

describe('dealCardView', () => {
  it('a focus deal: dream company, all three questions answered yes', () => {
    const view = viewOf({ amount: '60000', ...ALL_YES }, COMPANIES.dream);
    expect(view.focus).toBe(true);
    expect(view.alerts).toEqual([]);
    expect(view.summary.segmentName).toBe('Enterprise SaaS');
    expect(view.dreamTest).toEqual([
      {
        group: 'need',
        question: 'Do they need us?',
        outcome: 'pass',
        answer: 'Yes',
        variant: 'success',
        detail: 'All criteria met',
      },
      {
        group: 'abilityToPay',
        question: 'Can they pay?',
        outcome: 'pass',
        answer: 'Yes',
        variant: 'success',
        detail: 'All criteria met',
      },
      {
        group: 'urgency',
        question: 'Should they buy now?',
        outcome: 'pass',
        answer: 'Yes',
        variant: 'success',
        detail: 'All criteria met',
      },
    ]);
    expect(view.warnings).toEqual([]);
    expect(view.exception).toBeNull();
    expect(view.explanation?.primary?.segmentId).toBe('enterprise-saas');
  });

  it('names failed and unknown questions by their criteria', () => {
    const view = viewOf({ amount: '60000', budget_confirmed: 'false' }, COMPANIES.dream);
    expect(view.focus).toBe(false);
    expect(view.dreamTest?.map((r) => [r.answer, r.detail])).toEqual([
      ['Unknown', 'Not known yet: Pain identified'],
      ['No', 'Not met: Budget confirmed'],
      ['Unknown', 'Not known yet: Decision within 90 days'],
    ]);
  });

  it('warns about price competition with the discount, and about the deal size', () => {
    const view = viewOf({ amount: '20000', discount_percent: '35' }, COMPANIES.dream);
    expect(view.warnings).toEqual([
      {
        code: 'price_competition',
        title: 'Price competition: 35% discount',
        body: 'If we do not stand out, we can only compete on price.',
      },
      {
        code: 'deal_size_outside_segment',
        title: 'Deal size outside the segment',
        body: 'The amount (20,000) is outside the usual deal size for Enterprise SaaS.',
      },
    ]);
  });

  it('an off-strategy deal gets a danger alert and an exception section', () => {
    const view = viewOf({ amount: '20000' }, COMPANIES.offStrategy);
    expect(view.alerts).toEqual([
      {
        kind: 'off_strategy',
        title: 'Off-strategy deal',
        body: 'Off strategy: the best match, Enterprise SaaS, scores 0% (stretch needs 40%)',
        variant: 'danger',
      },
    ]);
    expect(view.exception?.canRequest).toBe(true);
  });

  it('an approved exception turns the off-strategy alert into a warning with its expiry', () => {
    const view = viewOf(
      {
        amount: '20000',
        strategy_fit_exception: 'approved',
        strategy_fit_exception_expires: '2026-04-15',
      },
      COMPANIES.offStrategy,
    );
    expect(view.alerts[0]).toMatchObject({
      title: 'Off-strategy deal: approved exception until 2026-04-15',
      variant: 'warning',
    });
  });

  it('a refused deal says why, and the rep may still ask for an exception', () => {
    const view = viewOf({ amount: '20000' }, COMPANIES.refused);
    expect(view.alerts).toEqual([
      {
        kind: 'refused',
        title: 'Refused: this deal’s company is one we do not sell to',
        body: 'We do not sell to tobacco companies',
        variant: 'danger',
      },
    ]);
    expect(view.exception?.canRequest).toBe(true);
  });

  it('a deal without a company says so and asks for one', () => {
    const view = viewOf({ amount: '20000' }, null);
    expect(view.summary.tier.tier).toBe('needs_data');
    expect(view.alerts).toEqual([
      {
        kind: 'no_company',
        title: 'No associated company',
        body: 'Associate a company with this deal so it can be scored against the strategy.',
        variant: 'warning',
      },
    ]);
    expect(view.explanation).toBeNull();
    expect(view.todos[0]?.text).toBe('Associate a company with this deal so it can be scored');
  });
});
