import type { RunningSandbox } from '@strategy-fit/sandbox';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import type { HubSpot } from './create-client.ts';
import { ensureFitProperties } from './ensure-fit-properties.ts';
import type { ObjectType, RawRecord } from './object-types.ts';
import {
  connect,
  raw,
  startTestSandbox,
  value,
} from '../../../../../test/support/hubspot/sandbox.ts';
import { searchRecords } from './search-records.ts';
import type { SearchWhere } from './search-records.ts';
import { writeRecords } from './write-records.ts';

/** Every page of a search; `onPage` runs between pages (to change records while reading). */
async function searchAll(
  hs: HubSpot,
  objectType: ObjectType,
  where: SearchWhere,
  onPage: (records: RawRecord[]) => Promise<void> = async () => {},
): Promise<{ ids: string[]; pages: number; totals: number[] }> {
  const ids: string[] = [];
  const totals: number[] = [];
  let cursor: string | undefined;
  let pages = 0;
  do {
    const page = value(
      await searchRecords(hs, {
        objectType,
        properties: ['strategy_fit_version'],
        where,
        ...(cursor === undefined ? {} : { cursor }),
      }),
    );
    ids.push(...page.records.map((r) => r.id));
    totals.push(page.total);
    pages += 1;
    await onPage(page.records);
    cursor = page.nextCursor ?? undefined;
  } while (cursor !== undefined);
  return { ids, pages, totals };
}

describe('searchRecords on a small portal', () => {
  let sandbox: RunningSandbox;
  let hs: HubSpot;

  beforeAll(async () => {
    sandbox = await startTestSandbox();
    hs = connect(sandbox).hs;
    value(await ensureFitProperties(hs));
  });
  afterAll(() => sandbox.close());

  it('finds records modified since a moment (hs_lastmodifieddate)', async () => {
    const since = Date.now() - 1_000;
    expect(
      value(
        await searchRecords(hs, {
          objectType: 'companies',
          properties: [],
          where: { kind: 'modifiedSince', sinceMs: since },
        }),
      ).total,
    ).toBe(0);
    value(
      await writeRecords(hs, 'companies', [
        { id: '1003', properties: { strategy_fit_reason: 'x' } },
      ]),
    );
    const page = value(
      await searchRecords(hs, {
        objectType: 'companies',
        properties: [],
        where: { kind: 'modifiedSince', sinceMs: since },
      }),
    );
    expect(page.records.map((r) => r.id)).toEqual(['1003']);
  });

  it('finds records scored by an older version or never scored', async () => {
    value(
      await writeRecords(hs, 'companies', [
        { id: '1001', properties: { strategy_fit_version: '3' } },
        { id: '1002', properties: { strategy_fit_version: '2' } },
      ]),
    );
    const stale = await searchAll(hs, 'companies', { kind: 'staleVersion', version: 3 });
    expect(stale.ids).toHaveLength(59);
    expect(stale.ids).toContain('1002');
    expect(stale.ids).not.toContain('1001');
  });

  it('searches with filter groups (OR of ANDs) in id order', async () => {
    const where: SearchWhere = {
      kind: 'filters',
      filterGroups: [
        { filters: [{ propertyName: 'hs_object_id', operator: 'IN', values: ['1010', '1004'] }] },
        { filters: [{ propertyName: 'hs_object_id', operator: 'EQ', value: '1007' }] },
      ],
    };
    expect((await searchAll(hs, 'companies', where)).ids).toEqual(['1004', '1007', '1010']);
  });

  it('refuses more filters than HubSpot takes (one per group is kept for paging) and foreign cursors', async () => {
    const filter = { propertyName: 'name', operator: 'HAS_PROPERTY' } as const;
    const full = await searchRecords(hs, {
      objectType: 'companies',
      properties: [],
      where: {
        kind: 'filters',
        filterGroups: [{ filters: Array.from({ length: 10 }, () => filter) }],
      },
    });
    expect(full.ok ? null : full.error.code).toBe('invalid_input');
    const cursor = await searchRecords(hs, {
      objectType: 'companies',
      properties: [],
      where: { kind: 'filters', filterGroups: [] },
      cursor: 'page-2',
    });
    expect(cursor.ok ? null : cursor.error.code).toBe('invalid_input');
  });
});

// 10,250 companies and no deals: just past HubSpot's 10,000-result cap, seeded in well under a
// second (measured with the test below), without rate limits.
describe('searchRecords past the 10,000-result cap', () => {
  const COMPANIES = 10_250;
  let sandbox: RunningSandbox;
  let hs: HubSpot;

  beforeAll(async () => {
    sandbox = await startTestSandbox({
      seed: { seed: 3, companies: COMPANIES, deals: 0, asOf: '2026-11-01' },
    });
    hs = connect(sandbox).hs;
    value(await ensureFitProperties(hs));
  });
  afterAll(() => sandbox.close());

  it('the cap is real: the sandbox refuses to page a query past 10,000 results', async () => {
    const refused = await raw(sandbox, 'POST', '/crm/v3/objects/companies/search', {
      limit: 200,
      after: '10000',
    });
    expect(refused.status).toBe(400);
  });

  it('returns every record exactly once, past the cap, with a constant total', async () => {
    const all = await searchAll(hs, 'companies', { kind: 'filters', filterGroups: [] });
    expect(all.ids).toHaveLength(COMPANIES);
    expect(new Set(all.ids).size).toBe(COMPANIES);
    expect(all.pages).toBe(Math.ceil(COMPANIES / 200));
    expect(new Set(all.totals)).toEqual(new Set([COMPANIES]));
  });

  it('a stale scan that scores as it reads still sees every record once (records leave the result set)', async () => {
    const seen = await searchAll(
      hs,
      'companies',
      { kind: 'staleVersion', version: 1 },
      async (records) => {
        const written = value(
          await writeRecords(
            hs,
            'companies',
            records.map((r) => ({ id: r.id, properties: { strategy_fit_version: '1' } })),
          ),
        );
        expect(written.failed).toEqual([]);
      },
    );
    expect(seen.ids).toHaveLength(COMPANIES);
    expect(new Set(seen.ids).size).toBe(COMPANIES);
    expect(new Set(seen.totals)).toEqual(new Set([COMPANIES]));
    const after = value(
      await searchRecords(hs, {
        objectType: 'companies',
        properties: [],
        where: { kind: 'staleVersion', version: 1 },
      }),
    );
    expect(after.total).toBe(0);
  });
});
