// strategy_review: main(context) as HubSpot calls it from the app page, against an in-process
// sandbox through the real client. The review is the CLI report's (same core, same mapping), the
// reads go past the 10,000 cap or say how much they read, and anyone may read it.
import { ExceptionResponse, StrategyReviewResponse } from '@strategy-fit/core';
import type { StrategyReviewValue } from '@strategy-fit/core';
import { createRecords } from '@strategy-fit/hubspot';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';

import { bindCrm } from '../../../../../tools/cli/src/bulk/bind-crm.ts';
import { silentProgress } from '../../../../../tools/cli/src/bulk/progress.ts';
import { readReview } from '../../../../../tools/cli/src/bulk/read-review.ts';
import { REVIEW_PACE, UNPACED } from '../handlers/manager/pacer.ts';
import { createRuntime } from '../lib/runtime.ts';
import { useFunctionEnv } from '../../../../../test/support/functions/hubspot-env.ts';
import {
  invokeDecideException,
  invokeRequestException,
} from '../../../../../test/support/functions/invoke.ts';
import {
  invokeStrategyReview,
  rescoreAll,
  reviewContext,
  startManagerPortal,
  UNPACED_REVIEW,
} from '../../../../../test/support/functions/manager-portal.ts';
import {
  closedOrigin,
  COMPANIES,
  createCompany,
  createDeal,
  hubspotContext,
  MANAGER,
  plainDeal,
  REP,
  setDecision,
  writeReason,
} from '../../../../../test/support/functions/test-portal.ts';
import type { TestPortal } from '../../../../../test/support/functions/test-portal.ts';
import { main } from './strategy-review.ts';

const NOW_MS = Date.parse('2026-11-02T09:00:00Z');

const valueOf = (answer: unknown): StrategyReviewValue => {
  const parsed = StrategyReviewResponse.parse(answer);
  if (!parsed.ok) throw new Error(`${parsed.error.code}: ${parsed.error.message}`);
  return parsed.value;
};

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
  /** The review without pacing (the sandbox has no rate limits here). */
  const review = async (filters?: { ownerId?: string; pipelineId?: string }) =>
    valueOf(await invokeStrategyReview(portal.runtime, reviewContext(filters), UNPACED_REVIEW));

  it('is the review `strategy-fit report` prints: same figures from the same stored scores', async () => {
    const fn = valueOf(await invokeStrategyReview(portal.runtime, reviewContext(), UNPACED_REVIEW));
    const cli = await readReview(bindCrm(portal.hs), { nowMs: NOW_MS, progress: silentProgress });
    if (!cli.ok) throw new Error(cli.error.message);
    expect(fn.review).toEqual(cli.value.review);
    expect(fn.review.completeness).toEqual({ partial: false, reasons: [] });
    expect(fn.review.totals.companies).toBe(301);
    expect(fn.review.totals.deals).toBe(451);
    expect(fn.reads.companies).toEqual({
      method: 'list',
      read: 301,
      total: 301,
      complete: true,
      stoppedBy: null,
    });
  });

  it('with HubSpot’s budgets (main, paced) it reads the whole portal and names owners and stages', async () => {
    const answer = valueOf(await main(reviewContext()));
    expect(answer.review.completeness.partial).toBe(false);
    expect(answer.review.staleScores.companies.stale).toBe(0);
    expect(answer.owners.map((o) => o.name)).toContain('Maya Okafor');
    expect(answer.pipelines.map((p) => p.label)).toEqual(['Sales Pipeline', 'Enterprise Pipeline']);
    expect(answer.reads.elapsedMs).toBeLessThan(6_000);
    expect(answer.strategy.version).toBe(1);
  });

  it('anyone may read it, the same for all: owners by name, no user ids or emails', async () => {
    const answer = valueOf(await main(reviewContext()));
    expect(answer.owners.every((o) => Object.keys(o).sort().join() === 'id,name')).toBe(true);
    expect(JSON.stringify(answer)).not.toMatch(/@demo-sales\.example|910000\d/);
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
    expect(answer.filters).toEqual({ ownerId, pipelineId: 'default' });
    expect(answer.reads.companies.method).toBe('search');
    expect(answer.reads.deals.method).toBe('search');
    const rows = answer.review.offStrategyPipeline.deals;
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.every((d) => d.ownerId === ownerId && d.pipelineId === 'default')).toBe(true);
    expect(answer.review.dreamCapacity.owners.filter((o) => o.scoredAccounts > 0)).toEqual([
      expect.objectContaining({ ownerId }),
    ]);
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

  it('a budget too short to read everything: partial figures, how much was read, exact counts', async () => {
    const answer = valueOf(
      await invokeStrategyReview(portal.runtime, reviewContext(), {
        readBudgetMs: 0,
        finishBudgetMs: 2_000,
        pacer: UNPACED,
      }),
    );
    expect(answer.review.completeness.partial).toBe(true);
    expect(answer.reads.companies).toMatchObject({ complete: false, stoppedBy: 'time_budget' });
    expect(answer.review.completeness.reasons).toEqual([
      `Read ${answer.reads.companies.read} of 301 companies within the 0.0-second budget.`,
      `Read ${answer.reads.deals.read} of 451 deals within the 0.0-second budget.`,
    ]);
    expect(answer.review.tierDistribution.companies.completeness.partial).toBe(true);
    expect(answer.review.offStrategyPipeline.completeness.partial).toBe(true);
    expect(answer.counts.companies).toBe(301);
    expect(answer.counts.companiesByTier?.reduce((n, r) => n + r.count, 0)).toBe(301);
    expect(answer.counts.staleCompanies).toBe(0);
    expect(answer.counts.openDealsByTier?.length).toBe(7);
  });
});

