// Reading and scoring blocks against an in-process sandbox through the real client: deals come
// with their company (SCORING §7) and line items on the list page itself or by one associations
// read per kind after search pages; a block's companies and line items are read once each, in
// full batches, and not at all when a store keeps the companies; the writes are what the core
// computes, diff-only, and never over a record scored by a newer version.
import { readFileSync } from 'node:fs';

import {
  compileStrategy,
  companyFitProperties,
  dealFitProperties,
  diffFitProperties,
  scoreCompany,
  parseStrategy,
  scoreDeal,
  scoringReads,
} from '@strategy-fit/core';
import type { Strategy } from '@strategy-fit/core';
import {
  createHubSpotClient,
  ensureFitProperties,
  readPropertyDefinitions,
  readRecords,
  writeRecords,
} from '@strategy-fit/hubspot';
import type { HubSpot, RawRecord } from '@strategy-fit/hubspot';
import { startSandbox } from '@strategy-fit/sandbox';
import type { RunningSandbox } from '@strategy-fit/sandbox';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { readDealContext, readDealLinks } from './deal-context.ts';
import { recordBlocks } from './read-blocks.ts';
import type { WalkRecord } from './read-blocks.ts';
import { scoreCompanyBlock, scoreDealBlock } from './score-block.ts';
import type { ScoringRun } from './score-block.ts';

const NOW_MS = Date.parse('2026-11-02T09:00:00Z');
const strategy: Strategy = (() => {
  const parsed = parseStrategy(
    readFileSync(
      new URL('../../../../../examples/strategies/02-b2b-saas.json', import.meta.url),
      'utf8',
    ),
  );
  if (!parsed.ok) throw new Error('the example strategy is invalid');
  return parsed.value;
})();

let sandbox: RunningSandbox;
let hs: HubSpot;
let run: ScoringRun;

const must = <T>(r: { ok: true; value: T } | { ok: false; error: unknown }): T => {
  if (!r.ok) throw new Error(JSON.stringify(r.error));
  return r.value;
};

/** The requests the sandbox received while `work` ran, by kind. */
const requestsDuring = async (work: () => Promise<unknown>): Promise<Record<string, number>> => {
  const before = sandbox.control.requestsByKind();
  await work();
  const added: Record<string, number> = {};
  for (const [kind, n] of sandbox.control.requestsByKind()) {
    if (n > (before.get(kind) ?? 0)) added[kind] = n - (before.get(kind) ?? 0);
  }
  return added;
};

beforeAll(async () => {
  sandbox = await startSandbox({
    rateLimit: false,
    seed: { seed: 3, companies: 150, deals: 240, asOf: '2026-11-01' },
  });
  hs = createHubSpotClient({
    accessToken: sandbox.token,
    basePath: sandbox.baseUrl,
    limits: false,
  });
  must(await ensureFitProperties(hs));
  run = {
    hs,
    compiled: compileStrategy(strategy),
    stamp: { version: 3, scoredAt: new Date(NOW_MS).toISOString() },
    nowMs: NOW_MS,
    definitions: {
      companies: must(await readPropertyDefinitions(hs, 'companies')),
      deals: must(await readPropertyDefinitions(hs, 'deals')),
    },
    reads: scoringReads(strategy),
  };
});
afterAll(() => sandbox.close());

describe('reading blocks', () => {
  it('list blocks of deals carry each deal’s company and line items, as associations v4 say; one request a page', async () => {
    const read = recordBlocks(hs, {
      objectType: 'deals',
      properties: ['dealname'],
      where: null,
      links: ['companies', 'line_items'],
    });
    let block: WalkRecord[] = [];
    const sent = await requestsDuring(async () => {
      block = must(await read(null)).items;
    });
    expect(block).toHaveLength(240);
    expect(sent).toEqual({ 'list deals': 3 });
    const links = must(
      await readDealLinks(
        hs,
        block.map((d) => d.id),
      ),
    );
    for (const d of block) {
      expect({ companyId: d.companyId, lineItemIds: [...d.lineItemIds].sort() }).toEqual({
        companyId: links.get(d.id)?.companyId,
        lineItemIds: [...(links.get(d.id)?.lineItemIds ?? [])].sort(),
      });
    }
    expect(block.filter((d) => d.companyId === null).length).toBeGreaterThan(0);
  });

  it('search blocks of up to 1,000 deals read their links in one associations read per kind', async () => {
    const read = recordBlocks(
      hs,
      {
        objectType: 'deals',
        properties: ['dealname'],
        where: { kind: 'staleVersion', version: 1 },
        links: ['companies', 'line_items'],
      },
      { blockSize: 200 },
    );
    const sent = await requestsDuring(async () => {
      const first = must(await read(null));
      expect(first.items).toHaveLength(200);
      expect(first.remaining).toBe(40);
      const second = must(await read(first.next));
      expect([second.items.length, second.next]).toEqual([40, null]);
    });
    expect(sent).toEqual({
      'search deals': 2,
      'associations deals→companies': 2,
      'associations deals→line_items': 2,
    });
  });
});

