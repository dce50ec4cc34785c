import type { StrategyReviewValue, WinRecord } from '@strategy-fit/core';

import { totalWords } from './focus-board.ts';
import { formatAmount, formatNumber, formatShare } from './format.ts';

/** "38 % of 40": a win rate and the closed deals it is over; "—" without closed deals. */
export const winWords = (w: WinRecord): string =>
  w.closed === 0 ? '—' : `${formatShare(w.winRate)} of ${formatNumber(w.closed)}`;

const competitorName = (id: string, name: string | null): string =>
  name ?? (id === 'other' ? 'Other (not in the strategy)' : id);

const segmentName = (id: string | null, name: string | null): string => name ?? id ?? 'No segment';

export type CompetitorLine = {
  readonly key: string;
  readonly name: string;
  readonly closed: string;
  readonly won: string;
  readonly winRate: string;
  /** The win rate 0..100 for the chart; null without closed deals. */
  readonly winPercent: number | null;
  readonly openDeals: string;
  readonly openAmount: string;
  /** We win less often against it than overall (SCORING §15 "where we lose"). */
  readonly losing: boolean;
  /** Per segment column: "38 % of 40", "—"; a targeted segment is marked. */
  readonly segments: readonly {
    readonly key: string;
    readonly text: string;
    readonly targeted: boolean;
  }[];
};

export type MarketView = {
  readonly evidenceWindow: string;
  readonly competitors: {
    readonly partial: boolean;
    readonly overall: string;
    readonly withoutCompetitor: string;
    readonly segmentColumns: readonly { readonly key: string; readonly name: string }[];
    readonly rows: readonly CompetitorLine[];
    readonly whereWeLose: readonly {
      readonly key: string;
      readonly name: string;
      readonly lost: string;
      readonly winRate: string;
      readonly segments: string;
    }[];
    readonly minClosedDeals: number;
  };
  readonly customersSay: {
    readonly partial: boolean;
    readonly segments: readonly {
      readonly key: string;
      readonly name: string;
      readonly lost: string;
      readonly withoutReason: string;
      readonly reasons: readonly {
        readonly key: string;
        readonly reason: string;
        readonly deals: string;
        readonly amount: string;
      }[];
      /** Lost deals whose reason is not among the five shown. */
      readonly other: string | null;
    }[];
  };
  readonly discountBands: {
    readonly partial: boolean;
    readonly columns: readonly { readonly key: string; readonly label: string }[];
    readonly rows: readonly {
      readonly key: string;
      readonly name: string;
      readonly cells: readonly string[];
    }[];
  };
};

/**
 * What the market says (SCORING §15): competitors (win rate per competitor and segment, open
 * deals, where we lose and to whom), what customers say (lost reasons per segment) and the price
 * the customer accepts (win rate by discount band per segment), over the evidence window.
 */
export const marketOf = (value: StrategyReviewValue): MarketView => {
  const { competitors: c, customersSay: say, discountBands: bands, evidenceWindow } = value.review;
  const columns = new Map<string, string>();
  for (const row of c.rows) {
    for (const s of row.bySegment) {
      const key = s.segmentId ?? '';
      if (!columns.has(key)) columns.set(key, segmentName(s.segmentId, s.segmentName));
    }
  }
  const losing = new Set(c.whereWeLose.map((l) => l.competitorId));
  return {
    evidenceWindow: evidenceWindow.note,
    competitors: {
      partial: c.completeness.partial,
      overall: `We win ${winWords(c.overall)} closed deals overall; ${winWords(c.withoutCompetitor)} where no competitor is named.`,
      withoutCompetitor: winWords(c.withoutCompetitor),
      segmentColumns: [...columns].map(([key, name]) => ({ key, name })),
      rows: c.rows.map((r) => {
        const cells = new Map(r.bySegment.map((s) => [s.segmentId ?? '', s]));
        return {
          key: r.competitorId,
          name: competitorName(r.competitorId, r.name),
          closed: formatNumber(r.closed),
          won: formatNumber(r.won),
          winRate: formatShare(r.winRate),
          winPercent: r.winRate === null ? null : Math.round(r.winRate * 1000) / 10,
          openDeals: formatNumber(r.open.count),
          openAmount: formatAmount(r.open.amount),
          losing: losing.has(r.competitorId),
          segments: [...columns.keys()].map((key) => {
            const s = cells.get(key);
            return {
              key,
              text: s === undefined ? '—' : winWords(s),
              targeted: s?.targeted ?? false,
            };
          }),
        };
      }),
      whereWeLose: c.whereWeLose.map((l) => ({
        key: l.competitorId,
        name: competitorName(l.competitorId, l.name),
        lost: `${formatNumber(l.lost)} of ${formatNumber(l.closed)}`,
        winRate: formatShare(l.winRate),
        segments: l.segments
          .map(
            (s) =>
              `${segmentName(s.segmentId, s.segmentName)} (${formatNumber(s.closed - s.won)} lost)`,
          )
          .join(', '),
      })),
      minClosedDeals: c.minClosedDeals,
    },
    customersSay: {
      partial: say.completeness.partial,
      segments: say.segments.map((s) => ({
        key: s.segmentId ?? '',
        name: segmentName(s.segmentId, s.name),
        lost: totalWords(s.lost),
        withoutReason: totalWords(s.withoutReason),
        reasons: s.reasons.map((r) => ({
          key: r.reason,
          reason: r.reason,
          deals: formatNumber(r.count),
          amount: formatAmount(r.amount),
        })),
        other: s.otherReasons.count === 0 ? null : totalWords(s.otherReasons),
      })),
    },
    discountBands: {
      partial: bands.completeness.partial,
      columns: bands.all.map((b) => ({ key: b.band, label: b.label })),
      rows: [
        { key: '*', name: 'All segments', cells: bands.all.map(winWords) },
        ...bands.segments.map((s) => ({
          key: s.segmentId ?? '',
          name: segmentName(s.segmentId, s.name),
          cells: s.bands.map(winWords),
        })),
      ],
    },
  };
};
