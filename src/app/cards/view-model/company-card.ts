import type { CompanyScore, StrategyStamp } from '@strategy-fit/core';

import type { Explanation } from './explanation.ts';
import { explanationOf } from './explanation.ts';
import type { PositioningView } from './positioning.ts';
import { positioningView } from './positioning.ts';
import type { FindingView, TodoView } from './record-notes.ts';
import { findingViews, todoViews } from './record-notes.ts';
import type { AlertView, SummaryView } from './summary.ts';
import { offStrategyAlert, summaryView } from './summary.ts';

/** Everything the company card shows. */
export type CompanyCardView = {
  readonly summary: SummaryView;
  readonly alert: AlertView | null;
  /** SCORING §10: what to sell to the segment; null for refused, off strategy or none set. */
  readonly positioning: PositioningView | null;
  readonly explanation: Explanation;
  readonly todos: readonly TodoView[];
  readonly dataQuality: readonly FindingView[];
};

/** The segment name of a company's `segmentId`, or null. */
export const segmentNameOf = (company: CompanyScore): string | null =>
  company.segments.find((s) => s.segmentId === company.segmentId)?.name ?? null;

/** Turns a company's score into what the company card shows. */
export const companyCardView = (
  strategy: StrategyStamp,
  company: CompanyScore,
): CompanyCardView => ({
  summary: summaryView({
    strategy,
    tier: company.tier,
    fitScore: company.fitScore,
    segmentName: segmentNameOf(company),
    reason: company.reason,
  }),
  alert: offStrategyAlert('company', company.tier, company.reason),
  positioning: positioningView(company.positioning),
  explanation: explanationOf(company),
  todos: todoViews(company.todos),
  dataQuality: findingViews(company.dataQuality),
});
