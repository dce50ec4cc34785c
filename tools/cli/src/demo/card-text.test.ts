import { describe, expect, it } from 'vitest';

import { companyCardView } from '../../../../src/app/cards/view-model/company-card.ts';
import { dealCardView } from '../../../../src/app/cards/view-model/deal-card.ts';
import { COMPANIES, companyValue, dealValue } from '../../../../test/support/cards/score-values.ts';
import { companyCardText, dealCardText } from './card-text.ts';

const companyText = (properties: Record<string, string>) => {
  const value = companyValue(properties);
  if (value.company === null) throw new Error('a company answer');
  return companyCardText(companyCardView(value.strategy, value.company), 'Company card · Acme');
};

const dealText = (deal: Record<string, string>, company: Record<string, string>) => {
  const value = dealValue(deal, company);
  return dealCardText(dealCardView(value, value.deal), 'Deal card · Rollout');
};

describe('the cards as text (npm start)', () => {
  it('a company: head, reason, the segment’s positioning, the strategy version', () => {
    expect(companyText(COMPANIES.dream)).toBe(
      [
        'Company card · Acme',
        '  Dream · score 100/100 · Enterprise SaaS',
        '  Matches Enterprise SaaS (dream segment) at 100%',
        '  Positioning for Enterprise SaaS',
        '    Value proposition: Forecasts the board believes, from the CRM they already run.',
        '    Differentiators:',
        '      • Native two-way CRM sync',
        '      • An audit trail finance signs off',
        '    Expectations:',
        '      • Single sign-on from day one',
        '  Strategy v3 · Card tests',
      ].join('\n'),
    );
  });

  it('an off-strategy company: the alert with the reason, no positioning', () => {
    const text = companyText(COMPANIES.offStrategy);
    expect(text).toContain(
      '  ✖ Off strategy\n    Off strategy: the best match, Enterprise SaaS, scores 0% (stretch needs 40%)',
    );
    expect(text).not.toContain('Positioning');
  });

  it('a deal: price competition with the differentiators, competitors, positioning without repeating them', () => {
    const text = dealText(
      { amount: '60000', discount_percent: '35', competitors: 'Acme;Initech' },
      COMPANIES.dream,
    );
    expect(text).toContain(
      [
        '  ⚠ Price competition: 35% discount',
        '    If we do not stand out, we can only compete on price.',
        '    What sets us apart in Enterprise SaaS:',
        '      • Native two-way CRM sync',
        '      • An audit trail finance signs off',
        '  Competitors on this deal',
        '    Acme',
        '      Acme goes after this segment too.',
        '      How we win: Show the live sync: Acme exports nightly.',
        '    Initech (other)',
        '      Not a competitor the strategy lists, so there is no advice for it yet.',
        '  Positioning for Enterprise SaaS',
        '    Value proposition: Forecasts the board believes, from the CRM they already run.',
        '    Expectations:',
        '      • Single sign-on from day one',
      ].join('\n'),
    );
  });

  it('an existing customer kept under the retain policy: tagged, the alert says why, no exception', () => {
    const text = dealText({ amount: '20000', dealtype: 'existingbusiness' }, COMPANIES.offStrategy);
    expect(text).toContain('  ℹ Existing customer — kept under the retain policy');
    expect(text).toContain('Off strategy · score 0/100 · Existing customer');
    expect(text).not.toContain('Exception:');
  });
});
