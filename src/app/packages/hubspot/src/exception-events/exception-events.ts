// Reading and recording a deal's exception events (docs/security.md, "Exceptions"). Events are
// read by key (`<deal>:<n>`, consistent right after a write, unlike search) and trusted only
// when HubSpot's history says the app wrote them and nobody changed them since. Recording the
// next one is compare-and-set: the key requires unique values, so of two transitions from the
// same state HubSpot records one; the other learns which one won.
import {
  describeExceptionEvent,
  describeVersion,
  err,
  exceptionEventKey,
  isAppWritten,
  latestVersion,
  ok,
  strategyFitError,
} from '@strategy-fit/core';
import type { ExceptionEvent, Result, StrategyFitError } from '@strategy-fit/core';

import { apiPaths } from '../api-paths.ts';
import type { HubSpot } from '../create-client.ts';
import { readRecordsWithHistory } from '../read-with-history.ts';
import type { RecordWithHistory } from '../read-with-history.ts';
import { hubspotRequest } from '../request.ts';
import { HsObject } from '../schema.ts';
import { resolveEventStore } from './ensure-event-store.ts';
import { notSetUp } from '../setup/not-set-up.ts';
import {
  EVENT_DEFINITION,
  EVENT_PROPERTY_NAMES,
  fromEventProperties,
  toEventProperties,
} from './event-schema.ts';

/** Every property of an event: its history must show that only the app ever wrote it. */
const PROVENANCE = EVENT_PROPERTY_NAMES;
/** Keys read per request while walking a deal's events. */
const WALK_STEP = 3;

const storeMissing = (): StrategyFitError => notSetUp(EVENT_DEFINITION.name);

async function eventStore(hs: HubSpot): Promise<Result<string, StrategyFitError>> {
  const store = await resolveEventStore(hs);
  if (!store.ok) return store;
  return store.value === null ? err(storeMissing()) : ok(store.value.objectTypeId);
}

/** The event a record holds, when HubSpot says only the app ever wrote it; else why not. */
function trustedEvent(record: RecordWithHistory): Result<ExceptionEvent, StrategyFitError> {
  const key = record.properties['event_key'] ?? record.id;
  for (const name of PROVENANCE) {
    const versions = record.history[name] ?? [];
    const latest = latestVersion(versions);
    if (versions.length > 1 || (latest !== null && !isAppWritten(versions))) {
      return err(
        strategyFitError(
          'conflict',
          `The exception event ${key} was changed outside Strategy Fit (${name} set by ${latest === null ? 'someone' : describeVersion(latest)}), so this deal's exception cannot be trusted. A HubSpot admin restores or removes that record (Strategy Fit exception events).`,
          { recordId: record.id },
        ),
      );
    }
  }
  const event = fromEventProperties(record.properties);
  return event === null
    ? err(
        strategyFitError('conflict', `The exception event ${key} is not one Strategy Fit wrote.`, {
          recordId: record.id,
        }),
      )
    : ok(event);
}

/**
 * The deal's latest exception event (null: none yet), walking the keys from `hintSeq` (the
 * number the deal's properties reflect; from 1 when that event is missing).
 */
export async function readLatestExceptionEvent(
  hs: HubSpot,
  dealId: string,
  hintSeq: number,
): Promise<Result<ExceptionEvent | null, StrategyFitError>> {
  const store = await eventStore(hs);
  if (!store.ok) return store;
  let latest: ExceptionEvent | null = null;
  let from = Math.max(1, hintSeq);
  for (;;) {
    const keys = Array.from({ length: WALK_STEP }, (_, i) => exceptionEventKey(dealId, from + i));
    const read = await readRecordsWithHistory(hs, store.value, keys, {
      properties: EVENT_PROPERTY_NAMES,
      history: PROVENANCE,
      idProperty: 'event_key',
    });
    if (!read.ok) return read;
    const events: ExceptionEvent[] = [];
    for (const record of read.value) {
      const event = trustedEvent(record);
      if (!event.ok) return event;
      if (event.value.dealId === dealId) events.push(event.value);
    }
    const found = new Set(events.map((e) => e.seq));
    if (from > 1 && latest === null && !found.has(from)) {
      from = 1; // the hint points past the last event: walk from the start
      continue;
    }
    for (const event of events) if (latest === null || event.seq > latest.seq) latest = event;
    if (!found.has(from + WALK_STEP - 1)) return ok(latest);
    from += WALK_STEP;
  }
}

/**
 * Every event record of a deal as HubSpot holds it (the audit trail), oldest first, read by key
 * (1, 2, 3… until a number is missing), whether or not it is still what the app wrote.
 */
export async function readExceptionEventRecords(
  hs: HubSpot,
  dealId: string,
): Promise<Result<{ id: string; properties: Record<string, string | null> }[], StrategyFitError>> {
  const store = await eventStore(hs);
  if (!store.ok) return store;
  const records: { id: string; properties: Record<string, string | null> }[] = [];
  for (let from = 1; ; from += WALK_STEP) {
    const keys = Array.from({ length: WALK_STEP }, (_, i) => exceptionEventKey(dealId, from + i));
    const read = await readRecordsWithHistory(hs, store.value, keys, {
      properties: EVENT_PROPERTY_NAMES,
      history: [],
      idProperty: 'event_key',
    });
    if (!read.ok) return read;
    const found = read.value.map((r) => ({ id: r.id, properties: r.properties }));
    records.push(...found);
    if (found.length < WALK_STEP) {
      return ok(records.sort((a, b) => Number(a.properties['seq']) - Number(b.properties['seq'])));
    }
  }
}

export type RecordOutcome =
  { readonly kind: 'recorded' } | { readonly kind: 'taken'; readonly by: ExceptionEvent | null };

const sameEvent = (a: ExceptionEvent, b: ExceptionEvent): boolean =>
  a.actorUserId === b.actorUserId && a.kind === b.kind && a.editedAtMs === b.editedAtMs;

/**
 * Records `event` unless its number is taken. `taken` names the event HubSpot recorded with that
 * number instead (a concurrent request or decision); a lost answer to our own create counts as
 * recorded.
 */
export async function recordExceptionEvent(
  hs: HubSpot,
  event: ExceptionEvent,
): Promise<Result<RecordOutcome, StrategyFitError>> {
  const store = await eventStore(hs);
  if (!store.ok) return store;
  const created = await hubspotRequest(hs, {
    method: 'POST',
    path: apiPaths.objects(store.value),
    body: { properties: toEventProperties(event), associations: [] },
    answer: HsObject,
    operation: `recording ${describeExceptionEvent(event)}`,
    objectType: store.value,
  });
  if (created.ok) return ok({ kind: 'recorded' });
  const key = exceptionEventKey(event.dealId, event.seq);
  const holder = await readRecordsWithHistory(hs, store.value, [key], {
    properties: EVENT_PROPERTY_NAMES,
    history: PROVENANCE,
    idProperty: 'event_key',
  });
  if (!holder.ok) return holder;
  const record = holder.value[0];
  if (record === undefined) return created; // nothing holds the key: the create failed as such
  const held = trustedEvent(record);
  if (!held.ok) return ok({ kind: 'taken', by: null });
  return ok(
    sameEvent(held.value, event) ? { kind: 'recorded' } : { kind: 'taken', by: held.value },
  );
}
