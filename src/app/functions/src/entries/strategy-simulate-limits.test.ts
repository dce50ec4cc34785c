// strategy_simulate when HubSpot's rate limit or the function's time budget stops a chunk in the
// middle: main(context) as HubSpot calls it (and the handler on a runtime with a short budget),
// against an in-process sandbox with HubSpot's rate limits, through the real client. The chunk
// answers the blocks it did with the cursor before the block it could not do; continuing from
// there gives exactly the matrix of one unhindered pass: nothing lost, nothing counted twice.
import {
  emptySimulationPart,
  mergeSimulationParts,
  simulationMatrixOf,
  StrategySimulateResponse,
} from '@strategy-fit/core';
import type { SimulationMatrix, StrategySimulateValue } from '@strategy-fit/core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';

import { RATE_WINDOW_MS } from '../handlers/editor/strategy-simulate.ts';
import { createRuntime } from '../lib/runtime.ts';
import type { Runtime } from '../lib/runtime.ts';
import { useFunctionEnv } from '../../../../../test/support/functions/hubspot-env.ts';
import { invokeSimulate } from '../../../../../test/support/functions/invoke-editor.ts';
import { startManagerPortal } from '../../../../../test/support/functions/manager-portal.ts';
import {
  hubspotContext,
  loadExampleStrategy,
} from '../../../../../test/support/functions/test-portal.ts';
import type { TestPortal } from '../../../../../test/support/functions/test-portal.ts';
import { main as simulate } from './strategy-simulate.ts';

const COMPANIES = 1_000;
const DEALS = 1_500;
/** HubSpot's per-app limit, as the sandbox applies it: 190 requests per rolling 10 s. */
const PER_TEN_SECONDS = 190;

/** The proposal: the example strategy with lower thresholds, so companies change tier. */
const proposed = { ...loadExampleStrategy(), thresholds: { fit: 60, stretch: 30 } };
const contextFor = (cursor: unknown) =>
  hubspotContext({
    strategy: proposed,
    ...(cursor === null ? {} : { cursor }),
  });

const valueOf = (answer: unknown): StrategySimulateValue => {
  const parsed = StrategySimulateResponse.parse(answer);
  if (!parsed.ok) throw new Error(`expected ok, got ${JSON.stringify(parsed.error)}`);
  return parsed.value;
};

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

let portal: TestPortal;
let restoreEnv: () => void = () => undefined;
/** The matrix of one unpaced pass without rate limits: what every interrupted run must equal. */
let reference: SimulationMatrix;

const freshRuntime = (budgetMs?: number): Runtime =>
  createRuntime({
    accessToken: portal.sandbox.token,
    basePath: portal.sandbox.baseUrl,
    limits: false,
    ...(budgetMs === undefined ? {} : { budgetMs }),
  });

/** The matrix of chunks merged as the settings page merges them. */
const matrixOf = (chunks: readonly StrategySimulateValue[]): SimulationMatrix =>
  simulationMatrixOf(
    chunks.reduce((part, c) => mergeSimulationParts(part, c.part), emptySimulationPart()),
  );

/** Other traffic of the app (cards, workflows, the CLI): `n` requests into the current window. */
const otherTraffic = async (n: number): Promise<void> => {
  const statuses = await Promise.all(
    Array.from({ length: n }, async () => {
      const response = await fetch(`${portal.sandbox.baseUrl}/crm/objects/2026-09/deals?limit=1`, {
        headers: { authorization: `Bearer ${portal.sandbox.token}` },
      });
      await response.arrayBuffer();
      return response.status;
    }),
  );
  expect(statuses.filter((s) => s !== 200)).toEqual([]);
};

/** Counts the 429 answers the functions get while `run` runs (beneath the client). */
const counting429 = async <T>(run: () => Promise<T>): Promise<{ result: T; refused: number }> => {
  const original = globalThis.fetch;
  let refused = 0;
  globalThis.fetch = async (input, init) => {
    const response = await original(input, init);
    if (response.status === 429) refused += 1;
    return response;
  };
  try {
    return { result: await run(), refused };
  } finally {
    globalThis.fetch = original;
  }
};

beforeAll(async () => {
  portal = await startManagerPortal({ seed: { companies: COMPANIES, deals: DEALS } });
  restoreEnv = useFunctionEnv(portal.env);
  const whole = valueOf(
    await invokeSimulate(freshRuntime(), contextFor(null), { budgetMs: 60_000 }, true),
  );
  expect(whole.cursor).toBeNull();
  expect(whole.interrupted).toBeUndefined();
  expect(whole.progress).toEqual({ companiesDone: COMPANIES, totalCompanies: COMPANIES });
  reference = matrixOf([whole]);
  expect(reference.changed.companies).toBeGreaterThan(0);
});
afterEach(() => {
  portal.sandbox.control.setFaults(undefined);
  portal.sandbox.control.setRateLimit(false);
  portal.sandbox.control.setLatency(0);
});
afterAll(async () => {
  restoreEnv();
  await portal.close();
});

