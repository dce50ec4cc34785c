import { formatDay } from '../format.ts';
import { evidenceWindowDaysOf } from '../strategy/strategy-defaults.ts';
import type { Strategy } from '../strategy/strategy-schema.ts';
import { DAY_MS } from '../values/read-value.ts';
import type { Completeness, EvidenceWindow, ReviewDeal } from './schema.ts';

/** Plain-JSON state of the evidence window: how the closed deals fell. */
export type EvidenceWindowState = { inWindow: number; before: number; withoutDate: number };

export const createEvidenceWindowState = (): EvidenceWindowState => ({
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
  state: EvidenceWindowState,
  deal: ReviewDeal,
  startMs: number,
): boolean => {
  if (!deal.isClosed) return false;
  if (deal.closedAtMs === null) state.withoutDate += 1;
  else if (deal.closedAtMs < startMs) state.before += 1;
  else state.inWindow += 1;
  return isInEvidenceWindow(deal, startMs);
};

export const mergeEvidenceWindows = (
  a: EvidenceWindowState,
  b: EvidenceWindowState,
): EvidenceWindowState => ({
  inWindow: a.inWindow + b.inWindow,
  before: a.before + b.before,
  withoutDate: a.withoutDate + b.withoutDate,
});

/** The figure, saying what the evidence counts. */
export const finishEvidenceWindow = (
  state: EvidenceWindowState,
  window: { days: number; nowMs: number; completeness: Completeness },
): EvidenceWindow => {
  const startMs = windowStartMs(window.nowMs, window.days);
  return {
    completeness: window.completeness,
    days: window.days,
    startMs,
    closedInWindow: state.inWindow,
    closedBefore: state.before,
    closedWithoutDate: state.withoutDate,
    note: `Evidence counts deals closed in the last ${window.days} days (since ${formatDay(startMs)}).`,
  };
};
