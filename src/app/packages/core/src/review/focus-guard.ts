import type { Tier } from '../enums.ts';
import { roundPercent } from '../scoring/round-percent.ts';
import { focusGuardOf } from '../strategy/strategy-defaults.ts';
import type { Strategy } from '../strategy/strategy-schema.ts';
import type {
  FocusGuardFigure,
  FocusWarning,
  FocusWarningCode,
  SimulationMatrix,
} from './schema.ts';

/** Companies per tier, as a simulation or review counts them. */
export type TierCounts = Partial<Record<Tier, number>>;

/** SCORING §13: the spec's wording of each warning. */
const MESSAGES: Record<FocusWarningCode, (acceptedPercent: number) => string> = {
  refuses_nobody: () =>
    'If everyone is our customer, we have no customers: this strategy turns nobody away.',
  no_exclusions: () => 'This strategy names no customers we refuse.',
  accepts_most: (percent) =>
    `${percent} % of your companies are dream or fit customers: that is not a focus.`,
};

const warning = (code: FocusWarningCode, acceptedPercent = 0): FocusWarning => ({
  code,
  message: MESSAGES[code](acceptedPercent),
});

/**
 * SCORING §13 `no_exclusions`, from the strategy alone (what `validate` shows, with or without a
 * portal): the strategy names no customers it refuses.
 */
export const strategyFocusWarnings = (strategy: Strategy): FocusWarning[] =>
  strategy.exclusions.length === 0 ? [warning('no_exclusions')] : [];

/**
 * SCORING §13 over the companies a simulation or review scores (refused included; never-scored
 * ones are not counted): `refuses_nobody` when none is refused or off strategy, `no_exclusions`
 * when the strategy has none, `accepts_most` when dream + fit are more than `maxAcceptedPercent`
 * % of them (compared in integers). With no company counted only `no_exclusions` can show.
 */
export const computeFocusGuard = (strategy: Strategy, tiers: TierCounts): FocusGuardFigure => {
  const n = (t: Tier): number => tiers[t] ?? 0;
  const dreamOrFit = n('dream') + n('fit');
  const stretchOrNeedsData = n('stretch') + n('needs_data');
  const refusedOrOffStrategy = n('refused') + n('off_strategy');
  const companies = dreamOrFit + stretchOrNeedsData + refusedOrOffStrategy;
  const { maxAcceptedPercent } = focusGuardOf(strategy);
  const warnings: FocusWarning[] = [];
  if (companies > 0 && refusedOrOffStrategy === 0) warnings.push(warning('refuses_nobody'));
  warnings.push(...strategyFocusWarnings(strategy));
  if (companies > 0 && 100 * dreamOrFit > maxAcceptedPercent * companies) {
    warnings.push(warning('accepts_most', roundPercent(dreamOrFit, companies)));
  }
  return {
    companies,
    dreamOrFit,
    stretchOrNeedsData,
    refusedOrOffStrategy,
    acceptedShare: companies === 0 ? null : dreamOrFit / companies,
    maxAcceptedPercent,
    warnings,
  };
};

/** SCORING §13 for a simulation: the companies per new tier of the matrix. */
export const simulationFocusGuard = (
  strategy: Strategy,
  matrix: SimulationMatrix,
): FocusGuardFigure =>
  computeFocusGuard(
    strategy,
    Object.fromEntries(matrix.columns.map((c) => [c.newTier, c.total.companies])),
  );
