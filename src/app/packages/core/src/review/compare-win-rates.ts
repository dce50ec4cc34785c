import type {
  Completeness,
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

/**
 * SCORING §9: when off-strategy deals win at least as often as fit deals (each side with at least
 * 20 closed deals), the strategy may be miscalibrated. Compared in integers, never in floats.
 */
export const miscalibrationOf = (
  evidence: StrategyEvidence,
  completeness: Completeness,
): Miscalibration => {
  const fit = evidence.fitDeals;
  const off = evidence.offStrategyDeals;
  const enough = fit.closed >= MIN_CLOSED_DEALS && off.closed >= MIN_CLOSED_DEALS;
  const warning = enough && off.won * fit.closed >= fit.won * off.closed;
  return {
    completeness,
    status: !enough ? 'insufficient_data' : warning ? 'miscalibrated' : 'consistent',
    warning,
    minClosedDeals: MIN_CLOSED_DEALS,
    fitDeals: winRecordOf(fit),
    offStrategyDeals: winRecordOf(off),
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
