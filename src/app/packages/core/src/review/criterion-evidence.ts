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
import type { WinTally } from './tallies.ts';
import { winRecordOfTally } from './tallies.ts';

const CODES: Readonly<Record<Outcome, string>> = { match: 'm', miss: 'x', unknown: 'u' };
const OUTCOME_INDEX: Readonly<Record<string, number>> = { m: 0, x: 1, u: 2 };

/** SCORING §15: the review says that the flags use today's data. */
export const CRITERION_EVIDENCE_NOTE =
  "These flags use today's data of each company, not the data at the time the deal closed.";

/**
 * The outcomes of every segment criterion on a company, in document order (segments, then their
 * criteria), one character each: `m` match, `x` miss, `u` unknown — what a `ReviewDeal` carries
 * as `companyCriteria` for criterion evidence (SCORING §15), from the company's score (refused
 * companies included: their segments are judged too).
 */
export const companyCriterionOutcomes = (score: Pick<CompanyScore, 'segments'>): string =>
  score.segments.map((s) => s.criteria.map((c) => CODES[c.outcome]).join('')).join('');

/** How many criteria the strategy's segments have together. */
const criterionCount = (strategy: Strategy): number =>
  strategy.segments.reduce((n, s) => n + s.criteria.length, 0);

/**
 * Plain-JSON state: per criterion (document order) and outcome (match, miss, unknown), closed and
 * won deals, flattened: `tallies[6·k + 2·o]` closed, `tallies[6·k + 2·o + 1]` won.
 */
export type CriterionEvidenceState = {
  deals: number;
  withoutOutcomes: number;
  tallies: number[];
};

export const createCriterionEvidenceState = (strategy: Strategy): CriterionEvidenceState => ({
  deals: 0,
  withoutOutcomes: 0,
  tallies: new Array<number>(6 * criterionCount(strategy)).fill(0),
});

/**
 * Counts one closed deal of the window (the caller passes those, scored or not): a deal that
 * carries its company's outcomes adds to each criterion's side; one without them (no company, or
 * its company not read) counts apart.
 */
export const addCriterionEvidenceDeal = (state: CriterionEvidenceState, deal: ReviewDeal): void => {
  if (!deal.isClosed) return;
  const codes = deal.companyCriteria;
  if (codes === null || 6 * codes.length !== state.tallies.length) {
    state.withoutOutcomes += 1;
    return;
  }
  state.deals += 1;
  for (let k = 0; k < codes.length; k++) {
    const o = OUTCOME_INDEX[codes[k] ?? 'u'] ?? 2;
    const at = 6 * k + 2 * o;
    state.tallies[at] = (state.tallies[at] ?? 0) + 1;
    if (deal.isWon) state.tallies[at + 1] = (state.tallies[at + 1] ?? 0) + 1;
  }
};

export const mergeCriterionEvidence = (
  a: CriterionEvidenceState,
  b: CriterionEvidenceState,
): CriterionEvidenceState => ({
  deals: a.deals + b.deals,
  withoutOutcomes: a.withoutOutcomes + b.withoutOutcomes,
  tallies: a.tallies.map((x, i) => x + (b.tallies[i] ?? 0)),
});

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
  state: CriterionEvidenceState,
  strategy: Strategy,
  completeness: Completeness,
): CriterionEvidence => {
  let k = 0;
  return {
    completeness,
    minClosedDeals: MIN_CLOSED_DEALS,
    note: CRITERION_EVIDENCE_NOTE,
    deals: state.deals,
    withoutOutcomes: state.withoutOutcomes,
    segments: strategy.segments.map((segment) => ({
      segmentId: segment.id,
      name: segment.name,
      criteria: segment.criteria.map((c, index): CriterionEvidenceRow => {
        const [match, miss, unknown] = [0, 1, 2].map((o) => tallyAtIndex(state.tallies, k, o)) as [
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
