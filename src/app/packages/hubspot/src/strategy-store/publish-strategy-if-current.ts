// Publishing on top of a known version (the settings page): the new version is exactly
// `basedOnVersion + 1`, or nothing. If another publish got there first, whether before the
// check or between the check and the create (the `version` property is unique, so HubSpot
// accepts only one record per number), the answer names the version that won, and nothing is
// written: no silent overwrite, unlike `publishStrategy`, which moves on to the next number.
import { err, ok } from '@strategy-fit/core';
import type { Result, Strategy, StrategyFitError } from '@strategy-fit/core';

import type { HubSpot } from '../create-client.ts';
import { nothingToPublish } from './nothing-to-publish.ts';
import { preparePublish, storedVersion, tryVersion } from './publish-strategy.ts';
import type { PublishMeta } from './publish-strategy.ts';
import { highest, listStoredVersions } from './read-strategies.ts';
import { toSummary } from './store-schema.ts';
import type { StoredStrategy, StoredStrategySummary } from './store-schema.ts';

/** A new version, or the version another publish made first (null: the versions went away). */
export type GuardedPublish =
  | { kind: 'published'; stored: StoredStrategy }
  | { kind: 'conflict'; current: StoredStrategySummary | null };

/**
 * Publishes `strategy` as version `basedOnVersion + 1` if `basedOnVersion` is still the current
 * version; otherwise writes nothing and answers which version is current now. The strategy is
 * checked for size and against the portal first, as `publishStrategy` does, and one equal to the
 * current version is refused (`strategy_unchanged`).
 */
export async function publishStrategyIfCurrent(
  hs: HubSpot,
  strategy: Strategy,
  meta: PublishMeta & { basedOnVersion: number },
): Promise<Result<GuardedPublish, StrategyFitError>> {
  const prepared = await preparePublish(hs, strategy, meta);
  if (!prepared.ok) return prepared;
  const { store, properties } = prepared.value;
  const conflict = async (): Promise<Result<GuardedPublish, StrategyFitError>> => {
    const listed = await listStoredVersions(hs, store);
    if (!listed.ok) return listed;
    const current = highest(listed.value);
    const record = listed.value.find((l) => l.properties.version === current);
    return ok({
      kind: 'conflict',
      current: record === undefined ? null : toSummary(record.recordId, record.properties, current),
    });
  };
  const listed = await listStoredVersions(hs, store);
  if (!listed.ok) return listed;
  if (highest(listed.value) !== meta.basedOnVersion) return conflict();
  const unchanged = await nothingToPublish(hs, store, listed.value, strategy);
  if (!unchanged.ok) return unchanged;
  if (unchanged.value !== null) return err(unchanged.value);
  const version = meta.basedOnVersion + 1;
  const outcome = await tryVersion(hs, store, version, { ...properties, version: String(version) });
  switch (outcome.kind) {
    case 'stored':
      return ok({
        kind: 'published',
        stored: storedVersion(strategy, meta, prepared.value, version, outcome.recordId),
      });
    case 'taken':
      return conflict();
    case 'failed':
      return err(outcome.error);
    default:
      return outcome satisfies never;
  }
}
