import type { AmountTotal, OwnerAmount, StrategyReviewValue, Tier } from '@strategy-fit/core';

import { formatAmount, formatNumber } from './format.ts';
import type { Names } from './names.ts';
import { namesOf } from './names.ts';
import { tierWord } from './tiers.ts';

/** One row of a "count and amount" table: an owner, a question, a reason. */
export type AmountRow = {
  readonly key: string;
  readonly label: string;
  readonly deals: string;
  readonly amount: string;
};

/** A group of open deals: its total in words and its rows (empty: the table says None). */
export type AmountGroup = {
  readonly id: string;
  readonly title: string;
  readonly total: string;
  readonly rows: readonly AmountRow[];
  /** What an empty group says. */
  readonly none: string;
};

export type FocusBoardView = {
  readonly partial: boolean;
  readonly groups: readonly AmountGroup[];
  readonly existing: {
    readonly partial: boolean;
    /** Policy score: existing customers are scored as prospects, nothing is set apart. */
    readonly retained: boolean;
    readonly total: string;
    readonly byReason: readonly AmountRow[];
    readonly byOwner: readonly AmountRow[];
  };
};

/** "12 deals · 800,474"; an amount unknown on some deals says so. */
export const totalWords = (t: AmountTotal): string =>
  `${formatNumber(t.count)} ${t.count === 1 ? 'deal' : 'deals'} · ${formatAmount(t.amount)}${
    t.withoutAmount > 0 ? ` (${formatNumber(t.withoutAmount)} without an amount)` : ''
  }`;

const row = (key: string, label: string, t: AmountTotal): AmountRow => ({
  key,
  label,
  deals: formatNumber(t.count),
  amount: formatAmount(t.amount),
});

const ownerRows = (names: Names, rows: readonly OwnerAmount[]): AmountRow[] =>
  rows.map((o) => row(o.ownerId ?? '', names.owner(o.ownerId), o));

/** A reason of an off-strategy deal as the pipeline words it. */
export const reasonWords = (tier: Tier | null, reason: string | null): string =>
  reason ?? (tier === 'off_strategy' ? 'No segment fits (off strategy)' : tierWord(tier));

const WARNING_TITLES = {
  price_competition: 'Price competition',
  offer_outside_segment: 'Offer outside the segment',
} as const;

/**
 * The focus board (SCORING §15, "where the best resources should go this week") and the existing
 * customers kept outside the strategy (§12), over the open deals the review read.
 */
export const focusBoardOf = (value: StrategyReviewValue): FocusBoardView => {
  const names = namesOf(value);
  const { focusBoard: b, existingCustomers: e } = value.review;
  return {
    partial: b.completeness.partial,
    groups: [
      {
        id: 'focus-deals',
        title: 'Open focus deals by owner',
        total: totalWords(b.focusDeals),
        rows: ownerRows(names, b.focusDeals.byOwner),
        none: 'None: no open deal is marked focus.',
      },
      {
        id: 'unanswered',
        title: 'Open dream and fit deals with an unanswered dream-test question',
        total: totalWords(b.unanswered),
        rows:
          b.unanswered.count === 0
            ? []
            : b.unanswered.byQuestion.map((q) => row(q.question, q.text, q)),
        none: 'None: every open dream and fit deal has its dream test answered.',
      },
      ...b.warnings.map((w) => ({
        id: w.warning.replace(/_/g, '-'),
        title: `${WARNING_TITLES[w.warning]} by owner`,
        total: totalWords(w),
        rows: ownerRows(names, w.byOwner),
        none: `None: no open deal carries the ${WARNING_TITLES[w.warning].toLowerCase()} warning.`,
      })),
    ],
    existing: {
      partial: e.completeness.partial,
      retained: e.policy === 'retain',
      total: totalWords(e.total),
      byReason: e.byReason.map((r) =>
        row(`${r.tier ?? ''}:${r.reason ?? ''}`, reasonWords(r.tier, r.reason), r),
      ),
      byOwner: ownerRows(names, e.byOwner),
    },
  };
};
