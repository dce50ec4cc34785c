import { describe, expect, it } from 'vitest';

import { NOW_MS } from '../../../../../../test/support/core/fixtures.ts';
import {
  approvalExpiry,
  approvalExpiryBounds,
  EXCEPTION_VALIDITY_DAYS,
  isApprovalActive,
  MAX_EXCEPTION_VALIDITY_DAYS,
} from './expiry.ts';

describe('one rule for an approval’s expiry (SCORING §7, issue 10)', () => {
  it('an approval expires 90 days from today unless the manager sets another day', () => {
    expect(EXCEPTION_VALIDITY_DAYS).toBe(90);
    expect(approvalExpiry(null, NOW_MS)).toEqual({ ok: true, value: '2026-04-15' });
    expect(approvalExpiry('2026-02-14', NOW_MS)).toEqual({ ok: true, value: '2026-02-14' });
  });

  it('a date property’s value in epoch ms (midnight UTC) is the same day', () => {
    expect(approvalExpiry(String(Date.UTC(2026, 1, 14)), NOW_MS)).toEqual({
      ok: true,
      value: '2026-02-14',
    });
  });

  it('today, the past, more than 365 days ahead and non-dates are refused (no permanent approvals)', () => {
    expect(MAX_EXCEPTION_VALIDITY_DAYS).toBe(365);
    for (const day of [
      '2026-01-15',
      '2025-12-31',
      '2027-01-16',
      '9999-12-31',
      '2026-02-30',
      'soon',
    ]) {
      expect(approvalExpiry(day, NOW_MS)).toMatchObject({
        ok: false,
        error: { code: 'invalid_input', path: 'expiresOn' },
      });
    }
    expect(approvalExpiry('2027-01-15', NOW_MS).ok).toBe(true);
    expect(approvalExpiry('9999-12-31', NOW_MS)).toMatchInlineSnapshot(`
      {
        "error": {
          "code": "invalid_input",
          "message": "An approval must run past today and for at most 365 days: choose a day from 2026-01-16 to 2027-01-15 (9999-12-31 is not).",
          "path": "expiresOn",
        },
        "ok": false,
      }
    `);
  });

  it('the bounds a card shows are the ones the function enforces', () => {
    const bounds = approvalExpiryBounds(NOW_MS);
    expect(bounds).toEqual({ earliest: '2026-01-16', latest: '2027-01-15', default: '2026-04-15' });
    expect(approvalExpiry(bounds.earliest, NOW_MS).ok).toBe(true);
    expect(approvalExpiry(bounds.latest, NOW_MS).ok).toBe(true);
  });

  it('an approval is active through its expiry day (UTC), not after', () => {
    expect(isApprovalActive('2026-01-15', NOW_MS)).toBe(true);
    expect(isApprovalActive('2026-01-14', NOW_MS)).toBe(false);
    expect(isApprovalActive(null, NOW_MS)).toBe(false);
  });
});
