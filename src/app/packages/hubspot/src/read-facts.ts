// Facts of a single record for the app functions: the record, its property definitions and, for a
// deal, its company and line items, in two sequential round trips (definitions are cached).
import { ok } from '@strategy-fit/core';
import type { LineItemFacts, RecordFacts, Result, StrategyFitError } from '@strategy-fit/core';

import { apiPaths } from './api-paths.ts';
import type { HubSpot } from './create-client.ts';
import type { ObjectType, RawRecord } from './object-types.ts';
import { readAssociations } from './read-associations.ts';
import { dealCompanyId, LINE_ITEM_PROPERTIES } from './read-deal-associations.ts';
import { readPropertyDefinitions } from './read-property-definitions.ts';
import { readRecords } from './read-records.ts';
import { hubspotRequest } from './request.ts';
import { HsObject } from './schema.ts';

export type FactsOptions = {
  /** "now" of the facts (epoch ms); default the clock. */
  nowMs?: number;
};

/** One record by id with the given properties. */
export function readRecord(
  hs: HubSpot,
  objectType: ObjectType,
  id: string,
  properties: readonly string[],
): Promise<Result<RawRecord, StrategyFitError>> {
  return hubspotRequest(hs, {
    method: 'GET',
    path: apiPaths.objects(objectType, id),
    query: { properties, archived: false },
    answer: HsObject,
    operation: `reading ${objectType} ${id}`,
    objectType,
    recordId: id,
  });
}

/** A company with its property values and definitions. */
export async function readCompanyFacts(
  hs: HubSpot,
  companyId: string,
  properties: readonly string[],
  options: FactsOptions = {},
): Promise<Result<RecordFacts, StrategyFitError>> {
  const nowMs = options.nowMs ?? Date.now();
  const [record, definitions] = await Promise.all([
    readRecord(hs, 'companies', companyId, properties),
    readPropertyDefinitions(hs, 'companies'),
  ]);
  if (!record.ok) return record;
  if (!definitions.ok) return definitions;
  return ok({
    id: record.value.id,
    properties: record.value.properties,
    definitions: definitions.value,
    nowMs,
  });
}

export type DealFactsOptions = FactsOptions & {
  dealProperties: readonly string[];
  companyProperties: readonly string[];
};

/** A deal, its company (primary, else lowest id; null without one) and its line items. */
export async function readDealFacts(
  hs: HubSpot,
  dealId: string,
  options: DealFactsOptions,
): Promise<
  Result<
    { deal: RecordFacts; company: RecordFacts | null; lineItems: LineItemFacts[] },
    StrategyFitError
  >
> {
  const nowMs = options.nowMs ?? Date.now();
  const [deal, dealDefinitions, companyDefinitions, companies, items] = await Promise.all([
    readRecord(hs, 'deals', dealId, options.dealProperties),
    readPropertyDefinitions(hs, 'deals'),
    readPropertyDefinitions(hs, 'companies'),
    readAssociations(hs, 'deals', 'companies', [dealId]),
    readAssociations(hs, 'deals', 'line_items', [dealId]),
  ]);
  if (!deal.ok) return deal;
  if (!dealDefinitions.ok) return dealDefinitions;
  if (!companyDefinitions.ok) return companyDefinitions;
  if (!companies.ok) return companies;
  if (!items.ok) return items;
  const companyId = dealCompanyId(companies.value.get(dealId) ?? []);
  const itemIds = (items.value.get(dealId) ?? []).map((a) => a.id);
  const [company, lineItems] = await Promise.all([
    companyId === null
      ? Promise.resolve(ok(null))
      : readRecord(hs, 'companies', companyId, options.companyProperties),
    readRecords(hs, 'line_items', itemIds, LINE_ITEM_PROPERTIES),
  ]);
  if (!company.ok) return company;
  if (!lineItems.ok) return lineItems;
  return ok({
    deal: {
      id: deal.value.id,
      properties: deal.value.properties,
      definitions: dealDefinitions.value,
      nowMs,
    },
    company:
      company.value === null
        ? null
        : {
            id: company.value.id,
            properties: company.value.properties,
            definitions: companyDefinitions.value,
            nowMs,
          },
    lineItems: lineItems.value.records.map((r) => ({ id: r.id, properties: r.properties })),
  });
}
