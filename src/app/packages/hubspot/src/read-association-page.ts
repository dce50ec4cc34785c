// One page of associations v4 batch read, exactly as HubSpot pages it: the links of this answer and,
// for each record with more, its `after` for the next request. A caller streams a record's
// thousands of associations page by page instead of holding them all (readAssociations does).
import { err, ok, strategyFitError } from '@strategy-fit/core';
import type { Result, StrategyFitError } from '@strategy-fit/core';

import { apiPaths } from './api-paths.ts';
import type { HubSpot } from './create-client.ts';
import { ASSOCIATION_BATCH_SIZE } from './object-types.ts';
import { fromIdsOf, noAssociations } from './read-associations.ts';
import { hubspotRequest } from './request.ts';
import { AssociationsAnswer } from './schema.ts';

/** A record to read the associations of: from the start, or from a previous page's `after`. */
export type AssociationInput = { id: string; after?: string };

export type AssociationPage = {
  /** One entry per associated pair in this answer (a pair linked by several types appears once). */
  links: { fromId: string; toId: string }[];
  /** Records with more associations than this answer carried: read them again with `after`. */
  more: { id: string; after: string }[];
};

const PARTIAL_RETRY_ROUNDS = 3;

/**
 * The next page of associations from each input record to records of type `to` (v4 batch read,
 * at most 1,000 inputs: one request, plus bounded retries of inputs a 207 failed).
 */
export async function readAssociationPage(
  hs: HubSpot,
  from: string,
  to: string,
  inputs: readonly AssociationInput[],
): Promise<Result<AssociationPage, StrategyFitError>> {
  if (inputs.length > ASSOCIATION_BATCH_SIZE) {
    return err(
      strategyFitError(
        'invalid_input',
        `An association page reads at most ${ASSOCIATION_BATCH_SIZE} records, not ${inputs.length}.`,
      ),
    );
  }
  const page: AssociationPage = { links: [], more: [] };
  let pending = [...inputs];
  for (let round = 0; pending.length > 0; round += 1) {
    const sent = pending;
    const answer = await hubspotRequest(hs, {
      method: 'POST',
      path: apiPaths.associations(from, to, 'batch', 'read'),
      body: { inputs: sent },
      answer: AssociationsAnswer,
      operation: `reading the ${to} of ${sent.length} ${from}`,
      objectType: from,
    });
    if (!answer.ok) return answer;
    const answered = new Set<string>();
    for (const result of answer.value.results) {
      answered.add(result.fromId);
      for (const target of result.to)
        page.links.push({ fromId: result.fromId, toId: target.toObjectId });
      if (result.nextAfter !== null) page.more.push({ id: result.fromId, after: result.nextAfter });
    }
    const failures = (answer.value.errors ?? []).filter((e) => !noAssociations(e));
    const failedIds = new Set(failures.flatMap((e) => fromIdsOf(e) ?? []));
    const unnamed = failures.some((e) => fromIdsOf(e) === null);
    pending = sent.filter((i) => !answered.has(i.id) && (failedIds.has(i.id) || unnamed));
    if (pending.length > 0 && round >= PARTIAL_RETRY_ROUNDS) {
      return err(
        strategyFitError(
          'hubspot_unavailable',
          `HubSpot kept failing to read the ${to} of ${pending.length} ${from}: ${failures[0]?.message ?? 'no reason given'}`,
          { objectType: from },
        ),
      );
    }
  }
  return ok(page);
}

/** The next page of each company's deals (see readAssociationPage). */
export const readCompanyDealsPage = (
  hs: HubSpot,
  inputs: readonly AssociationInput[],
): Promise<Result<AssociationPage, StrategyFitError>> =>
  readAssociationPage(hs, 'companies', 'deals', inputs);
