// Versions prepared on the settings page, waiting for a manager's approval in HubSpot's UI
// (docs/security.md, "Publishing"). A pending version is a record of the strategy store with
// `status: pending`; it is never a published version (readers skip it). Its `version` holds minus
// the moment it was prepared, since the property is required and unique. Once published it is
// `consumed`, so one approval publishes once.
import { err, ok, strategyFitError } from '@strategy-fit/core';
import type { PropertyVersion, Result, Strategy, StrategyFitError } from '@strategy-fit/core';

import { apiPaths } from '../api-paths.ts';
import type { HubSpot } from '../create-client.ts';
import { readRecordsWithHistory } from '../read-with-history.ts';
import { hubspotRequest } from '../request.ts';
import { HsObject } from '../schema.ts';
import { resolveStore } from './ensure-strategy-store.ts';
import type { StoreRef } from './ensure-strategy-store.ts';
import { notSetUp } from '../setup/not-set-up.ts';
import { unchangedFrom } from './nothing-to-publish.ts';
import { ALL_PROPERTIES, CONSUMED, PENDING, STORE_OBJECT } from './store-schema.ts';
import type { StoredStrategy } from './store-schema.ts';

/** Tries with the next millisecond when another pending version took the same moment. */
const MAX_PREPARE_ATTEMPTS = 5;

export type PendingMeta = {
  readonly basedOnVersion: number | null;
  readonly source: 'publish' | 'rollback';
  readonly rolledBackFrom?: number;
  readonly nowMs: number;
};

/** A pending version as read back, with the history that tells who approved it and whether it changed. */
export type PendingRecord = {
  readonly store: StoreRef;
  readonly recordId: string;
  readonly properties: Readonly<Record<string, string | null>>;
  readonly history: Readonly<Record<string, readonly PropertyVersion[]>>;
};

/** Properties whose history a confirmation reads: all of them (the approval says who approved). */
export const PENDING_HISTORY = ALL_PROPERTIES;

const storeMissing = (): StrategyFitError => notSetUp(STORE_OBJECT.name);

/**
 * Stores `strategy` (already checked) as a pending version; answers its record. A strategy equal
 * to `active`, the version it would follow, is nothing to publish (`strategy_unchanged`, SCORING
 * §14): nothing is stored.
 */
export async function preparePendingVersion(
  hs: HubSpot,
  strategy: Strategy,
  meta: PendingMeta,
  active: StoredStrategy | null,
): Promise<Result<{ store: StoreRef; recordId: string }, StrategyFitError>> {
  const unchanged = unchangedFrom(active, strategy);
  if (unchanged !== null) return err(unchanged);
  const store = await resolveStore(hs);
  if (!store.ok) return store;
  if (store.value === null) return err(storeMissing());
  const objectTypeId = store.value.objectTypeId;
  let last: StrategyFitError | null = null;
  for (let attempt = 0; attempt < MAX_PREPARE_ATTEMPTS; attempt += 1) {
    const created = await hubspotRequest(hs, {
      method: 'POST',
      path: apiPaths.objects(objectTypeId),
      body: {
        properties: {
          status: PENDING,
          version: String(-(meta.nowMs + attempt)),
          strategy_json: JSON.stringify(strategy),
          strategy_name: strategy.name,
          published_at: new Date(meta.nowMs).toISOString(),
          source: meta.source,
          ...(meta.basedOnVersion === null
            ? {}
            : { based_on_version: String(meta.basedOnVersion) }),
          ...(meta.rolledBackFrom === undefined
            ? {}
            : { rolled_back_from: String(meta.rolledBackFrom) }),
        },
        associations: [],
      },
      answer: HsObject,
      operation: 'preparing a strategy version for approval',
      objectType: objectTypeId,
    });
    if (created.ok) return ok({ store: store.value, recordId: created.value.id });
    if (created.error.code !== 'hubspot_bad_request') return created;
    last = created.error;
  }
  return err(last ?? storeMissing());
}

/** A pending (or consumed) version with the history of what a confirmation checks. */
export async function readPendingVersion(
  hs: HubSpot,
  recordId: string,
): Promise<Result<PendingRecord, StrategyFitError>> {
  const store = await resolveStore(hs);
  if (!store.ok) return store;
  if (store.value === null) return err(storeMissing());
  const read = await readRecordsWithHistory(hs, store.value.objectTypeId, [recordId], {
    properties: ALL_PROPERTIES,
    history: PENDING_HISTORY,
  });
  if (!read.ok) return read;
  const record = read.value[0];
  if (record === undefined) {
    return err(
      strategyFitError('record_not_found', `There is no prepared strategy version ${recordId}.`, {
        recordId,
      }),
    );
  }
  return ok({
    store: store.value,
    recordId,
    properties: record.properties,
    history: record.history,
  });
}

/** Marks a pending version used: it became `publishedVersion` and can never publish again. */
export async function consumePendingVersion(
  hs: HubSpot,
  pending: PendingRecord,
  publishedVersion: number,
): Promise<Result<true, StrategyFitError>> {
  const updated = await hubspotRequest(hs, {
    method: 'PATCH',
    path: apiPaths.objects(pending.store.objectTypeId, pending.recordId),
    body: { properties: { status: CONSUMED, published_version: String(publishedVersion) } },
    answer: HsObject,
    operation: `marking prepared version ${pending.recordId} as used`,
    objectType: pending.store.objectTypeId,
    recordId: pending.recordId,
  });
  return updated.ok ? ok(true) : updated;
}
