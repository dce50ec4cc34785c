import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { DEAL_PIPELINES } from '../catalogue/pipelines-and-owners.ts';
import { COMPETITOR_OPTIONS } from '../catalogue/standard-properties.ts';
import { DAY_MS } from '../store/time.ts';
import {
  generateSeed,
  SEED_PRODUCTS,
  type SeedCompany,
  type SeedDeal,
  type SeedLineItem,
} from './generate-seed.ts';

const OPTIONS = { seed: 11, companies: 2000, deals: 3000, asOf: '2026-11-01' };
const records = [...generateSeed(OPTIONS)];
const companies = records.filter((r): r is SeedCompany => r.kind === 'company');
const deals = records.filter((r): r is SeedDeal => r.kind === 'deal');
const asOf = Date.parse('2026-11-01T00:00:00Z');

const share = (items: readonly unknown[], test: (item: never) => boolean): number =>
  items.filter((item) => test(item as never)).length / items.length;

describe('generateSeed', () => {
  it('is deterministic: the same options give the same records', () => {
    const digest = (list: unknown[]) =>
      createHash('sha256').update(JSON.stringify(list)).digest('hex');
    expect(digest([...generateSeed(OPTIONS)])).toBe(digest(records));
    expect(digest([...generateSeed({ ...OPTIONS, seed: 12 })])).not.toBe(digest(records));
  });

  it('yields the companies first, then the deals', () => {
    expect(companies).toHaveLength(2000);
    expect(deals).toHaveLength(3000);
    expect(records.findIndex((r) => r.kind === 'deal')).toBe(2000);
  });

  it.each([
    ['industry', 0.05, 0.2],
    ['numberofemployees', 0.05, 0.15],
    ['annualrevenue', 0.1, 0.2],
    ['country', 0.04, 0.12],
    ['web_technologies', 0.1, 0.2],
  ])('leaves company %s missing at a realistic rate', (name, low, high) => {
    const missing = share(companies, (c: SeedCompany) => c.properties[name] === undefined);
    expect(missing).toBeGreaterThan(low);
    expect(missing).toBeLessThan(high);
  });

  it('writes about 1–2 % malformed free text (years, country spellings)', () => {
    const years = companies
      .map((c) => c.properties['founded_year'])
      .filter((y): y is string => y !== undefined);
    const malformedYears = share(years, (y: string) => !/^\d{4}$/.test(y));
    expect(malformedYears).toBeGreaterThan(0.005);
    expect(malformedYears).toBeLessThan(0.04);
    const countries = companies
      .map((c) => c.properties['country'])
      .filter((v): v is string => v !== undefined);
    expect(countries).toEqual(expect.arrayContaining(['USA']));
  });

  it('correlates revenue with head count', () => {
    const pairs = companies
      .map(
        (c) =>
          [
            Number(c.properties['numberofemployees']),
            Number(c.properties['annualrevenue']),
          ] as const,
      )
      .filter(([e, r]) => !Number.isNaN(e) && !Number.isNaN(r));
    const small = pairs.filter(([e]) => e <= 50).map(([, r]) => r);
    const large = pairs.filter(([e]) => e > 1000).map(([, r]) => r);
    const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? 0;
    expect(median(large)).toBeGreaterThan(median(small) * 20);
  });

  it('gives deals 0–5 line items, some discounted', () => {
    const counts = deals.map((d) => d.lineItems.length);
    expect(Math.min(...counts)).toBe(0);
    expect(Math.max(...counts)).toBe(5);
    const items = deals.flatMap((d) => d.lineItems);
    const discounted = share(
      items,
      (i: { properties: Record<string, string> }) =>
        i.properties['hs_discount_percentage'] !== undefined ||
        i.properties['discount'] !== undefined,
    );
    expect(discounted).toBeGreaterThan(0.2);
    expect(discounted).toBeLessThan(0.5);
  });

  it('has two years of closed won/lost history and open deals closing in the future', () => {
    const stageOf = (d: SeedDeal) =>
      DEAL_PIPELINES.flatMap((p) => p.stages).find((s) => s.id === d.properties['dealstage']);
    const closed = deals.filter((d) => stageOf(d)?.isClosed === true);
    const won = closed.filter((d) => (stageOf(d)?.probability ?? 0) >= 1);
    expect(won.length / closed.length).toBeGreaterThan(0.15);
    expect(won.length / closed.length).toBeLessThan(0.5);
    expect(Math.min(...deals.map((d) => d.createdAt))).toBeGreaterThan(asOf - 731 * DAY_MS);
    for (const d of closed) expect(Date.parse(d.properties['closedate'] ?? '')).toBeLessThan(asOf);
    const open = deals.filter((d) => stageOf(d)?.isClosed === false);
    expect(
      share(open, (d: SeedDeal) => Date.parse(d.properties['closedate'] ?? '') > asOf),
    ).toBeGreaterThan(0.8);
    expect(new Set(deals.map((d) => d.properties['pipeline']))).toEqual(
      new Set(['default', '19824735']),
    );
  });

  it('links about 97 % of deals to a primary company', () => {
    const withCompany = share(deals, (d: SeedDeal) => d.companyIndex !== null);
    expect(withCompany).toBeGreaterThan(0.94);
    expect(withCompany).toBeLessThan(0.995);
  });
});

