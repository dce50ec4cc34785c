import { z } from 'zod';

import { DreamGroup } from '../enums.ts';
import { DREAM_QUESTIONS } from '../scoring/compile-strategy.ts';
import { addTallies, AmountTally, amountTotalOf, createAmountTally, tallyAmount } from './cents.ts';
import type { Completeness, FocusBoard, OwnerAmount, ReviewDeal, WarningSplit } from './schema.ts';
import type { Keyed } from './tallies.ts';
import { keyed, mergeKeyedAmounts, sortedAmounts, tallyAt } from './tallies.ts';

const BOARD_WARNINGS = ['price_competition', 'offer_outside_segment'] as const;
type BoardWarning = (typeof BOARD_WARNINGS)[number];

/** A total with its split by owner (owner ids JSON-encoded as keys). */
const OwnerTallies = z.strictObject({ total: AmountTally, byOwner: keyed(AmountTally) });
type OwnerTallies = z.output<typeof OwnerTallies>;

const createOwnerTallies = (): OwnerTallies => ({ total: createAmountTally(), byOwner: {} });

const addToOwners = (t: OwnerTallies, deal: ReviewDeal): void => {
  tallyAmount(t.total, deal.amount);
  tallyAmount(tallyAt(t.byOwner, JSON.stringify(deal.ownerId), createAmountTally), deal.amount);
};

const mergeOwnerTallies = (a: OwnerTallies, b: OwnerTallies): OwnerTallies => ({
  total: addTallies(a.total, b.total),
  byOwner: mergeKeyedAmounts(a.byOwner, b.byOwner),
});

/** Owners largest amount first, then most deals, then owner id (no owner last among equals). */
export const ownerAmountsOf = (byOwner: Keyed<AmountTally>): OwnerAmount[] =>
  sortedAmounts(byOwner).map(([key, tally]) => ({
    ownerId: JSON.parse(key) as string | null,
    ...amountTotalOf(tally),
  }));

/** The focus board's part of a review. */
export const FocusBoardPart = z.strictObject({
  focus: OwnerTallies,
  unanswered: AmountTally,
  byQuestion: z.strictObject({
    need: AmountTally,
    abilityToPay: AmountTally,
    urgency: AmountTally,
  }) satisfies z.ZodType<Record<DreamGroup, AmountTally>>,
  warnings: z.strictObject({
    price_competition: OwnerTallies,
    offer_outside_segment: OwnerTallies,
  }) satisfies z.ZodType<Record<BoardWarning, OwnerTallies>>,
});
export type FocusBoardPart = z.output<typeof FocusBoardPart>;

export const createFocusBoardPart = (): FocusBoardPart => ({
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
export const addFocusBoardDeal = (part: FocusBoardPart, deal: ReviewDeal): void => {
  if (deal.isClosed) return;
  if (deal.focus) addToOwners(part.focus, deal);
  const fits = deal.tier === 'dream' || deal.tier === 'fit';
  if (fits && deal.openQuestions.length > 0) {
    tallyAmount(part.unanswered, deal.amount);
    for (const q of new Set(deal.openQuestions)) tallyAmount(part.byQuestion[q], deal.amount);
  }
  for (const w of BOARD_WARNINGS)
    if (deal.warnings.includes(w)) addToOwners(part.warnings[w], deal);
};

export const mergeFocusBoards = (a: FocusBoardPart, b: FocusBoardPart): FocusBoardPart => ({
  focus: mergeOwnerTallies(a.focus, b.focus),
  unanswered: addTallies(a.unanswered, b.unanswered),
  byQuestion: {
    need: addTallies(a.byQuestion.need, b.byQuestion.need),
    abilityToPay: addTallies(a.byQuestion.abilityToPay, b.byQuestion.abilityToPay),
    urgency: addTallies(a.byQuestion.urgency, b.byQuestion.urgency),
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

export const finishFocusBoard = (part: FocusBoardPart, completeness: Completeness): FocusBoard => ({
  completeness,
  focusDeals: { ...amountTotalOf(part.focus.total), byOwner: ownerAmountsOf(part.focus.byOwner) },
  unanswered: {
    ...amountTotalOf(part.unanswered),
    byQuestion: DreamGroup.options.map((question) => ({
      question,
      text: DREAM_QUESTIONS[question],
      ...amountTotalOf(part.byQuestion[question]),
    })),
  },
  warnings: BOARD_WARNINGS.map((warning): WarningSplit => ({
    warning,
    ...amountTotalOf(part.warnings[warning].total),
    byOwner: ownerAmountsOf(part.warnings[warning].byOwner),
  })),
});
