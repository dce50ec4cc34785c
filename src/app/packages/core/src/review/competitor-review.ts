import { z } from 'zod';

import type { Strategy } from '../strategy/strategy-schema.ts';
import { OTHER_COMPETITOR_ID } from '../strategy/strategy-schema.ts';
import { AmountTally, amountTotalOf, createAmountTally, tallyAmount } from './cents.ts';
import { compareText } from './compare.ts';
import type {
  Completeness,
  CompetitorReview,
  CompetitorRow,
  CompetitorSegment,
  LossRow,
  ReviewDeal,
} from './schema.ts';
import { segmentNameOf, segmentOrder } from './segment-order.ts';
import {
  createWinTally,
  keyed,
  mergeKeyedAmounts,
  mergeKeyedWins,
  mergeWinTallies,
  tallyAt,
  tallyWin,
  WinTally,
  winRecordOfTally,
} from './tallies.ts';

/** SCORING §15: "where we lose" lists competitors with at least this many closed deals against us. */
export const MIN_COMPETITOR_DEALS = 10;

/** Competitors' part of a review: closed deals per `[competitor, segment]`, open deals per competitor. */
export const CompetitorPart = z.strictObject({
  overall: WinTally,
  without: WinTally,
  closed: keyed(WinTally),
  open: keyed(AmountTally),
});
export type CompetitorPart = z.output<typeof CompetitorPart>;

export const createCompetitorPart = (): CompetitorPart => ({
  overall: createWinTally(),
  without: createWinTally(),
  closed: {},
  open: {},
});

/**
 * SCORING §15 competitors, one deal: a closed deal of the evidence (the caller passes closed deals
 * of the window that were scored) counts for each of its competitors in its segment; an open deal
 * adds to each competitor's open deals and amount.
 */
export const addCompetitorDeal = (part: CompetitorPart, deal: ReviewDeal): void => {
  const ids = [...new Set(deal.competitors ?? [])];
  if (!deal.isClosed) {
    for (const id of ids) tallyAmount(tallyAt(part.open, id, createAmountTally), deal.amount);
    return;
  }
  tallyWin(part.overall, deal.isWon);
  if (ids.length === 0) tallyWin(part.without, deal.isWon);
  for (const id of ids) {
    tallyWin(
      tallyAt(part.closed, JSON.stringify([id, deal.segmentId]), createWinTally),
      deal.isWon,
    );
  }
};

export const mergeCompetitors = (a: CompetitorPart, b: CompetitorPart): CompetitorPart => ({
  overall: mergeWinTallies(a.overall, b.overall),
  without: mergeWinTallies(a.without, b.without),
  closed: mergeKeyedWins(a.closed, b.closed),
  open: mergeKeyedAmounts(a.open, b.open),
});

/** a's win rate below b's, compared in integers: a.won / a.closed < b.won / b.closed. */
const winsLess = (a: WinTally, b: WinTally): boolean => a.won * b.closed < b.won * a.closed;

/** The strategy's competitors in order, then other ids seen (an older version's), then other when seen. */
const competitorIds = (strategy: Strategy, seen: Iterable<string>): string[] => {
  const known = (strategy.competitors ?? []).map((c) => c.id);
  const seenIds = new Set(seen);
  const others = [...seenIds]
    .filter((id) => id !== OTHER_COMPETITOR_ID && !known.includes(id))
    .sort(compareText);
  return [...known, ...others, ...(seenIds.has(OTHER_COMPETITOR_ID) ? [OTHER_COMPETITOR_ID] : [])];
};

/** The figure: rows per competitor and segment, and where we lose and to whom. */
export const finishCompetitors = (
  part: CompetitorPart,
  strategy: Strategy,
  completeness: Completeness,
): CompetitorReview => {
  const cells = Object.entries(part.closed).map(([key, tally]) => {
    const [competitorId, segmentId] = JSON.parse(key) as [string, string | null];
    return { competitorId, segmentId, tally };
  });
  const segments = segmentOrder(
    strategy,
    cells.map((c) => c.segmentId),
  );
  type Built = { row: CompetitorRow; total: WinTally; tallies: [CompetitorSegment, WinTally][] };
  const ids = competitorIds(strategy, [
    ...cells.map((c) => c.competitorId),
    ...Object.keys(part.open),
  ]);
  const built = ids.map((competitorId): Built => {
    const competitor = strategy.competitors?.find((c) => c.id === competitorId);
    const targets = competitor?.targets ?? [];
    const mine = cells.filter((c) => c.competitorId === competitorId);
    const tallies = segments.flatMap((segmentId): [CompetitorSegment, WinTally][] => {
      const tally = mine.find((c) => c.segmentId === segmentId)?.tally ?? createWinTally();
      const targeted = segmentId !== null && targets.includes(segmentId);
      if (tally.closed === 0 && !targeted) return [];
      const name = segmentNameOf(strategy, segmentId);
      return [[{ segmentId, segmentName: name, targeted, ...winRecordOfTally(tally) }, tally]];
    });
    const total = mine.reduce((sum, c) => mergeWinTallies(sum, c.tally), createWinTally());
    const row: CompetitorRow = {
      competitorId,
      name: competitor?.name ?? null,
      ...winRecordOfTally(total),
      open: amountTotalOf(part.open[competitorId] ?? createAmountTally()),
      bySegment: tallies.map(([cell]) => cell),
    };
    return { row, total, tallies };
  });
  const lost = (t: WinTally): number => t.closed - t.won;
  const whereWeLose = built
    .filter((b) => b.total.closed >= MIN_COMPETITOR_DEALS && winsLess(b.total, part.overall))
    .sort(
      (a, b) =>
        a.total.won * b.total.closed - b.total.won * a.total.closed ||
        b.total.closed - a.total.closed ||
        compareText(a.row.competitorId, b.row.competitorId),
    )
    .map((b): LossRow => ({
      competitorId: b.row.competitorId,
      name: b.row.name,
      ...winRecordOfTally(b.total),
      lost: lost(b.total),
      // Most losses first; equal losses keep the segment order (a stable sort).
      segments: b.tallies
        .filter(([, t]) => lost(t) > 0)
        .sort(([, x], [, y]) => lost(y) - lost(x))
        .map(([cell]) => cell),
    }));
  return {
    completeness,
    overall: winRecordOfTally(part.overall),
    withoutCompetitor: winRecordOfTally(part.without),
    minClosedDeals: MIN_COMPETITOR_DEALS,
    rows: built.map((b) => b.row),
    whereWeLose,
  };
};
