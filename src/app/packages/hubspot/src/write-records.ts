// Batch updates in chunks of 100, in HubSpot's multi-status mode (every input carries an
// `objectWriteTraceId`, here its record id), so one bad record fails alone: a 207 names it. Inputs
// that failed for a transient reason are sent again (only those); the rest are reported per record.
import { err, ok } from '@strategy-fit/core';
import type { Result, StrategyFitError } from '@strategy-fit/core';

import { chunk, mapBatches } from './batches.ts';
import { apiPaths } from './api-paths.ts';
import type { HubSpot } from './create-client.ts';
import { OBJECT_BATCH_SIZE } from './object-types.ts';
import type { ObjectType } from './object-types.ts';
import { hubspotRequest } from './request.ts';
import { BatchObjectsAnswer } from './schema.ts';
import type { BatchError } from './schema.ts';
import { batchItemError, isTransientBatchError } from './to-strategy-fit-error.ts';

export type RecordUpdate = { id: string; properties: Record<string, string> };
export type FailedWrite = { id: string; error: StrategyFitError };
export type WriteOutcome = { written: string[]; failed: FailedWrite[] };

/** Rounds of re-sending inputs that failed for a transient reason. */
const PARTIAL_RETRY_ROUNDS = 3;

/** Failures that concern every record alike: stop the whole write. */
const FATAL_CODES = new Set(['hubspot_unauthorized', 'hubspot_forbidden', 'hubspot_rate_limited']);

/** The ids a failed input names: its trace id (= record id) or `context.ids`; null when none. */
const idsOf = (e: BatchError): string[] | null =>
  e.context?.['objectWriteTraceId'] ?? e.context?.['ids'] ?? null;

/** Merges updates of the same record (later values win), keeping first-seen order. */
function mergeUpdates(updates: readonly RecordUpdate[]): RecordUpdate[] {
  const byId = new Map<string, Record<string, string>>();
  for (const u of updates) byId.set(u.id, { ...byId.get(u.id), ...u.properties });
  return [...byId].map(([id, properties]) => ({ id, properties }));
}

async function writeChunk(
  hs: HubSpot,
  objectType: ObjectType,
  updates: RecordUpdate[],
): Promise<Result<WriteOutcome, StrategyFitError>> {
  const written: string[] = [];
  const failed: FailedWrite[] = [];
  let pending = updates;
  for (let round = 0; pending.length > 0; round += 1) {
    const inputs = pending;
    const operation = `batch update of ${inputs.length} ${objectType}`;
    const answer = await hubspotRequest(hs, {
      method: 'POST',
      path: apiPaths.objects(objectType, 'batch', 'update'),
      body: {
        inputs: inputs.map((u) => ({
          id: u.id,
          properties: u.properties,
          objectWriteTraceId: u.id,
        })),
      },
      answer: BatchObjectsAnswer,
      operation,
      objectType,
    });
    if (!answer.ok) {
      if (FATAL_CODES.has(answer.error.code)) return err(answer.error);
      for (const u of inputs) failed.push({ id: u.id, error: { ...answer.error, recordId: u.id } });
      break;
    }
    const done = new Set(answer.value.results.map((r) => r.id));
    written.push(...inputs.filter((u) => done.has(u.id)).map((u) => u.id));
    const errorOf = new Map<string, BatchError>();
    for (const e of answer.value.errors ?? []) {
      const named = idsOf(e) ?? inputs.filter((u) => !done.has(u.id)).map((u) => u.id);
      for (const id of named) if (!errorOf.has(id)) errorOf.set(id, e);
    }
    const retry: RecordUpdate[] = [];
    for (const u of inputs) {
      if (done.has(u.id)) continue;
      const e = errorOf.get(u.id) ?? {
        category: 'INTERNAL_ERROR',
        message: 'HubSpot neither wrote this record nor said why.',
      };
      if (isTransientBatchError(e) && round < PARTIAL_RETRY_ROUNDS) retry.push(u);
      else {
        const context = {
          operation: `the update of ${objectType} ${u.id}`,
          objectType,
          recordId: u.id,
        };
        failed.push({ id: u.id, error: batchItemError(e, context) });
      }
    }
    pending = retry;
  }
  return ok({ written, failed });
}

/**
 * Writes property values to records in batches of 100. A record that HubSpot refuses is reported
 * in `failed` with its id and reason; only auth and rate-limit failures fail the whole call.
 */
export async function writeRecords(
  hs: HubSpot,
  objectType: ObjectType,
  updates: readonly RecordUpdate[],
): Promise<Result<WriteOutcome, StrategyFitError>> {
  const parts = await mapBatches(chunk(mergeUpdates(updates), OBJECT_BATCH_SIZE), (part) =>
    writeChunk(hs, objectType, part),
  );
  if (!parts.ok) return parts;
  return ok({
    written: parts.value.flatMap((p) => p.written),
    failed: parts.value.flatMap((p) => p.failed),
  });
}
