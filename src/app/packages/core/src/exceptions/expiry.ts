// The one rule for an approval's expiry (SCORING §7; issue 10): 90 days from today unless the
// manager sets another day, which must be after today and at most 365 days ahead. An approval is
// active through its expiry day (UTC). Cards, page, functions and reviews all use these.
import type { StrategyFitError } from '../errors.ts';
import { strategyFitError } from '../errors.ts';
import type { Result } from '../result.ts';
import { err, ok } from '../result.ts';
import { DAY_MS, readDateMs } from '../values/read-value.ts';

/** SCORING §7: an approval expires after this many days unless the manager says otherwise. */
export const EXCEPTION_VALIDITY_DAYS = 90;
/** An approval is never valid for longer than this (issue 10: no permanent approvals). */
export const MAX_EXCEPTION_VALIDITY_DAYS = 365;

/** `YYYY-MM-DD` (UTC) of an instant plus some days. */
export const utcDayOf = (ms: number, plusDays = 0): string =>
  new Date(ms - (ms % DAY_MS) + plusDays * DAY_MS).toISOString().slice(0, 10);

/** The days a manager may choose for an approval's expiry, and the default. */
export const approvalExpiryBounds = (
  nowMs: number,
): { earliest: string; latest: string; default: string } => ({
  earliest: utcDayOf(nowMs, 1),
  latest: utcDayOf(nowMs, MAX_EXCEPTION_VALIDITY_DAYS),
  default: utcDayOf(nowMs, EXCEPTION_VALIDITY_DAYS),
});

/**
 * The expiry day of an approval decided at `nowMs`: `requested` (a `YYYY-MM-DD` the manager set)
 * when it is after today and at most 365 days ahead, the 90-day default when none was set.
 */
export function approvalExpiry(
  requested: string | null,
  nowMs: number,
): Result<string, StrategyFitError> {
  const bounds = approvalExpiryBounds(nowMs);
  if (requested === null || requested.trim() === '') return ok(bounds.default);
  const day = requested.trim();
  const ms = readDateMs(day);
  const asDay = ms === null ? null : utcDayOf(ms);
  // A date property's value is `YYYY-MM-DD` or midnight in epoch ms; `2026-02-30` is no date.
  if (asDay === null || (/^\d{4}-\d{2}-\d{2}$/.test(day) && asDay !== day)) {
    return err(strategyFitError('invalid_input', `${day} is not a date.`, { path: 'expiresOn' }));
  }
  if (asDay < bounds.earliest || asDay > bounds.latest) {
    return err(
      strategyFitError(
        'invalid_input',
        `An approval must run past today and for at most ${MAX_EXCEPTION_VALIDITY_DAYS} days: choose a day from ${bounds.earliest} to ${bounds.latest} (${asDay} is not).`,
        { path: 'expiresOn' },
      ),
    );
  }
  return ok(asDay);
}

/** SCORING §7: an approval is active through its expiry day (UTC); after that it is unapproved. */
export const isApprovalActive = (expiresOn: string | null, nowMs: number): boolean => {
  if (expiresOn === null) return false;
  const ms = readDateMs(expiresOn);
  return ms !== null && nowMs < ms - (ms % DAY_MS) + DAY_MS;
};
