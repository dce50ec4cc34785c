// `strategy_review`: the strategy review (SCORING §9) for the manager's app page, computed with the
// core's review accumulator over the portal's stored scores, within a time budget (HubSpot stops a
// function after about 10 s; this one answers within about 5 s). Figures whose reads the budget
// or HubSpot cut short are marked partial, with how much was read; exact counts from search totals
// stand beside them. Read plan and budgets: docs/review-page.md.
import {
  createReviewAccumulator,
  evidenceWindowStartMs,
  isInEvidenceWindow,
  ok,
  StrategyReviewParams,
} from '@strategy-fit/core';
import type {
  ReadReport,
  Result,
  ReviewDeal,
  StrategyFitError,
  StrategyReviewValue,
  Tier,
} from '@strategy-fit/core';
import {
  listDealPipelines,
  listOwners,
  readDealCompanyIds,
  readRecords,
  REVIEW_COMPANY_PROPERTIES,
  REVIEW_DEAL_PROPERTIES,
  reviewOwnerName,
  stageIndex,
  toReviewCompany,
  toReviewDeal,
  toReviewOwner,
} from '@strategy-fit/hubspot';
import type { HubSpot, SearchFilter } from '@strategy-fit/hubspot';
import type { z } from 'zod';

import { parseFunctionContext } from '../lib/function-context.ts';
import type { Runtime } from '../lib/runtime.ts';
import { countTasks, exactCounts, runCounts } from './manager/exact-counts.ts';
import { readExceptionsQueue } from './manager/read-queue.ts';
import { REVIEW_PACE, pacerFor } from './manager/pacer.ts';
import type { Pacer, PacerLimits } from './manager/pacer.ts';
import { pageReader, readStream } from './manager/read-stream.ts';
import type { StreamOutcome } from './manager/read-stream.ts';

export type StrategyReviewInput = z.output<typeof StrategyReviewParams>;

/** The budgets of one review: reading, then attaching the companies of the deals that need them. */
export type ReviewLimits = { readBudgetMs: number; finishBudgetMs: number; pacer: PacerLimits };

/** About 1 s for the first round trip, 3.5 s of reading, 1 s to finish: an answer within ~5–6 s. */
export const REVIEW_LIMITS: ReviewLimits = {
  readBudgetMs: 3_500,
  finishBudgetMs: 1_000,
  pacer: REVIEW_PACE,
};

/** The page's parameters (no record: pages send no `propertiesToSend`). */
export function parseStrategyReview(
  context: unknown,
): Result<StrategyReviewInput, StrategyFitError> {
  const parsed = parseFunctionContext(context, StrategyReviewParams);
  return parsed.ok ? ok(parsed.value.params) : parsed;
}

const ownerFilter = (ownerId: string | undefined): SearchFilter[] =>
  ownerId === undefined
    ? []
    : [{ propertyName: 'hubspot_owner_id', operator: 'EQ', value: ownerId }];

const pipelineFilter = (pipelineId: string | undefined): SearchFilter[] =>
  pipelineId === undefined ? [] : [{ propertyName: 'pipeline', operator: 'EQ', value: pipelineId }];

/**
 * Deals whose row or figure needs their company: open off-strategy rows, won deals of the evidence
 * window (false negatives, SCORING §15).
 */
const needsCompany = (d: ReviewDeal, windowStartMs: number): boolean =>
  d.isClosed ? d.isWon && isInEvidenceWindow(d, windowStartMs) : d.offStrategy;

const chunk = <T>(items: readonly T[], size: number): T[][] => {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
};

/**
 * Gives each waiting deal its company (SCORING §7) and that company's tier today: associations in
 * batches of 1,000, then the tiers of companies the company read did not see. Answers how many won
 * deals are left without a known company tier (their false-negative status is then unknown).
 */
