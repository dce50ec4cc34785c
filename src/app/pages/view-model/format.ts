// Numbers, amounts, shares and days as the review page shows them, independent of the locale.

/** 50,000 or 12.5 (at most 2 decimals). */
export const formatNumber = (n: number): string => {
  if (!Number.isFinite(n)) return String(n);
  const [whole = '', fraction] = String(Math.round(Math.abs(n) * 100) / 100).split('.');
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return `${n < 0 ? '-' : ''}${grouped}${fraction === undefined ? '' : `.${fraction}`}`;
};

/** An amount in the portal's currency, whole units: 1,250,000; "—" when unknown. */
export const formatAmount = (n: number | null): string =>
  n === null ? '—' : formatNumber(Math.round(n));

/** A share 0..1 as a whole percent: 38 %; "—" when unknown. */
export const formatShare = (share: number | null): string =>
  share === null ? '—' : `${Math.round(share * 100)} %`;

/** A percent value 0..100 with one decimal at most: 12.5 %; "—" when unknown. */
export const formatPercent = (percent: number | null): string =>
  percent === null ? '—' : `${formatNumber(Math.round(percent * 10) / 10)} %`;

/** Days with one decimal at most; "—" when unknown. */
export const formatDays = (days: number | null): string =>
  days === null ? '—' : `${formatNumber(Math.round(days * 10) / 10)} d`;

/** A lift: 1.8x; "—" when unavailable. */
export const formatLift = (lift: number | null): string =>
  lift === null ? '—' : `${formatNumber(Math.round(lift * 10) / 10)}x`;

/** The UTC day of an instant: 2026-11-27. */
export const formatDay = (ms: number): string => new Date(ms).toISOString().slice(0, 10);

/** "1 deal", "3 deals". */
export const plural = (n: number, one: string, many = `${one}s`): string =>
  `${formatNumber(n)} ${n === 1 ? one : many}`;
