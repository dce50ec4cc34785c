// strategy_review: main(context) as HubSpot calls it from the app page, against an in-process
// sandbox through the real client. Chunk after chunk, merged as the page merges them, the review
// is the CLI report's (same walk, same core); the reads go past the 10,000 cap, a chunk HubSpot
// stops says so with the cursor to go on from, and anyone may read it.
import {
  addReviewChunk,
  ExceptionResponse,
  reviewValueOf,
  StrategyReviewResponse,
  StrategySchema,
} from '@strategy-fit/core';
import type { ReviewChunks, StrategyReviewChunk, StrategyReviewValue } from '@strategy-fit/core';
import { createRecords } from '@strategy-fit/hubspot';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';

import { silentProgress } from '../../../../../tools/cli/src/bulk/progress.ts';
import { readReview } from '../../../../../tools/cli/src/bulk/read-review.ts';
import type { ReviewLimits } from '../handlers/strategy-review.ts';
import { createRuntime } from '../lib/runtime.ts';
import { useFunctionEnv } from '../../../../../test/support/functions/hubspot-env.ts';
import {
  invokeDecideException,
  invokeRequestException,
} from '../../../../../test/support/functions/invoke.ts';
import {
  invokeStrategyReview,
  rescoreAll,
  reviewAll,
  reviewContext,
  startManagerPortal,
} from '../../../../../test/support/functions/manager-portal.ts';
import {
  closedOrigin,
  COMPANIES,
  createCompany,
  createDeal,
  hubspotContext,
  loadExampleStrategy,
  MANAGER,
  plainDeal,
  REP,
  setDecision,
  writeReason,
} from '../../../../../test/support/functions/test-portal.ts';
import type { TestPortal } from '../../../../../test/support/functions/test-portal.ts';
import { main } from './strategy-review.ts';

const NOW_MS = Date.parse('2026-11-02T09:00:00Z');

const chunkOf = (answer: unknown): StrategyReviewChunk => {
  const parsed = StrategyReviewResponse.parse(answer);
  if (!parsed.ok) throw new Error(`${parsed.error.code}: ${parsed.error.message}`);
  return parsed.value;
};

/** The page's loop through `main`, as HubSpot runs the function: every chunk and the review. */
const throughMain = async (): Promise<{
  chunks: StrategyReviewChunk[];
  value: StrategyReviewValue;
}> => {
  const chunks: StrategyReviewChunk[] = [];
  let merged: ReviewChunks | null = null;
  do {
    const cursor = merged?.last.cursor ?? null;
    const chunk = chunkOf(await main(hubspotContext(cursor === null ? {} : { cursor })));
    chunks.push(chunk);
    merged = addReviewChunk(merged, chunk);
  } while (merged.last.cursor !== null && chunks.length < 50);
  return { chunks, value: reviewValueOf(merged) };
};

/** Blocks of 100 records and no time: one block per chunk. */
const SMALL_CHUNKS: ReviewLimits = { budgetMs: 0, blockSize: 100 };

