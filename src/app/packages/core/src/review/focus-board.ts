import { DreamGroup } from '../enums.ts';
import { DREAM_QUESTIONS } from '../scoring/compile-strategy.ts';
import type { AmountTally } from './cents.ts';
import { amountTotalOf, createAmountTally, tallyAmount } from './cents.ts';
import type { Completeness, FocusBoard, OwnerAmount, ReviewDeal, WarningSplit } from './schema.ts';
import type { Keyed } from './tallies.ts';
import { mergeAmountTallies, mergeKeyedAmounts, sortedAmounts, tallyAt } from './tallies.ts';

const BOARD_WARNINGS = ['price_competition', 'offer_outside_segment'] as const;
type BoardWarning = (typeof BOARD_WARNINGS)[number];

/** A total with its split by owner (owner ids JSON-encoded as keys). */
type OwnerTallies = { total: AmountTally; byOwner: Keyed<AmountTally> };

const createOwnerTallies = (): OwnerTallies => ({ total: createAmountTally(), byOwner: {} });

const addToOwners = (t: OwnerTallies, deal: ReviewDeal): void => {
  tallyAmount(t.total, deal.amount);
  tallyAmount(tallyAt(t.byOwner, JSON.stringify(deal.ownerId), createAmountTally), deal.amount);
};

const mergeOwnerTallies = (a: OwnerTallies, b: OwnerTallies): OwnerTallies => ({
  total: mergeAmountTallies(a.total, b.total),
  byOwner: mergeKeyedAmounts(a.byOwner, b.byOwner),
});

/** Owners largest amount first, then most deals, then owner id (no owner last among equals). */
export const ownerAmountsOf = (byOwner: Keyed<AmountTally>): OwnerAmount[] =>
  sortedAmounts(byOwner).map(([key, tally]) => ({
    ownerId: JSON.parse(key) as string | null,
    ...amountTotalOf(tally),
  }));

/** Plain-JSON state of the focus board. */
export type FocusBoardState = {
  focus: OwnerTallies;
  unanswered: AmountTally;
  byQuestion: Record<DreamGroup, AmountTally>;
  warnings: Record<BoardWarning, OwnerTallies>;
};

export const createFocusBoardState = (): FocusBoardState => ({
  focus: createOwnerTallies(),
  unanswered: createAmountTally(),
  byQuestion: {
    need: createAmountTally(),
    abilityToPay: createAmountTally(),
    urgency: createAmountTally(),
  },
  warnings: {
    price_competition: createOwnerTallies(),
    offer_outside_segment: createOwnerTallies(),
  },
});

/**
 * SCORING §15 focus board, one open deal: focus deals; dream and fit deals whose dream test is
 * unanswered, per question; deals with price_competition or offer_outside_segment.
 */
export const addFocusBoardDeal = (state: FocusBoardState, deal: ReviewDeal): void => {
  if (deal.isClosed) return;
  if (deal.focus) addToOwners(state.focus, deal);
  const fits = deal.tier === 'dream' || deal.tier === 'fit';
  if (fits && deal.openQuestions.length > 0) {
    tallyAmount(state.unanswered, deal.amount);
    for (const q of new Set(deal.openQuestions)) tallyAmount(state.byQuestion[q], deal.amount);
  }
  for (const w of BOARD_WARNINGS)
    if (deal.warnings.includes(w)) addToOwners(state.warnings[w], deal);
};

export const mergeFocusBoards = (a: FocusBoardState, b: FocusBoardState): FocusBoardState => ({
  focus: mergeOwnerTallies(a.focus, b.focus),
  unanswered: mergeAmountTallies(a.unanswered, b.unanswered),
  byQuestion: {
    need: mergeAmountTallies(a.byQuestion.need, b.byQuestion.need),
    abilityToPay: mergeAmountTallies(a.byQuestion.abilityToPay, b.byQuestion.abilityToPay),
    urgency: mergeAmountTallies(a.byQuestion.urgency, b.byQuestion.urgency),
  },
  warnings: {
    price_competition: mergeOwnerTallies(
      a.warnings.price_competition,
      b.warnings.price_competition,
    ),
    offer_outside_segment: mergeOwnerTallies(
      a.warnings.offer_outside_segment,
      b.warnings.offer_outside_segment,
    ),
  },
});

export const finishFocusBoard = (
  state: FocusBoardState,
  completeness: Completeness,
): FocusBoard => ({
  completeness,
  focusDeals: { ...amountTotalOf(state.focus.total), byOwner: ownerAmountsOf(state.focus.byOwner) },
  unanswered: {
    ...amountTotalOf(state.unanswered),
    byQuestion: DreamGroup.options.map((question) => ({
      question,
      text: DREAM_QUESTIONS[question],
      ...amountTotalOf(state.byQuestion[question]),
    })),
  },
  warnings: BOARD_WARNINGS.map((warning): WarningSplit => ({
    warning,
    ...amountTotalOf(state.warnings[warning].total),
    byOwner: ownerAmountsOf(state.warnings[warning].byOwner),
  })),
});
