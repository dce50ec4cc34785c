import { existingBusinessRefusal, formatNumber } from '@strategy-fit/core';
import type {
  DealScore,
  DreamGroup,
  DreamOutcome,
  FitWarning,
  ScoreRecordValue,
} from '@strategy-fit/core';

import { segmentNameOf } from './company-card.ts';
import type { CompetitorView } from './competitors.ts';
import { competitorViews } from './competitors.ts';
import type { ExceptionView } from './exception.ts';
import { exceptionView } from './exception.ts';
import type { Explanation } from './explanation.ts';
import { explanationOf } from './explanation.ts';
import type { PositioningView } from './positioning.ts';
import { positioningView } from './positioning.ts';
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

/** A deal warning (SCORING §7, §10) as the deal card shows it. */
export type WarningView = {
  readonly code: FitWarning;
  readonly title: string;
  readonly body: string;
  /**
   * Listed under the body: next to price competition, the segment's differentiators (SCORING
   * §10, the answer to "if we do not stand out…"); null when there is nothing to list.
   */
  readonly points: { readonly label: string; readonly items: readonly string[] } | null;
};

/** Everything the deal card shows. */
export type DealCardView = {
  readonly summary: SummaryView;
  /** Off strategy / refused / no company: the alerts a rep cannot miss, most serious first. */
  readonly alerts: readonly AlertView[];
  /** SCORING §7: dream or fit, and all three questions pass. */
  readonly focus: boolean;
  /** SCORING §12: the deal is existing business ("Existing customer"). */
  readonly existingCustomer: boolean;
  readonly dreamTest: readonly DreamRow[] | null;
  readonly warnings: readonly WarningView[];
  /** SCORING §11: every competitor on the deal, with how we win; [] when none. */
  readonly competitors: readonly CompetitorView[];
  /** SCORING §10: what to sell to the segment; null for refused, off strategy or none set. */
  readonly positioning: PositioningView | null;
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

/** SCORING §10: the segment's differentiators, the answer to price competition; null when none. */
const differentiatorPoints = (deal: DealScore): WarningView['points'] => {
  const p = deal.positioning;
  return p === null || p.differentiators.length === 0
    ? null
    : { label: `What sets us apart in ${p.segmentName}:`, items: p.differentiators };
};

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
        points: differentiatorPoints(deal),
      };
    case 'deal_size_outside_segment':
      return {
        code,
        title: 'Deal size outside the segment',
        body: `The amount${deal.amount === null ? '' : ` (${formatNumber(deal.amount)})`} is outside the usual deal size for ${segmentName ?? 'its segment'}.`,
        points: null,
      };
    case 'missing_company':
      return null; // shown as an alert
    case 'offer_outside_segment':
      // The core's message names the line items outside the offer (SCORING §10).
      return {
        code,
        title: 'Offer outside the segment',
        body:
          deal.offers?.message ??
          `A line item is outside the offer for ${segmentName ?? 'its segment'}.`,
        points: null,
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

/** Ends a reason with a full stop, so a sentence can follow it. */
const sentence = (text: string): string => (/[.!?…]$/.test(text) ? text : `${text}.`);

/**
 * The off-strategy alert of a deal. An existing customer kept under the retain policy (SCORING
 * §12) needs no exception: the alert says so, with the core's wording of why. An active approval
 * turns it from danger into a warning.
 */
const dealAlert = (deal: DealScore): AlertView | null => {
  const alert = offStrategyAlert('deal', deal.tier, deal.reason);
  if (alert === null) return null;
  const retained = existingBusinessRefusal(deal);
  if (retained !== null) {
    return {
      kind: 'retained',
      title: 'Existing customer — kept under the retain policy',
      body: `${sentence(deal.reason)} ${retained.message}`,
      variant: 'info',
    };
  }
  if (!deal.exception.active) return alert;
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
  const warnings = deal.warnings.flatMap((w) => warningView(w, deal, segmentName) ?? []);
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
    existingCustomer: deal.business === 'existing',
    dreamTest: dreamRows(deal),
    warnings,
    competitors: competitorViews(deal.competitors),
    // The differentiators stand next to the price warning, so the section does not repeat them.
    positioning: positioningView(deal.positioning, {
      differentiatorsShownElsewhere: warnings.some(
        (w) => w.code === 'price_competition' && w.points !== null,
      ),
    }),
    exception: exceptionView(deal),
    managerNames: value.managerNames,
    explanation: company === null ? null : explanationOf(company),
    todos: todoViews(deal.todos),
    dataQuality: findingViews(deal.dataQuality),
  };
};