describe('strategy_review on a scored demo portal', () => {
  let portal: TestPortal;
  let restoreEnv: () => void;
  let offDealId: string;

  beforeAll(async () => {
    portal = await startManagerPortal({
      seed: { companies: 300, deals: 450 },
      now: () => NOW_MS,
    });
    const company = await createCompany(portal.hs, COMPANIES.off_strategy);
    offDealId = await createDeal(portal.hs, plainDeal('Grocery loyalty pilot', '52000'), {
      companyId: company,
    });
    await rescoreAll(portal.runtime);
    restoreEnv = useFunctionEnv(portal.env);
  }, 60_000);
  afterAll(async () => {
    restoreEnv();
    await portal.close();
  });
  /** The whole review, as the page reads it (the sandbox has no rate limits here). */
  const review = async (filters?: { ownerId?: string; pipelineId?: string; windowDays?: number }) =>
    (await reviewAll(portal.runtime, filters === undefined ? {} : { filters })).value;

  it('is the review `strategy-fit report` prints: same figures from the same stored scores', async () => {
    const fn = await review();
    const cli = await readReview(portal.hs, { nowMs: NOW_MS, progress: silentProgress });
    if (!cli.ok) throw new Error(cli.error.message);
    expect(fn.review).toEqual(cli.value.review);
    expect(fn.review.completeness).toEqual({ partial: false, reasons: [] });
    expect(fn.review.totals.companies).toBe(301);
    expect(fn.review.totals.deals).toBe(451);
    expect(fn.reads).toMatchObject({ companies: 301, deals: 451, chunks: 1, complete: true });
  });

  it('read in many chunks it is the same review: each chunk continues at the last one’s cursor', async () => {
    const whole = await review();
    const { chunks, value } = await reviewAll(portal.runtime, {}, SMALL_CHUNKS);
    // 451 deals and 301 companies, 100 a block: 5 blocks of deals, 4 of companies, the queue.
    expect(chunks.map((c) => c.cursor?.split('.')[2] ?? 'end')).toEqual([
      ...['d', 'd', 'd', 'd'],
      ...['c', 'c', 'c', 'c'],
      'q',
      'end',
    ]);
    expect(chunks.every((c) => c.computedAt === whole.computedAt)).toBe(true);
    expect(value.review).toEqual(whole.review);
    expect(value.exceptionsQueue).toEqual(whole.exceptionsQueue);
    expect(value.reads).toMatchObject({ companies: 301, deals: 451, chunks: 10, complete: true });
    // Criterion evidence joins the deals of earlier chunks with the companies' outcomes; once the
    // deals are read, the page keeps no company's outcomes (its merged part stays flat).
    expect(value.review.criterionEvidence.deals).toBeGreaterThan(0);
    let merged: ReviewChunks | null = null;
    const kept: number[] = [];
    for (const chunk of chunks) {
      merged = addReviewChunk(merged, chunk);
      kept.push(Object.keys(merged.part.criterionEvidence.outcomes).length);
    }
    expect(kept).toEqual(new Array<number>(chunks.length).fill(0));
  });

  it('a version published between chunks starts the review again with it', async () => {
    const first = chunkOf(
      await invokeStrategyReview(portal.runtime, reviewContext(), SMALL_CHUNKS),
    );
    expect(first.cursor).toMatch(/^1\./);
    await portal.publish(StrategySchema.parse({ ...loadExampleStrategy(), name: 'FY2027' }));
    const next = chunkOf(
      await invokeStrategyReview(
        portal.runtime,
        hubspotContext({ cursor: first.cursor }),
        SMALL_CHUNKS,
      ),
    );
    expect(next).toMatchObject({ restarted: true, strategy: { version: 2 } });
    expect(next.read.deals).toBe(100);
    expect(next.part.stale.deals.older).toBe(100);
    // The page drops the chunks of version 1.
    const merged = addReviewChunk(addReviewChunk(null, first), next);
    expect(merged.chunks).toBe(1);
  });

  it('with HubSpot’s budgets (main) it reads the whole portal and names owners and stages', async () => {
    const { chunks, value } = await throughMain();
    expect(value.review.completeness.partial).toBe(false);
    expect(value.review.totals.companies).toBe(301);
    expect(value.owners.map((o) => o.name)).toContain('Maya Okafor');
    expect(value.pipelines.map((p) => p.label)).toEqual(['Sales Pipeline', 'Enterprise Pipeline']);
    for (const c of chunks) expect(c.elapsedMs).toBeLessThan(6_000);
    expect(value.strategy.version).toBe(2);
  });

  it('anyone may read it, the same for all: owners by name, no user ids or emails', async () => {
    const chunk = chunkOf(await main(reviewContext()));
    expect(chunk.owners.every((o) => Object.keys(o).sort().join() === 'id,name')).toBe(true);
    expect(chunk.setup.strategy.managers).toBeUndefined();
    expect(JSON.stringify(chunk)).not.toMatch(/@demo-sales\.example|910000\d/);
  });

  it('the off-strategy pipeline lists each open off-strategy deal with its company', async () => {
    const answer = await review();
    const row = answer.review.offStrategyPipeline.deals.find((d) => d.dealId === offDealId);
    expect(row).toMatchObject({ name: 'Grocery loyalty pilot', amount: 52000, approved: false });
    expect(row?.companyId).not.toBeNull();
  });

  it('filters narrow the deals to an owner and a pipeline, and the companies to the owner', async () => {
    const ownerId = '70110003';
    const answer = await review({ ownerId, pipelineId: 'default' });
    expect(answer.filters).toEqual({ ownerId, pipelineId: 'default', windowDays: null });
    const rows = answer.review.offStrategyPipeline.deals;
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.every((d) => d.ownerId === ownerId && d.pipelineId === 'default')).toBe(true);
    expect(answer.review.dreamCapacity.owners.filter((o) => o.scoredAccounts > 0)).toEqual([
      expect.objectContaining({ ownerId }),
    ]);
  });

  it('the window filter sets the evidence window, as report --window (SCORING §15)', async () => {
    const whole = await review();
    const narrow = await review({ windowDays: 30 });
    expect(narrow.filters).toEqual({ ownerId: null, pipelineId: null, windowDays: 30 });
    expect(narrow.review.evidenceWindow.days).toBe(30);
    expect(whole.review.evidenceWindow.days).toBe(365);
    expect(narrow.review.evidenceWindow.closedInWindow).toBeLessThan(
      whole.review.evidenceWindow.closedInWindow,
    );
  });

  it('the exceptions queue: who asked, why and when; a manager decides on the deal', async () => {
    const reason = 'Lighthouse logo in a new region; the board sponsors the pilot';
    writeReason(portal, REP, offDealId, reason);
    const asked = ExceptionResponse.parse(
      await invokeRequestException(
        portal.runtime,
        hubspotContext({}, { hs_object_id: offDealId }),
        true,
      ),
    );
    expect(asked.ok).toBe(true);
    const queue = (await review()).exceptionsQueue;
    expect(queue.completeness.partial).toBe(false);
    const item = queue.items.find((i) => i.dealId === offDealId);
    expect(item).toMatchObject({
      note: reason,
      requestedBy: { name: 'Priya Raman' },
      requestSeq: 1,
      tier: 'off_strategy',
    });
    expect(item?.requestedAt).toMatch(/^\d{4}-\d{2}-\d{2}T/);
    setDecision(portal, MANAGER, offDealId, 'approve');
    const approved = ExceptionResponse.parse(
      await invokeDecideException(
        portal.runtime,
        hubspotContext({ requestSeq: 1, decision: 'approve' }, { hs_object_id: offDealId }),
        true,
      ),
    );
    expect(approved.ok && approved.value.exception.status).toBe('approved');
    const after = await review();
    expect(after.exceptionsQueue.items.map((i) => i.dealId)).not.toContain(offDealId);
    const row = after.review.offStrategyPipeline.deals.find((d) => d.dealId === offDealId);
    expect(row?.approved).toBe(true);
  });
});

