// rescore_stale: main(context) as HubSpot calls it from the app page, against an in-process
// sandbox through the real client. Chunks continue on their cursor, past the 10,000 cap, write
// only what changed, survive a failure of some records and a stop; anyone who can open the page
// may run it (it writes only what opening each card would: docs/security.md).
import { RescoreStaleResponse, StrategySchema } from '@strategy-fit/core';
import type { RescoreStaleValue } from '@strategy-fit/core';
import { countRecords, createRecords, listRecords } from '@strategy-fit/hubspot';
import type { HubSpot } from '@strategy-fit/hubspot';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';

import type { RescoreLimits } from '../handlers/rescore-stale.ts';
import { createRuntime } from '../lib/runtime.ts';
import { useFunctionEnv } from '../../../../../test/support/functions/hubspot-env.ts';
import {
  invokeRescoreStale,
  rescoreAll,
  startManagerPortal,
  WHOLE_RESCORE,
} from '../../../../../test/support/functions/manager-portal.ts';
import {
  hubspotContext,
  loadExampleStrategy,
  MANAGER,
  value,
} from '../../../../../test/support/functions/test-portal.ts';
import type { TestPortal } from '../../../../../test/support/functions/test-portal.ts';
import { main } from './rescore-stale.ts';

/** One search page (200) per chunk: every chunk reads a block, then the budget is spent. */
const ONE_PAGE: RescoreLimits = { budgetMs: 0, blockSize: 200 };

const stale = (hs: HubSpot, objectType: 'companies' | 'deals', version: number) =>
  countRecords(hs, objectType, { kind: 'staleVersion', version }).then(value);

const chunk = async (
  portal: TestPortal,
  cursor: string | null,
  limits: RescoreLimits = ONE_PAGE,
) => {
  const answer = RescoreStaleResponse.parse(
    await invokeRescoreStale(
      portal.runtime,
      hubspotContext(cursor === null ? {} : { cursor }),
      limits,
    ),
  );
  if (!answer.ok) throw new Error(`${answer.error.code}: ${answer.error.message}`);
  return answer.value;
};

const sum = (chunks: readonly RescoreStaleValue[], key: 'processed' | 'changed') =>
  chunks.reduce((n, c) => n + c[key], 0);

describe('rescore_stale on a demo portal', () => {
  let portal: TestPortal;
  let restoreEnv: () => void;
  beforeAll(async () => {
    portal = await startManagerPortal({ seed: { companies: 250, deals: 300 } });
    restoreEnv = useFunctionEnv(portal.env);
  });
  afterAll(async () => {
    restoreEnv();
    await portal.close();
  });

  it('takes no identity: a user claimed in the parameters is refused as input, and nothing is written', async () => {
    const answer = RescoreStaleResponse.parse(
      await main(hubspotContext({ user: { id: MANAGER.id, email: MANAGER.email, teamIds: [] } })),
    );
    expect(answer.ok ? null : answer.error.code).toBe('invalid_input');
    expect(await stale(portal.hs, 'companies', 1)).toBe(250);
    expect(await stale(portal.hs, 'deals', 1)).toBe(300);
  });

  it('chunk by chunk, companies then deals, each continuing on the last cursor, to nothing stale', async () => {
    const first = await chunk(portal, null);
    expect(first).toMatchObject({
      version: 1,
      phase: 'companies',
      processed: 200,
      changed: 200,
      failed: [],
      remainingEstimate: 350,
      restarted: false,
      interrupted: null,
    });
    expect(first.cursor).toMatch(/^1\.c\.\d+:200$/);
    const chunks = [first];
    let cursor = first.cursor;
    while (cursor !== null) {
      const next = await chunk(portal, cursor);
      chunks.push(next);
      cursor = next.cursor;
    }
    expect(chunks.map((c) => [c.phase, c.processed, c.remainingEstimate])).toEqual([
      ['companies', 200, 350],
      ['deals', 50, 300],
      ['deals', 200, 100],
      ['done', 100, 0],
    ]);
    expect(sum(chunks, 'processed')).toBe(550);
    expect(await stale(portal.hs, 'companies', 1)).toBe(0);
    expect(await stale(portal.hs, 'deals', 1)).toBe(0);
  });

  it('diff-only: a second run finds nothing stale and writes nothing', async () => {
    const again = await rescoreAll(portal.runtime);
    expect(again.map((c) => [c.phase, c.processed, c.changed, c.cursor])).toEqual([
      ['done', 0, 0, null],
    ]);
  });

  it('a new version published between chunks: the run starts again with it', async () => {
    const next = StrategySchema.parse({ ...loadExampleStrategy(), name: 'FY2027' });
    const started = await chunk(portal, null);
    expect(started.phase).toBe('done');
    expect(await portal.publish(next)).toBe(2);
    const resumed = await chunk(portal, '1.d.');
    expect(resumed).toMatchObject({ version: 2, restarted: true, phase: 'companies' });
    const rest = await rescoreAll(portal.runtime);
    expect(sum([resumed, ...rest], 'processed')).toBe(550);
    expect(await stale(portal.hs, 'deals', 2)).toBe(0);
  });

  it('a cursor it did not answer is invalid_input', async () => {
    const answer = RescoreStaleResponse.parse(await main(hubspotContext({ cursor: '9.x.12' })));
    expect(answer.ok ? null : [answer.error.code, answer.error.path]).toEqual([
      'invalid_input',
      'cursor',
    ]);
  });
});

