import { describe, expect, it } from 'vitest';

import {
  DecideExceptionParams,
  RequestExceptionParams,
  ScoreRecordParams,
  ScoreRecordResponse,
} from './schema.ts';

const user = { id: '101', email: 'rep@example.com', teamIds: ['7'] };

describe('the card ↔ function contract', () => {
  it('score_record takes an object type and a numeric record id, nothing else', () => {
    expect(ScoreRecordParams.safeParse({ objectType: 'deal', objectId: '42' }).success).toBe(true);
    expect(ScoreRecordParams.safeParse({ objectType: 'contact', objectId: '42' }).success).toBe(
      false,
    );
    expect(ScoreRecordParams.safeParse({ objectType: 'deal', objectId: '4x2' }).success).toBe(
      false,
    );
    expect(ScoreRecordParams.safeParse({ objectType: 'deal', objectId: 42 }).success).toBe(false);
    expect(
      ScoreRecordParams.safeParse({ objectType: 'deal', objectId: '42', token: 'x' }).success,
    ).toBe(false);
  });

  it('an exception request needs a written reason of at least 10 characters (SCORING §7)', () => {
    const base = { dealId: '42', user };
    expect(RequestExceptionParams.safeParse({ ...base, reason: 'too short' }).success).toBe(false);
    expect(RequestExceptionParams.safeParse({ ...base, reason: '   padded   ' }).success).toBe(
      false,
    );
    expect(
      RequestExceptionParams.safeParse({ ...base, reason: 'Strategic logo in a new market' })
        .success,
    ).toBe(true);
  });

  it('a decision is approve or reject, with an optional YYYY-MM-DD expiry', () => {
    const base = { dealId: '42', user };
    expect(DecideExceptionParams.safeParse({ ...base, decision: 'approve' }).success).toBe(true);
    expect(
      DecideExceptionParams.safeParse({ ...base, decision: 'approve', expiresOn: '2027-01-31' })
        .success,
    ).toBe(true);
    expect(
      DecideExceptionParams.safeParse({ ...base, decision: 'approve', expiresOn: '31/01/2027' })
        .success,
    ).toBe(false);
    expect(DecideExceptionParams.safeParse({ ...base, decision: 'maybe' }).success).toBe(false);
  });

  it('a failed answer carries a product error code', () => {
    expect(
      ScoreRecordResponse.safeParse({
        ok: false,
        error: { code: 'strategy_not_published', message: 'No strategy is published yet.' },
      }).success,
    ).toBe(true);
    expect(
      ScoreRecordResponse.safeParse({ ok: false, error: { code: 'oops', message: 'x' } }).success,
    ).toBe(false);
  });
});
