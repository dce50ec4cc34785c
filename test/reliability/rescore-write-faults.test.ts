// rescore_stale (the review page's chunked rescore) when HubSpot fails its writes: through the
// real entry (`main`, HubSpot's budgets and pacing) against a seeded sandbox with fault plans on
// the batch updates. A run names each record it could not write exactly once, and exactly the
// records it left stale; every other stale record is written (docs/rescoring.md).
import { RescoreStaleResponse } from '@strategy-fit/core';
import type { RescoreStaleValue } from '@strategy-fit/core';
import { listRecords } from '@strategy-fit/hubspot';
import type { RawRecord } from '@strategy-fit/hubspot';
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';

import { main } from '../../src/app/functions/src/entries/rescore-stale.ts';
import { useFunctionEnv } from '../support/functions/hubspot-env.ts';
import { startManagerPortal } from '../support/functions/manager-portal.ts';
import { hubspotContext, value } from '../support/functions/test-portal.ts';
import type { TestPortal } from '../support/functions/test-portal.ts';

// 150 companies on one search page; 450 deals on three, most companies with deals on several.
const SEED = { companies: 150, deals: 450, seed: 3 } as const;
const UPDATES = {
  companies: '/crm/objects/2026-09/companies/batch/update',
  deals: '/crm/objects/2026-09/deals/batch/update',
} as const;

let portal: TestPortal | undefined;
let restoreEnv: () => void = () => undefined;

beforeEach(async () => {
  portal = await startManagerPortal({ seed: SEED });
  restoreEnv = useFunctionEnv(portal.env);
});
afterEach(async () => {
  restoreEnv();
  await portal?.close();
  portal = undefined;
});
afterAll(() => restoreEnv());

const portalOf = (): TestPortal => {
  if (portal === undefined) throw new Error('no portal');
  return portal;
};

/** Calls `main` as the page does, chunk after chunk on each answer's cursor, to the end. */
const runToEnd = async (): Promise<RescoreStaleValue[]> => {
  const chunks: RescoreStaleValue[] = [];
  let cursor: string | null = null;
  do {
    const answer = RescoreStaleResponse.parse(
      await main(hubspotContext(cursor === null ? {} : { cursor })),
    );
    if (!answer.ok) throw new Error(`${answer.error.code}: ${answer.error.message}`);
    if (answer.value.interrupted !== null) {
      throw new Error(`interrupted: ${answer.value.interrupted.message}`);
    }
    chunks.push(answer.value);
    cursor = answer.value.cursor;
  } while (cursor !== null && chunks.length < 50);
  return chunks;
};

/** `companies:123` for every record whose strategy_fit_version is not `version`. */
const staleKeys = async (version: number): Promise<string[]> => {
  const keys: string[] = [];
  for (const objectType of ['companies', 'deals'] as const) {
    let after: string | null = null;
    do {
      const page: { records: RawRecord[]; nextAfter: string | null } = value(
        await listRecords(portalOf().hs, {
          objectType,
          properties: ['strategy_fit_version'],
          ...(after === null ? {} : { after }),
        }),
      );
      for (const r of page.records) {
        if (r.properties['strategy_fit_version'] !== String(version)) {
          keys.push(`${objectType}:${r.id}`);
        }
      }
      after = page.nextAfter;
    } while (after !== null);
  }
  return keys.sort();
};

const failedKeys = (chunks: readonly RescoreStaleValue[]): string[] =>
  chunks.flatMap((c) => c.failed.map((f) => `${f.objectType}:${f.id}`));

const total = (chunks: readonly RescoreStaleValue[], key: 'processed' | 'changed'): number =>
  chunks.reduce((n, c) => n + c[key], 0);

describe('rescore_stale under failing writes (sandbox fault plans on the batch updates)', () => {
  it('every company write fails: each company is named once, every deal is written', async () => {
    portalOf().sandbox.control.setFaults({
      rates: { serverError: 1 },
      paths: [UPDATES.companies],
      methods: ['POST'],
    });
    const chunks = await runToEnd();
    portalOf().sandbox.control.setFaults(undefined);

    const failed = failedKeys(chunks);
    expect(failed.length).toBe(new Set(failed).size);
    expect(failed.filter((k) => k.startsWith('companies:'))).toHaveLength(SEED.companies);
    expect(failed.filter((k) => k.startsWith('deals:'))).toEqual([]);
    for (const c of chunks) {
      for (const f of c.failed) expect(f.code).toBe('hubspot_unavailable');
    }
    expect(total(chunks, 'processed')).toBe(SEED.companies + SEED.deals);
    expect(total(chunks, 'changed')).toBe(SEED.deals);
    expect([...failed].sort()).toEqual(await staleKeys(1));
    // HubSpot's write log: every deal written once; no company written at all.
    const dealWrites = [...portalOf().sandbox.control.writeCounts('deals').values()];
    expect(dealWrites.length).toBe(SEED.deals);
    expect(dealWrites.every((n) => n === 1)).toBe(true);
    expect(portalOf().sandbox.control.writeCounts('companies').size).toBe(0);
  }, 60_000);

  it('some records of each batch fail (207): named once each, exactly the records left stale', async () => {
    portalOf().sandbox.control.setFaults({
      seed: 11,
      // Every batch update answers 207 with about a tenth of its inputs refused: more than the
      // adapter's rounds of re-sending can fix, so some records fail for good.
      rates: { partialBatch: 1 },
      partialBatchShare: 0.1,
      paths: [UPDATES.companies, UPDATES.deals],
      methods: ['POST'],
    });
    const chunks = await runToEnd();
    portalOf().sandbox.control.setFaults(undefined);

    const failed = failedKeys(chunks);
    expect(failed.length).toBeGreaterThan(0);
    expect(failed.length).toBe(new Set(failed).size);
    expect([...failed].sort()).toEqual(await staleKeys(1));
    // Each stale record was either written or named: nothing counted twice, nothing lost.
    expect(total(chunks, 'processed')).toBe(SEED.companies + SEED.deals);
    expect(total(chunks, 'changed') + failed.length).toBe(SEED.companies + SEED.deals);
  }, 60_000);
});
