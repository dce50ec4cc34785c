// The portal's product library (HubSpot's products, object 0-7) for the editor's offers picker:
// name and SKU of each, through the dated objects API (`GET /crm/objects/2026-09/products`,
// scope crm.objects.products.read), page after page up to `max`.
import { ok } from '@strategy-fit/core';
import type { EditorProduct, Result, StrategyFitError } from '@strategy-fit/core';

import { apiPaths } from './api-paths.ts';
import type { HubSpot } from './create-client.ts';
import { LIST_PAGE_SIZE } from './object-types.ts';
import { hubspotRequest } from './request.ts';
import { ListAnswer } from './schema.ts';

const PRODUCT_PROPERTIES = ['name', 'hs_sku'] as const;

const text = (value: string | null | undefined): string | null =>
  value === null || value === undefined || value.trim() === '' ? null : value.trim();

/** Every product (at most `max`, `truncated` when there are more), sorted by name. */
export async function listProducts(
  hs: HubSpot,
  max: number,
): Promise<Result<{ products: EditorProduct[]; truncated: boolean }, StrategyFitError>> {
  const products: EditorProduct[] = [];
  let after: string | undefined;
  do {
    const cursor = after;
    const page = await hubspotRequest(hs, {
      method: 'GET',
      path: apiPaths.objects('products'),
      query: {
        limit: LIST_PAGE_SIZE,
        after: cursor,
        properties: PRODUCT_PROPERTIES,
        archived: false,
      },
      answer: ListAnswer,
      operation: 'listing the product library',
      objectType: 'products',
    });
    if (!page.ok) return page;
    for (const record of page.value.results) {
      products.push({
        id: record.id,
        name: text(record.properties['name']) ?? `Product ${record.id}`,
        sku: text(record.properties['hs_sku']),
      });
    }
    after = page.value.paging ?? undefined;
  } while (after !== undefined && products.length < max);
  const sorted = products.sort((a, b) => a.name.localeCompare(b.name) || a.id.localeCompare(b.id));
  return ok({
    products: sorted.slice(0, max),
    truncated: after !== undefined || sorted.length > max,
  });
}
