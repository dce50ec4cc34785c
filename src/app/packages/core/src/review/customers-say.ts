import { z } from 'zod';

import type { Strategy } from '../strategy/strategy-schema.ts';
import { isMissing } from '../values/read-value.ts';
import {
  addTallies,
  AmountTally,
  amountTotalOf,
  createAmountTally,
  mergeRecords,
  tallyAmount,
} from './cents.ts';
import { compareText } from './compare.ts';
import type { Completeness, CustomersSay, ReviewDeal, SegmentLostReasons } from './schema.ts';
import { segmentNameOf, segmentOrder } from './segment-order.ts';
import type { Keyed } from './tallies.ts';
import { keyed, tallyAt } from './tallies.ts';

/** SCORING §15: the five most frequent lost reasons per segment. */
export const MAX_LOST_REASONS = 5;
/** Distinct reasons tallied per segment; beyond it new texts count as other reasons (memory stays bounded). */
export const MAX_REASON_GROUPS = 2000;
/** Spellings counted per reason, to show the most frequent one; later new spellings are not. */
const MAX_SPELLINGS = 8;

/** A reason: its lost deals, and how often each spelling (trimmed, case kept) was typed. */
const ReasonGroup = z.strictObject({
  tally: AmountTally,
  spellings: keyed(z.number().int().min(0)),
});
type ReasonGroup = z.output<typeof ReasonGroup>;
const SegmentReasons = z.strictObject({
  lost: AmountTally,
  without: AmountTally,
  groups: keyed(ReasonGroup),
  overflow: AmountTally,
  capped: z.boolean(),
});
type SegmentReasons = z.output<typeof SegmentReasons>;

/** What customers say, as a part of a review: per segment (JSON-encoded id), lost deals and reasons. */
export const CustomersSayPart = keyed(SegmentReasons);
export type CustomersSayPart = z.output<typeof CustomersSayPart>;

export const createCustomersSayPart = (): CustomersSayPart => ({});

const createSegmentReasons = (): SegmentReasons => ({
  lost: createAmountTally(),
  without: createAmountTally(),
  groups: {},
  overflow: createAmountTally(),
  capped: false,
});

const countSpelling = (spellings: Keyed<number>, text: string, n: number): void => {
  if (spellings[text] === undefined && Object.keys(spellings).length >= MAX_SPELLINGS) return;
  spellings[text] = (spellings[text] ?? 0) + n;
};

/** How a reason reads: its most frequent spelling, ties in code-unit order. */
const labelOf = (spellings: Keyed<number>): string =>
  Object.entries(spellings).sort(([a, x], [b, y]) => y - x || compareText(a, b))[0]?.[0] ?? '';

/** Counts one lost deal of the evidence (the caller passes closed deals of the window that were scored). */
export const addCustomersSayDeal = (part: CustomersSayPart, deal: ReviewDeal): void => {
  if (!deal.isClosed || deal.isWon) return;
  const segment = tallyAt(part, JSON.stringify(deal.segmentId), createSegmentReasons);
  tallyAmount(segment.lost, deal.amount);
  const raw = deal.closedLostReason;
  if (isMissing(raw)) {
    tallyAmount(segment.without, deal.amount);
    return;
  }
  const text = raw.trim();
  const key = text.toLowerCase();
  let group = segment.groups[key];
  if (group === undefined) {
    if (Object.keys(segment.groups).length >= MAX_REASON_GROUPS) {
      segment.capped = true;
      tallyAmount(segment.overflow, deal.amount);
      return;
    }
    group = { tally: createAmountTally(), spellings: {} };
    segment.groups[key] = group;
  }
  countSpelling(group.spellings, text, 1);
  tallyAmount(group.tally, deal.amount);
};

const mergeSegments = (a: SegmentReasons, b: SegmentReasons): SegmentReasons => ({
  lost: addTallies(a.lost, b.lost),
  without: addTallies(a.without, b.without),
  groups: mergeRecords(a.groups, b.groups, (x, y) => {
    const spellings = { ...x.spellings };
    for (const [text, n] of Object.entries(y.spellings)) countSpelling(spellings, text, n);
    return { tally: addTallies(x.tally, y.tally), spellings };
  }),
  overflow: addTallies(a.overflow, b.overflow),
  capped: a.capped || b.capped,
});

export const mergeCustomersSay = (a: CustomersSayPart, b: CustomersSayPart): CustomersSayPart =>
  mergeRecords(a, b, mergeSegments);

/** Most lost deals first; ties by amount, then alphabetically (the grouped text, code-unit order). */
const compareGroups = ([ka, a]: [string, ReasonGroup], [kb, b]: [string, ReasonGroup]): number =>
  b.tally.count - a.tally.count || b.tally.cents - a.tally.cents || compareText(ka, kb);

const segmentFigure = (
  strategy: Strategy,
  segmentId: string | null,
  s: SegmentReasons,
): SegmentLostReasons => {
  const groups = Object.entries(s.groups).sort(compareGroups);
  const top = groups.slice(0, MAX_LOST_REASONS);
  const rest = groups
    .slice(MAX_LOST_REASONS)
    .reduce((sum, [, g]) => addTallies(sum, g.tally), s.overflow);
  return {
    segmentId,
    name: segmentNameOf(strategy, segmentId),
    lost: amountTotalOf(s.lost),
    withoutReason: amountTotalOf(s.without),
    reasons: top.map(([, g]) => ({ reason: labelOf(g.spellings), ...amountTotalOf(g.tally) })),
    otherReasons: amountTotalOf(rest),
    distinctReasons: groups.length,
    capped: s.capped,
  };
};

/**
 * SCORING §15 what customers say: per segment (the strategy's in order, then others seen, then
 * no segment; a segment without lost deals only when it is the strategy's), the lost deals, those
 * without a reason, and the five most frequent reasons with count and amount.
 */
export const finishCustomersSay = (
  part: CustomersSayPart,
  strategy: Strategy,
  completeness: Completeness,
): CustomersSay => {
  const seen = Object.keys(part).map((k) => JSON.parse(k) as string | null);
  const known = new Set(strategy.segments.map((s) => s.id));
  return {
    completeness,
    maxReasons: MAX_LOST_REASONS,
    segments: segmentOrder(strategy, seen).flatMap((segmentId) => {
      const s = part[JSON.stringify(segmentId)];
      if (s === undefined && (segmentId === null || !known.has(segmentId))) return [];
      return [segmentFigure(strategy, segmentId, s ?? createSegmentReasons())];
    }),
  };
};