describe('scoring blocks', () => {
  it('writes what the core computes for companies and for deals with their companies and line items; again, nothing', async () => {
    const companies = must(
      await recordBlocks(hs, {
        objectType: 'companies',
        properties: run.reads.companies,
        where: null,
      })(null),
    ).items;
    const deals = must(
      await recordBlocks(hs, {
        objectType: 'deals',
        properties: run.reads.deals,
        where: null,
        links: ['companies', 'line_items'],
      })(null),
    ).items;
    expect(must(await scoreCompanyBlock(run, companies))).toMatchObject({
      scanned: 150,
      changed: 150,
    });
    const sent = await requestsDuring(async () => {
      expect(must(await scoreDealBlock(run, deals))).toMatchObject({ scanned: 240, changed: 240 });
    });
    // The block's companies and line items once each, in full batches of 100; deals written by 100.
    const context = must(
      await readDealContext(hs, deals, { companyProperties: run.reads.companies }),
    );
    expect(sent).toEqual({
      'batch read companies': Math.ceil(context.companies.size / 100),
      'batch read line_items': Math.ceil(context.lineItems.size / 100),
      'batch update deals': 3,
    });

    // Every stored value is what the core computes from the records read back.
    const read = async (type: 'companies' | 'deals', ids: string[]) =>
      must(
        await readRecords(
          hs,
          type,
          ids,
          type === 'companies' ? run.reads.companies : run.reads.deals,
        ),
      ).records;
    const storedCompanies = new Map(
      (
        await read(
          'companies',
          companies.map((c) => c.id),
        )
      ).map((r) => [r.id, r]),
    );
    for (const c of storedCompanies.values()) {
      const facts = {
        id: c.id,
        properties: c.properties,
        definitions: run.definitions.companies,
        nowMs: NOW_MS,
      };
      expect(
        diffFitProperties(
          c.properties,
          companyFitProperties(scoreCompany(run.compiled, facts), run.stamp),
        ),
      ).toBeNull();
    }
    for (const d of await read(
      'deals',
      deals.map((x) => x.id),
    )) {
      const own = deals.find((x) => x.id === d.id);
      const company =
        own?.companyId === null || own === undefined
          ? undefined
          : storedCompanies.get(own.companyId);
      const companyFacts =
        company === undefined
          ? null
          : {
              id: company.id,
              properties: company.properties,
              definitions: run.definitions.companies,
              nowMs: NOW_MS,
            };
      const score = scoreDeal(run.compiled, {
        deal: {
          id: d.id,
          properties: d.properties,
          definitions: run.definitions.deals,
          nowMs: NOW_MS,
        },
        company:
          companyFacts === null
            ? null
            : { facts: companyFacts, score: scoreCompany(run.compiled, companyFacts) },
        lineItems: (own?.lineItemIds ?? []).map((id) => ({
          id,
          properties: context.lineItems.get(id)?.properties ?? {},
        })),
        nowMs: NOW_MS,
      });
      expect(diffFitProperties(d.properties, dealFitProperties(score, run.stamp))).toBeNull();
    }

    const again = await requestsDuring(async () => {
      expect(must(await scoreDealBlock(run, (await listFresh()).deals))).toMatchObject({
        changed: 0,
        unchanged: 240,
      });
    });
    expect(again['batch update deals']).toBeUndefined();
  });

  it('companies a store keeps are not read again for their deals', async () => {
    const { deals, companies } = await listFresh();
    const kept = new Map(companies.map((c): [string, RawRecord] => [c.id, c]));
    const sent = await requestsDuring(async () => {
      must(
        await scoreDealBlock(
          {
            ...run,
            companies: {
              recall: async (ids) =>
                new Map(
                  ids.flatMap((id) => {
                    const c = kept.get(id);
                    return c === undefined ? [] : [[id, c] as const];
                  }),
                ),
            },
          },
          deals,
        ),
      );
    });
    expect(sent['batch read companies']).toBeUndefined();
    expect(sent['batch read line_items']).toBeGreaterThan(0);
  });

  it('a record scored by a newer strategy version is left as it is', async () => {
    const { companies } = await listFresh();
    const [first, second] = companies;
    if (first === undefined || second === undefined) throw new Error('no companies');
    must(
      await writeRecords(hs, 'companies', [
        { id: first.id, properties: { strategy_fit_version: '4', strategy_fit_tier: 'refused' } },
        { id: second.id, properties: { strategy_fit_version: '2', strategy_fit_tier: 'refused' } },
      ]),
    );
    const fresh = (await listFresh()).companies.filter(
      (c) => c.id === first.id || c.id === second.id,
    );
    const outcome = must(await scoreCompanyBlock(run, fresh));
    expect(outcome).toMatchObject({ scanned: 2, changed: 1, unchanged: 1 });
    const stored = must(
      await readRecords(hs, 'companies', [first.id, second.id], ['strategy_fit_version']),
    ).records.map((r) => [r.id, r.properties['strategy_fit_version']]);
    expect(stored).toEqual([
      [first.id, '4'],
      [second.id, '3'],
    ]);
  });
});

/** Every company and deal (one block each), as a run reads them. */
async function listFresh(): Promise<{ companies: WalkRecord[]; deals: WalkRecord[] }> {
  const [companies, deals] = await Promise.all([
    recordBlocks(hs, { objectType: 'companies', properties: run.reads.companies, where: null })(
      null,
    ),
    recordBlocks(hs, {
      objectType: 'deals',
      properties: run.reads.deals,
      where: null,
      links: ['companies', 'line_items'],
    })(null),
  ]);
  return { companies: must(companies).items, deals: must(deals).items };
}
