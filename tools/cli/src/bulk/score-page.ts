// Scores one page of companies or deals and writes only what changed (SCORING §6–8).
import {
  companyFitProperties,
  dealFitProperties,
  diffFitProperties,
  scoreCompany,
  scoreDeal,
} from '@strategy-fit/core';
import type {
  CompanyScore,
  CompiledStrategy,
  FitStamp,
  PropertyDefinitions,
  RecordFacts,
  StrategyFitError,
} from '@strategy-fit/core';

import type { FailedRecord, ScoredObject } from './checkpoint.ts';
import type { BulkCrm, RawRecord } from './crm.ts';

/** What one page did; committed in page order. */
export type PageOutcome = {
  scanned: number;
  changed: number;
  unchanged: number;
  failed: FailedRecord[];
};

/** Everything a page needs that stays the same for the whole run. */
export type ScoringContext = {
  crm: BulkCrm;
  compiled: CompiledStrategy;
  stamp: FitStamp;
  nowMs: number;
  definitions: { companies: PropertyDefinitions; deals: PropertyDefinitions };
  /** Company properties read for a deal's company. */
  companyProperties: string[];
  /** Deal properties read for a deal found through its company. */
  dealProperties: string[];
};

type Update = { id: string; properties: Record<string, string> };

const failAll = (
  objectType: ScoredObject,
  ids: readonly string[],
  error: StrategyFitError,
): FailedRecord[] =>
  ids.map((id) => ({ objectType, id, code: error.code, message: error.message }));

/** Writes the diffs of a page and counts what happened. */
const writeDiffs = async (
  ctx: ScoringContext,
  objectType: ScoredObject,
  scanned: number,
  updates: Update[],
  failed: FailedRecord[],
): Promise<PageOutcome> => {
  const unchanged = scanned - updates.length - failed.length;
  if (updates.length === 0) return { scanned, changed: 0, unchanged, failed };
  const written = await ctx.crm.writeRecords(objectType, updates);
  if (!written.ok) {
    const ids = updates.map((u) => u.id);
    return {
      scanned,
      changed: 0,
      unchanged,
      failed: [...failed, ...failAll(objectType, ids, written.error)],
    };
  }
  return {
    scanned,
    changed: written.value.written.length,
    unchanged,
    failed: [
      ...failed,
      ...written.value.failed.map((f) => ({
        objectType,
        id: f.id,
        code: f.error.code,
        message: f.error.message,
      })),
    ],
  };
};

const companyFacts = (ctx: ScoringContext, record: RawRecord): RecordFacts => ({
  id: record.id,
  properties: record.properties,
  definitions: ctx.definitions.companies,
  nowMs: ctx.nowMs,
});

/** SCORING §6 + §8: scores a page of companies and writes the changed fit properties. */
export const scoreCompanyPage = async (
  ctx: ScoringContext,
  records: readonly RawRecord[],
): Promise<PageOutcome> => {
  const updates: Update[] = [];
  for (const record of records) {
    const score = scoreCompany(ctx.compiled, companyFacts(ctx, record));
    const diff = diffFitProperties(record.properties, companyFitProperties(score, ctx.stamp));
    if (diff !== null) updates.push({ id: record.id, properties: diff });
  }
  return writeDiffs(ctx, 'companies', records.length, updates, []);
};

type DealCompany = { facts: RecordFacts; score: CompanyScore };
/** Each deal's company (SCORING §7: primary, else lowest id), null for none. */
type CompanyOf = ReadonlyMap<string, string | null>;

type DealCompanies = { companyOf: CompanyOf; companies: ReadonlyMap<string, DealCompany> };
type Read<T> = { ok: true; value: T } | { ok: false; error: StrategyFitError };

/** The companies named by `companyOf` for these deals, read in one batch and scored once. */
const readCompaniesOf = async (
  ctx: ScoringContext,
  dealIds: readonly string[],
  companyOf: CompanyOf,
): Promise<Read<DealCompanies>> => {
  const ids = [
    ...new Set(dealIds.map((id) => companyOf.get(id) ?? null).filter((id) => id !== null)),
  ];
  const companies = new Map<string, DealCompany>();
  if (ids.length === 0) return { ok: true, value: { companyOf, companies } };
  const read = await ctx.crm.readRecords('companies', ids, ctx.companyProperties);
  if (!read.ok) return read;
  for (const record of read.value.records) {
    const facts = companyFacts(ctx, record);
    companies.set(record.id, { facts, score: scoreCompany(ctx.compiled, facts) });
  }
  return { ok: true, value: { companyOf, companies } };
};

/** The deals' companies (SCORING §7), unless the caller has them already (`known`). */
const readDealCompanies = async (
  ctx: ScoringContext,
  dealIds: string[],
  known: DealCompanies | null,
): Promise<Read<DealCompanies>> => {
  if (known !== null) return { ok: true, value: known };
  const companyOf = await ctx.crm.readDealCompanyIds(dealIds);
  return companyOf.ok ? readCompaniesOf(ctx, dealIds, companyOf.value) : companyOf;
};