describe('generateSeed: the sales context of SCORING §10–§15', () => {
  const stage = (d: SeedDeal) =>
    DEAL_PIPELINES.flatMap((p) => p.stages).find((s) => s.id === d.properties['dealstage']);
  const lost = deals.filter((d) => stage(d)?.isClosed === true && (stage(d)?.probability ?? 0) < 1);
  const items = deals.flatMap((d) => d.lineItems);

  it('line items carry the SKU and the id of a product of the library; a few have no SKU, or no product at all', () => {
    const skus = new Set(SEED_PRODUCTS.map((p) => p.properties['hs_sku']));
    const ids = new Set(SEED_PRODUCTS.map((p) => String(p.id)));
    const withSku = items.filter((i) => i.properties['hs_sku'] !== undefined);
    expect(withSku.every((i) => skus.has(i.properties['hs_sku']))).toBe(true);
    expect(new Set(withSku.map((i) => i.properties['hs_sku']))).toEqual(skus);
    for (const i of withSku) {
      const product = SEED_PRODUCTS.find((p) => p.properties['hs_sku'] === i.properties['hs_sku']);
      expect(i.properties['hs_product_id']).toBe(String(product?.id));
    }
    const legacy = share(
      items,
      (i: SeedLineItem) =>
        i.properties['hs_sku'] === undefined && ids.has(i.properties['hs_product_id'] ?? ''),
    );
    const custom = share(
      items,
      (i: SeedLineItem) =>
        i.properties['hs_sku'] === undefined && i.properties['hs_product_id'] === undefined,
    );
    expect(legacy).toBeGreaterThan(0.01);
    expect(legacy).toBeLessThan(0.06);
    expect(custom).toBeGreaterThan(0.005);
    expect(custom).toBeLessThan(0.04);
  });

  it('deals name competitors from the property’s options, one or two, lost deals more often', () => {
    const options = new Set(COMPETITOR_OPTIONS.map(([v]) => v));
    const named = deals.filter((d) => d.properties['competitors'] !== undefined);
    expect(
      share(deals, (d: SeedDeal) => d.properties['competitors'] !== undefined),
    ).toBeGreaterThan(0.4);
    for (const d of named) {
      const values = (d.properties['competitors'] ?? '').split(';');
      expect(values.length).toBeGreaterThanOrEqual(1);
      expect(values.length).toBeLessThanOrEqual(2);
      expect(values.every((v) => options.has(v as (typeof COMPETITOR_OPTIONS)[number][0]))).toBe(
        true,
      );
    }
    expect(share(lost, (d: SeedDeal) => d.properties['competitors'] !== undefined)).toBeGreaterThan(
      0.6,
    );
  });

  it('lost deals carry closed_lost_reason texts with variants in case and spacing, some empty; other deals none', () => {
    const reasons = lost.map((d) => d.properties['closed_lost_reason']);
    const missing = reasons.filter((r) => r === undefined).length / lost.length;
    expect(missing).toBeGreaterThan(0.08);
    expect(missing).toBeLessThan(0.25);
    const texts = reasons.filter((r): r is string => r !== undefined);
    expect(texts.some((t) => t !== t.trim())).toBe(true);
    expect(texts.some((t) => t === 'price too high')).toBe(true);
    expect(texts.some((t) => t === 'Price too high')).toBe(true);
    expect(
      deals
        .filter((d) => !lost.includes(d))
        .some((d) => d.properties['closed_lost_reason'] !== undefined),
    ).toBe(false);
  });

  it('has existing-business deals (dealtype existingbusiness)', () => {
    const existing = share(deals, (d: SeedDeal) => d.properties['dealtype'] === 'existingbusiness');
    expect(existing).toBeGreaterThan(0.2);
    expect(existing).toBeLessThan(0.35);
  });
});
