// One list page of every record of a type (the list API: no search limits, no cap). Asked for
// associations, each record carries its associated ids from the same request (a page of deals
// with its companies and line items); a record with more associations than HubSpot embeds
// (`paging` in its association) is read again through the associations API for that type only.
import { ok, pickDealCompanyId } from '@strategy-fit/core';
import type { Result, StrategyFitError } from '@strategy-fit/core';

import { apiPaths } from './api-paths.ts';
import type { HubSpot } from './create-client.ts';
import { LIST_PAGE_SIZE } from './object-types.ts';
import type { ObjectType, RawRecord } from './object-types.ts';
import { DEAL_TO_PRIMARY_COMPANY, readAssociations } from './read-associations.ts';
import type { Association } from './read-associations.ts';
import { hubspotRequest } from './request.ts';
import { ListWithAssociationsAnswer } from './schema.ts';

/** An associated record: its id, and whether the link is primary. */
export type Linked = { id: string; primary: boolean };

export type LinkedRecord = RawRecord & {
  /** By associated object type asked for (`companies`, `line_items`): every associated record. */
  links: Readonly<Record<string, readonly Linked[]>>;
};

export type ListRecordsOptions = {
  objectType: ObjectType;
  properties: readonly string[];
  /** Object types whose associated ids each record carries, e.g. ['companies', 'line_items']. */
  associations?: readonly ObjectType[];
  /** The cursor of the previous page; omit for the first. */
  after?: string;
  /** At most 100 (HubSpot's list limit); default 100. */
  limit?: number;
};

const SINGULAR: Record<ObjectType, string> = {
  companies: 'company',
  deals: 'deal',
  line_items: 'line_item',
};

/**
 * HubSpot's type name of a primary company link embedded in a read (`deal_to_company`; an
 * unlabeled link is `deal_to_company_unlabeled`).
 */
const primaryTypeName = (from: ObjectType, to: ObjectType): string =>
  `${SINGULAR[from]}_to_${SINGULAR[to]}`;

const fromV4 = (list: readonly Association[]): Linked[] =>
  list.map((a) => ({ id: a.id, primary: a.typeIds.includes(DEAL_TO_PRIMARY_COMPANY) }));

/**
 * One page of records in id order, each with the associated ids asked for (one request, plus
 * an associations read for the rare record with more than HubSpot embeds).
 */
export async function listRecords(
  hs: HubSpot,
  options: ListRecordsOptions,
): Promise<Result<{ records: LinkedRecord[]; nextAfter: string | null }, StrategyFitError>> {
  const limit = Math.max(1, Math.min(LIST_PAGE_SIZE, Math.floor(options.limit ?? LIST_PAGE_SIZE)));
  const associations = options.associations ?? [];
  const answer = await hubspotRequest(hs, {
    method: 'GET',
    path: apiPaths.objects(options.objectType),
    query: {
      limit,
      after: options.after,
      properties: options.properties,
      associations: associations.length === 0 ? undefined : associations,
      archived: false,
    },
    answer: ListWithAssociationsAnswer,
    operation: `listing ${options.objectType}`,
    objectType: options.objectType,
  });
  if (!answer.ok) return answer;
  const records: LinkedRecord[] = [];
  const truncated = new Map<ObjectType, string[]>();
  for (const r of answer.value.results) {
    const links: Record<string, Linked[]> = {};
    for (const to of associations) {
      const embedded = r.associations[to];
      if (embedded?.more === true) truncated.set(to, [...(truncated.get(to) ?? []), r.id]);
      const primary = primaryTypeName(options.objectType, to);
      const byId = new Map<string, boolean>();
      for (const { id, type } of embedded?.results ?? []) {
        byId.set(id, (byId.get(id) ?? false) || (to === 'companies' && type === primary));
      }
      links[to] = [...byId].map(([id, isPrimary]) => ({ id, primary: isPrimary }));
    }
    records.push({ id: r.id, properties: r.properties, updatedAt: r.updatedAt, links });
  }
  for (const [to, ids] of truncated) {
    const full = await readAssociations(hs, options.objectType, to, ids);
    if (!full.ok) return full;
    for (const record of records) {
      const list = full.value.get(record.id);
      if (list !== undefined) (record.links as Record<string, Linked[]>)[to] = fromV4(list);
    }
  }
  return ok({ records, nextAfter: answer.value.paging });
}

/** SCORING §7: a record's company from its links: the primary, else the lowest id, else null. */
export const companyOfLinks = (links: readonly Linked[] | undefined): string | null =>
  pickDealCompanyId(links ?? []);
