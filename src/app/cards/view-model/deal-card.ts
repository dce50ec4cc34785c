import { formatNumber } from '@strategy-fit/core';
import type {
  DealScore,
  DreamGroup,
  DreamOutcome,
  FitWarning,
  ScoreRecordValue,
} from '@strategy-fit/core';

import { segmentNameOf } from './company-card.ts';
import type { ExceptionView } from './exception.ts';
import { exceptionView } from './exception.ts';
import type { Explanation } from './explanation.ts';
import { explanationOf } from './explanation.ts';
import type { FindingView, TodoView } from './record-notes.ts';
import { findingViews, todoViews } from './record-notes.ts';
import type { AlertView, SummaryView } from './summary.ts';
import { offStrategyAlert, summaryView } from './summary.ts';
import type { StatusVariant } from './tier.ts';

/** One question of the dream-customer test (SCORING §7). */
export type DreamRow = {
  readonly group: DreamGroup;
  readonly question: string;
  readonly outcome: DreamOutcome;
  /** "Yes", "No" or "Unknown": the answer to the question. */
  readonly answer: string;
  readonly variant: StatusVariant;
  /** Which criteria decided it: "Not met: Budget approved". */
  readonly detail: string;
};

/** A deal warning (SCORING §7) as the deal card shows it. */
export type WarningView = {
  readonly code: FitWarning;
  readonly title: string;
  readonly body: string;
};

/** Everything the deal card shows. */
export type DealCardView = {
  readonly summary: SummaryView;
  /** Off strategy / refused / no company: the alerts a rep cannot miss, most serious first. */
  readonly alerts: readonly AlertView[];
  /** SCORING §7: dream or fit, and all three questions pass. */
  readonly focus: boolean;
  readonly dreamTest: readonly DreamRow[] | null;
  readonly warnings: readonly WarningView[];
  readonly exception: ExceptionView | null;
  /** The strategy's managers by name: whom a rep asks. */
  readonly managerNames: readonly string[];
  /** The company's explanation; null for a deal without a company. */
  readonly explanation: Explanation | null;
  readonly todos: readonly TodoView[];
  readonly dataQuality: readonly FindingView[];
};

const ANSWERS: Readonly<Record<DreamOutcome, { answer: string; variant: StatusVariant }>> = {
  pass: { answer: 'Yes', variant: 'success' },
  fail: { answer: 'No', variant: 'danger' },
  unknown: { answer: 'Unknown', variant: 'warning' },
};

const dreamRows = (deal: DealScore): DreamRow[] | null =>
  deal.dreamTest?.map((g) => {
    const missed = g.criteria.filter((c) => c.outcome === 'miss').map((c) => c.label);
    const unknown = g.criteria.filter((c) => c.outcome === 'unknown').map((c) => c.label);
    const detail =
      g.outcome === 'pass'
        ? 'All criteria met'
        : g.outcome === 'fail'
          ? `Not met: ${missed.join(', ')}`
          : `Not known yet: ${unknown.join(', ')}`;
    return {
      group: g.group,
      question: g.question,
      outcome: g.outcome,
      ...ANSWERS[g.outcome],
      detail,
    };
  }) ?? null;

const warningView = (
  code: FitWarning,
  deal: DealScore,
  segmentName: string | null,
): WarningView | null => {
  switch (code) {
    case 'price_competition':
      return {
        code,
        title:
          deal.discountPercent === null
            ? 'Price competition'
            : `Price competition: ${formatNumber(deal.discountPercent)}% discount`,
        body: 'If we do not stand out, we can only compete on price.',
      };
    case 'deal_size_outside_segment':
      return {
        code,
        title: 'Deal size outside the segment',
        body: `The amount${deal.amount === null ? '' : ` (${formatNumber(deal.amount)})`} is outside the usual deal size for ${segmentName ?? 'its segment'}.`,
      };
    case 'missing_company':
      return null; // shown as an alert
    case 'offer_outside_segment':
      return {
        code,
        title: 'Offer outside the segment',
        body:
          deal.offers?.message ??
          `A line item is outside the offer for ${segmentName ?? 'its segment'}.`,
      };
    default:
      return code satisfies never;
  }
};

const NO_COMPANY_ALERT: AlertView = {
  kind: 'no_company',
  title: 'No associated company',
  body: 'Associate a company with this deal so it can be scored against the strategy.',
  variant: 'warning',
};

/** The off-strategy alert of a deal; an active approval turns it from danger into a warning. */
const dealAlert = (deal: DealScore): AlertView | null => {
  const alert = offStrategyAlert('deal', deal.tier, deal.reason);
  if (alert === null || !deal.exception.active) return alert;
  return {
    ...alert,
    title: `${alert.title}: approved exception until ${deal.exception.expiresOn ?? '(no date)'}`,
    variant: 'warning',
  };
};

/** Turns a deal's score (and its company's) into what the deal card shows. */
export const dealCardView = (value: ScoreRecordValue, deal: DealScore): DealCardView => {
  const company = value.company;
  const segmentName =
    company === null ? null : segmentNameOf({ ...company, segmentId: deal.segmentId });
  const offStrategy = dealAlert(deal);
  return {
    summary: summaryView({
      strategy: value.strategy,
      tier: deal.tier,
      fitScore: deal.fitScore,
      segmentName,
      reason: deal.reason,
    }),
    alerts: [
      ...(offStrategy ? [offStrategy] : []),
      ...(deal.warnings.includes('missing_company') || deal.companyId === null
        ? [NO_COMPANY_ALERT]
        : []),
    ],
    focus: deal.focus,
    dreamTest: dreamRows(deal),
    warnings: deal.warnings.flatMap((w) => warningView(w, deal, segmentName) ?? []),
    exception: exceptionView(deal),
    managerNames: value.managerNames,
    explanation: company === null ? null : explanationOf(company),
    todos: todoViews(deal.todos),
    dataQuality: findingViews(deal.dataQuality),
  };
};
