import { createEvidenceTally, evidenceStatsOf } from './evidence-stats.ts';
import type {
  Completeness,
  DreamBelow,
  EvidenceStats,
  Lift,
  LiftFigure,
  LiftUnavailable,
  Miscalibration,
  StrategyEvidence,
  WinRecord,
} from './schema.ts';

/** SCORING §9: win rates are compared only where each side has at least this many closed deals. */
export const MIN_CLOSED_DEALS = 20;

/** Tiers whose lift is shown; off_strategy and refused are the baseline itself. */
const LIFT_TIERS = ['dream', 'fit', 'stretch', 'needs_data'] as const;

const winRecordOf = (s: EvidenceStats): WinRecord => ({
  closed: s.closed,
  won: s.won,
  winRate: s.winRate,
});

type Wins = { closed: number; won: number };

const enough = (...sides: Wins[]): boolean => sides.every((s) => s.closed >= MIN_CLOSED_DEALS);

/** a.won / a.closed < b.won / b.closed, in integers (both sides have closed deals). */
const winsLessOften = (a: Wins, b: Wins): boolean => a.won * b.closed < b.won * a.closed;

const NO_DEALS: EvidenceStats = evidenceStatsOf(createEvidenceTally());

/**
 * The strategy may be miscalibrated (each side with at least 20 closed deals; compared in
 * integers, never in floats): SCORING §9, off-strategy deals win at least as often as fit deals;
 * and (issue 13, docs/strategy.md) dream deals win less often than fit, stretch or off-strategy deals.
 */
export const miscalibrationOf = (
  evidence: StrategyEvidence,
  completeness: Completeness,
): Miscalibration => {
  const fit = evidence.fitDeals;
  const off = evidence.offStrategyDeals;
  const tier = (t: 'dream' | 'fit' | 'stretch'): EvidenceStats =>
    evidence.byTier.find((row) => row.tier === t) ?? NO_DEALS;
  const dream = tier('dream');
  const others = [
    ['fit', tier('fit')],
    ['stretch', tier('stretch')],
    ['off_strategy', off],
  ] as const;
  const offAsOften = enough(fit, off) && !winsLessOften(off, fit);
  const dreamBelow: DreamBelow[] = others
    .filter(([, side]) => enough(dream, side) && winsLessOften(dream, side))
    .map(([name, side]) => ({ tier: name, ...winRecordOf(side) }));
  const compared = enough(fit, off) || others.some(([, side]) => enough(dream, side));
  const warning = offAsOften || dreamBelow.length > 0;
  return {
    completeness,
    status: !compared ? 'insufficient_data' : warning ? 'miscalibrated' : 'consistent',
    warning,
    minClosedDeals: MIN_CLOSED_DEALS,
    fitDeals: winRecordOf(fit),
    offStrategyDeals: winRecordOf(off),
    offStrategyAsOftenAsFit: offAsOften,
    dreamDeals: winRecordOf(dream),
    dreamBelow,
  };
};

const unavailableOf = (side: EvidenceStats, baseline: EvidenceStats): LiftUnavailable | null => {
  if (baseline.closed < MIN_CLOSED_DEALS) return 'too_few_off_strategy_deals';
  if (side.closed < MIN_CLOSED_DEALS) return 'too_few_deals';
  if (baseline.won === 0) return 'no_off_strategy_wins';
  return null;
};

/** Win rate ÷ the off-strategy win rate, only where both sides have at least 20 closed deals. */
export const liftFigureOf = (side: EvidenceStats, baseline: EvidenceStats): LiftFigure => {
  const unavailable = unavailableOf(side, baseline);
  return {
    ...winRecordOf(side),
    lift: unavailable === null ? (side.won * baseline.closed) / (side.closed * baseline.won) : null,
    unavailable,
  };
};

/** SCORING §9: lift per tier, against the win rate of off-strategy deals. */
export const liftOf = (evidence: StrategyEvidence, completeness: Completeness): Lift => {
  const baseline = evidence.offStrategyDeals;
  return {
    completeness,
    minClosedDeals: MIN_CLOSED_DEALS,
    baseline: winRecordOf(baseline),
    fitDeals: liftFigureOf(evidence.fitDeals, baseline),
    byTier: evidence.byTier
      .filter((row) => (LIFT_TIERS as readonly string[]).includes(row.tier))
      .map((row) => ({ tier: row.tier, ...liftFigureOf(row, baseline) })),
  };
};
