import { describe, expect, it } from 'vitest';

import {
  DecideExceptionParams,
  RequestExceptionParams,
  ScoreRecordParams,
  ScoreRecordResponse,
} from './schema.ts';

describe('the card ↔ function contract', () => {
  it('score_record takes an object type only: the record is the one HubSpot says the card is on', () => {
    expect(ScoreRecordParams.safeParse({ objectType: 'deal' }).success).toBe(true);
    expect(ScoreRecordParams.safeParse({ objectType: 'contact' }).success).toBe(false);
    for (const extra of [{ objectId: '42' }, { user: { id: '1' } }, { token: 'x' }]) {
      expect(ScoreRecordParams.safeParse({ objectType: 'deal', ...extra }).success).toBe(false);
    }
  });

  it('an exception request carries nothing: the reason and who asks are what HubSpot recorded', () => {
    expect(RequestExceptionParams.safeParse({}).success).toBe(true);
    for (const extra of [
      { reason: 'Strategic logo in a new market' },
      { dealId: '42' },
      { user: {} },
    ]) {
      expect(RequestExceptionParams.safeParse(extra).success).toBe(false);
    }
  });

  it('a decision names the request the manager saw and the choice the card showed, nothing else', () => {
    expect(DecideExceptionParams.safeParse({ requestSeq: 1, decision: 'approve' }).success).toBe(
      true,
    );
    expect(DecideExceptionParams.safeParse({ requestSeq: 0, decision: 'approve' }).success).toBe(
      false,
    );
    expect(DecideExceptionParams.safeParse({ requestSeq: 1, decision: 'maybe' }).success).toBe(
      false,
    );
    for (const extra of [{ expiresOn: '2027-01-31' }, { dealId: '42' }, { user: {} }]) {
      expect(
        DecideExceptionParams.safeParse({ requestSeq: 1, decision: 'approve', ...extra }).success,
      ).toBe(false);
    }
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
