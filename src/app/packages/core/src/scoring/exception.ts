import type { StrategyFitError } from '../errors.ts';
import { strategyFitError } from '../errors.ts';
import type { PropertyBag } from '../facts/schema.ts';
import type { Result } from '../result.ts';
import { err, ok } from '../result.ts';
import { DAY_MS, isMissing, readDateMs } from '../values/read-value.ts';
import { existingBusinessRefusal } from './existing-business.ts';
import type { ExceptionState } from './schema.ts';

/** SCORING §7: a rep's written reason for an exception has at least this many characters. */
export const EXCEPTION_NOTE_MIN_CHARS = 10;
/** SCORING §7: an approval expires after this many days unless the manager says otherwise. */
export const EXCEPTION_VALIDITY_DAYS = 90;

/** The deal properties that hold an exception (SCORING §8); scoring never writes them. */
export const EXCEPTION_PROPERTIES = {
  status: 'strategy_fit_exception',
  note: 'strategy_fit_exception_note',
  by: 'strategy_fit_exception_by',
  expires: 'strategy_fit_exception_expires',
} as const;

const text = (raw: string | null | undefined): string | null =>
  isMissing(raw) ? null : raw.trim();

const isoDay = (ms: number): string => new Date(ms).toISOString().slice(0, 10);

const STATUSES = ['requested', 'approved', 'rejected'] as const;

/**
 * Reads a deal's exception (SCORING §7): none, requested, approved or rejected. An approval is
 * active through its expiry day (UTC); an expired approval, or one without a readable expiry
 * date, counts as unapproved.
 */
export const exceptionFromProperties = (properties: PropertyBag, nowMs: number): ExceptionState => {
  const raw = text(properties[EXCEPTION_PROPERTIES.status])?.toLowerCase() ?? '';
  const status = STATUSES.find((s) => s === raw) ?? 'none';
  const expiresRaw = text(properties[EXCEPTION_PROPERTIES.expires]);
  const expiresMs = expiresRaw === null ? null : readDateMs(expiresRaw);
  const approved = status === 'approved';
  const expired =
    approved && expiresMs !== null && nowMs >= expiresMs - (expiresMs % DAY_MS) + DAY_MS;
  return {
    status,
    active: approved && expiresMs !== null && !expired,
    expired,
    note: status === 'none' ? null : text(properties[EXCEPTION_PROPERTIES.note]),
    by: status === 'none' ? null : text(properties[EXCEPTION_PROPERTIES.by]),
    expiresOn: status === 'none' || expiresMs === null ? null : isoDay(expiresMs),
  };
};

/**
 * SCORING §7: a rep requests an exception for an off-strategy deal with a written reason of at
 * least 10 characters. Returns the deal properties to write.
 */
export const exceptionRequestProperties = (
  deal: { offStrategy: boolean; exception: ExceptionState; retained?: boolean },
  note: string,
): Result<Record<string, string>, StrategyFitError> => {
  const refusal = existingBusinessRefusal(deal);
  if (refusal !== null) return err(refusal);
  if (!deal.offStrategy) {
    return err(
      strategyFitError('exception_not_allowed', 'Only an off-strategy deal needs an exception.'),
    );
  }
  if (deal.exception.active) {
    return err(
      strategyFitError(
        'exception_not_allowed',
        `This deal already has an approved exception until ${deal.exception.expiresOn ?? 'its expiry date'}.`,
      ),
    );
  }
  const reason = note.trim();
  if (reason.length < EXCEPTION_NOTE_MIN_CHARS) {
    return err(
      strategyFitError(
        'invalid_input',
        `Explain why this deal deserves an exception, in at least ${EXCEPTION_NOTE_MIN_CHARS} characters.`,
        { path: 'note' },
      ),
    );
  }
  return ok({
    [EXCEPTION_PROPERTIES.status]: 'requested',
    [EXCEPTION_PROPERTIES.note]: reason,
    [EXCEPTION_PROPERTIES.by]: '',
    [EXCEPTION_PROPERTIES.expires]: '',
  });
};

/**
 * SCORING §7: a manager approves or rejects a requested exception; an approval carries the
 * approver and an expiry date (default 90 days from now). Returns the deal properties to write.
 */
export const exceptionDecisionProperties = (input: {
  exception: ExceptionState;
  decision: 'approved' | 'rejected';
  by: string;
  nowMs: number;
  validityDays?: number;
}): Result<Record<string, string>, StrategyFitError> => {
  if (input.exception.status !== 'requested') {
    return err(
      strategyFitError('exception_not_allowed', 'There is no open exception request on this deal.'),
    );
  }
  const by = input.by.trim();
  if (by === '') {
    return err(
      strategyFitError(
        'invalid_input',
        'Say who decides the exception (a HubSpot user id or email).',
        { path: 'by' },
      ),
    );
  }
  const days = input.validityDays ?? EXCEPTION_VALIDITY_DAYS;
  if (!Number.isInteger(days) || days < 1) {
    return err(
      strategyFitError(
        'invalid_input',
        'An approval is valid for a whole number of days, at least 1.',
        { path: 'validityDays' },
      ),
    );
  }
  return ok({
    [EXCEPTION_PROPERTIES.status]: input.decision,
    [EXCEPTION_PROPERTIES.by]: by,
    [EXCEPTION_PROPERTIES.expires]:
      input.decision === 'approved' ? isoDay(input.nowMs + days * DAY_MS) : '',
  });
};
