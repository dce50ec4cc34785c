import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { DEAL_PIPELINES } from '../catalogue/pipelines-and-owners.ts';
import { DAY_MS } from '../store/time.ts';
import { generateSeed, type SeedCompany, type SeedDeal } from './generate-seed.ts';

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
