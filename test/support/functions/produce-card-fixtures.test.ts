import { describe, expect, it } from 'vitest';

import {
  EXCEPTION_FIXTURE_NAMES,
  produceCardFixtures,
  SCORE_FIXTURE_NAMES,
} from './produce-card-fixtures.ts';

describe('produceCardFixtures', () => {
  it('answers every card state with what the real functions produced (checked inside)', async () => {
    const fixtures = await produceCardFixtures();
    expect(Object.keys(fixtures).sort()).toEqual(
      [...SCORE_FIXTURE_NAMES, ...EXCEPTION_FIXTURE_NAMES].sort(),
    );
    const deal = fixtures.deal_exception_approved;
    expect(deal.ok && deal.value.deal?.exception).toMatchObject({
      status: 'approved',
      active: true,
      by: 'Maya Okafor',
    });
  });
});
