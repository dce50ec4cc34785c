import { err, ok, strategyFitError } from '@strategy-fit/core';
import type { Result, StrategyFitError } from '@strategy-fit/core';

import { chunk, mapBatches, unique } from './batches.ts';
import { apiPaths } from './api-paths.ts';
import type { HubSpot } from './create-client.ts';
import { OBJECT_BATCH_SIZE } from './object-types.ts';
import type { ObjectType, RawRecord } from './object-types.ts';
import { hubspotRequest } from './request.ts';
import { BatchObjectsAnswer } from './schema.ts';
import type { BatchError } from './schema.ts';

/** Rounds of re-reading the inputs a 207 failed for another reason than "not found". */
const PARTIAL_RETRY_ROUNDS = 3;

const isNotFound = (e: BatchError): boolean => e.category === 'OBJECT_NOT_FOUND';

/** The ids an error of a batch answer names (`context.ids`), or null when it names none. */
const idsOf = (e: BatchError): string[] | null => e.context?.['ids'] ?? null;

type ChunkRead = { records: RawRecord[]; missing: string[] };

async function readChunk(
  hs: HubSpot,
  objectType: string,
  ids: string[],
  properties: readonly string[],
): Promise<Result<ChunkRead, StrategyFitError>> {
  const records: RawRecord[] = [];
  const missing: string[] = [];
  let pending = ids;
  for (let round = 0; pending.length > 0; round += 1) {
    const inputs = pending;
    const answer = await hubspotRequest(hs, {
      method: 'POST',
      path: apiPaths.objects(objectType, 'batch', 'read'),
      body: {
        inputs: inputs.map((id) => ({ id })),
        properties: [...properties],
        propertiesWithHistory: [],
      },
      answer: BatchObjectsAnswer,
      operation: `batch read of ${inputs.length} ${objectType}`,
      objectType,
    });
    if (!answer.ok) return answer;
    records.push(...answer.value.results);
    const found = new Set(answer.value.results.map((r) => r.id));
    const errors = answer.value.errors ?? [];
    const failures = errors.filter((e) => !isNotFound(e));
    const failedIds = new Set(failures.flatMap((e) => idsOf(e) ?? []));
    const unnamed = failures.some((e) => idsOf(e) === null);
    const unmatched = inputs.filter((id) => !found.has(id));
    // Not returned and not named by a failure: HubSpot does not know the id (or merged it away).
    pending = unmatched.filter((id) => failedIds.has(id) || unnamed);
    missing.push(...unmatched.filter((id) => !pending.includes(id)));
    if (pending.length > 0 && round >= PARTIAL_RETRY_ROUNDS) {
      const reason = errors.find((e) => !isNotFound(e))?.message ?? 'no reason given';
      return err(
        strategyFitError(
          'hubspot_unavailable',
          `HubSpot kept failing to read ${pending.length} ${objectType} (ids ${pending.slice(0, 5).join(', ')}${pending.length > 5 ? ', …' : ''}): ${reason}`,
          { objectType },
        ),
      );
    }
  }
  return ok({ records, missing });
}

/** Reads records by id in batches of 100, any number of ids; ids HubSpot does not know are `missing`. */
export async function readRecords(
  hs: HubSpot,
  objectType: ObjectType,
  ids: readonly string[],
  properties: readonly string[],
): Promise<Result<{ records: RawRecord[]; missing: string[] }, StrategyFitError>> {
  const wanted = unique(ids);
  const chunks = await mapBatches(chunk(wanted, OBJECT_BATCH_SIZE), (part) =>
    readChunk(hs, objectType, part, properties),
  );
  if (!chunks.ok) return chunks;
  const byId = new Map(chunks.value.flatMap((c) => c.records).map((r) => [r.id, r]));
  const records = wanted.flatMap((id) => {
    const record = byId.get(id);
    return record === undefined ? [] : [record];
  });
  return ok({ records, missing: chunks.value.flatMap((c) => c.missing) });
}