describe('rescore_stale keeps the companies a run scored for their deals (a warm container)', () => {
  const SEED = { companies: 200, deals: 300 };
  let warm: TestPortal;
  let cold: TestPortal;
  beforeAll(async () => {
    [warm, cold] = await Promise.all([
      startManagerPortal({ seed: SEED }),
      startManagerPortal({ seed: SEED }),
    ]);
  });
  afterAll(async () => {
    await Promise.all([warm.close(), cold.close()]);
  });

  const companyReads = (portal: TestPortal): number =>
    portal.sandbox.control.requestsByKind().get('batch read companies') ?? 0;

  /** Every deal's stored fit properties, by id. */
  const dealFits = async (portal: TestPortal) => {
    const FIT = ['strategy_fit_tier', 'strategy_fit_score', 'strategy_fit_reason'];
    const fits = new Map<string, (string | null | undefined)[]>();
    let after: string | undefined;
    do {
      const page = value(
        await listRecords(portal.hs, {
          objectType: 'deals',
          properties: FIT,
          ...(after === undefined ? {} : { after }),
        }),
      );
      for (const r of page.records)
        fits.set(
          r.id,
          FIT.map((name) => r.properties[name]),
        );
      after = page.nextAfter ?? undefined;
    } while (after !== undefined);
    return fits;
  };

  it('its deals phase reads none of them again; a chunk in a fresh container reads them, with the same scores', async () => {
    const before = companyReads(warm);
    await rescoreAll(warm.runtime, { budgetMs: 0, blockSize: 100 });
    expect(companyReads(warm) - before).toBe(0);

    // The same portal, each chunk in a container of its own: nothing kept between chunks.
    let cursor: string | null = null;
    do {
      const fresh = createRuntime({
        accessToken: cold.sandbox.token,
        basePath: cold.sandbox.baseUrl,
        limits: false,
      });
      const next: RescoreStaleValue = await chunk({ ...cold, runtime: fresh }, cursor, {
        budgetMs: 0,
        blockSize: 100,
      });
      cursor = next.cursor;
    } while (cursor !== null);
    expect(companyReads(cold)).toBeGreaterThan(0);
    expect(await dealFits(warm)).toEqual(await dealFits(cold));
  });
});

describe('rescore_stale when HubSpot refuses', () => {
  let portal: TestPortal;
  beforeAll(async () => {
    portal = await startManagerPortal({ seed: { companies: 120, deals: 0 } });
  });
  afterAll(() => portal.close());

  it('records HubSpot will not write are listed with their code; the run goes on', async () => {
    portal.sandbox.control.setFaults({
      schedule: [{ request: 1, fault: 'partialBatch', count: 8 }],
      partialBatchShare: 0.05,
      paths: ['/crm/objects/2026-09/companies/batch/update'],
    });
    const chunks = await rescoreAll(portal.runtime);
    portal.sandbox.control.setFaults(undefined);
    const failed = chunks.flatMap((c) => c.failed);
    expect(failed.length).toBeGreaterThan(0);
    for (const f of failed)
      expect(f).toMatchObject({ objectType: 'companies', code: 'hubspot_unavailable' });
    expect(sum(chunks, 'changed')).toBe(120 - failed.length);
    // They stay stale: the next run picks them up.
    expect(await stale(portal.hs, 'companies', 1)).toBe(failed.length);
    const retry = await rescoreAll(portal.runtime);
    expect(sum(retry, 'changed')).toBe(failed.length);
  });

  it('a rate limit stops the chunk: interrupted, with the cursor before the page to read again', async () => {
    // A new version (SCORING §14: the same strategy again would publish nothing).
    const renamed = StrategySchema.parse({ ...loadExampleStrategy(), name: 'B2B SaaS — again' });
    const { version } = { version: await portal.publish(renamed) };
    portal.sandbox.control.setFaults({
      schedule: [{ request: 1, fault: 'rateLimit', count: 10 }],
      paths: ['/crm/objects/2026-09/companies/batch/update'],
    });
    const stopped = await chunk(portal, null, WHOLE_RESCORE);
    portal.sandbox.control.setFaults(undefined);
    expect(stopped.interrupted?.code).toBe('hubspot_rate_limited');
    expect(stopped.processed).toBe(0);
    expect(stopped.cursor).toBe(`${version}.c.`);
    const resumed = await rescoreAll(portal.runtime);
    expect(sum(resumed, 'changed')).toBe(120);
  });
});

