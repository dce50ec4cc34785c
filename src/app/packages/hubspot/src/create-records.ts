// Creating records (batch create with inline associations), for the demo, test portals and card
// fixtures. Not idempotent: a create whose answer is lost is not retried blindly by the caller.
import { err, ok, strategyFitError } from '@strategy-fit/core';
import type { Result, StrategyFitError } from '@strategy-fit/core';
import { z } from 'zod';

import { apiPaths } from './api-paths.ts';
import { chunk } from './batches.ts';
import type { HubSpot } from './create-client.ts';
import { OBJECT_BATCH_SIZE } from './object-types.ts';
import type { ObjectType } from './object-types.ts';
import { hubspotRequest } from './request.ts';
import { BatchError } from './schema.ts';
import { batchItemError } from './to-strategy-fit-error.ts';

/** A link made when the record is created: HubSpot-defined association type id and target id. */
export type NewAssociation = { toId: string; associationTypeId: number };
export type NewRecord = { properties: Record<string, string>; associations?: NewAssociation[] };

/** HubSpot-defined association type ids (v4) the product links records with. */
export const ASSOCIATION_TYPES = {
  dealToCompany: 341,
  dealToPrimaryCompany: 5,
  lineItemToDeal: 20,
} as const;

const CreatedAnswer = z.looseObject({
  results: z.array(z.looseObject({ id: z.string(), objectWriteTraceId: z.string().optional() })),
  errors: z.array(BatchError).optional(),
});

async function createChunk(
  hs: HubSpot,
  objectType: ObjectType,
  records: readonly NewRecord[],
  offset: number,
): Promise<Result<string[], StrategyFitError>> {
  const operation = `batch create of ${records.length} ${objectType}`;
  const answer = await hubspotRequest(hs, {
    method: 'POST',
    path: apiPaths.objects(objectType, 'batch', 'create'),
    body: {
      inputs: records.map((r, i) => ({
        properties: r.properties,
        objectWriteTraceId: String(offset + i),
        associations: (r.associations ?? []).map((a) => ({
          to: { id: a.toId },
          types: [
            { associationCategory: 'HUBSPOT_DEFINED', associationTypeId: a.associationTypeId },
          ],
        })),
      })),
    },
    answer: CreatedAnswer,
    operation,
    objectType,
  });
  if (!answer.ok) return answer;
  const failure = answer.value.errors?.[0];
  if (failure !== undefined) {
    return err(batchItemError(failure, { operation: `the ${operation}`, objectType }));
  }
  const byTrace = new Map(answer.value.results.map((r) => [r.objectWriteTraceId, r.id]));
  const ids: string[] = [];
  for (let i = 0; i < records.length; i += 1) {
    const id = byTrace.get(String(offset + i));
    if (id === undefined) {
      return err(
        strategyFitError(
          'hubspot_error',
          `HubSpot did not say which record it created for input ${offset + i}.`,
          {
            objectType,
          },
        ),
      );
    }
    ids.push(id);
  }
  return ok(ids);
}

/**
 * Creates records in batches of 100 (in order, one batch at a time) with their associations;
 * returns the new ids in input order. The first refused input fails the call.
 */
export async function createRecords(
  hs: HubSpot,
  objectType: ObjectType,
  records: readonly NewRecord[],
): Promise<Result<string[], StrategyFitError>> {
  const ids: string[] = [];
  for (const [n, part] of chunk(records, OBJECT_BATCH_SIZE).entries()) {
    const created = await createChunk(hs, objectType, part, n * OBJECT_BATCH_SIZE);
    if (!created.ok) return created;
    ids.push(...created.value);
  }
  return ok(ids);
}
