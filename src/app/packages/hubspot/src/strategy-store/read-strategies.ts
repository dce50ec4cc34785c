// Reading the strategy store through the list and read APIs, which are consistent right after a
// write (HubSpot's search index lags behind).
import {
  describeVersion,
  err,
  isAppWritten,
  latestVersion,
  ok,
  parseStoredStrategy,
  strategyFitError,
  strategyIssuesError,
} from '@strategy-fit/core';
import type { Result, StrategyFitError } from '@strategy-fit/core';

import { apiPaths } from '../api-paths.ts';
import type { HubSpot } from '../create-client.ts';
import { readRecordsWithHistory } from '../read-with-history.ts';
import { hubspotRequest, parseAnswer } from '../request.ts';
import { ListAnswer } from '../schema.ts';
import { resolveStore } from './ensure-strategy-store.ts';
import type { StoreRef } from './ensure-strategy-store.ts';
import {
  ALL_PROPERTIES,
  APPROVAL_PROPERTY,
  PUBLISHED,
  StoredProperties,
  SUMMARY_PROPERTIES,
  toSummary,
} from './store-schema.ts';
import type { StoredStrategy, StoredStrategySummary } from './store-schema.ts';

const PAGE = 100;

export type Listed = { recordId: string; properties: StoredProperties };

/** A record of the store as listed: its id and the properties asked for, unparsed. */
export type StoreRecord = {
  readonly id: string;
  readonly properties: Readonly<Record<string, string | null | undefined>>;
};

/** Every record of the strategy store (published, pending and consumed), in no particular order. */
export async function listStoreRecords(
  hs: HubSpot,
  store: StoreRef,
  properties: readonly string[],
): Promise<Result<StoreRecord[], StrategyFitError>> {
  const records: StoreRecord[] = [];
  let after: string | undefined;
  do {
    const cursor = after;
    const page = await hubspotRequest(hs, {
      method: 'GET',
      path: apiPaths.objects(store.objectTypeId),
      query: { limit: PAGE, after: cursor, properties, archived: false },
      answer: ListAnswer,
      operation: 'listing the strategy versions',
      objectType: store.objectTypeId,
    });
    if (!page.ok) return page;
    records.push(...page.value.results);
    after = page.value.paging ?? undefined;
  } while (after !== undefined);
  return ok(records);
}

/** Whether a listed record is a published version (pending and consumed ones are not). */
export const isPublishedRecord = (record: StoreRecord): boolean =>
  (record.properties['status'] ?? PUBLISHED) === PUBLISHED;

/**
 * Every published version record, in no particular order; without the strategy JSON unless
 * `properties` asks for it.
 */
export async function listStoredVersions(
  hs: HubSpot,
  store: StoreRef,
  properties: readonly string[] = SUMMARY_PROPERTIES,
): Promise<Result<Listed[], StrategyFitError>> {
  const records = await listStoreRecords(hs, store, properties);
  if (!records.ok) return records;
  return publishedOf(store, records.value);
}

/** The published versions among listed records, parsed. */
export function publishedOf(
  store: StoreRef,
  records: readonly StoreRecord[],
): Result<Listed[], StrategyFitError> {
  const listed: Listed[] = [];
  for (const record of records) {
    // Pending and consumed records (prepared on the settings page) are not versions.
    if (!isPublishedRecord(record)) continue;
    const properties = parseAnswer(StoredProperties, record.properties, {
      operation: `reading strategy record ${record.id}`,
      objectType: store.objectTypeId,
      recordId: record.id,
    });
    if (!properties.ok) return properties;
    listed.push({ recordId: record.id, properties: properties.value });
  }
  return ok(listed);
}

export const highest = (listed: readonly Listed[]): number =>
  listed.reduce((max, l) => Math.max(max, l.properties.version), 0);

/** Properties of a version whose history must show that only the app ever wrote them. */
const PROVENANCE = ALL_PROPERTIES.filter(
  (p) => p !== APPROVAL_PROPERTY && p !== 'published_version',
);

/**
 * One stored record with its strategy, parsed and checked again. HubSpot's history must show that
 * the app wrote it and nobody changed it since: a record made or edited by hand in HubSpot's UI
 * (a rep with access to the custom object) is no version (`strategy_invalid`, naming who).
 */