/** SCORING §7 + §8: scores deals with their companies and line items, writes the diffs. */
const scoreDeals = async (
  ctx: ScoringContext,
  records: readonly RawRecord[],
  known: DealCompanies | null,
): Promise<PageOutcome> => {
  const dealIds = records.map((r) => r.id);
  if (dealIds.length === 0) return NOTHING;
  const [companies, lineItems] = await Promise.all([
    readDealCompanies(ctx, dealIds, known),
    ctx.crm.readDealLineItems(dealIds),
  ]);
  if (!companies.ok)
    return writeDiffs(ctx, 'deals', records.length, [], failAll('deals', dealIds, companies.error));
  if (!lineItems.ok)
    return writeDiffs(ctx, 'deals', records.length, [], failAll('deals', dealIds, lineItems.error));
  const updates: Update[] = [];
  for (const record of records) {
    const companyId = companies.value.companyOf.get(record.id) ?? null;
    // A company that no longer exists counts as none ("no associated company").
    const company = companyId === null ? null : (companies.value.companies.get(companyId) ?? null);
    const score = scoreDeal(ctx.compiled, {
      deal: {
        id: record.id,
        properties: record.properties,
        definitions: ctx.definitions.deals,
        nowMs: ctx.nowMs,
      },
      company,
      lineItems: (lineItems.value.get(record.id) ?? []).map((li) => ({
        id: li.id,
        properties: li.properties,
      })),
      nowMs: ctx.nowMs,
    });
    const diff = diffFitProperties(record.properties, dealFitProperties(score, ctx.stamp));
    if (diff !== null) updates.push({ id: record.id, properties: diff });
  }
  return writeDiffs(ctx, 'deals', records.length, updates, []);
};

/** SCORING §7 + §8: scores a page of deals with their companies and line items, writes the diffs. */
export const scoreDealPage = (
  ctx: ScoringContext,
  records: readonly RawRecord[],
): Promise<PageOutcome> => scoreDeals(ctx, records, null);

const NOTHING: PageOutcome = { scanned: 0, changed: 0, unchanged: 0, failed: [] };

const add = (a: PageOutcome, b: PageOutcome): PageOutcome => ({
  scanned: a.scanned + b.scanned,
  changed: a.changed + b.changed,
  unchanged: a.unchanged + b.unchanged,
  failed: [...a.failed, ...b.failed],
});

export type CompanyDealsOptions = {
  /** Which of these deals the run has already scored (the deals phase of a --since run). */
  alreadyScored: (dealIds: readonly string[]) => Set<string>;
  /** Deals read and written per batch (≤ 100). */
  batchSize: number;
};

/**
 * Scores the deals found under changed companies (`links`: company → deal, one association page).
 * A deal reads only its own company (SCORING §7: primary, else lowest id), so it is scored under
 * that company and no other: once, however many changed companies it is linked to. Deals the run
 * has already scored are left out.
 */
export const scoreCompanyDealsPage = async (
  ctx: ScoringContext,
  links: readonly { fromId: string; toId: string }[],
  options: CompanyDealsOptions,
): Promise<PageOutcome> => {
  const foundUnder = new Map<string, Set<string>>();
  for (const { fromId, toId } of links) {
    const companies = foundUnder.get(toId) ?? new Set<string>();
    companies.add(fromId);
    foundUnder.set(toId, companies);
  }
  const scored = options.alreadyScored([...foundUnder.keys()]);
  const candidates = [...foundUnder.keys()].filter((id) => !scored.has(id));
  if (candidates.length === 0) return NOTHING;
  const companyOf = await ctx.crm.readDealCompanyIds(candidates);
  if (!companyOf.ok) {
    const failed = failAll('deals', candidates, companyOf.error);
    return { scanned: candidates.length, changed: 0, unchanged: 0, failed };
  }
  const own = candidates.filter((id) => {
    const companyId = companyOf.value.get(id) ?? null;
    return companyId !== null && foundUnder.get(id)?.has(companyId) === true;
  });
  if (own.length === 0) return NOTHING;
  // The page's companies (at most one association read's inputs), read once for all its deals.
  const companies = await readCompaniesOf(ctx, own, companyOf.value);
  if (!companies.ok) {
    const failed = failAll('deals', own, companies.error);
    return { scanned: own.length, changed: 0, unchanged: 0, failed };
  }
  let outcome = NOTHING;
  for (let i = 0; i < own.length; i += options.batchSize) {
    const part = own.slice(i, i + options.batchSize);
    const read = await ctx.crm.readRecords('deals', part, ctx.dealProperties);
    // A deal deleted since its company was read is no longer there to score.
    outcome = add(
      outcome,
      read.ok
        ? await scoreDeals(ctx, read.value.records, companies.value)
        : {
            scanned: part.length,
            changed: 0,
            unchanged: 0,
            failed: failAll('deals', part, read.error),
          },
    );
  }
  return outcome;
};