describe('strategy_simulate: a chunk is never lost to the rate limit or the time budget', () => {
  it('a window mostly used by other requests: each chunk waits for the window within its deadline, or ends early with a cursor and the wait; continuing gives the one-pass matrix, without a 429 storm', async () => {
    portal.sandbox.control.setRateLimit({ perTenSeconds: PER_TEN_SECONDS });
    // The whole simulation takes about 16 requests (two searches of open deals, their companies,
    // ten list pages, the first round): leave it 8.
    await otherTraffic(PER_TEN_SECONDS - 8);

    // As the settings page does: chunk after chunk, waiting when an answer says so.
    const chunks: StrategySimulateValue[] = [];
    const refusedPerChunk: number[] = [];
    let cursor: unknown = null;
    do {
      const { result, refused } = await counting429(() => simulate(contextFor(cursor)));
      const chunk = valueOf(result);
      chunks.push(chunk);
      refusedPerChunk.push(refused);
      cursor = chunk.cursor;
      const waitMs = chunk.interrupted?.retryAfterMs ?? 0;
      if (waitMs > 0) await sleep(waitMs);
    } while (cursor !== null && chunks.length < 50);

    // The adapter's limiter learns what is left from HubSpot's headers: a chunk waits for the
    // window while its deadline allows (withDeadline), else it ends with what it did, where to
    // go on and how long to wait — never past HubSpot's time limit for a function.
    for (const c of chunks) {
      expect(c.chunk.elapsedMs).toBeLessThan(10_000);
      if (c.interrupted === undefined) continue;
      expect(c.interrupted.reason).toBe('hubspot_rate_limited');
      expect(c.interrupted.message).toMatch(/rate limit/);
      expect(c.cursor).not.toBeNull();
      expect(c.interrupted.retryAfterMs).toBeGreaterThan(0);
      expect(c.interrupted.retryAfterMs).toBeLessThanOrEqual(RATE_WINDOW_MS);
    }
    // No 429 storm: at most a handful per chunk (requests in flight when HubSpot refused).
    expect(chunks.filter((c) => c.interrupted !== undefined).length).toBeLessThanOrEqual(2);
    for (const n of refusedPerChunk) expect(n).toBeLessThanOrEqual(6);
    expect(matrixOf(chunks)).toEqual(reference);
    expect(chunks.at(-1)?.progress).toEqual({
      companiesDone: COMPANIES,
      totalCompanies: COMPANIES,
    });
    expect(chunks.reduce((n, c) => n + c.chunk.companies, 0)).toBe(COMPANIES);
  }, 40_000);

  it("a 429 with a Retry-After: the chunk asks for HubSpot's wait, not the 10-second window; continuing gives the one-pass matrix", async () => {
    // The second companies block's list answers 429 with Retry-After: 1 on each of the client's
    // 3 attempts (blocks of 100 companies: one list page each).
    portal.sandbox.control.setFaults({
      paths: ['/crm/objects/2026-09/companies'],
      methods: ['GET'],
      schedule: [{ request: 2, fault: 'rateLimit', count: 3 }],
    });
    const rt = freshRuntime();
    const options = { budgetMs: 60_000, blocks: { blockSize: 100 } };
    const first = valueOf(await invokeSimulate(rt, contextFor(null), options, true));
    expect(first.interrupted?.reason).toBe('hubspot_rate_limited');
    expect(first.interrupted?.retryAfterMs).toBeGreaterThan(0);
    expect(first.interrupted?.retryAfterMs).toBeLessThanOrEqual(1_000);
    expect(first.chunk.companies).toBe(100);
    expect(first.cursor).toMatchObject({ phase: 'companies', companiesDone: 100 });

    const rest = valueOf(await invokeSimulate(rt, contextFor(first.cursor), options, true));
    expect(rest.cursor).toBeNull();
    expect(rest.interrupted).toBeUndefined();
    expect(matrixOf([first, rest])).toEqual(reference);
  });

  it('a window used up before the chunk could do a block: the coded error, as before', async () => {
    portal.sandbox.control.setRateLimit({ perTenSeconds: PER_TEN_SECONDS });
    await otherTraffic(PER_TEN_SECONDS);
    const started = performance.now();
    const { result, refused } = await counting429(() => simulate(contextFor(null)));
    const answer = StrategySimulateResponse.parse(result);
    expect(answer.ok).toBe(false);
    if (answer.ok) return;
    expect(answer.error.code).toBe('hubspot_rate_limited');
    expect(performance.now() - started).toBeLessThan(3_000);
    // The first round's requests (version, owner, count), refused once each.
    expect(refused).toBeLessThanOrEqual(4);
  });

  it("the function's time budget runs out mid-block: the blocks done are answered with the cursor; continuing gives the one-pass matrix", async () => {
    // 250 ms per answer and a 2-second budget: the open deals are done, a block of companies is cut off.
    portal.sandbox.control.setLatency(250);
    const rt = freshRuntime(2_000);
    const options = { budgetMs: 60_000, blocks: { blockSize: 200 } };
    const started = performance.now();
    const first = valueOf(await invokeSimulate(rt, contextFor(null), options, true));
    expect(performance.now() - started).toBeLessThan(2_500);
    expect(first.interrupted?.reason).toBe('time_budget');
    expect(first.interrupted?.retryAfterMs).toBeUndefined();
    expect(first.cursor).not.toBeNull();
    expect(first.chunk.openDeals + first.chunk.companies).toBeGreaterThan(0);
    expect(first.chunk.companies).toBeLessThan(COMPANIES);

    portal.sandbox.control.setLatency(0);
    const chunks = [first];
    let cursor = first.cursor;
    while (cursor !== null && chunks.length < 50) {
      const chunk = valueOf(await invokeSimulate(rt, contextFor(cursor), options, true));
      chunks.push(chunk);
      cursor = chunk.cursor;
    }
    expect(matrixOf(chunks)).toEqual(reference);
    expect(chunks.at(-1)?.progress.companiesDone).toBe(COMPANIES);
  });
});
