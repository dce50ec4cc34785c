// Calendar days for the approval's expiry (SCORING §7: 90 days by default).

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

/** What is wrong with an approval's expiry day, or null: it must be after today. */
export const expiryProblem = (day: CalendarDay | null, today: CalendarDay): string | null => {
  if (day === null) return 'Choose the last day the approval is valid.';
  return isoDay(day) <= isoDay(today) ? 'The approval must run past today.' : null;
};