export async function readStoredRecord(
  hs: HubSpot,
  store: StoreRef,
  recordId: string,
  current: number,
): Promise<Result<StoredStrategy, StrategyFitError>> {
  const context = {
    operation: `reading strategy record ${recordId}`,
    objectType: store.objectTypeId,
    recordId,
  };
  const read = await readRecordsWithHistory(hs, store.objectTypeId, [recordId], {
    properties: ALL_PROPERTIES,
    history: PROVENANCE,
  });
  if (!read.ok) return read;
  const record = read.value[0];
  if (record === undefined) {
    return err(
      strategyFitError('record_not_found', `Strategy record ${recordId} is gone.`, context),
    );
  }
  for (const name of PROVENANCE) {
    const versions = record.history[name] ?? [];
    const latest = latestVersion(versions);
    if (latest !== null && (versions.length > 1 || !isAppWritten(versions))) {
      return err(
        strategyFitError(
          'strategy_invalid',
          `Strategy version record ${recordId} was not written by Strategy Fit, or was changed since (${name} set by ${describeVersion(latest)}), so it is not used. A HubSpot admin removes it, or restricts who may edit Strategy Fit strategies; a manager then publishes again.`,
          { recordId },
        ),
      );
    }
  }
  const properties = parseAnswer(StoredProperties, record.properties, context);
  if (!properties.ok) return properties;
  return toStoredStrategy({ recordId, properties: properties.value }, current);
}

/** A listed record whose properties include `strategy_json`, parsed and checked again. */
export function toStoredStrategy(
  listed: Listed,
  current: number,
): Result<StoredStrategy, StrategyFitError> {
  const { recordId, properties } = listed;
  const strategy = parseStoredStrategy(properties.strategy_json ?? '');
  if (!strategy.ok) {
    const invalid = strategyIssuesError(strategy.error);
    return err(
      strategyFitError(
        invalid.code,
        `Stored strategy version ${properties.version} is not valid any more (was it edited in HubSpot?): ${invalid.message}`,
        { ...(invalid.path === undefined ? {} : { path: invalid.path }), recordId },
      ),
    );
  }
  return ok({ ...toSummary(recordId, properties, current), strategy: strategy.value });
}

/** Every published version, newest first. */
export async function listStrategyVersions(
  hs: HubSpot,
): Promise<Result<StoredStrategySummary[], StrategyFitError>> {
  const store = await resolveStore(hs);
  if (!store.ok) return store;
  if (store.value === null) return ok([]);
  const listed = await listStoredVersions(hs, store.value);
  if (!listed.ok) return listed;
  const current = highest(listed.value);
  return ok(
    listed.value
      .map((l) => toSummary(l.recordId, l.properties, current))
      .sort((a, b) => b.version - a.version),
  );
}

/** The current strategy: the highest published version; null when none is published. */
export async function readPublishedStrategy(
  hs: HubSpot,
): Promise<Result<StoredStrategy | null, StrategyFitError>> {
  const store = await resolveStore(hs);
  if (!store.ok) return store;
  if (store.value === null) return ok(null);
  const listed = await listStoredVersions(hs, store.value);
  if (!listed.ok) return listed;
  const current = highest(listed.value);
  const record = listed.value.find((l) => l.properties.version === current);
  if (record === undefined) return ok(null);
  return readStoredRecord(hs, store.value, record.recordId, current);
}

/** One published version by number. */
export async function readStrategyVersion(
  hs: HubSpot,
  version: number,
): Promise<Result<StoredStrategy, StrategyFitError>> {
  const store = await resolveStore(hs);
  if (!store.ok) return store;
  const listed = store.value === null ? ok([]) : await listStoredVersions(hs, store.value);
  if (!listed.ok) return listed;
  const record = listed.value.find((l) => l.properties.version === version);
  if (store.value === null || record === undefined) {
    const newest = highest(listed.value);
    return err(
      strategyFitError(
        'record_not_found',
        newest === 0
          ? `Strategy version ${version} does not exist: no strategy has been published yet.`
          : `Strategy version ${version} does not exist; the newest is version ${newest}.`,
      ),
    );
  }
  return readStoredRecord(hs, store.value, record.recordId, highest(listed.value));
}
