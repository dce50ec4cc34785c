// Writes generated seed records into the store through the same validation as API writes,
// in transactions of a few thousand records.
import { COMPANIES, DEALS, LINE_ITEMS, PRODUCTS } from '../catalogue/object-types.ts';
import type { SeedOptions } from '../schema.ts';
import type { CrmStore } from '../store/crm-store.ts';
import { DAY_MS } from '../store/time.ts';
import { generateSeed, SEED_PRODUCTS, seedAsOf, type SeedDeal } from './generate-seed.ts';

const CHUNK = 5000;
const DEAL_TO_COMPANY_PRIMARY = 5;
const DEAL_TO_COMPANY = 341;
const DEAL_TO_LINE_ITEM = 19;

export type SeedSummary = {
  products: number;
  companies: number;
  deals: number;
  lineItems: number;
  durationMs: number;
};

/** Fills an empty store from `generateSeed(options)`; throws if a generated record is invalid (a bug). */
export function seedStore(store: CrmStore, options: SeedOptions): SeedSummary {
  const started = performance.now();
  const companyIds = new Float64Array(options.companies);
  const summary = { products: 0, companies: 0, deals: 0, lineItems: 0 };
  // The product library first, at its catalogue ids: no other record's id changes.
  const libraryAt = seedAsOf(options) - 3 * 365 * DAY_MS;
  store.persistence.transaction(() => {
    for (const product of SEED_PRODUCTS) {
      const prepared = store.prepareWrite(PRODUCTS, product.properties, undefined);
      if (!prepared.ok)
        throw new Error(`seed produced an invalid product: ${JSON.stringify(prepared.issues)}`);
      store.insert(PRODUCTS, prepared.changes, {
        createdAt: libraryAt,
        updatedAt: libraryAt,
        catalogueId: product.id,
      });
      summary.products += 1;
    }
  });
  const records = generateSeed(options);
  let done = false;
  while (!done) {
    store.persistence.transaction(() => {
      for (let n = 0; n < CHUNK; n += 1) {
        const next = records.next();
        if (next.done === true) {
          done = true;
          return;
        }
        const record = next.value;
        if (record.kind === 'company') {
          const row = insertChecked(
            store,
            'company',
            record.properties,
            record.createdAt,
            record.updatedAt,
            COMPANIES,
          );
          companyIds[record.index] = store.table(COMPANIES).ids[row] ?? 0;
          summary.companies += 1;
        } else {
          summary.lineItems += insertDeal(store, record, companyIds);
          summary.deals += 1;
        }
      }
    });
  }
  return { ...summary, durationMs: Math.round(performance.now() - started) };
}

function insertChecked(
  store: CrmStore,
  what: string,
  properties: Record<string, string>,
  createdAt: number,
  updatedAt: number,
  info: typeof COMPANIES,
): number {
  const prepared = store.prepareWrite(info, properties, undefined);
  if (!prepared.ok)
    throw new Error(`seed produced an invalid ${what}: ${JSON.stringify(prepared.issues)}`);
  return store.insert(info, prepared.changes, { createdAt, updatedAt });
}

function insertDeal(store: CrmStore, deal: SeedDeal, companyIds: Float64Array): number {
  const row = insertChecked(store, 'deal', deal.properties, deal.createdAt, deal.updatedAt, DEALS);
  const dealId = store.table(DEALS).ids[row] ?? 0;
  const primary = store.associations.type(DEAL_TO_COMPANY_PRIMARY);
  const unlabeled = store.associations.type(DEAL_TO_COMPANY);
  const toLineItem = store.associations.type(DEAL_TO_LINE_ITEM);
  if (primary === undefined || unlabeled === undefined || toLineItem === undefined) {
    throw new Error('standard association types missing');
  }
  if (deal.companyIndex !== null)
    store.associate(primary, dealId, companyIds[deal.companyIndex] ?? 0);
  if (deal.otherCompanyIndex !== null && deal.otherCompanyIndex !== deal.companyIndex) {
    store.associate(unlabeled, dealId, companyIds[deal.otherCompanyIndex] ?? 0);
  }
  for (const item of deal.lineItems) {
    const itemRow = insertChecked(
      store,
      'line item',
      item.properties,
      deal.createdAt,
      deal.createdAt,
      LINE_ITEMS,
    );
    store.associate(toLineItem, dealId, store.table(LINE_ITEMS).ids[itemRow] ?? 0);
  }
  return deal.lineItems.length;
}
