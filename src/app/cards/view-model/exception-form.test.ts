import { describe, expect, it } from 'vitest';

import { expiryProblem, isoDay, reasonProblem, utcDay } from './exception-form.ts';

describe('reasonProblem (SCORING §7: a written reason of at least 10 characters)', () => {
  it('refuses a reason under 10 characters and says how long it is', () => {
    expect(reasonProblem('too short')).toBe('Explain why in at least 10 characters (9 so far).');
    expect(reasonProblem('')).toBe('Explain why in at least 10 characters (0 so far).');
  });

  it('counts the reason without surrounding spaces, as the contract does', () => {
    expect(reasonProblem('   short    ')).toBe('Explain why in at least 10 characters (5 so far).');
  });

  it('accepts 10 characters or more', () => {
    expect(reasonProblem('0123456789')).toBeNull();
    expect(reasonProblem('Strategic logo in a new region')).toBeNull();
  });

  it('refuses more than 2,000 characters', () => {
    expect(reasonProblem('x'.repeat(2001))).toBe(
      'Keep the reason to 2,000 characters at most (2001 now).',
    );
  });
});

describe('expiry days', () => {
  const today = utcDay(Date.UTC(2026, 0, 15, 12));

  it('formats a DateInput day (month from 0) as YYYY-MM-DD', () => {
    expect(isoDay({ year: 2026, month: 0, date: 5 })).toBe('2026-01-05');
    expect(isoDay({ year: 2026, month: 11, date: 31 })).toBe('2026-12-31');
  });

  it('counts days in UTC', () => {
    expect(isoDay(utcDay(Date.UTC(2026, 0, 15, 23, 59), 90))).toBe('2026-04-15');
  });

  it('an approval must be valid at least until today', () => {
    expect(expiryProblem({ year: 2026, month: 0, date: 14 }, today)).toBe(
      'The approval must be valid at least until today.',
    );
    expect(expiryProblem(today, today)).toBeNull();
    expect(expiryProblem(null, today)).toBe('Choose the last day the approval is valid.');
  });
});
