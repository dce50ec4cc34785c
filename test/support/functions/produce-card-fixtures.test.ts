import { ExceptionResponse, existingBusinessRefusal } from '@strategy-fit/core';
import { beforeAll, describe, expect, it } from 'vitest';

import {
  EXCEPTION_FIXTURE_NAMES,
  produceCardFixtures,
  SCORE_FIXTURE_NAMES,
} from './produce-card-fixtures.ts';
import type { CardFixtures } from './produce-card-fixtures.ts';

let fixtures: CardFixtures;
beforeAll(async () => {
  fixtures = await produceCardFixtures();
}, 60_000);

describe('produceCardFixtures', () => {
  it('answers every card state with what the real functions produced (checked inside)', () => {
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

  it('request_exception refuses a retained existing-business deal, with the core’s reason (SCORING §12)', () => {
    const answer = ExceptionResponse.parse(fixtures.exception_request_retained);
    expect(answer).toEqual({
      ok: false,
      error: {
        code: 'exception_not_allowed',
        message: existingBusinessRefusal({ retained: true })?.message,
      },
    });
  });
});
