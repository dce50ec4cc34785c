import { z } from 'zod';

import type { Outcome } from '../enums.ts';
import type { CompanyScore } from '../scoring/schema.ts';
import { describeCriterion } from '../strategy/diff-strategies.ts';
import type { Strategy } from '../strategy/strategy-schema.ts';
import { MIN_CLOSED_DEALS } from './compare-win-rates.ts';
import type {
  Completeness,
  CriterionEvidence,
  CriterionEvidenceRow,
  CriterionFlag,
  ReviewDeal,
} from './schema.ts';
import {
  createWinTally,
  keyed,
  mergeKeyedWins,
  tallyAt,
  tallyWin,
  WinTally,
  winRecordOfTally,
} from './tallies.ts';

const CODES: Readonly<Record<Outcome, string>> = { match: 'm', miss: 'x', unknown: 'u' };
const OUTCOME_INDEX: Readonly<Record<string, number>> = { m: 0, x: 1, u: 2 };

/** SCORING §15: the review says that the flags use today's data. */
export const CRITERION_EVIDENCE_NOTE =
  "These flags use today's data of each company, not the data at the time the deal closed.";

/**
 * The outcomes of every segment criterion on a company, in document order (segments, then their
 * criteria), one character each: `m` match, `x` miss, `u` unknown — what a `ReviewCompany`
 * carries as `criteria` for criterion evidence (SCORING §15), from the company's score (refused
 * companies included: their segments are judged too).
 */
export const companyCriterionOutcomes = (score: Pick<CompanyScore, 'segments'>): string =>
  score.segments.map((s) => s.criteria.map((c) => CODES[c.outcome]).join('')).join('');

/** How many criteria the strategy's segments have together. */
const criterionCount = (strategy: Strategy): number =>
  strategy.segments.reduce((n, s) => n + s.criteria.length, 0);

/**
 * Criterion evidence as a part of a review. `tallies`: per criterion (document order) and outcome
 * (match, miss, unknown), closed and won deals, flattened — `tallies[6·k + 2·o]` closed,
 * `tallies[6·k + 2·o + 1]` won. Deals and companies meet by the company's id in whichever order
 * they come (a walk reads deals first, a page merges chunks): `awaiting` holds the closed deals of
 * the window per company whose outcomes are not in yet, `outcomes` the companies' outcomes, kept
 * for deals of other parts. A company whose outcomes never come leaves its deals without outcomes.
 */
export const CriterionEvidencePart = z.strictObject({
  deals: z.number().int().min(0),
  withoutOutcomes: z.number().int().min(0),
  tallies: z.array(z.number().int().min(0)),
  awaiting: keyed(WinTally),
  outcomes: keyed(z.string()),
});
export type CriterionEvidencePart = z.output<typeof CriterionEvidencePart>;

export const createCriterionEvidencePart = (strategy: Strategy): CriterionEvidencePart => ({
  deals: 0,
  withoutOutcomes: 0,
  tallies: new Array<number>(6 * criterionCount(strategy)).fill(0),
  awaiting: {},
  outcomes: {},
});

/** Adds `deals` closed deals of a company with these outcomes to each criterion's side. */
const tallyOutcomes = (part: CriterionEvidencePart, codes: string, deals: WinTally): void => {
  part.deals += deals.closed;
  for (let k = 0; k < codes.length; k++) {
    const at = 6 * k + 2 * (OUTCOME_INDEX[codes[k] ?? 'u'] ?? 2);
    part.tallies[at] = (part.tallies[at] ?? 0) + deals.closed;
    part.tallies[at + 1] = (part.tallies[at + 1] ?? 0) + deals.won;
  }
};

/** Outcomes that fit the strategy the part counts (one code per criterion). */
const fits = (part: CriterionEvidencePart, codes: string | null): codes is string =>
  codes !== null && 6 * codes.length === part.tallies.length;

/**
 * Counts one closed deal of the window (the caller passes those, scored or not): with its
 * company's outcomes in, on each criterion's side; else it awaits them; without a company it
 * counts apart.
 */
export const addCriterionEvidenceDeal = (part: CriterionEvidencePart, deal: ReviewDeal): void => {
  if (!deal.isClosed) return;
  if (deal.companyId === null) {
    part.withoutOutcomes += 1;
    return;
  }
  const one = { closed: 1, won: deal.isWon ? 1 : 0 };
  const codes = part.outcomes[deal.companyId];
  if (codes !== undefined) tallyOutcomes(part, codes, one);
  else tallyWin(tallyAt(part.awaiting, deal.companyId, createWinTally), deal.isWon);
};

