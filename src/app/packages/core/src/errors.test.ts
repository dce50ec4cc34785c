import { describe, expect, it } from 'vitest';

import { StrategyFitError, strategyFitError } from './errors.ts';

describe('strategyFitError', () => {
  it("keeps a rate limit's retryAfterMs and leaves out the fields not given", () => {
    expect(strategyFitError('hubspot_rate_limited', 'slow down', { retryAfterMs: 2_000 })).toEqual({
      code: 'hubspot_rate_limited',
      message: 'slow down',
      retryAfterMs: 2_000,
    });
    expect(strategyFitError('hubspot_rate_limited', 'slow down')).toEqual({
      code: 'hubspot_rate_limited',
      message: 'slow down',
    });
  });

  it('retryAfterMs is a whole number of milliseconds, never negative', () => {
    const base = { code: 'hubspot_rate_limited', message: 'x' };
    expect(StrategyFitError.safeParse({ ...base, retryAfterMs: 1_000 }).success).toBe(true);
    expect(StrategyFitError.safeParse({ ...base, retryAfterMs: -1 }).success).toBe(false);
    expect(StrategyFitError.safeParse({ ...base, retryAfterMs: 1.5 }).success).toBe(false);
  });
});
