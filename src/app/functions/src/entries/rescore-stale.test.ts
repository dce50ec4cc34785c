// rescore_stale: main(context) as HubSpot calls it from the app page, against an in-process
// sandbox through the real client. Chunks continue on their cursor, past the 10,000 cap, write
// only what changed, survive a failure of some records and a stop; only managers may run it.
import { RescoreStaleResponse, StrategySchema } from '@strategy-fit/core';
import type { RescoreStaleValue } from '@strategy-fit/core';
import { countRecords, createRecords } from '@strategy-fit/hubspot';
import type { HubSpot } from '@strategy-fit/hubspot';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';

import { UNPACED } from '../handlers/manager/pacer.ts';
import type { RescoreLimits } from '../handlers/rescore-stale.ts';
import { useFunctionEnv } from '../../../../../test/support/functions/hubspot-env.ts';
import {
  invokeRescoreStale,
  rescoreAll,
  startManagerPortal,
  UNPACED_RESCORE,
} from '../../../../../test/support/functions/manager-portal.ts';
import {
  hubspotContext,
  loadExampleStrategy,
  MANAGER,
  value,
} from '../../../../../test/support/functions/test-portal.ts';
import type { TestPortal } from '../../../../../test/support/functions/test-portal.ts';
import { main } from './rescore-stale.ts';

/** One page per chunk: every chunk reads a page, then the budget is spent. */
const ONE_PAGE: RescoreLimits = { chunkBudgetMs: 0, graceMs: 10_000, pacer: UNPACED };

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
    const stopped = await chunk(portal, null, UNPACED_RESCORE);
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
      // No page starts after 3.5 s; a page under way may take 1.5 s more (RESCORE_LIMITS).
      expect(c.elapsedMs).toBeLessThan(5_000);
    }
    expect(sum(chunks, 'processed')).toBe(2_000);
    // RESCORE_PACE: a burst of 20, then at most 9 requests per second.
    expect(statuses.length).toBeLessThanOrEqual(20 + 9 * seconds + 5);
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

  it('rescores all 10,250 and leaves nothing stale', async () => {
    const chunks = await rescoreAll(portal.runtime, {
      chunkBudgetMs: 1_000,
      graceMs: 5_000,
      pacer: UNPACED,
    });
    expect(chunks.length).toBeGreaterThan(1);
    expect(sum(chunks, 'processed')).toBe(COUNT);
    expect(sum(chunks, 'changed')).toBe(COUNT);
    expect(await stale(portal.hs, 'companies', 1)).toBe(0);
  }, 120_000);
});
