// Publishing: check the strategy against the portal, take the next version number, create the
// record. The `version` property requires unique values, so of two publishes that picked the same
// number HubSpot accepts one; the other finds the number taken and tries the next.
import {
  err,
  MAX_STRATEGY_CHARS,
  ok,
  strategyFitError,
  strategyProblemsError,
} from '@strategy-fit/core';
import type { Result, Strategy, StrategyFitError } from '@strategy-fit/core';

import { checkStrategyOnPortal } from '../check-strategy-on-portal.ts';
import { apiPaths } from '../api-paths.ts';
import { hubspotRequest } from '../request.ts';
import type { HubSpot } from '../create-client.ts';
import { HsObject } from '../schema.ts';
import { notSetUp } from '../setup/not-set-up.ts';
import { resolveStore } from './ensure-strategy-store.ts';
import type { StoreRef } from './ensure-strategy-store.ts';
import { nothingToPublish } from './nothing-to-publish.ts';
import { listStoredVersions } from './read-strategies.ts';
import { PUBLISHED, STORE_OBJECT } from './store-schema.ts';
import type { Source, StoredStrategy } from './store-schema.ts';

export type PublishMeta = {
  /** Who publishes: a HubSpot user id, an email or a name. */
  publishedBy: string;
  /** The moment of publishing (epoch ms). */
  nowMs: number;
  source?: Source;
  /** For a rollback: the version whose strategy is published again. */
  rolledBackFrom?: number;
};

/** Tries before giving up when other publishes keep taking the next number. */
const MAX_PUBLISH_ATTEMPTS = 5;

/** Failures that no retry with another number can fix. */
const FINAL_CODES = new Set(['hubspot_unauthorized', 'hubspot_forbidden', 'hubspot_rate_limited']);

const storeMissing = (): StrategyFitError => notSetUp(STORE_OBJECT.name);

export type Attempt =
  | { kind: 'stored'; recordId: string }
  | { kind: 'taken' }
  | { kind: 'failed'; error: StrategyFitError };

/** Creates version `version`; when that fails, finds out whether the number was taken (or is ours). */
export async function tryVersion(
  hs: HubSpot,
  store: StoreRef,
  version: number,
  properties: Record<string, string>,
): Promise<Attempt> {
  const created = await hubspotRequest(hs, {
    method: 'POST',
    path: apiPaths.objects(store.objectTypeId),
    body: { properties, associations: [] },
    answer: HsObject,
    operation: `storing strategy version ${version}`,
    objectType: store.objectTypeId,
  });
  if (created.ok) return { kind: 'stored', recordId: created.value.id };
  if (FINAL_CODES.has(created.error.code)) return { kind: 'failed', error: created.error };
  // A refused create (the number is taken), or a lost answer or 5xx after which our own create may
  // have gone through: whose is the number now?
  const listed = await listStoredVersions(hs, store);
  if (!listed.ok) return { kind: 'failed', error: listed.error };
  const holder = listed.value.find((l) => l.properties.version === version);
  if (holder === undefined) return { kind: 'failed', error: created.error };
  const p = holder.properties;
  const ours =
    p.published_by === properties['published_by'] &&
    p.strategy_name === properties['strategy_name'] &&
    Date.parse(p.published_at ?? '') === Date.parse(properties['published_at'] ?? '');
  return ours ? { kind: 'stored', recordId: holder.recordId } : { kind: 'taken' };
}

/** A strategy ready to store (size and portal checked): the store, and the record's properties. */
export type Prepared = { store: StoreRef; properties: Record<string, string> };

/** Everything a publish checks before it takes a number; nothing is written. */
export async function preparePublish(
  hs: HubSpot,
  strategy: Strategy,
  meta: PublishMeta,
): Promise<Result<Prepared, StrategyFitError>> {
  const json = JSON.stringify(strategy);
  if (json.length > MAX_STRATEGY_CHARS) {
    return err(
      strategyFitError(
        'strategy_too_large',
        `The strategy is ${json.length} characters as compact JSON; the limit is ${MAX_STRATEGY_CHARS}, because it is stored in one HubSpot text property.`,
      ),
    );
  }
  // The schema again too: a version read back from the store may predate SCORING §14's rules.
  const checked = await checkStrategyOnPortal(hs, strategy);
  if (!checked.ok) return checked;
  if (checked.value.problems.length > 0) return err(strategyProblemsError(checked.value.problems));
  const store = await resolveStore(hs);
  if (!store.ok) return store;
  if (store.value === null) return err(storeMissing());
  const properties: Record<string, string> = {
    status: PUBLISHED,
    strategy_json: json,
    strategy_name: strategy.name,
    published_by: meta.publishedBy,
    published_at: new Date(meta.nowMs).toISOString(),
    source: meta.source ?? 'publish',
    ...(meta.rolledBackFrom === undefined ? {} : { rolled_back_from: String(meta.rolledBackFrom) }),
  };
  return ok({ store: store.value, properties });
}

/** The stored version a successful create made. */
export const storedVersion = (
  strategy: Strategy,
  meta: PublishMeta,
  prepared: Prepared,
  version: number,
  recordId: string,
): StoredStrategy => ({
  version,
  status: 'current',
  strategyName: strategy.name,
  publishedBy: meta.publishedBy,
  publishedAt: prepared.properties['published_at'] ?? '',
  source: meta.source ?? 'publish',
  rolledBackFrom: meta.rolledBackFrom ?? null,
  recordId,
  strategy,
});

/**
 * Publishes a strategy as the next version (all earlier versions stay). The strategy is checked
 * against the portal first; an error names the first problem's JSON path and property. A strategy
 * equal to the active version is not published again (`strategy_unchanged`, SCORING §14).
 */
export async function publishStrategy(
  hs: HubSpot,
  strategy: Strategy,
  meta: PublishMeta,
): Promise<Result<StoredStrategy, StrategyFitError>> {
  const prepared = await preparePublish(hs, strategy, meta);
  if (!prepared.ok) return prepared;
  const { store, properties } = prepared.value;
  for (let attempt = 1; attempt <= MAX_PUBLISH_ATTEMPTS; attempt += 1) {
    const listed = await listStoredVersions(hs, store);
    if (!listed.ok) return listed;
    const unchanged = await nothingToPublish(hs, store, listed.value, strategy);
    if (!unchanged.ok) return unchanged;
    if (unchanged.value !== null) return err(unchanged.value);
    const version = listed.value.reduce((max, l) => Math.max(max, l.properties.version), 0) + 1;
    const outcome = await tryVersion(hs, store, version, {
      ...properties,
      version: String(version),
    });
    if (outcome.kind === 'stored') {
      return ok(storedVersion(strategy, meta, prepared.value, version, outcome.recordId));
    }
    if (outcome.kind === 'failed') return err(outcome.error);
  }
  return err(
    strategyFitError(
      'hubspot_error',
      `Could not get a version number: other publishes took the next number ${MAX_PUBLISH_ATTEMPTS} times in a row. Try again.`,
    ),
  );
}