describe('rescore_stale with HubSpot’s budgets and rate limits (190 per 10 s, 5 searches per second)', () => {
  let portal: TestPortal;
  let restoreEnv: () => void;
  beforeAll(async () => {
    portal = await startManagerPortal({
      seed: { companies: 800, deals: 1_200 },
      latencyMs: 40,
      rateLimit: {},
    });
    restoreEnv = useFunctionEnv(portal.env);
  });
  afterAll(async () => {
    restoreEnv();
    await portal.close();
  });

  it('main, chunk after chunk: each within its budget, HubSpot refuses no request, nothing stale at the end', async () => {
    const realFetch = globalThis.fetch;
    const statuses: number[] = [];
    const spy = vi.spyOn(globalThis, 'fetch').mockImplementation(async (...args) => {
      const response = await realFetch(...args);
      statuses.push(response.status);
      return response;
    });
    const chunks: RescoreStaleValue[] = [];
    const startedMs = Date.now();
    try {
      let cursor: string | null = null;
      do {
        const answer = RescoreStaleResponse.parse(
          await main(hubspotContext(cursor === null ? {} : { cursor })),
        );
        if (!answer.ok) throw new Error(answer.error.message);
        chunks.push(answer.value);
        cursor = answer.value.cursor;
      } while (cursor !== null && chunks.length < 40);
    } finally {
      spy.mockRestore();
    }
    const seconds = (Date.now() - startedMs) / 1000;
    expect(statuses.filter((code) => code === 429)).toEqual([]);
    expect(chunks.length).toBeGreaterThan(1);
    for (const c of chunks) {
      expect(c.interrupted).toBeNull();
      // No block starts once 3.5 s and the longest block would be spent (RESCORE_LIMITS).
      expect(c.elapsedMs).toBeLessThan(6_000);
    }
    expect(sum(chunks, 'processed')).toBe(2_000);
    // The function's limiter (FUNCTION_CLIENT): at most 95 requests in any 10 s.
    expect(statuses.length).toBeLessThanOrEqual(95 * Math.ceil(seconds / 10));
    expect(await stale(portal.hs, 'companies', 1)).toBe(0);
    expect(await stale(portal.hs, 'deals', 1)).toBe(0);
  }, 90_000);
});

// 10,250 stale companies, created in batches of 100: the stale search pages past HubSpot's
// 10,000-result cap (keyset on hs_object_id), and every one of them is rescored.
describe('rescore_stale past the 10,000-result cap', () => {
  const COUNT = 10_250;
  let portal: TestPortal;
  beforeAll(async () => {
    portal = await startManagerPortal();
    const records = Array.from({ length: COUNT }, (_, i) => ({
      properties: { name: `Stale ${i}`, industry: 'COMPUTER_SOFTWARE' },
    }));
    value(await createRecords(portal.hs, 'companies', records));
  }, 120_000);
  afterAll(() => portal.close());

  it('rescores all 10,250 in chunks of one block of 1,000 each and leaves nothing stale', async () => {
    // No time budget: every chunk reads exactly one block, however fast the machine, so the
    // chunks are the same on every machine: 11 blocks of companies, then the deals' (none).
    const chunks = await rescoreAll(portal.runtime, { budgetMs: 0 });
    expect(chunks.map((c) => [c.phase, c.processed])).toEqual([
      ...Array.from({ length: 10 }, () => ['companies', 1_000]),
      ['deals', 250],
      ['done', 0],
    ]);
    expect(sum(chunks, 'processed')).toBe(COUNT);
    expect(sum(chunks, 'changed')).toBe(COUNT);
    expect(await stale(portal.hs, 'companies', 1)).toBe(0);
  }, 120_000);
});
