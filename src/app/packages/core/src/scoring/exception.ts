import type { PropertyBag } from '../facts/schema.ts';
import { isApprovalActive } from '../exceptions/expiry.ts';
import { isMissing, readDateMs } from '../values/read-value.ts';
import type { ExceptionState } from './schema.ts';

/** SCORING §7: a rep's written reason for an exception has at least this many characters. */
export const EXCEPTION_NOTE_MIN_CHARS = 10;
/** SCORING §7 and issue 10: a rep's reason is at most this long. */
export const EXCEPTION_NOTE_MAX_CHARS = 1_000;

/** The deal properties that hold an exception (SCORING §8); scoring never writes them. */
export const EXCEPTION_PROPERTIES = {
  status: 'strategy_fit_exception',
  note: 'strategy_fit_exception_note',
  by: 'strategy_fit_exception_by',
  expires: 'strategy_fit_exception_expires',
  requestedBy: 'strategy_fit_exception_requested_by',
  seq: 'strategy_fit_exception_seq',
  at: 'strategy_fit_exception_at',
} as const;

/**
 * The deal properties people set in HubSpot's UI (the deal card's `CrmPropertyList`): HubSpot
 * records who set them, which is what authorises a request or a decision (docs/security.md).
 * The app clears them once it has recorded the event they asked for.
 */
export const EXCEPTION_INPUT_PROPERTIES = {
  reason: 'strategy_fit_exception_reason_input',
  decision: 'strategy_fit_exception_decision_input',
  expires: 'strategy_fit_exception_expires_input',
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
  const expiresOn = expiresMs === null ? null : isoDay(expiresMs);
  const approved = status === 'approved';
  const active = approved && isApprovalActive(expiresOn, nowMs);
  const seq = Number(text(properties[EXCEPTION_PROPERTIES.seq]) ?? '0');
  return {
    status,
    active,
    expired: approved && expiresOn !== null && !active,
    note: status === 'none' ? null : text(properties[EXCEPTION_PROPERTIES.note]),
    requestedBy: status === 'none' ? null : text(properties[EXCEPTION_PROPERTIES.requestedBy]),
    by: status === 'none' ? null : text(properties[EXCEPTION_PROPERTIES.by]),
    expiresOn: status === 'none' ? null : expiresOn,
    seq: Number.isInteger(seq) && seq > 0 ? seq : 0,
  };
};
