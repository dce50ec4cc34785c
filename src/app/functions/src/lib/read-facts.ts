// The reads of one call, as few sequential round trips as the data allows (independent reads run
// together), through the walk's own reading of records for scoring (@strategy-fit/walk): a
// company needs the strategy before its record (which properties to read); a deal's links (its
// company and line items) do not, and its company and line items are read with the deal.
//   deal, warm container:  [strategy version ‖ deal links] → [deal ‖ company ‖ line items]
//   cold container: + the store lookup and definitions in the first round, the strategy in the second.
import { err, ok, strategyFitError } from '@strategy-fit/core';
import type { LineItemFacts, RecordFacts, Result, StrategyFitError } from '@strategy-fit/core';
import { readRecords } from '@strategy-fit/hubspot';
import { readDealContext, readDealLinks } from '@strategy-fit/walk';

import type { ActiveStrategy } from './active-strategy.ts';
import type { Runtime } from './runtime.ts';

const WORDS = { companies: 'company', deals: 'deal' } as const;

const notFound = (objectType: 'companies' | 'deals', id: string): StrategyFitError =>
  strategyFitError(
    'record_not_found',
    `HubSpot has no ${WORDS[objectType]} ${id} (deleted or merged?). Refresh the page.`,
    { objectType, recordId: id },
  );

/** One record's property bag; `record_not_found` when HubSpot does not know the id. */
export async function readRecordProperties(
  rt: Runtime,
  objectType: 'companies' | 'deals',
  id: string,
  properties: readonly string[],
): Promise<Result<RecordFacts['properties'], StrategyFitError>> {
  const read = await readRecords(rt.hs, objectType, [id], properties);
  if (!read.ok) return read;
  const record = read.value.records[0];
  return record === undefined ? err(notFound(objectType, id)) : ok(record.properties);
}

export type CompanyRead = { active: ActiveStrategy; company: RecordFacts };

/** A company, with the properties the current strategy reads and its stored fit. */
export async function readCompanyForScoring(
  rt: Runtime,
  companyId: string,
): Promise<Result<CompanyRead, StrategyFitError>> {
  const nowMs = rt.now();
  const [record, definitions] = await Promise.all([
    rt.strategies
      .current()
      .then(async (active) =>
        active.ok
          ? readRecordProperties(rt, 'companies', companyId, active.value.reads.companies).then(
              (p) => (p.ok ? ok({ active: active.value, properties: p.value }) : p),
            )
          : active,
      ),
    rt.definitions.read('companies'),
  ]);
  if (!record.ok) return record;
  if (!definitions.ok) return definitions;
  const { active, properties } = record.value;
  return ok({
    active,
    company: { id: companyId, properties, definitions: definitions.value, nowMs },
  });
}

export type DealRead = {
  active: ActiveStrategy;
  deal: RecordFacts;
  company: RecordFacts | null;
  lineItems: LineItemFacts[];
};

/**
 * A deal, its company (primary, else lowest id, SCORING §7) and line items, with the properties
 * the current strategy reads; `extraDealProperties` are read along (the exception history).
 */
export async function readDealForScoring(
  rt: Runtime,
  dealId: string,
  extraDealProperties: readonly string[] = [],
): Promise<Result<DealRead, StrategyFitError>> {
  const nowMs = rt.now();
  const [active, links, dealDefinitions, companyDefinitions] = await Promise.all([
    rt.strategies.current(),
    readDealLinks(rt.hs, [dealId]),
    rt.definitions.read('deals'),
    rt.definitions.read('companies'),
  ]);
  if (!active.ok) return active;
  if (!links.ok) return links;
  if (!dealDefinitions.ok) return dealDefinitions;
  if (!companyDefinitions.ok) return companyDefinitions;
  const dealLinks = links.value.get(dealId) ?? { companyId: null, lineItemIds: [] };
  const [deal, context] = await Promise.all([
    readRecordProperties(rt, 'deals', dealId, [
      ...active.value.reads.deals,
      ...extraDealProperties,
    ]),
    readDealContext(rt.hs, [dealLinks], { companyProperties: active.value.reads.companies }),
  ]);
  if (!deal.ok) return deal;
  if (!context.ok) return context;
  const company =
    dealLinks.companyId === null ? undefined : context.value.companies.get(dealLinks.companyId);
  return ok({
    active: active.value,
    deal: { id: dealId, properties: deal.value, definitions: dealDefinitions.value, nowMs },
    // A company that no longer exists counts as none ("no associated company").
    company:
      company === undefined
        ? null
        : {
            id: company.id,
            properties: company.properties,
            definitions: companyDefinitions.value,
            nowMs,
          },
    lineItems: dealLinks.lineItemIds.flatMap((id) => {
      const item = context.value.lineItems.get(id);
      return item === undefined ? [] : [{ id, properties: item.properties }];
    }),
  });
}
