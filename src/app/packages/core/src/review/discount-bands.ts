import { z } from 'zod';

import type { Strategy } from '../strategy/strategy-schema.ts';
import { DiscountBand } from './schema.ts';
import type { BandRecord, Completeness, DiscountBands, ReviewDeal } from './schema.ts';
import { segmentNameOf, segmentOrder } from './segment-order.ts';
import { mergeRecords } from './cents.ts';
import {
  createWinTally,
  keyed,
  mergeWinTallies,
  tallyAt,
  tallyWin,
  WinTally,
  winRecordOfTally,
} from './tallies.ts';

const LABELS: Record<DiscountBand, string> = {
  under_5: 'below 5 %',
  from_5_to_10: '5 to below 10 %',
  from_10_to_20: '10 to below 20 %',
  from_20: '20 % and more',
  unknown: 'unknown',
};

/** SCORING §15: below 5 % (negative included), 5 to below 10 %, 10 to below 20 %, 20 % and more, unknown. */
export const discountBandOf = (discountPercent: number | null): DiscountBand => {
  if (discountPercent === null) return 'unknown';
  if (discountPercent < 5) return 'under_5';
  if (discountPercent < 10) return 'from_5_to_10';
  return discountPercent < 20 ? 'from_10_to_20' : 'from_20';
};

const Bands = z.strictObject({
  under_5: WinTally,
  from_5_to_10: WinTally,
  from_10_to_20: WinTally,
  from_20: WinTally,
  unknown: WinTally,
}) satisfies z.ZodType<Record<DiscountBand, WinTally>>;
type Bands = z.output<typeof Bands>;
const createBands = (): Bands => ({
  under_5: createWinTally(),
  from_5_to_10: createWinTally(),
  from_10_to_20: createWinTally(),
  from_20: createWinTally(),
  unknown: createWinTally(),
});
const mergeBands = (a: Bands, b: Bands): Bands => ({
  under_5: mergeWinTallies(a.under_5, b.under_5),
  from_5_to_10: mergeWinTallies(a.from_5_to_10, b.from_5_to_10),
  from_10_to_20: mergeWinTallies(a.from_10_to_20, b.from_10_to_20),
  from_20: mergeWinTallies(a.from_20, b.from_20),
  unknown: mergeWinTallies(a.unknown, b.unknown),
});

/** The discount bands' part of a review: bands of every deal, and per segment (JSON-encoded id). */
export const DiscountBandsPart = z.strictObject({ all: Bands, bySegment: keyed(Bands) });
export type DiscountBandsPart = z.output<typeof DiscountBandsPart>;

export const createDiscountBandsPart = (): DiscountBandsPart => ({
  all: createBands(),
  bySegment: {},
});

/** Counts one closed deal of the evidence (the caller passes closed deals of the window that were scored). */
export const addDiscountBandDeal = (part: DiscountBandsPart, deal: ReviewDeal): void => {
  if (!deal.isClosed) return;
  const band = discountBandOf(deal.discountPercent);
  tallyWin(part.all[band], deal.isWon);
  tallyWin(tallyAt(part.bySegment, JSON.stringify(deal.segmentId), createBands)[band], deal.isWon);
};

export const mergeDiscountBands = (
  a: DiscountBandsPart,
  b: DiscountBandsPart,
): DiscountBandsPart => ({
  all: mergeBands(a.all, b.all),
  bySegment: mergeRecords(a.bySegment, b.bySegment, mergeBands),
});

const bandRecords = (bands: Bands): BandRecord[] =>
  DiscountBand.options.map((band) => ({
    band,
    label: LABELS[band],
    ...winRecordOfTally(bands[band]),
  }));

/** SCORING §15 price the customer accepts: win rate and count by discount band, per segment. */
export const finishDiscountBands = (
  part: DiscountBandsPart,
  strategy: Strategy,
  completeness: Completeness,
): DiscountBands => {
  const seen = Object.keys(part.bySegment).map((k) => JSON.parse(k) as string | null);
  const known = new Set(strategy.segments.map((s) => s.id));
  return {
    completeness,
    all: bandRecords(part.all),
    segments: segmentOrder(strategy, seen).flatMap((segmentId) => {
      const bands = part.bySegment[JSON.stringify(segmentId)];
      if (bands === undefined && (segmentId === null || !known.has(segmentId))) return [];
      return [
        {
          segmentId,
          name: segmentNameOf(strategy, segmentId),
          bands: bandRecords(bands ?? createBands()),
        },
      ];
    }),
  };
};
