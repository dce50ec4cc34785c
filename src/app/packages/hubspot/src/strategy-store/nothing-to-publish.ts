// SCORING §14: publishing the active version's strategy again (or rolling back to it) creates no
// version: every record would turn stale for nothing. One rule, used by every publish path: the
// adapter's publishes, and the settings page's preparation of a version for approval.
import { ok, sameStrategy, strategyFitError } from '@strategy-fit/core';
import type { Result, Strategy, StrategyFitError } from '@strategy-fit/core';

import type { HubSpot } from '../create-client.ts';
import type { StoreRef } from './ensure-strategy-store.ts';
import { highest, readStoredRecord } from './read-strategies.ts';
import type { Listed } from './read-strategies.ts';
import type { StoredStrategy } from './store-schema.ts';

/** Codes of a stored version that cannot be read as a strategy: it differs from any new one. */
const UNREADABLE = new Set(['strategy_invalid', 'strategy_too_large']);

/**
 * The `strategy_unchanged` error when `strategy` equals the active version `active` (after
 * defaults, ignoring key order), else null. No request.
 */
export function unchangedFrom(
  active: StoredStrategy | null,
  strategy: Strategy,
): StrategyFitError | null {
  if (active === null || !sameStrategy(active.strategy, strategy)) return null;
  return strategyFitError(
    'strategy_unchanged',
    `Nothing to publish: the strategy is the same as version ${active.version}, the active version (published ${active.publishedAt} by ${active.publishedBy}). No version was made, so no score turns stale.`,
  );
}

/**
 * `unchangedFrom` the active version of a listed store. Reads the active version's record (one
 * request).
 */
export async function nothingToPublish(
  hs: HubSpot,
  store: StoreRef,
  listed: readonly Listed[],
  strategy: Strategy,
): Promise<Result<StrategyFitError | null, StrategyFitError>> {
  const active = highest(listed);
  const record = listed.find((l) => l.properties.version === active);
  if (record === undefined) return ok(null);
  const stored = await readStoredRecord(hs, store, record.recordId, active);
  if (!stored.ok) return UNREADABLE.has(stored.error.code) ? ok(null) : stored;
  return ok(unchangedFrom(stored.value, strategy));
}
