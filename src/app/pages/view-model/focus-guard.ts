import type { FocusWarningCode, StrategyReviewValue } from '@strategy-fit/core';

import { formatNumber, formatShare } from './format.ts';

/** The focus guard (SCORING §13) as the top of every route shows it. */
export type FocusGuardView = {
  readonly partial: boolean;
  /** The spec's warnings, in their order; empty when the strategy has a focus. */
  readonly warnings: readonly { readonly code: FocusWarningCode; readonly message: string }[];
  /** What the guard counted, in one sentence. */
  readonly summary: string;
};

/** The focus guard over the scored companies the review read. */
export const focusGuardViewOf = (value: StrategyReviewValue): FocusGuardView => {
  const g = value.review.focusGuard;
  const partial = g.completeness.partial ? ' Partial: it counts only the companies read.' : '';
  return {
    partial: g.completeness.partial,
    warnings: g.warnings.map((w) => ({ code: w.code, message: w.message })),
    summary:
      g.companies === 0
        ? `Focus guard: no scored company yet; it warns above ${formatNumber(g.maxAcceptedPercent)} % dream or fit.${partial}`
        : `Focus guard: ${formatNumber(g.dreamOrFit)} of ${formatNumber(g.companies)} scored companies (${formatShare(g.acceptedShare)}) are dream or fit, ${formatNumber(g.refusedOrOffStrategy)} refused or off strategy; it warns above ${formatNumber(g.maxAcceptedPercent)} %.${partial}`,
  };
};
