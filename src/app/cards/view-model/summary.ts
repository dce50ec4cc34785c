import type { StrategyStamp, Tier } from '@strategy-fit/core';

import type { TierBadge } from './tier.ts';
import { tierBadge } from './tier.ts';

/** The head of every card: score, tier, segment, the one-line reason, the strategy version. */
export type SummaryView = {
  readonly score: number;
  readonly tier: TierBadge;
  /** The segment's name, or null when the record matches none (off strategy, refused). */
  readonly segmentName: string | null;
  readonly reason: string;
  /** "Strategy v3" */
  readonly strategyLabel: string;
  readonly strategyName: string;
};

/**
 * The alert a rep cannot miss: off strategy, refused, a deal without a company, or an
 * off-strategy deal with an existing customer kept under the retain policy (SCORING §12).
 */
export type AlertView = {
  /** What the alert is about; cards use it as the alert's test id (`alert-refused`). */
  readonly kind: 'refused' | 'off_strategy' | 'no_company' | 'retained';
  readonly title: string;
  readonly body: string;
  readonly variant: 'danger' | 'warning' | 'info';
};

export const strategyLabel = (stamp: StrategyStamp): string => `Strategy v${stamp.version}`;

export const summaryView = (input: {
  readonly strategy: StrategyStamp;
  readonly tier: Tier;
  readonly fitScore: number;
  readonly segmentName: string | null;
  readonly reason: string;
}): SummaryView => ({
  score: input.fitScore,
  tier: tierBadge(input.tier),
  segmentName: input.segmentName,
  reason: input.reason,
  strategyLabel: strategyLabel(input.strategy),
  strategyName: input.strategy.name,
});

/** SCORING §6.4: refused and off_strategy records are off strategy; the alert says why. */
export const offStrategyAlert = (
  record: 'company' | 'deal',
  tier: Tier,
  reason: string,
): AlertView | null => {
  if (tier === 'refused') {
    return {
      kind: 'refused',
      title:
        record === 'company'
          ? 'Refused: we do not sell to this company'
          : 'Refused: this deal’s company is one we do not sell to',
      body: reason,
      variant: 'danger',
    };
  }
  if (tier === 'off_strategy') {
    return {
      kind: 'off_strategy',
      title: record === 'company' ? 'Off strategy' : 'Off-strategy deal',
      body: reason,
      variant: 'danger',
    };
  }
  return null;
};
