import { MATCH } from '../criteria/evaluate-criterion.ts';
import type { Business } from '../enums.ts';
import type { StrategyFitError } from '../errors.ts';
import { strategyFitError } from '../errors.ts';
import type { CompiledStrategy } from './compile-strategy.ts';
import { judgeCriteria } from './explain.ts';
import type { RecordValues } from './record-values.ts';

/**
 * SCORING §12: a deal is existing business when every existing-customer criterion matches
 * (default `dealtype EQ existingbusiness`); an unknown counts as new business.
 */
export const businessOf = (
  compiled: CompiledStrategy,
  v: RecordValues,
  nowMs: number,
): Business => {
  const codes = judgeCriteria(compiled.existingCustomers.criteria, v, nowMs);
  return codes.every((c) => c === MATCH) ? 'existing' : 'new';
};

/**
 * SCORING §12, policy retain: an off-strategy or refused existing-business deal keeps its tier and
 * reason, but it is not unapproved off-strategy pipeline and needs no exception.
 */
export const isRetained = (
  compiled: CompiledStrategy,
  deal: { business: Business; offStrategy: boolean },
): boolean =>
  compiled.existingCustomers.policy === 'retain' &&
  deal.business === 'existing' &&
  deal.offStrategy;

/**
 * SCORING §12: the refusal of an exception request for a retained existing-business deal (it needs
 * none), or null when the request may go on. The exception request (`planRequest`) calls it.
 */
export const existingBusinessRefusal = (deal: { retained: boolean }): StrategyFitError | null =>
  deal.retained
    ? strategyFitError(
        'exception_not_allowed',
        'This deal is existing business with a customer we keep (policy “retain”): it needs no exception and does not count as unapproved off-strategy pipeline. Your manager reviews these deals under “existing customers outside the strategy”.',
      )
    : null;
