import { describe, expect, it } from 'vitest';

import { COMPANIES, companyScore } from '../../../../test/support/cards/score-values.ts';
import { explanationOf } from './explanation.ts';

describe('explanationOf', () => {
  it('puts the segment the tier names first, with one row per criterion', () => {
    const e = explanationOf(companyScore(COMPANIES.dream));
    expect(e.primary).toEqual({
      segmentId: 'enterprise-saas',
      title: 'Enterprise SaaS (dream segment)',
      score: 100,
      potential: 100,
      disqualified: false,
      summary: 'Scores 100% · 100% of the weight known',
      rows: [
        {
          key: '0:company:industry',
          label: 'Software company',
          outcome: 'match',
          outcomeLabel: 'Matched',
          outcomeVariant: 'success',
          expected: 'Computer Software',
          actual: 'Computer Software',
          weight: 3,
          required: true,
        },
        {
          key: '1:company:numberofemployees',
          label: 'Number of Employees',
          outcome: 'match',
          outcomeLabel: 'Matched',
          outcomeVariant: 'success',
          expected: 'at least 500',
          actual: '900',
          weight: 2,
          required: false,
        },
        {
          key: '2:company:country',
          label: 'Country/Region',
          outcome: 'match',
          outcomeLabel: 'Matched',
          outcomeVariant: 'success',
          expected: 'Germany',
          actual: 'Germany',
          weight: 1,
          required: false,
        },
      ],
    });
    expect(e.others.map((s) => s.segmentId)).toEqual(['midmarket']);
    expect(e.exclusion).toBeNull();
  });

  it('a fit company explains its own segment first even when another is listed first', () => {
    const e = explanationOf(companyScore(COMPANIES.fit));
    expect(e.primary?.segmentId).toBe('midmarket');
    expect(e.others.map((s) => s.segmentId)).toEqual(['enterprise-saas']);
  });

  it('unknown values read "(no value)" and the summary says what data could add', () => {
    const e = explanationOf(companyScore(COMPANIES.needsData));
    expect(e.primary?.summary).toBe(
      'Scores 33% · up to 100% with the missing data · 33% of the weight known',
    );
    expect(e.primary?.rows.map((r) => [r.outcomeLabel, r.actual])).toEqual([
      ['Unknown', '(no value)'],
      ['Matched', '900'],
      ['Unknown', '(no value)'],
    ]);
  });

  it('an off-strategy company shows the best match its reason names first', () => {
    const company = companyScore(COMPANIES.offStrategy);
    const e = explanationOf(company);
    expect(company.reason).toContain('the best match, Enterprise SaaS,');
    expect(e.primary?.segmentId).toBe('enterprise-saas');
    expect(e.primary?.summary).toBe('Disqualified: a required criterion is missed');
    expect(e.others.map((s) => s.segmentId)).toEqual(['midmarket']);
  });

  it('a refused company shows the exclusion that refused it and no segment first', () => {
    const e = explanationOf(companyScore(COMPANIES.refused));
    expect(e.primary).toBeNull();
    expect(e.exclusion?.reason).toBe('We do not sell to tobacco companies');
    expect(e.exclusion?.rows.map((r) => r.outcome)).toEqual(['match']);
    expect(e.others.map((s) => [s.segmentId, s.score])).toEqual([
      ['midmarket', 50],
      ['enterprise-saas', 0],
    ]);
  });
});
