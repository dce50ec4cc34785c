import { describe, expect, it } from 'vitest';

import { COMPANIES, dealValue } from '../../../../test/support/cards/score-values.ts';
import { competitorViews } from './competitors.ts';

const competitorsOn = (value: string, company: Record<string, string> = COMPANIES.dream) =>
  competitorViews(dealValue({ amount: '60000', competitors: value }, company).deal.competitors);

describe('competitorViews (SCORING §11)', () => {
  it('a competitor that goes after the deal’s segment: its name, that it does, how we win', () => {
    expect(competitorsOn('Acme')).toEqual([
      {
        testId: 'competitor-acme',
        name: 'Acme',
        listed: true,
        targets: 'Acme goes after this segment too.',
        howWeWin: 'How we win: Show the live sync: Acme exports nightly.',
        note: null,
      },
    ]);
  });

  it('a competitor of another segment, without advice: says the strategy has none yet', () => {
    expect(competitorsOn('Globex')).toEqual([
      {
        testId: 'competitor-globex',
        name: 'Globex',
        listed: true,
        targets: null,
        howWeWin: null,
        note: 'The strategy does not say yet how we win against Globex.',
      },
    ]);
    expect(competitorsOn('Globex', COMPANIES.fit)[0]?.targets).toBe(
      'Globex goes after this segment too.',
    );
  });

  it('values no competitor lists are shown as "other", with the value as the deal has it', () => {
    expect(competitorsOn('Initech;Acme')).toMatchObject([
      { testId: 'competitor-acme' },
      {
        testId: 'competitor-other-1',
        name: 'Initech',
        listed: false,
        targets: null,
        howWeWin: null,
        note: 'Not a competitor the strategy lists, so there is no advice for it yet.',
      },
    ]);
  });
});
