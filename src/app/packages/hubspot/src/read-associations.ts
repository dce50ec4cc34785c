import { err, ok, pickDealCompanyId, strategyFitError } from '@strategy-fit/core';
import type { Result, StrategyFitError } from '@strategy-fit/core';

import { chunk, mapBatches, unique } from './batches.ts';
import { apiPaths } from './api-paths.ts';
import type { HubSpot } from './create-client.ts';
import { ASSOCIATION_BATCH_SIZE } from './object-types.ts';
import { hubspotRequest } from './request.ts';
import { AssociationsAnswer } from './schema.ts';
import type { BatchError } from './schema.ts';

/** One associated record and the association type ids that link it. */
export type Association = { id: string; typeIds: number[] };

/** HubSpot's association type "deal to company, primary" (HUBSPOT_DEFINED 5). */
export const DEAL_TO_PRIMARY_COMPANY = 5;

const PARTIAL_RETRY_ROUNDS = 3;

/** SCORING §7: a deal's company from its company associations: the primary, else the lowest id. */
export const dealCompanyId = (associations: readonly Association[]): string | null =>
  pickDealCompanyId(
    associations.map((a) => ({ id: a.id, primary: a.typeIds.includes(DEAL_TO_PRIMARY_COMPANY) })),
  );

/** A 207 item that only says the record has no associations (not a failure). */
export const noAssociations = (e: BatchError): boolean =>
  e.subCategory === 'crm.associations.NO_ASSOCIATIONS_FOUND' || e.category === 'OBJECT_NOT_FOUND';

/** The input ids a 207 item names, if it names any. */
export const fromIdsOf = (e: BatchError): string[] | null => e.context?.['fromObjectId'] ?? null;

type Input = { id: string; after?: string };

async function readChunk(
  hs: HubSpot,
  from: string,
  to: string,
  ids: string[],
): Promise<Result<Map<string, Association[]>, StrategyFitError>> {
  const found = new Map<string, Association[]>(ids.map((id) => [id, []]));
  let pending: Input[] = ids.map((id) => ({ id }));
  let failedRounds = 0;
  while (pending.length > 0) {
    const inputs = pending;
    const answer = await hubspotRequest(hs, {
      method: 'POST',
      path: apiPaths.associations(from, to, 'batch', 'read'),
      body: { inputs },
      answer: AssociationsAnswer,
      operation: `reading the ${to} of ${inputs.length} ${from}`,
      objectType: from,
    });
    if (!answer.ok) return answer;
    pending = [];
    const answered = new Set<string>();
    for (const result of answer.value.results) {
      answered.add(result.fromId);
      const list = found.get(result.fromId) ?? [];
      for (const target of result.to) {
        list.push({ id: target.toObjectId, typeIds: target.associationTypes.map((t) => t.typeId) });
      }
      found.set(result.fromId, list);
      if (result.nextAfter !== null) pending.push({ id: result.fromId, after: result.nextAfter });
    }
    const failures = (answer.value.errors ?? []).filter((e) => !noAssociations(e));
    const failedIds = new Set(failures.flatMap((e) => fromIdsOf(e) ?? []));
    const unnamed = failures.some((e) => fromIdsOf(e) === null);
    const retry = inputs.filter((i) => !answered.has(i.id) && (failedIds.has(i.id) || unnamed));
    if (retry.length > 0) {
      failedRounds += 1;
      if (failedRounds > PARTIAL_RETRY_ROUNDS) {
        return err(
          strategyFitError(
            'hubspot_unavailable',
            `HubSpot kept failing to read the ${to} of ${retry.length} ${from}: ${failures[0]?.message ?? 'no reason given'}`,
            { objectType: from },
          ),
        );
      }
      pending.push(...retry);
    }
  }
  return ok(found);
}

/** The associations from each record to records of another type (v4 batch read, 1,000 per request). */
export async function readAssociations(
  hs: HubSpot,
  from: string,
  to: string,
  ids: readonly string[],
): Promise<Result<Map<string, Association[]>, StrategyFitError>> {
  const parts = await mapBatches(chunk(unique(ids), ASSOCIATION_BATCH_SIZE), (part) =>
    readChunk(hs, from, to, part),
  );
  if (!parts.ok) return parts;
  return ok(new Map(parts.value.flatMap((m) => [...m])));
}
