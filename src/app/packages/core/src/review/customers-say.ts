import type { Strategy } from '../strategy/strategy-schema.ts';
import { isMissing } from '../values/read-value.ts';
import type { AmountTally } from './cents.ts';
import { amountTotalOf, createAmountTally, tallyAmount } from './cents.ts';
import { compareText } from './compare.ts';
import type { Completeness, CustomersSay, ReviewDeal, SegmentLostReasons } from './schema.ts';
import { segmentNameOf, segmentOrder } from './segment-order.ts';
import type { Keyed } from './tallies.ts';
import { mergeAmountTallies, mergeKeyed, tallyAt } from './tallies.ts';

/** SCORING §15: the five most frequent lost reasons per segment. */
export const MAX_LOST_REASONS = 5;
/** Distinct reasons tallied per segment; beyond it new texts count as other reasons (memory stays bounded). */
export const MAX_REASON_GROUPS = 2000;

type ReasonGroup = { tally: AmountTally; label: string };
type SegmentReasons = {
  lost: AmountTally;
  without: AmountTally;
  groups: Keyed<ReasonGroup>;
  overflow: AmountTally;
  capped: boolean;
};

/** Plain-JSON state: per segment (JSON-encoded id), the lost deals and their reasons. */
export type CustomersSayState = Keyed<SegmentReasons>;

export const createCustomersSayState = (): CustomersSayState => ({});

const createSegmentReasons = (): SegmentReasons => ({
  lost: createAmountTally(),
  without: createAmountTally(),
  groups: {},
  overflow: createAmountTally(),
  capped: false,
});

/** SCORING §15: reasons group trimmed and case-insensitively; a group reads as its first spelling in code-unit order. */
const earlier = (a: string, b: string): string => (compareText(a, b) <= 0 ? a : b);

/** Counts one lost deal of the evidence (the caller passes closed deals of the window that were scored). */
export const addCustomersSayDeal = (state: CustomersSayState, deal: ReviewDeal): void => {
  if (!deal.isClosed || deal.isWon) return;
  const segment = tallyAt(state, JSON.stringify(deal.segmentId), createSegmentReasons);
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
    group = { tally: createAmountTally(), label: text };
    segment.groups[key] = group;
  }
  group.label = earlier(group.label, text);
  tallyAmount(group.tally, deal.amount);
};

const mergeSegments = (a: SegmentReasons, b: SegmentReasons): SegmentReasons => ({
  lost: mergeAmountTallies(a.lost, b.lost),
  without: mergeAmountTallies(a.without, b.without),
  groups: mergeKeyed(a.groups, b.groups, (x, y) => ({
    tally: mergeAmountTallies(x.tally, y.tally),
    label: earlier(x.label, y.label),
  })),
  overflow: mergeAmountTallies(a.overflow, b.overflow),
  capped: a.capped || b.capped,
});

export const mergeCustomersSay = (a: CustomersSayState, b: CustomersSayState): CustomersSayState =>
  mergeKeyed(a, b, mergeSegments);

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
    .reduce((sum, [, g]) => mergeAmountTallies(sum, g.tally), s.overflow);
  return {
    segmentId,
    name: segmentNameOf(strategy, segmentId),
    lost: amountTotalOf(s.lost),
    withoutReason: amountTotalOf(s.without),
    reasons: top.map(([, g]) => ({ reason: g.label, ...amountTotalOf(g.tally) })),
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
  state: CustomersSayState,
  strategy: Strategy,
  completeness: Completeness,
): CustomersSay => {
  const seen = Object.keys(state).map((k) => JSON.parse(k) as string | null);
  const known = new Set(strategy.segments.map((s) => s.id));
  return {
    completeness,
    maxReasons: MAX_LOST_REASONS,
    segments: segmentOrder(strategy, seen).flatMap((segmentId) => {
      const s = state[JSON.stringify(segmentId)];
      if (s === undefined && (segmentId === null || !known.has(segmentId))) return [];
      return [segmentFigure(strategy, segmentId, s ?? createSegmentReasons())];
    }),
  };
};