describe('strategy_review when HubSpot fails part of the read (sandbox fault plans)', () => {
  let portal: TestPortal;
  let whole: StrategyReviewValue;
  beforeAll(async () => {
    portal = await startManagerPortal({
      seed: { companies: 301, deals: 450 },
      now: () => NOW_MS,
    });
    await rescoreAll(portal.runtime);
    whole = (await reviewAll(portal.runtime)).value;
  }, 60_000);
  afterEach(() => portal.sandbox.control.setFaults(undefined));
  afterAll(() => portal.close());

  it('5xx on the second block of companies (past the retries): the chunk answers what it read, interrupted, with the cursor before that block; going on gives the whole review', async () => {
    portal.sandbox.control.setFaults({
      schedule: [{ request: 2, fault: 'serverError', count: 3 }],
      paths: ['/crm/objects/2026-09/companies'],
      methods: ['GET'],
    });
    const limits: ReviewLimits = { budgetMs: 60_000, blockSize: 100 };
    const stopped = chunkOf(await invokeStrategyReview(portal.runtime, reviewContext(), limits));
    expect(stopped.interrupted?.code).toBe('hubspot_unavailable');
    expect(stopped.read).toEqual({ companies: 100, deals: 450, exceptions: 0 });
    expect(stopped.cursor).toMatch(/^1\.\d+\.c\.\d+$/);
    // The page shows what it has, partial, if it stops here…
    const partial = reviewValueOf(addReviewChunk(null, stopped), 'HubSpot failed');
    expect(partial.review.tierDistribution.companies.completeness.reasons).toEqual([
      'HubSpot failed',
    ]);
    expect(partial.exceptionsQueue.completeness.partial).toBe(true);
    // …and reading on from the cursor gives the review of a read without faults.
    portal.sandbox.control.setFaults(undefined);
    let merged = addReviewChunk(null, stopped);
    while (merged.last.cursor !== null) {
      merged = addReviewChunk(
        merged,
        chunkOf(
          await invokeStrategyReview(
            portal.runtime,
            hubspotContext({ cursor: merged.last.cursor }),
            limits,
          ),
        ),
      );
    }
    expect(reviewValueOf(merged).review).toEqual(whole.review);
  });

  it('HubSpot refuses the very first block: the error itself, no figures', async () => {
    portal.sandbox.control.setFaults({
      rates: { serverError: 1 },
      paths: ['/crm/objects/2026-09/deals'],
      methods: ['GET'],
    });
    const answer = StrategyReviewResponse.parse(
      await invokeStrategyReview(portal.runtime, reviewContext()),
    );
    expect(answer.ok ? null : answer.error.code).toBe('hubspot_unavailable');
  });

  it('the exceptions queue cannot be read: the chunk stops at the queue; shown so, the queue is partial, the review is not', async () => {
    portal.sandbox.control.setFaults({
      rates: { serverError: 1 },
      paths: ['/crm/objects/2026-09/deals/search'],
    });
    const stopped = chunkOf(await invokeStrategyReview(portal.runtime, reviewContext()));
    expect(stopped.interrupted?.code).toBe('hubspot_unavailable');
    expect(stopped.cursor).toMatch(/\.q\.$/);
    const shown = reviewValueOf(addReviewChunk(null, stopped), 'HubSpot failed');
    expect(shown.review).toEqual(whole.review);
    expect(shown.exceptionsQueue.completeness).toEqual({
      partial: true,
      reasons: ['HubSpot failed'],
    });
  });
});

