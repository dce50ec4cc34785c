import { Tier } from '../enums.ts';

/** Code-unit order (never the locale's), null last: the same order on every machine. */
export const compareText = (a: string | null, b: string | null): number => {
  if (a === b) return 0;
  if (a === null) return 1;
  if (b === null) return -1;
  return a < b ? -1 : 1;
};

/** Tiers dream first, never scored (null) last. */
export const compareTier = (a: Tier | null, b: Tier | null): number =>
  (a === null ? Tier.options.length : Tier.options.indexOf(a)) -
  (b === null ? Tier.options.length : Tier.options.indexOf(b));

/** Known amounts largest first, unknown amounts last. */
export const compareAmountDesc = (a: number | null, b: number | null): number => {
  if (a === b) return 0;
  if (a === null) return 1;
  if (b === null) return -1;
  return b - a;
};

/** Every tier, dream first, then null for never scored. */
export const TIERS_AND_UNSCORED: readonly (Tier | null)[] = [...Tier.options, null];
