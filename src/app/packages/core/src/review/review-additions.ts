// SCORING §12, §13, §15: the review additions as one plain-JSON state — add companies and deals,
// merge two states (two chunks of a portal, in any split), finish into the figures.
import type { Tier } from '../enums.ts';
import { evidenceWindowDaysOf, existingCustomersOf } from '../strategy/strategy-defaults.ts';
import type { Strategy } from '../strategy/strategy-schema.ts';
import type { CompetitorState } from './competitor-review.ts';
import {
  addCompetitorDeal,
  createCompetitorState,
  finishCompetitors,
  mergeCompetitors,
} from './competitor-review.ts';
import type { CriterionEvidenceState } from './criterion-evidence.ts';
import {
  addCriterionEvidenceDeal,
  createCriterionEvidenceState,
  finishCriterionEvidence,
  mergeCriterionEvidence,
} from './criterion-evidence.ts';
import type { CustomersSayState } from './customers-say.ts';
import {
  addCustomersSayDeal,
  createCustomersSayState,
  finishCustomersSay,
  mergeCustomersSay,
} from './customers-say.ts';
import type { DiscountBandsState } from './discount-bands.ts';
import {
  addDiscountBandDeal,
  createDiscountBandsState,
  finishDiscountBands,
  mergeDiscountBands,
} from './discount-bands.ts';
import type { EvidenceWindowState } from './evidence-window.ts';
import {
  addEvidenceWindowDeal,
  createEvidenceWindowState,
  evidenceWindowStartMs,
  finishEvidenceWindow,
  mergeEvidenceWindows,
} from './evidence-window.ts';
import type { ExistingCustomersState } from './existing-customers.ts';
import {
  addExistingCustomerDeal,
  createExistingCustomersState,
  finishExistingCustomers,
  isRetainedDeal,
  mergeExistingCustomers,
} from './existing-customers.ts';
import type { FocusBoardState } from './focus-board.ts';
import {
  addFocusBoardDeal,
  createFocusBoardState,
  finishFocusBoard,
  mergeFocusBoards,
} from './focus-board.ts';
import { computeFocusGuard } from './focus-guard.ts';
import type {
  Completeness,
  ReviewCompany,
  ReviewDeal,
  ReviewSource,
  StrategyReview,
} from './schema.ts';

/** Plain JSON: numbers and string-keyed records only, so it may cross a function boundary. */
export type ReviewAdditionsState = {
  companyTiers: Partial<Record<Tier, number>>;
  window: EvidenceWindowState;
  focusBoard: FocusBoardState;
  existingCustomers: ExistingCustomersState;
  competitors: CompetitorState;
  customersSay: CustomersSayState;
  discountBands: DiscountBandsState;
  criterionEvidence: CriterionEvidenceState;
};

/** The figures the additions add to the review. */
export type ReviewAdditions = Pick<
  StrategyReview,
  | 'focusGuard'
  | 'evidenceWindow'
  | 'focusBoard'
  | 'existingCustomers'
  | 'competitors'
  | 'customersSay'
  | 'discountBands'
  | 'criterionEvidence'
>;

/** What routing a deal needs: the window's start and the existing-customer policy. */
export type ReviewAdditionsContext = { strategy: Strategy; nowMs: number };

export const createReviewAdditionsState = (strategy: Strategy): ReviewAdditionsState => ({
  companyTiers: {},
  window: createEvidenceWindowState(),
  focusBoard: createFocusBoardState(),
  existingCustomers: createExistingCustomersState(),
  competitors: createCompetitorState(),
  customersSay: createCustomersSayState(),
  discountBands: createDiscountBandsState(),
  criterionEvidence: createCriterionEvidenceState(strategy),
});

/** Counts a scored company's tier for the focus guard (SCORING §13). */
export const addReviewAdditionsCompany = (
  state: ReviewAdditionsState,
  company: ReviewCompany,
): void => {
  if (company.tier !== null) {
    state.companyTiers[company.tier] = (state.companyTiers[company.tier] ?? 0) + 1;
  }
};

/**
 * Adds one deal to every addition: open deals to the focus board, existing customers (policy
 * retain) and competitors' open deals; closed deals of the evidence window to criterion evidence
 * (with a company, scored or not) and, when scored, to competitors, what customers say and the
 * discount bands (SCORING §15).
 */
export const addReviewAdditionsDeal = (
  state: ReviewAdditionsState,
  deal: ReviewDeal,
  ctx: ReviewAdditionsContext,
): void => {
  const { policy } = existingCustomersOf(ctx.strategy);
  if (isRetainedDeal(deal, policy)) addExistingCustomerDeal(state.existingCustomers, deal);
  addFocusBoardDeal(state.focusBoard, deal);
  if (!deal.isClosed) addCompetitorDeal(state.competitors, deal);
  const startMs = evidenceWindowStartMs(ctx.strategy, ctx.nowMs);
  if (!addEvidenceWindowDeal(state.window, deal, startMs)) return;
  addCriterionEvidenceDeal(state.criterionEvidence, deal);
  if (deal.tier === null) return;
  addCompetitorDeal(state.competitors, deal);
  addCustomersSayDeal(state.customersSay, deal);
  addDiscountBandDeal(state.discountBands, deal);
};

/** Two states of disjoint records as one; neither input changes. */
export const mergeReviewAdditions = (
  a: ReviewAdditionsState,
  b: ReviewAdditionsState,
): ReviewAdditionsState => {
  const companyTiers: Partial<Record<Tier, number>> = { ...a.companyTiers };
  for (const [tier, n] of Object.entries(b.companyTiers) as [Tier, number][]) {
    companyTiers[tier] = (companyTiers[tier] ?? 0) + n;
  }
  return {
    companyTiers,
    window: mergeEvidenceWindows(a.window, b.window),
    focusBoard: mergeFocusBoards(a.focusBoard, b.focusBoard),
    existingCustomers: mergeExistingCustomers(a.existingCustomers, b.existingCustomers),
    competitors: mergeCompetitors(a.competitors, b.competitors),
    customersSay: mergeCustomersSay(a.customersSay, b.customersSay),
    discountBands: mergeDiscountBands(a.discountBands, b.discountBands),
    criterionEvidence: mergeCriterionEvidence(a.criterionEvidence, b.criterionEvidence),
  };
};

/** The figures, each with the completeness of the sources it reads. */
export const finishReviewAdditions = (
  state: ReviewAdditionsState,
  ctx: ReviewAdditionsContext & { completenessOf: (sources: ReviewSource[]) => Completeness },
): ReviewAdditions => {
  const { strategy, nowMs, completenessOf } = ctx;
  const closed = completenessOf(['closed_deals']);
  return {
    focusGuard: {
      completeness: completenessOf(['companies']),
      ...computeFocusGuard(strategy, state.companyTiers),
    },
    evidenceWindow: finishEvidenceWindow(state.window, {
      days: evidenceWindowDaysOf(strategy),
      nowMs,
      completeness: closed,
    }),
    focusBoard: finishFocusBoard(state.focusBoard, completenessOf(['open_deals'])),
    existingCustomers: finishExistingCustomers(
      state.existingCustomers,
      existingCustomersOf(strategy).policy,
      completenessOf(['open_deals']),
    ),
    competitors: finishCompetitors(
      state.competitors,
      strategy,
      completenessOf(['open_deals', 'closed_deals']),
    ),
    customersSay: finishCustomersSay(state.customersSay, strategy, closed),
    discountBands: finishDiscountBands(state.discountBands, strategy, closed),
    criterionEvidence: finishCriterionEvidence(state.criterionEvidence, strategy, closed),
  };
};
