// The versions prepared on the settings page that still wait for a manager's approval, so the page
// can show them again after a reload (it kept them only in memory). Open means: `status` still
// pending (not consumed), based on the current version (a pending version based on an older one
// can never be confirmed: the confirmation answers `conflict`, so it is left out), and written by
// the app alone (a record changed by hand is left out, as the confirmation would refuse it).
import { ok, pendingChangedOutside } from '@strategy-fit/core';
import type { Result, StrategyFitError } from '@strategy-fit/core';

import type { HubSpot } from '../create-client.ts';
import { readRecordsWithHistory } from '../read-with-history.ts';
import { resolveStore } from './ensure-strategy-store.ts';
import { PENDING_HISTORY } from './pending-versions.ts';
import type { PendingRecord } from './pending-versions.ts';
import { highest, listStoreRecords, publishedOf } from './read-strategies.ts';
import type { StoreRecord } from './read-strategies.ts';
import { ALL_PROPERTIES, APPROVAL_PROPERTY, PENDING } from './store-schema.ts';

/** What the list reads of each record to find the open pending versions. */
const LISTED = ['status', 'version', 'based_on_version', 'published_at'] as const;

const basedOnOf = (properties: StoreRecord['properties']): number | null => {
  const text = properties['based_on_version']?.trim() ?? '';
  return text === '' ? null : Number(text);
};

/** Prepared at (the negative `version` holds the moment, pending-versions.ts): newest first. */
const preparedMs = (record: StoreRecord): number => -Number(record.properties['version'] ?? 0);

/** Whether a record is pending on top of `current` (0: nothing published, so based on none). */
const isOpenOn = (record: StoreRecord, current: number): boolean =>
  record.properties['status'] === PENDING &&
  basedOnOf(record.properties) === (current === 0 ? null : current);

/**
 * The open pending versions, newest first, at most `limit`, each with the history a confirmation
 * checks (one list of the store, then one batch read with history when any is open).
 */
export async function listOpenPendingVersions(
  hs: HubSpot,
  limit: number,
): Promise<Result<{ current: number; pending: PendingRecord[] }, StrategyFitError>> {
  const store = await resolveStore(hs);
  if (!store.ok) return store;
  const ref = store.value;
  if (ref === null) return ok({ current: 0, pending: [] });
  const records = await listStoreRecords(hs, ref, LISTED);
  if (!records.ok) return records;
  const published = publishedOf(ref, records.value);
  if (!published.ok) return published;
  const current = highest(published.value);
  const open = records.value
    .filter((r) => isOpenOn(r, current))
    .sort((a, b) => preparedMs(b) - preparedMs(a))
    .slice(0, limit);
  if (open.length === 0) return ok({ current, pending: [] });
  const read = await readRecordsWithHistory(
    hs,
    ref.objectTypeId,
    open.map((r) => r.id),
    { properties: ALL_PROPERTIES, history: PENDING_HISTORY },
  );
  if (!read.ok) return read;
  const byId = new Map(read.value.map((r) => [r.id, r]));
  const pending = open.flatMap((listed): PendingRecord[] => {
    const record = byId.get(listed.id);
    if (record === undefined || !isOpenOn(record, current)) return [];
    const made = Object.fromEntries(
      Object.entries(record.history).filter(([name]) => name !== APPROVAL_PROPERTY),
    );
    if (pendingChangedOutside(made) !== null) return [];
    return [
      {
        store: ref,
        recordId: record.id,
        properties: record.properties,
        history: record.history,
      },
    ];
  });
  return ok({ current, pending });
}
