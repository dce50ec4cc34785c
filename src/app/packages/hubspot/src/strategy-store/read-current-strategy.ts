// The current strategy for callers that keep the last one they read (the app functions): one
// list request tells whether it is still current; only a new version is read in full.
import { ok } from '@strategy-fit/core';
import type { Result, StrategyFitError } from '@strategy-fit/core';

import type { HubSpot } from '../create-client.ts';
import { resolveStore } from './ensure-strategy-store.ts';
import { highest, listStoredVersions, readStoredRecord } from './read-strategies.ts';
import type { StoredStrategy } from './store-schema.ts';

/** What `readCurrentStrategy` found: nothing published, the known version, or a newer one. */
export type CurrentStrategy =
  | { status: 'none' }
  | { status: 'unchanged'; version: number }
  | { status: 'changed'; stored: StoredStrategy };

/**
 * The current strategy (the highest published version) compared with the version the caller
 * already has. Stored versions never change, so an equal number means the same strategy.
 * With a known version: one list request (plus one read, with the record's history, when a newer
 * version exists). The list is consistent right after a publish.
 */
export async function readCurrentStrategy(
  hs: HubSpot,
  known: { version: number } | null,
): Promise<Result<CurrentStrategy, StrategyFitError>> {
  const store = await resolveStore(hs);
  if (!store.ok) return store;
  if (store.value === null) return ok({ status: 'none' });
  const listed = await listStoredVersions(hs, store.value);
  if (!listed.ok) return listed;
  const current = highest(listed.value);
  const record = listed.value.find((l) => l.properties.version === current);
  if (record === undefined) return ok({ status: 'none' });
  if (known !== null && known.version === current)
    return ok({ status: 'unchanged', version: current });
  // Read with its history: only a version the app wrote, unchanged since, counts.
  const stored = await readStoredRecord(hs, store.value, record.recordId, current);
  return stored.ok ? ok({ status: 'changed', stored: stored.value }) : stored;
}
