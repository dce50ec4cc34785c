// How numbers, days and tiers read to people, the same on every machine (no locale): one place
// for cards, the review page, the editor and the CLI.
import type { Tier } from './enums.ts';
import { TIER_WORDS } from './scoring/reason.ts';

/** Formats a JSON path the way people read it: `segments[2].criteria[0].values`, "" for the root. */
export const formatPath = (path: readonly PropertyKey[]): string => {
  let out = '';
  for (const key of path) {
    if (typeof key === 'number') out += `[${key}]`;
    else if (typeof key === 'string' && /^[A-Za-z_$][A-Za-z0-9_$]*$/.test(key)) {
      out += out === '' ? key : `.${key}`;
    } else out += `[${JSON.stringify(String(key))}]`;
  }
  return out;
};

/**
 * A number for people: thousands separators, rounded to at most `maxDecimals` decimals (half away
 * from zero; `Infinity` keeps every decimal), no trailing zeros: 50,000,000, 12.5, -2,500.
 *
 * @example
 * formatNumber(1234567.891); // "1,234,567.89"
 * formatNumber(0.125, Infinity); // "0.125"
 */
export const formatNumber = (n: number, maxDecimals = 2): string => {
  if (!Number.isFinite(n) || Math.abs(n) >= 1e21) return String(n);
  const scale = 10 ** maxDecimals;
  const rounded = Number.isFinite(scale)
    ? (Math.sign(n) * Math.round(Math.abs(n) * scale)) / scale
    : n;
  const [whole = '', fraction] = String(Math.abs(rounded)).split('.');
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return `${rounded < 0 ? '-' : ''}${grouped}${fraction === undefined ? '' : `.${fraction}`}`;
};

/** Whole units, for amounts in the portal's currency and for counts: 1,234,568. */
export const formatAmount = (n: number): string => formatNumber(n, 0);

/** "1 company", "2,500 companies". */
export const plural = (n: number, one: string, many = `${one}s`): string =>
  `${formatAmount(n)} ${n === 1 ? one : many}`;

/** The UTC day of an instant (epoch ms): 2026-11-27. */
export const formatDay = (ms: number): string => new Date(ms).toISOString().slice(0, 10);

/** A tier in words; null is a record never scored. */
export const tierWord = (tier: Tier | null): string =>
  tier === null ? 'Not scored' : TIER_WORDS[tier];

/** The colour family of each tier, as HubSpot's `Tag` names them: good is green, off strategy is red. */
export const TIER_TONE: Readonly<Record<Tier, 'success' | 'info' | 'warning' | 'error'>> =
  Object.freeze({
    dream: 'success',
    fit: 'success',
    stretch: 'info',
    needs_data: 'warning',
    off_strategy: 'error',
    refused: 'error',
  });
