import type { Outcome, Tier } from '@strategy-fit/core';
import { TIER_TONE, TIER_WORDS } from '@strategy-fit/core';

/** The colours a `Tag` takes (`@hubspot/ui-extensions` 0.17). */
export type TagVariant = 'default' | 'warning' | 'success' | 'error' | 'info';
/** The colours a `StatusTag` dot takes. */
export type StatusVariant = 'danger' | 'warning' | 'info' | 'success' | 'default';

/** A tier as the cards show it: the word and its colour. */
export type TierBadge = {
  readonly tier: Tier;
  readonly label: string;
  readonly variant: TagVariant;
};

export const tierBadge = (tier: Tier): TierBadge => ({
  tier,
  label: TIER_WORDS[tier],
  variant: TIER_TONE[tier],
});

/** Words and colours of a criterion's outcome in the explanation table. */
export const OUTCOME_VIEW: Readonly<
  Record<Outcome, { readonly label: string; readonly variant: StatusVariant }>
> = {
  match: { label: 'Matched', variant: 'success' },
  miss: { label: 'Missed', variant: 'danger' },
  unknown: { label: 'Unknown', variant: 'warning' },
};
