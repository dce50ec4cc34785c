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
        points: {
          label: 'What sets us apart in Enterprise SaaS:',
          items: ['Native two-way CRM sync', 'An audit trail finance signs off'],
        },
      },
      {
        code: 'deal_size_outside_segment',
        title: 'Deal size outside the segment',
        body: 'The amount (20,000) is outside the usual deal size for Enterprise SaaS.',
        points: null,
      },
    ]);
  });

  it('puts the differentiators next to the price warning once: the positioning section leaves them out', () => {
    const view = viewOf({ amount: '60000', discount_percent: '35' }, COMPANIES.dream);
    expect(view.positioning).toEqual({
      title: 'Positioning for Enterprise SaaS',
      valueProposition: 'Forecasts the board believes, from the CRM they already run.',
      differentiators: [],
      expectations: ['Single sign-on from day one'],
    });
  });

  it('without price competition the positioning section has the differentiators', () => {
    const view = viewOf({ amount: '60000' }, COMPANIES.dream);
    expect(view.positioning?.differentiators).toEqual([
      'Native two-way CRM sync',
      'An audit trail finance signs off',
    ]);
  });

  it('a segment without positioning shows nothing extra, next to price competition too', () => {
    const view = viewOf({ amount: '20000', discount_percent: '35' }, COMPANIES.fit);
    expect(view.summary.segmentName).toBe('Mid-market');
    expect(view.positioning).toBeNull();
    expect(view.warnings.find((w) => w.code === 'price_competition')?.points).toBeNull();
  });

  it('off-strategy and refused deals show no positioning', () => {
    expect(viewOf({ amount: '20000' }, COMPANIES.offStrategy).positioning).toBeNull();
    expect(viewOf({ amount: '20000' }, COMPANIES.refused).positioning).toBeNull();
  });

  it('names the line items outside the segment’s offer', () => {
    const value = dealValue({ amount: '60000' }, COMPANIES.dream, {
      lineItems: [
        { name: 'Platform', price: '50000', quantity: '1', hs_sku: 'PLAT-ANNUAL' },
        { name: 'Training day', price: '1500', quantity: '2', hs_sku: 'TRN-1' },
        { name: 'Workshop', price: '2000', quantity: '1' },
      ],
    });
    const view = dealCardView(value, value.deal);
    expect(view.warnings).toEqual([
      {
        code: 'offer_outside_segment',
        title: 'Offer outside the segment',
        body: 'Not in the Enterprise SaaS offer: Training day (SKU TRN-1)',
        points: null,
      },
    ]);
  });

  it('lists the competitors on the deal, the one going after this segment first in the strategy’s order', () => {
    const view = viewOf({ amount: '60000', competitors: 'Initech;Globex;Acme' }, COMPANIES.dream);
    expect(view.competitors.map((c) => [c.testId, c.name, c.listed, c.targets])).toEqual([
      ['competitor-acme', 'Acme', true, 'Acme goes after this segment too.'],
      ['competitor-globex', 'Globex', true, null],
      ['competitor-other-1', 'Initech', false, null],
    ]);
    expect(viewOf({ amount: '60000' }, COMPANIES.dream).competitors).toEqual([]);
  });

  it('an existing customer kept under the retain policy: said so, no exception asked', () => {
    const view = viewOf({ amount: '20000', dealtype: 'existingbusiness' }, COMPANIES.offStrategy);
    expect(view.existingCustomer).toBe(true);
    expect(view.alerts).toEqual([
      {
        kind: 'retained',
        title: 'Existing customer — kept under the retain policy',
        body: expect.stringMatching(
          /^Off strategy: the best match, Enterprise SaaS, scores 0% \(stretch needs 40%\)\. This deal is existing business with a customer we keep \(policy “retain”\): it needs no exception/,
        ),
        variant: 'info',
      },
    ]);
    expect(view.exception).toBeNull();
  });

  it('an existing customer on strategy is tagged as such, with no alert', () => {
    const view = viewOf({ amount: '60000', dealtype: 'existingbusiness' }, COMPANIES.dream);
    expect(view.existingCustomer).toBe(true);
    expect(view.alerts).toEqual([]);
    expect(viewOf({ amount: '60000' }, COMPANIES.dream).existingCustomer).toBe(false);
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
