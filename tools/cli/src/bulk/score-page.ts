// Scores one page of companies or deals and writes only what changed (SCORING §6–8).
import {
  companyFitProperties,
  dealFitProperties,
  diffFitProperties,
  evaluateCompany,
  scoreDeal,
} from '@strategy-fit/core';
import type {
  CompanyEvaluation,
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

/** SCORING §6 + §8: evaluates a page of companies and writes the changed fit properties. */
export const scoreCompanyPage = async (
  ctx: ScoringContext,
  records: readonly RawRecord[],
): Promise<PageOutcome> => {
  const updates: Update[] = [];
  for (const record of records) {
    const evaluation = evaluateCompany(ctx.compiled, companyFacts(ctx, record));
    const diff = diffFitProperties(record.properties, companyFitProperties(evaluation, ctx.stamp));
    if (diff !== null) updates.push({ id: record.id, properties: diff });
  }
  return writeDiffs(ctx, 'companies', records.length, updates, []);
};

type DealCompany = { facts: RecordFacts; evaluation: CompanyEvaluation };

/** The deals' companies (primary, else lowest id: SCORING §7), read in one batch and evaluated once. */
const readDealCompanies = async (
  ctx: ScoringContext,
  dealIds: string[],
): Promise<
  | { ok: true; companyOf: Map<string, string | null>; companies: Map<string, DealCompany> }
  | { ok: false; error: StrategyFitError }
> => {
  const companyOf = await ctx.crm.readDealCompanyIds(dealIds);
  if (!companyOf.ok) return companyOf;
  const ids = [...new Set([...companyOf.value.values()].filter((id) => id !== null))];
  const companies = new Map<string, DealCompany>();
  if (ids.length === 0) return { ok: true, companyOf: companyOf.value, companies };
  const read = await ctx.crm.readRecords('companies', ids, ctx.companyProperties);
  if (!read.ok) return read;
  for (const record of read.value.records) {
    const facts = companyFacts(ctx, record);
    companies.set(record.id, { facts, evaluation: evaluateCompany(ctx.compiled, facts) });
  }
  return { ok: true, companyOf: companyOf.value, companies };
};

/** SCORING §7 + §8: scores a page of deals with their companies and line items, writes the diffs. */
export const scoreDealPage = async (
  ctx: ScoringContext,
  records: readonly RawRecord[],
): Promise<PageOutcome> => {
  const dealIds = records.map((r) => r.id);
  if (dealIds.length === 0) return { scanned: 0, changed: 0, unchanged: 0, failed: [] };
  const [companies, lineItems] = await Promise.all([
    readDealCompanies(ctx, dealIds),
    ctx.crm.readDealLineItems(dealIds),
  ]);
  if (!companies.ok)
    return writeDiffs(ctx, 'deals', records.length, [], failAll('deals', dealIds, companies.error));
  if (!lineItems.ok)
    return writeDiffs(ctx, 'deals', records.length, [], failAll('deals', dealIds, lineItems.error));
  const updates: Update[] = [];
  for (const record of records) {
    const companyId = companies.companyOf.get(record.id) ?? null;
    // A company that no longer exists counts as none ("no associated company").
    const company = companyId === null ? null : (companies.companies.get(companyId) ?? null);
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
