import type { Tier } from '@strategy-fit/core';
import { TIER_WORDS } from '@strategy-fit/core';

/** The colours a `Tag` takes (`@hubspot/ui-extensions` 0.17). */
export type TagVariant = 'default' | 'warning' | 'success' | 'error' | 'info';

/** One colour per tier, as on the cards: good is green, off strategy is red. */
export const TIER_TAG_VARIANT: Readonly<Record<Tier, TagVariant>> = {
  dream: 'success',
  fit: 'success',
  stretch: 'info',
  needs_data: 'warning',
  off_strategy: 'error',
  refused: 'error',
};

/** A tier's word; "Not scored" for a record never scored. */
export const tierWord = (tier: Tier | null): string =>
  tier === null ? 'Not scored' : TIER_WORDS[tier];
