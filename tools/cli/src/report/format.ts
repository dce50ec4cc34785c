// Wording of shares, percents and days shared by every report format; the number rules (thousands
// separators, whole units, days, tier words) are the core's.
import { formatAmount } from '@strategy-fit/core';

export {
  formatAmount,
  formatAmount as formatCount,
  formatDay,
  plural,
  tierWord as tierWords,
} from '@strategy-fit/core';

const oneDecimal = (n: number): string => n.toFixed(1).replace(/\.0$/, '');

/** 1_234_567 → "1.2M", 12_300 → "12.3k", 950 → "950". */
export const formatCompactAmount = (n: number): string => {
  const abs = Math.abs(n);
  const sign = n < 0 ? '-' : '';
  if (abs >= 1e9) return `${sign}${oneDecimal(abs / 1e9)}B`;
  if (abs >= 1e6) return `${sign}${oneDecimal(abs / 1e6)}M`;
  if (abs >= 1e3) return `${sign}${oneDecimal(abs / 1e3)}k`;
  return formatAmount(n);
};

/** A share 0..1 as a percent: 0.65 → "65%", 1/3 → "33.3%"; null → "–". */
export const formatShare = (share: number | null): string =>
  share === null ? '–' : `${oneDecimal(share * 100)}%`;

/** A percent value: 17.75 → "17.8%"; null → "–". */
export const formatPercent = (percent: number | null): string =>
  percent === null ? '–' : `${oneDecimal(percent)}%`;

/** Lift as SCORING §9 words it: 2.6 → "2.6x"; null → "–". */
export const formatLift = (lift: number | null): string =>
  lift === null ? '–' : `${lift.toFixed(1)}x`;

/** Days: 20 → "20 d", 12.25 → "12.3 d"; null → "–". */
export const formatDays = (days: number | null): string =>
  days === null ? '–' : `${oneDecimal(days)} d`;

/** An average amount, or "–". */
export const formatOptionalAmount = (n: number | null): string =>
  n === null ? '–' : formatAmount(n);

/** Shortens text to `max` characters with an ellipsis. */
export const truncate = (text: string, max: number): string =>
  text.length <= max ? text : `${text.slice(0, max - 1)}…`;

/** What a list with nothing in it says, in every human-readable format. */
export const NONE = {
  offStrategy: 'None: no open deals of off-strategy or refused companies.',
  owners: 'None: no scored company has an owner.',
  rows: 'None.',
} as const;

/**
 * The off-strategy win rate lift divides by, in words: "30% of 20 deals", or, with no closed
 * off-strategy deal, that there is none yet (never "– of 0 deals").
 */
export const baselineWords = (baseline: { closed: number; winRate: number | null }): string =>
  baseline.closed === 0
    ? 'no closed off-strategy deals yet'
    : `${formatShare(baseline.winRate)} of ${formatAmount(baseline.closed)} ${baseline.closed === 1 ? 'deal' : 'deals'}`;

/** The sides dream deals are compared with in the miscalibration warning. */
export const SIDE_WORDS = {
  fit: 'fit deals',
  stretch: 'stretch deals',
  off_strategy: 'off-strategy deals',
} as const;
