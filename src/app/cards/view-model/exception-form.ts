import { EXCEPTION_NOTE_MIN_CHARS, RequestExceptionParams } from '@strategy-fit/core';

/** The contract's rule for an exception reason (SCORING §7: at least 10 characters). */
const ReasonSchema = RequestExceptionParams.shape.reason;

/**
 * What is wrong with an exception reason, in words for the rep, or null when the contract
 * accepts it.
 */
export const reasonProblem = (reason: string): string | null => {
  const parsed = ReasonSchema.safeParse(reason);
  if (parsed.success) return null;
  const length = reason.trim().length;
  return parsed.error.issues.some((i) => i.code === 'too_big')
    ? `Keep the reason to 2,000 characters at most (${length} now).`
    : `Explain why in at least ${EXCEPTION_NOTE_MIN_CHARS} characters (${length} so far).`;
};

/** A calendar day as HubSpot's DateInput gives it: `month` counts from 0. */
export type CalendarDay = { readonly year: number; readonly month: number; readonly date: number };

const pad = (n: number, width: number): string => String(n).padStart(width, '0');

/** `YYYY-MM-DD`, the format `decide_exception` takes. */
export const isoDay = (day: CalendarDay): string =>
  `${pad(day.year, 4)}-${pad(day.month + 1, 2)}-${pad(day.date, 2)}`;

/** The UTC calendar day of an instant, plus some days. */
export const utcDay = (ms: number, plusDays = 0): CalendarDay => {
  const d = new Date(ms + plusDays * 86_400_000);
  return { year: d.getUTCFullYear(), month: d.getUTCMonth(), date: d.getUTCDate() };
};

/** What is wrong with an approval's expiry day, or null: it must be today or later. */
export const expiryProblem = (day: CalendarDay | null, today: CalendarDay): string | null => {
  if (day === null) return 'Choose the last day the approval is valid.';
  return isoDay(day) < isoDay(today) ? 'The approval must be valid at least until today.' : null;
};