async function attachCompanies(
  hs: HubSpot,
  waiting: readonly ReviewDeal[],
  tiers: Map<string, Tier | null>,
  pacer: Pacer,
  deadlineMs: number,
): Promise<{ deals: ReviewDeal[]; unknownWon: number }> {
  const companyOf = new Map<string, string | null>();
  for (const part of chunk(
    waiting.map((d) => d.id),
    1000,
  )) {
    if (!(await pacer.take(1, { deadlineMs }))) break;
    const read = await readDealCompanyIds(hs, part);
    if (!read.ok) break;
    for (const [dealId, companyId] of read.value) companyOf.set(dealId, companyId);
  }
  const missing = [...new Set(companyOf.values())].filter(
    (id): id is string => id !== null && !tiers.has(id),
  );
  for (const part of chunk(missing, 100)) {
    if (!(await pacer.take(1, { deadlineMs }))) break;
    const read = await readRecords(hs, 'companies', part, ['strategy_fit_tier']);
    if (!read.ok) break;
    for (const r of read.value.records) tiers.set(r.id, toReviewCompany(r).tier);
    for (const id of read.value.missing) tiers.set(id, null);
  }
  let unknownWon = 0;
  const deals = waiting.map((d) => {
    const companyId = companyOf.get(d.id);
    const known = companyId === null || (companyId !== undefined && tiers.has(companyId));
    if (!known && d.isWon) unknownWon += 1;
    return {
      ...d,
      companyId: companyId ?? null,
      companyTier:
        companyId === null || companyId === undefined ? null : (tiers.get(companyId) ?? null),
    };
  });
  return { deals, unknownWon };
}

const WHAT = { companies: 'companies', deals: 'deals' } as const;
const n = (x: number): string => x.toLocaleString('en-US');

/** Why a read is partial, with how much of it was read: the page shows this sentence. */
function partialReason(
  what: keyof typeof WHAT,
  outcome: StreamOutcome,
  total: number | null,
  budgetMs: number,
): string {
  const of = total === null ? '' : ` of ${n(total)}`;
  const read = `${n(outcome.read)}${of} ${WHAT[what]}`;
  switch (outcome.stoppedBy) {
    case 'hubspot_rate_limited':
      return `HubSpot's rate limit stopped the read after ${read}.`;
    case 'hubspot_error':
      return `HubSpot failed while reading ${WHAT[what]}, after ${read}: ${outcome.error?.message ?? 'no reason given'}`;
    default:
      return `Read ${read} within the ${(budgetMs / 1000).toFixed(1)}-second budget.`;
  }
}

const report = (
  method: 'list' | 'search',
  outcome: StreamOutcome,
  counted: number | null,
): ReadReport => ({
  method,
  read: outcome.read,
  total: outcome.complete ? outcome.read : (outcome.total ?? counted),
  complete: outcome.complete,
  stoppedBy: outcome.stoppedBy,
});