describe('strategy_review with HubSpot’s rate limits on (190 per 10 s, 5 searches per second)', () => {
  let portal: TestPortal;
  let restoreEnv: () => void;
  beforeAll(async () => {
    portal = await startManagerPortal({ seed: { companies: 300, deals: 450 } });
    await rescoreAll(portal.runtime);
    portal.sandbox.control.setRateLimit({});
    restoreEnv = useFunctionEnv(portal.env);
  }, 60_000);
  afterAll(async () => {
    restoreEnv();
    await portal.close();
  });

  it('main, four whole reviews back to back through the bulk limiter: HubSpot refuses none of their requests; each chunk answers within 6 s', async () => {
    // Every answer the function's client gets, to count HubSpot's refusals (429).
    const realFetch = globalThis.fetch;
    const statuses: number[] = [];
    const spy = vi.spyOn(globalThis, 'fetch').mockImplementation(async (...args) => {
      const response = await realFetch(...args);
      statuses.push(response.status);
      return response;
    });
    const reads: { chunks: StrategyReviewChunk[]; value: StrategyReviewValue }[] = [];
    try {
      for (let i = 0; i < 4; i += 1) reads.push(await throughMain());
    } finally {
      spy.mockRestore();
    }
    expect(statuses.filter((s) => s === 429)).toEqual([]);
    expect(statuses.length).toBeGreaterThan(4 * 10);
    for (const { chunks, value } of reads) {
      expect(value.review.completeness).toEqual({ partial: false, reasons: [] });
      expect(value.exceptionsQueue.completeness.partial).toBe(false);
      for (const c of chunks) {
        expect(c.interrupted).toBeNull();
        expect(c.elapsedMs).toBeLessThan(6_000);
      }
    }
  }, 60_000);
});

