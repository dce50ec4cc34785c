// What scoring a deal needs besides the deal (SCORING §7): its company and its line items, read
// for a whole block at once so every batch is full (1,000 associations, 100 records a request).
import { err, LINE_ITEM_PROPERTIES, ok } from '@strategy-fit/core';
import type { Result, StrategyFitError } from '@strategy-fit/core';
import { dealCompanyId, readAssociations, readRecords } from '@strategy-fit/hubspot';
import type { HubSpot, RawRecord } from '@strategy-fit/hubspot';

/** A deal's company (SCORING §7: primary, else lowest id; null without one) and line item ids. */
export type DealLinks = { companyId: string | null; lineItemIds: readonly string[] };

/** Which links of a deal to read: its company (review, simulation), and line items (scoring). */
export type DealLinkKinds = readonly ('companies' | 'line_items')[];

const NONE = new Map<string, { id: string; typeIds: number[] }[]>();

/** Each deal's links (associations v4: one read per kind for up to 1,000 deals). */
export async function readDealLinks(
  hs: HubSpot,
  dealIds: readonly string[],
  kinds: DealLinkKinds = ['companies', 'line_items'],
): Promise<Result<Map<string, DealLinks>, StrategyFitError>> {
  const read = (to: 'companies' | 'line_items') =>
    kinds.includes(to) ? readAssociations(hs, 'deals', to, dealIds) : Promise.resolve(ok(NONE));
  const [companies, lineItems] = await Promise.all([read('companies'), read('line_items')]);
  if (!companies.ok) return companies;
  if (!lineItems.ok) return lineItems;
  return ok(
    new Map(
      dealIds.map((id) => [
        id,
        {
          companyId: dealCompanyId(companies.value.get(id) ?? []),
          lineItemIds: (lineItems.value.get(id) ?? []).map((a) => a.id),
        },
      ]),
    ),
  );
}

/** Companies a walk has just read and scored, kept to score their deals without reading again. */
export type CompanyStore = {
  /** The companies among `ids` that are kept, by id. */
  recall: (ids: readonly string[]) => Promise<Map<string, RawRecord>>;
};

/** The companies and line items of a block of deals, by id. */
export type DealContext = {
  companies: ReadonlyMap<string, RawRecord>;
  lineItems: ReadonlyMap<string, RawRecord>;
};

/**
 * The companies (kept ones from `store`, the others read) and line items of these deals, each
 * read once and in full batches across the block.
 */
export async function readDealContext(
  hs: HubSpot,
  deals: readonly DealLinks[],
  options: { companyProperties: readonly string[]; store?: CompanyStore },
): Promise<Result<DealContext, StrategyFitError>> {
  const companyIds = [
    ...new Set(deals.flatMap((d) => (d.companyId === null ? [] : [d.companyId]))),
  ];
  const lineItemIds = [...new Set(deals.flatMap((d) => d.lineItemIds))];
  const known =
    options.store === undefined
      ? new Map<string, RawRecord>()
      : await options.store.recall(companyIds);
  const missing = companyIds.filter((id) => !known.has(id));
  const [companies, lineItems] = await Promise.all([
    missing.length === 0
      ? Promise.resolve(ok({ records: [] as RawRecord[], missing: [] as string[] }))
      : readRecords(hs, 'companies', missing, options.companyProperties),
    lineItemIds.length === 0
      ? Promise.resolve(ok({ records: [] as RawRecord[], missing: [] as string[] }))
      : readRecords(hs, 'line_items', lineItemIds, LINE_ITEM_PROPERTIES),
  ]);
  if (!companies.ok) return err(companies.error);
  if (!lineItems.ok) return err(lineItems.error);
  for (const r of companies.value.records) known.set(r.id, r);
  return ok({
    companies: known,
    lineItems: new Map(lineItems.value.records.map((r) => [r.id, r])),
  });
}
