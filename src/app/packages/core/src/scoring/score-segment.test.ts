import fc from 'fast-check';
import { describe, expect, it } from 'vitest';

import { compiledWith, company } from '../../../../../../test/support/core/fixtures.ts';
import type { CriterionInput } from '../strategy/strategy-schema.ts';
import { roundPercent } from './round-percent.ts';
import { scoreCompany } from './score-company.ts';
import { scoreSegment } from './score-segment.ts';

const match = (weight = 1, required = false): CriterionInput => ({
  property: 'country',
  operator: 'EQ',
  value: 'Germany',
  weight,
  required,
});
const miss = (weight = 1, required = false): CriterionInput => ({
  property: 'industry',
  operator: 'EQ',
  value: 'TOBACCO',
  weight,
  required,
});
const unknown = (weight = 1, required = false): CriterionInput => ({
  property: 'annualrevenue',
  operator: 'GTE',
  value: 1,
  weight,
  required,
});
const facts = company({ country: 'Germany', industry: 'COMPUTER_SOFTWARE' });
const segmentOf = (criteria: CriterionInput[]) => {
  const s = scoreCompany(compiledWith(criteria), facts).segments[0];
  return (
    s && {
      score: s.score,
      potential: s.potential,
      confidence: s.confidence,
      disqualified: s.disqualified,
    }
  );
};

describe('SCORING §5 one segment', () => {
  it('score = round(100 · matched / total) with total = Σw over all criteria', () => {
    expect(segmentOf([match(3), miss(1)])).toEqual({
      score: 75,
      potential: 75,
      confidence: 1,
      disqualified: false,
    });
  });

  it('round half up: 12.5 becomes 13', () => {
    expect(roundPercent(1, 8)).toBe(13);
    expect(segmentOf([match(1), miss(7)])?.score).toBe(13);
  });

  it.each([
    [1, 3, 33],
    [2, 3, 67],
    [5, 8, 63],
    [3, 8, 38],
    [1, 200, 1],
    [1, 201, 0],
    [0, 7, 0],
    [7, 7, 100],
  ])('round half up in exact integer arithmetic: %i/%i → %i', (part, total, percent) => {
    expect(roundPercent(part, total)).toBe(percent);
  });

  it('round half up is exact for every fraction (fast-check)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 300 }),
        fc.integer({ min: 0, max: 300 }),
        (total, m) => {
          const part = m % (total + 1);
          const r = roundPercent(part, total);
          // r is the integer with r - 1/2 <= 100·part/total < r + 1/2
          expect(2 * total * r - total <= 200 * part && 200 * part < 2 * total * r + total).toBe(
            true,
          );
        },
      ),
    );
  });

  it('potential = round(100 · (matched + unknownW) / total): the best it could reach if the data were filled', () => {
    expect(segmentOf([match(2), unknown(1), miss(1)])).toEqual({
      score: 50,
      potential: 75,
      confidence: 0.75,
      disqualified: false,
    });
  });

  it('confidence = (total − unknownW) / total', () => {
    expect(scoreSegment({ total: 8, matched: 2, unknown: 6, disqualified: false }).confidence).toBe(
      0.25,
    );
  });

  it('a required criterion that is a miss disqualifies the segment: score 0, potential 0', () => {
    expect(segmentOf([match(5), unknown(2), miss(1, true)])).toEqual({
      score: 0,
      potential: 0,
      confidence: 0.75,
      disqualified: true,
    });
  });

  it('a required criterion that is unknown does not disqualify', () => {
    expect(segmentOf([match(1), unknown(1, true)])).toEqual({
      score: 50,
      potential: 100,
      confidence: 0.5,
      disqualified: false,
    });
  });
});