describe('strategy_review before anything is scored', () => {
  let portal: TestPortal;
  beforeAll(async () => {
    portal = await startManagerPortal({ publish: false, seed: { companies: 20, deals: 30 } });
  });
  afterAll(() => portal.close());

  it('no strategy published: strategy_not_published', async () => {
    const answer = StrategyReviewResponse.parse(
      await invokeStrategyReview(portal.runtime, reviewContext()),
    );
    expect(answer.ok ? null : answer.error.code).toBe('strategy_not_published');
  });

  it('published, nothing scored yet: every record is never scored and stale', async () => {
    await portal.publish();
    const answer = (await reviewAll(portal.runtime)).value;
    expect(answer.review.tierDistribution.companies.rows.at(-1)).toEqual({ tier: null, count: 20 });
    expect(answer.review.staleScores.companies.missingVersion).toBe(20);
    expect(answer.review.staleScores.deals.missingVersion).toBe(30);
  });

  it('parameters outside the contract are refused; HubSpot unreachable is hubspot_unavailable', async () => {
    const bad = StrategyReviewResponse.parse(
      await invokeStrategyReview(portal.runtime, hubspotContext({ filters: { ownerId: 'me' } })),
    );
    expect(bad.ok ? null : [bad.error.code, bad.error.path]).toEqual([
      'invalid_input',
      'filters.ownerId',
    ]);
    const down = createRuntime({
      accessToken: portal.sandbox.token,
      basePath: await closedOrigin(),
    });
    const answer = StrategyReviewResponse.parse(await invokeStrategyReview(down, reviewContext()));
    expect(answer.ok ? null : answer.error.code).toBe('hubspot_unavailable');
  });
});

// 10,250 companies of one owner, created in batches of 100 (a second or two without rate limits):
// past HubSpot's 10,000-result cap for a search, which the owner filter makes the review use.
describe('strategy_review past the 10,000-result cap', () => {
  const COUNT = 10_250;
  const OWNER = '70110004';
  let portal: TestPortal;

  beforeAll(async () => {
    portal = await startManagerPortal();
    const records = Array.from({ length: COUNT }, (_, i) => ({
      properties: { name: `Slice ${i}`, hubspot_owner_id: OWNER, industry: 'RETAIL' },
    }));
    const created = await createRecords(portal.hs, 'companies', records);
    if (!created.ok) throw new Error(created.error.message);
  }, 120_000);
  afterAll(() => portal.close());

  it('counts every record through the keyset search (owner filter) and the list API (none)', async () => {
    const filtered = await reviewAll(portal.runtime, { filters: { ownerId: OWNER } });
    expect(filtered.value.reads).toMatchObject({ companies: COUNT, complete: true });
    expect(filtered.value.review.totals.companies).toBe(COUNT);
    expect(filtered.value.review.tierDistribution.companies.rows.at(-1)).toEqual({
      tier: null,
      count: COUNT,
    });
    expect(filtered.value.review.completeness.partial).toBe(false);
    const all = await reviewAll(portal.runtime);
    expect(all.value.review.totals.companies).toBe(COUNT);
  });

  it('with a 1 s budget and 25 ms per answer it reads in chunks, each within it, and counts all 10,250', async () => {
    // 52 search pages of 200 at 25 ms each: more than one chunk's budget.
    portal.sandbox.control.setLatency(25);
    const { chunks, value } = await reviewAll(
      portal.runtime,
      { filters: { ownerId: OWNER } },
      { budgetMs: 1_000 },
    ).finally(() => portal.sandbox.control.setLatency(0));
    expect(chunks.length).toBeGreaterThan(1);
    expect(value.review.totals.companies).toBe(COUNT);
    for (const c of chunks) expect(c.elapsedMs).toBeLessThan(4_000);
  });
});
