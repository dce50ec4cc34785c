import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from '@hubspot/api-client';
import { afterAll, describe, expect, it } from 'vitest';
import { PRODUCT_ID_BASE, SEED_PRODUCTS, startSandbox } from '../src/index.ts';
import { AS_OF, raw, startTestSandbox } from './harness.ts';

const dataDir = mkdtempSync(join(tmpdir(), 'sandbox-products-'));
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

describe('the product library (products, 0-7)', () => {
  it('serves the seeded products with name, price and SKU at their catalogue ids', async () => {
    const sandbox = await startTestSandbox();
    try {
      expect(sandbox.seeded?.products).toBe(SEED_PRODUCTS.length);
      const client = new Client({ accessToken: sandbox.token, basePath: sandbox.baseUrl });
      const page = await client.crm.products.basicApi.getPage(100, undefined, [
        'name',
        'price',
        'hs_sku',
      ]);
      expect(
        page.results.map((p) => [
          p.id,
          p.properties['name'],
          p.properties['price'],
          p.properties['hs_sku'],
        ]),
      ).toEqual(
        SEED_PRODUCTS.map((p) => [
          String(p.id),
          p.properties['name'],
          p.properties['price'],
          p.properties['hs_sku'],
        ]),
      );
      const dated = await raw(
        sandbox,
        'GET',
        `/crm/objects/2026-09/products/${PRODUCT_ID_BASE}?properties=hs_sku`,
      );
      expect(dated.status).toBe(200);
      expect(dated.json['properties']).toMatchObject({ hs_sku: 'PLAT-ANNUAL' });
      // Line items name the product by its id and carry its SKU.
      const items = await raw(
        sandbox,
        'GET',
        '/crm/objects/2026-09/line_items?limit=100&properties=hs_sku,hs_product_id',
      );
      const results = items.json['results'] as { properties: Record<string, string | null> }[];
      const withSku = results.filter((r) => r.properties['hs_sku'] !== null);
      expect(withSku.length).toBeGreaterThan(0);
      for (const r of withSku) {
        const product = SEED_PRODUCTS.find(
          (p) => p.properties['hs_sku'] === r.properties['hs_sku'],
        );
        expect(r.properties['hs_product_id']).toBe(String(product?.id));
      }
    } finally {
      await sandbox.close();
    }
  });

  it('seeding the library moves no other id: the first company is still 1001, and after a restart new records follow the seeded ones', async () => {
    const first = await startSandbox({
      dataDir,
      rateLimit: false,
      seed: { seed: 3, companies: 5, deals: 5, asOf: AS_OF },
    });
    const client = new Client({ accessToken: first.token, basePath: first.baseUrl });
    const companies = await client.crm.companies.basicApi.getPage(1);
    expect(companies.results[0]?.id).toBe('1001');
    await first.close();
    const second = await startSandbox({ dataDir, rateLimit: false });
    const again = new Client({ accessToken: second.token, basePath: second.baseUrl });
    const created = await again.crm.companies.basicApi.create({
      properties: { name: 'After restart' },
      associations: [],
    });
    expect(Number(created.id)).toBeLessThan(PRODUCT_ID_BASE);
    expect(Number(created.id)).toBeGreaterThan(1001);
    await second.close();
  });
});