/**
 * A company's outcomes today (`companyCriterionOutcomes`; null: not scored for the review): its
 * awaiting deals count on each criterion's side; kept for its deals still to come.
 */
export const addCriterionEvidenceCompany = (
  part: CriterionEvidencePart,
  companyId: string,
  codes: string | null,
): void => {
  if (!fits(part, codes)) return;
  part.outcomes[companyId] = codes;
  const waiting = part.awaiting[companyId];
  if (waiting === undefined) return;
  tallyOutcomes(part, codes, waiting);
  Reflect.deleteProperty(part.awaiting, companyId);
};

/** Whether deals of this company wait for its outcomes (the walk scores only those companies). */
export const awaitsCompany = (part: CriterionEvidencePart, companyId: string): boolean =>
  part.awaiting[companyId] !== undefined;

export const mergeCriterionEvidence = (
  a: CriterionEvidencePart,
  b: CriterionEvidencePart,
): CriterionEvidencePart => {
  const merged: CriterionEvidencePart = {
    deals: a.deals + b.deals,
    withoutOutcomes: a.withoutOutcomes + b.withoutOutcomes,
    tallies: a.tallies.map((x, i) => x + (b.tallies[i] ?? 0)),
    awaiting: {},
    outcomes: { ...a.outcomes, ...b.outcomes },
  };
  for (const [companyId, deals] of Object.entries(mergeKeyedWins(a.awaiting, b.awaiting))) {
    const codes = merged.outcomes[companyId];
    if (codes === undefined) merged.awaiting[companyId] = deals;
    else tallyOutcomes(merged, codes, deals);
  }
  return merged;
};

/**
 * SCORING §15: with at least 20 closed deals on both the match and the miss side, r = win rate
 * (match) ÷ win rate (miss): `inverse` when r < 0.9, `no_signal` when 0.9 ≤ r ≤ 1.1 or both win
 * rates are 0. Compared in integers.
 */
export const criterionFlagOf = (match: WinTally, miss: WinTally): CriterionFlag | null => {
  if (match.closed < MIN_CLOSED_DEALS || miss.closed < MIN_CLOSED_DEALS) return null;
  if (match.won === 0 && miss.won === 0) return 'no_signal';
  // r = (match.won · miss.closed) / (match.closed · miss.won)
  const top = match.won * miss.closed;
  const bottom = match.closed * miss.won;
  if (10 * top < 9 * bottom) return 'inverse';
  return 10 * top <= 11 * bottom ? 'no_signal' : null;
};

const ratioOf = (match: WinTally, miss: WinTally): number | null =>
  match.closed < MIN_CLOSED_DEALS || miss.closed < MIN_CLOSED_DEALS || miss.won === 0
    ? null
    : (match.won * miss.closed) / (match.closed * miss.won);

const tallyAtIndex = (tallies: readonly number[], k: number, o: number): WinTally => ({
  closed: tallies[6 * k + 2 * o] ?? 0,
  won: tallies[6 * k + 2 * o + 1] ?? 0,
});

/** SCORING §15 criterion evidence: every segment criterion's match, miss and unknown sides, and its flag. */
export const finishCriterionEvidence = (
  part: CriterionEvidencePart,
  strategy: Strategy,
  completeness: Completeness,
): CriterionEvidence => {
  let k = 0;
  return {
    completeness,
    minClosedDeals: MIN_CLOSED_DEALS,
    note: CRITERION_EVIDENCE_NOTE,
    deals: part.deals,
    // Deals whose company was never read (deleted, or outside an owner filter) have no outcomes.
    withoutOutcomes:
      part.withoutOutcomes + Object.values(part.awaiting).reduce((n, t) => n + t.closed, 0),
    segments: strategy.segments.map((segment) => ({
      segmentId: segment.id,
      name: segment.name,
      criteria: segment.criteria.map((c, index): CriterionEvidenceRow => {
        const [match, miss, unknown] = [0, 1, 2].map((o) => tallyAtIndex(part.tallies, k, o)) as [
          WinTally,
          WinTally,
          WinTally,
        ];
        k += 1;
        return {
          index,
          property: c.property,
          object: c.object,
          label: c.label ?? describeCriterion(c),
          match: winRecordOfTally(match),
          miss: winRecordOfTally(miss),
          unknown: winRecordOfTally(unknown),
          ratio: ratioOf(match, miss),
          flag: criterionFlagOf(match, miss),
        };
      }),
    })),
  };
};
