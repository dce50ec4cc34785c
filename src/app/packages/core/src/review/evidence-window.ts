import { z } from 'zod';

import { formatDay } from '../format.ts';
import { evidenceWindowDaysOf } from '../strategy/strategy-defaults.ts';
import type { Strategy } from '../strategy/strategy-schema.ts';
import { DAY_MS } from '../values/read-value.ts';
import type { Completeness, EvidenceWindow, ReviewDeal } from './schema.ts';

const Count = z.number().int().min(0);

/** The evidence window's part of a review: how the closed deals fell. */
export const EvidenceWindowPart = z.strictObject({
  inWindow: Count,
  before: Count,
  withoutDate: Count,
});
export type EvidenceWindowPart = z.output<typeof EvidenceWindowPart>;

export const createEvidenceWindowPart = (): EvidenceWindowPart => ({
  inWindow: 0,
  before: 0,
  withoutDate: 0,
});

/** SCORING §15: the window starts `days` before now; a deal closed at or after it counts. */
export const windowStartMs = (nowMs: number, days: number): number => nowMs - days * DAY_MS;

/** SCORING §15: the start of a strategy's evidence window at `nowMs`. */
export const evidenceWindowStartMs = (strategy: Strategy, nowMs: number): number =>
  windowStartMs(nowMs, evidenceWindowDaysOf(strategy));

/**
 * SCORING §15: whether a closed deal counts in the evidence — closed at or after the window's
 * start (a close date after now counts: the deal is closed); without a close date it does not.
 */
export const isInEvidenceWindow = (
  deal: Pick<ReviewDeal, 'isClosed' | 'closedAtMs'>,
  startMs: number,
): boolean => deal.isClosed && deal.closedAtMs !== null && deal.closedAtMs >= startMs;

/** Counts one deal; answers whether it is a closed deal of the window. */
export const addEvidenceWindowDeal = (
  part: EvidenceWindowPart,
  deal: ReviewDeal,
  startMs: number,
): boolean => {
  if (!deal.isClosed) return false;
  if (deal.closedAtMs === null) part.withoutDate += 1;
  else if (deal.closedAtMs < startMs) part.before += 1;
  else part.inWindow += 1;
  return isInEvidenceWindow(deal, startMs);
};

export const mergeEvidenceWindows = (
  a: EvidenceWindowPart,
  b: EvidenceWindowPart,
): EvidenceWindowPart => ({
  inWindow: a.inWindow + b.inWindow,
  before: a.before + b.before,
  withoutDate: a.withoutDate + b.withoutDate,
});

/** The figure, saying what the evidence counts. */
export const finishEvidenceWindow = (
  part: EvidenceWindowPart,
  window: { days: number; nowMs: number; completeness: Completeness },
): EvidenceWindow => {
  const startMs = windowStartMs(window.nowMs, window.days);
  return {
    completeness: window.completeness,
    days: window.days,
    startMs,
    closedInWindow: part.inWindow,
    closedBefore: part.before,
    closedWithoutDate: part.withoutDate,
    note: `Evidence counts deals closed in the last ${window.days} days (since ${formatDay(startMs)}).`,
  };
};
