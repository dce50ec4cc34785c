import { LINE_ITEM_PROPERTIES, ok, pickDealCompanyId } from '@strategy-fit/core';
import type { Result, StrategyFitError } from '@strategy-fit/core';

import type { HubSpot } from './create-client.ts';
import type { RawRecord } from './object-types.ts';
import { DEAL_TO_PRIMARY_COMPANY, readAssociations } from './read-associations.ts';
import type { Association } from './read-associations.ts';
import { readRecords } from './read-records.ts';

/** The line item properties scoring reads (SCORING §7, §10): the core's one list. */
export { LINE_ITEM_PROPERTIES };

/** SCORING §7: the primary company, else the lowest id, else null. */
export const dealCompanyId = (associations: readonly Association[]): string | null =>
  pickDealCompanyId(
    associations.map((a) => ({ id: a.id, primary: a.typeIds.includes(DEAL_TO_PRIMARY_COMPANY) })),
  );

/** Each deal's company (SCORING §7): primary, else lowest id, else null. */
export async function readDealCompanyIds(
  hs: HubSpot,
  dealIds: readonly string[],
): Promise<Result<Map<string, string | null>, StrategyFitError>> {
  const associations = await readAssociations(hs, 'deals', 'companies', dealIds);
  if (!associations.ok) return associations;
  return ok(new Map(dealIds.map((id) => [id, dealCompanyId(associations.value.get(id) ?? [])])));
}

/** Each deal's line items with the properties scoring reads (deals without any get []). */
export async function readDealLineItems(
  hs: HubSpot,
  dealIds: readonly string[],
): Promise<Result<Map<string, RawRecord[]>, StrategyFitError>> {
  const associations = await readAssociations(hs, 'deals', 'line_items', dealIds);
  if (!associations.ok) return associations;
  const itemIds = [...associations.value.values()].flatMap((list) => list.map((a) => a.id));
  const items = await readRecords(hs, 'line_items', itemIds, LINE_ITEM_PROPERTIES);
  if (!items.ok) return items;
  const byId = new Map(items.value.records.map((r) => [r.id, r]));
  return ok(
    new Map(
      dealIds.map((dealId) => [
        dealId,
        (associations.value.get(dealId) ?? []).flatMap((a) => {
          const item = byId.get(a.id);
          return item === undefined ? [] : [item];
        }),
      ]),
    ),
  );
}
