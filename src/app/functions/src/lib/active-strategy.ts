// The published strategy, compiled once per version and kept while the container is warm. Every
// call asks HubSpot which version is current (one list request, run alongside the record reads),
// so a publish is seen by the next call; only a new version is read and compiled again.
import { compileStrategy, err, ok, scoringReads, strategyFitError } from '@strategy-fit/core';
import type {
  CompiledStrategy,
  Result,
  Strategy,
  StrategyFitError,
  StrategyStamp,
} from '@strategy-fit/core';
import { readCurrentStrategy } from '@strategy-fit/hubspot';
import type { HubSpot, StoredStrategy } from '@strategy-fit/hubspot';

/** A published strategy ready to score with, and the properties scoring reads per object. */
export type ActiveStrategy = {
  readonly version: number;
  readonly stamp: StrategyStamp;
  readonly strategy: Strategy;
  readonly compiled: CompiledStrategy;
  readonly reads: { readonly companies: readonly string[]; readonly deals: readonly string[] };
};

export type StrategyCache = {
  /** The current strategy; `strategy_not_published` when there is none. */
  current(): Promise<Result<ActiveStrategy, StrategyFitError>>;
};

const activate = (stored: StoredStrategy): ActiveStrategy => ({
  version: stored.version,
  stamp: { version: stored.version, name: stored.strategy.name, publishedAt: stored.publishedAt },
  strategy: stored.strategy,
  compiled: compileStrategy(stored.strategy),
  reads: scoringReads(stored.strategy),
});

const NOT_PUBLISHED = (): StrategyFitError =>
  strategyFitError(
    'strategy_not_published',
    'No strategy is published yet, so there is nothing to score with. A sales manager publishes one first.',
  );

/**
 * The per-container strategy cache. `onNewVersion` runs when a newer version replaces the one
 * in use (the runtime then forgets the property definitions, which the new strategy may rely on).
 */
export function createStrategyCache(
  hs: HubSpot,
  onNewVersion: () => void = () => {},
): StrategyCache {
  let active: ActiveStrategy | null = null;
  return {
    async current() {
      const found = await readCurrentStrategy(
        hs,
        active === null ? null : { version: active.version },
      );
      if (!found.ok) return found;
      switch (found.value.status) {
        case 'none':
          active = null;
          return err(NOT_PUBLISHED());
        case 'unchanged':
          return active === null ? err(NOT_PUBLISHED()) : ok(active);
        case 'changed': {
          const replaced = active !== null;
          active = activate(found.value.stored);
          if (replaced) onNewVersion();
          return ok(active);
        }
        default:
          return found.value satisfies never;
      }
    },
  };
}