/** `strategy_review` with given budgets (tests shorten them or switch pacing off). */
export const strategyReviewWith =
  (limits: ReviewLimits) =>
  async (
    rt: Runtime,
    input: StrategyReviewInput,
  ): Promise<Result<StrategyReviewValue, StrategyFitError>> => {
    const startedMs = Date.now();
    const nowMs = rt.now();
    const readDeadlineMs = startedMs + limits.readBudgetMs;
    const finishDeadlineMs = readDeadlineMs + limits.finishBudgetMs;
    const pacer = pacerFor(rt, limits.pacer);
    const grantedBefore = pacer.granted();
    await pacer.take(3, { deadlineMs: finishDeadlineMs });
    const [active, owners, pipelines] = await Promise.all([
      rt.strategies.current(),
      listOwners(rt.hs),
      listDealPipelines(rt.hs),
    ]);
    if (!active.ok) return active;
    if (!owners.ok) return owners;
    if (!pipelines.ok) return pipelines;

    const { ownerId, pipelineId } = input.filters ?? {};
    const companyFilters = ownerFilter(ownerId);
    const dealFilters = [...ownerFilter(ownerId), ...pipelineFilter(pipelineId)];
    const stages = stageIndex(pipelines.value);
    const review = createReviewAccumulator({
      strategy: active.value.strategy,
      publishedVersion: active.value.version,
      nowMs,
      owners: owners.value.map(toReviewOwner),
    });
    const tiers = new Map<string, Tier | null>();
    const waiting: ReviewDeal[] = [];
    const windowStartMs = evidenceWindowStartMs(active.value.strategy, nowMs);
    let readsComplete = false;

    const companies = pageReader(rt.hs, 'companies', REVIEW_COMPANY_PROPERTIES, companyFilters);
    const deals = pageReader(rt.hs, 'deals', REVIEW_DEAL_PROPERTIES, dealFilters);
    const records = (async () => {
      const [c, d] = await Promise.all([
        readStream({
          readPage: companies.readPage,
          search: companies.method === 'search',
          pacer,
          deadlineMs: readDeadlineMs,
          onPage: (page) => {
            for (const r of page.records) {
              const company = toReviewCompany(r);
              tiers.set(company.id, company.tier);
              review.addCompany(company);
            }
          },
        }),
        readStream({
          readPage: deals.readPage,
          search: deals.method === 'search',
          pacer,
          deadlineMs: readDeadlineMs,
          onPage: (page) => {
            for (const r of page.records) {
              const deal = toReviewDeal(r, { stages, companyId: null, companyTier: null, nowMs });
              if (needsCompany(deal, windowStartMs)) waiting.push(deal);
              else review.addDeal(deal);
            }
          },
        }),
      ]);
      readsComplete = c.complete && d.complete;
      const attached = await attachCompanies(rt.hs, waiting, tiers, pacer, finishDeadlineMs);
      return { c, d, attached };
    })();
    const side = (async () => {
      const queue = await readExceptionsQueue({
        hs: rt.hs,
        filters: dealFilters,
        stages,
        nowMs,
        pacer,
        deadlineMs: finishDeadlineMs,
      });
      const counts = await runCounts({
        hs: rt.hs,
        tasks: countTasks(active.value.version, companyFilters, dealFilters),
        pacer,
        deadlineMs: finishDeadlineMs,
        more: () => !readsComplete,
      });
      return { queue, counts: exactCounts(counts) };
    })();
    const [{ c, d, attached }, { queue, counts }] = await Promise.all([records, side]);

    // A read HubSpot refused before any record came back is the answer: nothing to show.
    for (const outcome of [c, d]) {
      if (outcome.error !== null && outcome.read === 0) return { ok: false, error: outcome.error };
    }
    for (const deal of attached.deals) review.addDeal(deal);
    const companiesRead = report(companies.method, c, counts.companies);
    const dealsRead = report(deals.method, d, counts.deals);
    if (!c.complete) {
      review.markPartial(partialReason('companies', c, companiesRead.total, limits.readBudgetMs), [
        'companies',
      ]);
    }
    if (!d.complete) {
      review.markPartial(partialReason('deals', d, dealsRead.total, limits.readBudgetMs), [
        'open_deals',
        'closed_deals',
      ]);
    }
    if (attached.unknownWon > 0) {
      review.markPartial(
        `The companies of ${n(attached.unknownWon)} won deals could not be read in time, so false negatives may miss some.`,
        ['closed_deals'],
      );
    }
    return ok({
      strategy: active.value.stamp,
      computedAt: new Date(nowMs).toISOString(),
      filters: { ownerId: ownerId ?? null, pipelineId: pipelineId ?? null },
      review: review.finish(),
      counts,
      exceptionsQueue: queue,
      reads: {
        companies: companiesRead,
        deals: dealsRead,
        budgetMs: limits.readBudgetMs,
        elapsedMs: Math.max(0, Math.round(Date.now() - startedMs)),
        requests: pacer.granted() - grantedBefore,
      },
      owners: owners.value.map((o) => ({ id: o.id, name: reviewOwnerName(o) })),
      pipelines: pipelines.value.map((p) => ({
        id: p.id,
        label: p.label,
        stages: p.stages.map((s) => ({
          id: s.id,
          label: s.label,
          isClosed: s.isClosed,
          isWon: s.isWon,
        })),
      })),
    });
  };

/** `strategy_review` as HubSpot runs it. */
export const strategyReview = strategyReviewWith(REVIEW_LIMITS);
