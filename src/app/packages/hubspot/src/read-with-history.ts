// Reads records together with the history of some of their properties: who set each value, when,
// and from which source (HubSpot's `propertiesWithHistory`). HubSpot takes at most 50 inputs per
// batch read when history is asked, so reads go 50 at a time.
import { ok } from '@strategy-fit/core';
import type { Result, StrategyFitError } from '@strategy-fit/core';

import { apiPaths } from './api-paths.ts';
import { chunk, mapBatches, unique } from './batches.ts';
import type { HubSpot } from './create-client.ts';
import { BatchWithHistoryAnswer } from './history-schema.ts';
import type { RecordWithHistory } from './history-schema.ts';
import { hubspotRequest } from './request.ts';

export type { RecordWithHistory } from './history-schema.ts';

/** HubSpot's limit of inputs per batch read with `propertiesWithHistory`. */
export const HISTORY_BATCH_SIZE = 50;

export type HistoryRead = {
  /** The properties to read (current values). */
  readonly properties: readonly string[];
  /** The properties whose every version to read. */
  readonly history: readonly string[];
  /** Read by this unique property's values instead of record ids. */
  readonly idProperty?: string;
};

/**
 * Records by id (or by `idProperty` values), with the history of `read.history`; the ids HubSpot
 * does not know are left out. Any number of ids, 50 per request.
 */
export async function readRecordsWithHistory(
  hs: HubSpot,
  objectType: string,
  ids: readonly string[],
  read: HistoryRead,
): Promise<Result<RecordWithHistory[], StrategyFitError>> {
  const parts = await mapBatches(chunk(unique(ids), HISTORY_BATCH_SIZE), (inputs) =>
    hubspotRequest(hs, {
      method: 'POST',
      path: apiPaths.objects(objectType, 'batch', 'read'),
      body: {
        inputs: inputs.map((id) => ({ id })),
        properties: [...read.properties],
        propertiesWithHistory: [...read.history],
        ...(read.idProperty === undefined ? {} : { idProperty: read.idProperty }),
      },
      answer: BatchWithHistoryAnswer,
      operation: `reading ${inputs.length} ${objectType} with history`,
      objectType,
    }),
  );
  if (!parts.ok) return parts;
  return ok(parts.value.flatMap((answer) => answer.results));
}
