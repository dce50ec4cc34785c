// Scores one page of stale companies or deals with the published strategy and writes only what
// changed (SCORING §6–8), through the same scoring and diff as the cards (lib/score.ts).
import { err, ok } from '@strategy-fit/core';
import type {
  LineItemFacts,
  PropertyDefinitions,
  RecordFacts,
  RescoreFailure,
  Result,
  StrategyFitError,
} from '@strategy-fit/core';
import {
  readDealCompanyIds,
  readDealLineItems,
  readRecords,
  writeRecords,
} from '@strategy-fit/hubspot';
import type { HubSpot, RawRecord, RecordUpdate } from '@strategy-fit/hubspot';

import type { ActiveStrategy } from '../../lib/active-strategy.ts';
import { scoreCompanyFacts, scoreDealFacts } from '../../lib/score.ts';
import type { Pacer } from './pacer.ts';

/** What a page did: records written (changed) and records that failed, by id and code. */
export type PageResult = { changed: number; failed: RescoreFailure[] };

export type PageContext = {
  hs: HubSpot;
  active: ActiveStrategy;
  definitions: { companies: PropertyDefinitions; deals: PropertyDefinitions };
  nowMs: number;
  pacer: Pacer;
  /** No request slot after this: the page stops and reports the slot as HubSpot's refusal. */
  deadlineMs: number;
};

const facts = (r: RawRecord, definitions: PropertyDefinitions, nowMs: number): RecordFacts => ({
  id: r.id,
  properties: r.properties,
  definitions,
  nowMs,
});

const batches = (n: number, size: number): number => Math.max(1, Math.ceil(n / size));

const noSlot = (): StrategyFitError => ({
  code: 'hubspot_rate_limited',
  message: 'The rescore paused to stay within HubSpot’s request limits; resume to continue.',
});

/** Runs `call` once `requests` slots are free (within the page's deadline). */
async function paced<T>(
  ctx: PageContext,
  requests: number,
  call: () => Promise<Result<T, StrategyFitError>>,
): Promise<Result<T, StrategyFitError>> {
  const slot = await ctx.pacer.take(requests, { deadlineMs: ctx.deadlineMs });
  return slot ? call() : err(noSlot());
}

/** Writes the updates; a record HubSpot refuses is a failure of that record only. */
async function write(
  ctx: PageContext,
  objectType: 'companies' | 'deals',
  updates: RecordUpdate[],
): Promise<Result<PageResult, StrategyFitError>> {
  if (updates.length === 0) return ok({ changed: 0, failed: [] });
  const written = await paced(ctx, batches(updates.length, 100), () =>
    writeRecords(ctx.hs, objectType, updates),
  );
  if (!written.ok) return written;
  return ok({
    changed: written.value.written.length,
    failed: written.value.failed.map((f) => ({
      objectType,
      id: f.id,
      code: f.error.code,
      message: f.error.message,
    })),
  });
}

/** SCORING §6 + §8: a page of companies. An error is HubSpot's refusal of the whole write. */
export async function scoreCompanyPage(
  ctx: PageContext,
  records: readonly RawRecord[],
): Promise<Result<PageResult, StrategyFitError>> {
  const updates: RecordUpdate[] = [];
  for (const r of records) {
    const { update } = scoreCompanyFacts(
      ctx.active,
      facts(r, ctx.definitions.companies, ctx.nowMs),
    );
    if (update !== null) updates.push({ id: r.id, properties: update });
  }
  return write(ctx, 'companies', updates);
}

/**
 * SCORING §7 + §8: a page of deals with their companies (primary, else lowest id) and line items;
 * writes the deals' diffs only. A deal inherits its company's fit as scored now, from the company's
 * facts; the company itself is written by the companies phase alone (as `score --stale-only`
 * does), so a company that failed there is named once and stays stale, never written or named
 * again from its deals. An error is HubSpot's refusal of a read or of the whole write.
 */
export async function scoreDealPage(
  ctx: PageContext,
  records: readonly RawRecord[],
): Promise<Result<PageResult, StrategyFitError>> {
  const ids = records.map((r) => r.id);
  const [companyOf, lineItems] = await Promise.all([
    paced(ctx, batches(ids.length, 1000), () => readDealCompanyIds(ctx.hs, ids)),
    // One association read and about one batch read per 50 deals (two line items per deal).
    paced(ctx, 1 + batches(ids.length, 50), () => readDealLineItems(ctx.hs, ids)),
  ]);
  if (!companyOf.ok) return companyOf;
  if (!lineItems.ok) return lineItems;
  const companyIds = [...new Set(companyOf.value.values())].filter((id) => id !== null);
  const companies =
    companyIds.length === 0
      ? ok({ records: [], missing: [] })
      : await paced(ctx, batches(companyIds.length, 100), () =>
          readRecords(ctx.hs, 'companies', companyIds, ctx.active.reads.companies),
        );
  if (!companies.ok) return companies;
  const companyById = new Map(companies.value.records.map((r) => [r.id, r]));
  const dealUpdates: RecordUpdate[] = [];
  for (const r of records) {
    const companyId = companyOf.value.get(r.id) ?? null;
    // A company that no longer exists counts as none ("no associated company").
    const company = companyId === null ? undefined : companyById.get(companyId);
    const items: LineItemFacts[] = (lineItems.value.get(r.id) ?? []).map((i) => ({
      id: i.id,
      properties: i.properties,
    }));
    const scored = scoreDealFacts({
      active: ctx.active,
      deal: facts(r, ctx.definitions.deals, ctx.nowMs),
      company: company === undefined ? null : facts(company, ctx.definitions.companies, ctx.nowMs),
      lineItems: items,
    });
    // `scored.companyUpdate` is left alone: see above (docs/rescoring.md, "One chunk").
    if (scored.dealUpdate !== null) dealUpdates.push({ id: r.id, properties: scored.dealUpdate });
  }
  return write(ctx, 'deals', dealUpdates);
}
