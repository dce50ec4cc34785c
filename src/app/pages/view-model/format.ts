// Amounts, shares and days as the review page shows them; the number rules are the core's.
import { formatAmount as wholeUnits, formatNumber } from '@strategy-fit/core';

export { formatDay, formatNumber, plural } from '@strategy-fit/core';

/** An amount in the portal's currency, whole units: 1,250,000; "—" when unknown. */
export const formatAmount = (n: number | null): string => (n === null ? '—' : wholeUnits(n));

/** A share 0..1 as a whole percent: 38 %; "—" when unknown. */
export const formatShare = (share: number | null): string =>
  share === null ? '—' : `${Math.round(share * 100)} %`;

/** A percent value 0..100 with one decimal at most: 12.5 %; "—" when unknown. */
export const formatPercent = (percent: number | null): string =>
  percent === null ? '—' : `${formatNumber(percent, 1)} %`;

/** Days with one decimal at most; "—" when unknown. */
export const formatDays = (days: number | null): string =>
  days === null ? '—' : `${formatNumber(days, 1)} d`;

/** A lift: 1.8x; "—" when unavailable. */
export const formatLift = (lift: number | null): string =>
  lift === null ? '—' : `${formatNumber(lift, 1)}x`;