describe('strategy_review when HubSpot fails part of the read (sandbox fault plans)', () => {
  let portal: TestPortal;
  beforeAll(async () => {
    portal = await startManagerPortal({
      seed: { companies: 301, deals: 450 },
      now: () => NOW_MS,
    });
    await rescoreAll(portal.runtime);
  }, 60_000);
  afterEach(() => portal.sandbox.control.setFaults(undefined));
  afterAll(() => portal.close());

  const review = async () =>
    valueOf(await invokeStrategyReview(portal.runtime, reviewContext(), UNPACED_REVIEW));

  it('5xx on the second page of companies (past the retries): partial, says what HubSpot did and how much was read', async () => {
    portal.sandbox.control.setFaults({
      schedule: [{ request: 2, fault: 'serverError', count: 3 }],
      paths: ['/crm/objects/2026-09/companies'],
      methods: ['GET'],
    });
    const answer = await review();
    expect(answer.reads.companies).toEqual({
      method: 'list',
      read: 100,
      total: 301,
      complete: false,
      stoppedBy: 'hubspot_error',
    });
    const [reason = ''] = answer.review.tierDistribution.companies.completeness.reasons;
    expect(reason).toMatch(/^HubSpot failed while reading companies, after 100 of 301 companies: /);
    expect(answer.review.totals.companies).toBe(100);
    // Figures that read companies are partial; the deals' own figures are not.
    expect(answer.review.dreamCapacity.completeness.partial).toBe(true);
    expect(answer.review.completeness.partial).toBe(true);
    expect(answer.review.offStrategyPipeline.completeness.partial).toBe(false);
    expect(answer.reads.deals.complete).toBe(true);
    // HubSpot's exact counts stand beside the partial figures.
    expect(answer.counts.companiesByTier?.reduce((n, r) => n + r.count, 0)).toBe(301);
  });

  it('a rate limit on the deals (past the retries): partial, "HubSpot’s rate limit stopped the read"', async () => {
    portal.sandbox.control.setFaults({
      schedule: [{ request: 3, fault: 'rateLimit', count: 3 }],
      paths: ['/crm/objects/2026-09/deals'],
      methods: ['GET'],
    });
    const answer = await review();
    expect(answer.reads.deals).toMatchObject({
      read: 200,
      total: 450,
      complete: false,
      stoppedBy: 'hubspot_rate_limited',
    });
    expect(answer.review.offStrategyPipeline.completeness.reasons).toEqual([
      "HubSpot's rate limit stopped the read after 200 of 450 deals.",
    ]);
    expect(answer.review.strategyEvidence.completeness.partial).toBe(true);
    expect(answer.review.tierDistribution.companies.completeness.partial).toBe(false);
  });

  it('HubSpot refuses the very first page: the error itself, no figures', async () => {
    portal.sandbox.control.setFaults({
      rates: { serverError: 1 },
      paths: ['/crm/objects/2026-09/deals'],
      methods: ['GET'],
    });
    const answer = StrategyReviewResponse.parse(
      await invokeStrategyReview(portal.runtime, reviewContext(), UNPACED_REVIEW),
    );
    expect(answer.ok ? null : answer.error.code).toBe('hubspot_unavailable');
  });

  it('the companies of won deals cannot be read: false negatives are partial, and say why', async () => {
    portal.sandbox.control.setFaults({
      rates: { serverError: 1 },
      paths: ['/crm/associations/2026-09/deals/companies/batch/read'],
    });
    const answer = await review();
    const won = answer.review.strategyEvidence.byTier.reduce((n, t) => n + t.won, 0);
    expect(won).toBeGreaterThan(0);
    expect(answer.review.falseNegatives.completeness.reasons).toEqual([
      `The companies of ${won.toLocaleString('en-US')} won deals could not be read in time, so false negatives may miss some.`,
    ]);
    expect(answer.review.falseNegatives.total.count).toBe(0);
    expect(answer.review.offStrategyPipeline.completeness.partial).toBe(false);
    expect(answer.review.tierDistribution.companies.completeness.partial).toBe(false);
  });

  it('the exceptions queue cannot be read: the queue is partial, the review is not', async () => {
    portal.sandbox.control.setFaults({
      rates: { serverError: 1 },
      paths: ['/crm/objects/2026-09/deals/search'],
    });
    const answer = await review();
    expect(answer.review.completeness.partial).toBe(false);
    expect(answer.exceptionsQueue.completeness.partial).toBe(true);
    expect(answer.exceptionsQueue.completeness.reasons[0]).toMatch(
      /^HubSpot stopped the read of requested exceptions after 0: /,
    );
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

  it('main, paced, four calls back to back: HubSpot refuses none of their requests; each answers within 6 s', async () => {
    // Every answer the function's client gets, to count HubSpot's refusals (429).
    const realFetch = globalThis.fetch;
    const statuses: number[] = [];
    const spy = vi.spyOn(globalThis, 'fetch').mockImplementation(async (...args) => {
      const response = await realFetch(...args);
      statuses.push(response.status);
      return response;
    });
    const answers: StrategyReviewValue[] = [];
    try {
      for (let i = 0; i < 4; i += 1) answers.push(valueOf(await main(reviewContext())));
    } finally {
      spy.mockRestore();
    }
    expect(statuses.filter((s) => s === 429)).toEqual([]);
    expect(statuses.length).toBeGreaterThan(4 * 10);
    expect(answers[0]?.review.completeness).toEqual({ partial: false, reasons: [] });
    for (const a of answers) {
      expect(a.reads.elapsedMs).toBeLessThan(6_000);
      expect([a.reads.companies.stoppedBy, a.reads.deals.stoppedBy]).not.toContain(
        'hubspot_rate_limited',
      );
      expect(a.exceptionsQueue.completeness.partial).toBe(false);
    }
  }, 40_000);
});

describe('strategy_review before anything is scored', () => {
  let portal: TestPortal;
  beforeAll(async () => {
    portal = await startManagerPortal({ publish: false, seed: { companies: 20, deals: 30 } });
  });
  afterAll(() => portal.close());

  it('no strategy published: strategy_not_published', async () => {
    const answer = StrategyReviewResponse.parse(
      await invokeStrategyReview(portal.runtime, reviewContext(), UNPACED_REVIEW),
    );
    expect(answer.ok ? null : answer.error.code).toBe('strategy_not_published');
  });

  it('published, nothing scored yet: every record is never scored and stale', async () => {
    await portal.publish();
    const answer = valueOf(
      await invokeStrategyReview(portal.runtime, reviewContext(), UNPACED_REVIEW),
    );
    expect(answer.review.tierDistribution.companies.rows.at(-1)).toEqual({ tier: null, count: 20 });
    expect(answer.review.staleScores.companies.missingVersion).toBe(20);
    expect(answer.review.staleScores.deals.missingVersion).toBe(30);
  });

  it('parameters outside the contract are refused; HubSpot unreachable is hubspot_unavailable', async () => {
    const bad = StrategyReviewResponse.parse(
      await invokeStrategyReview(
        portal.runtime,
        hubspotContext({ user: MANAGER, filters: { ownerId: 'me' } }),
      ),
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
    const filtered = valueOf(
      await invokeStrategyReview(portal.runtime, reviewContext({ ownerId: OWNER }), UNPACED_REVIEW),
    );
    expect(filtered.reads.companies).toEqual({
      method: 'search',
      read: COUNT,
      total: COUNT,
      complete: true,
      stoppedBy: null,
    });
    expect(filtered.review.totals.companies).toBe(COUNT);
    expect(filtered.review.tierDistribution.companies.rows.at(-1)).toEqual({
      tier: null,
      count: COUNT,
    });
    expect(filtered.review.completeness.partial).toBe(false);
    const all = valueOf(
      await invokeStrategyReview(portal.runtime, reviewContext(), UNPACED_REVIEW),
    );
    expect(all.reads.companies.method).toBe('list');
    expect(all.review.totals.companies).toBe(COUNT);
  });

  it('with HubSpot’s budgets it stops in time and says how much of the 10,250 it read', async () => {
    const answer = valueOf(
      await invokeStrategyReview(portal.runtime, reviewContext({ ownerId: OWNER }), {
        readBudgetMs: 1_000,
        finishBudgetMs: 500,
        pacer: REVIEW_PACE,
      }),
    );
    const { companies } = answer.reads;
    expect(companies.complete).toBe(false);
    expect(companies.read).toBeLessThan(COUNT);
    expect(companies.total).toBe(COUNT);
    expect(answer.review.tierDistribution.companies.completeness.reasons).toEqual([
      `Read ${companies.read.toLocaleString('en-US')} of 10,250 companies within the 1.0-second budget.`,
    ]);
  });
});
