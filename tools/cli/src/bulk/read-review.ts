// `report`: reads the portal's stored scores (companies, deals with stages, amounts, dates and
// exceptions, owners, pipelines) page by page into the strategy review (SCORING §9).
import {
  createReviewAccumulator,
  err,
  exceptionFromProperties,
  isMissing,
  ok,
  readDateMs,
  readNumber,
  strategyFitError,
  Tier,
} from '@strategy-fit/core';
import type {
  Result,
  ReviewCompany,
  ReviewDeal,
  StrategyFitError,
  StrategyReview,
} from '@strategy-fit/core';

import type { BulkCrm, CrmOwner, CrmPipeline, PublishedStrategy, RawRecord } from './crm.ts';
import { runPipeline } from './pipeline.ts';
import type { ProgressReporter } from './progress.ts';

export const REVIEW_COMPANY_PROPERTIES = [
  'name',
  'hubspot_owner_id',
  'strategy_fit_tier',
  'strategy_fit_segment',
  'strategy_fit_version',
];
export const REVIEW_DEAL_PROPERTIES = [
  'dealname',
  'amount',
  'hubspot_owner_id',
  'pipeline',
  'dealstage',
  'createdate',
  'closedate',
  'strategy_fit_tier',
  'strategy_fit_segment',
  'strategy_fit_off_strategy',
  'strategy_fit_reason',
  'strategy_fit_version',
  'strategy_fit_discount_percent',
  'strategy_fit_exception',
  'strategy_fit_exception_note',
  'strategy_fit_exception_by',
  'strategy_fit_exception_expires',
];

/** Names the renderers show instead of ids (ReportOptions of tools/cli/src/report). */
export type ReviewNames = {
  strategyName: string;
  segmentNames: Record<string, string>;
  ownerNames: Record<string, string>;
  stageLabels: Record<string, string>;
};

export type ReviewRead = {
  review: StrategyReview;
  names: ReviewNames;
  published: PublishedStrategy;
};

type Stage = { pipelineId: string; label: string; isClosed: boolean; isWon: boolean };

const text = (raw: string | null | undefined): string | null =>
  isMissing(raw) ? null : raw.trim();

const tierOf = (raw: string | null | undefined): Tier | null => {
  const parsed = Tier.safeParse(text(raw));
  return parsed.success ? parsed.data : null;
};

const versionOf = (raw: string | null | undefined): number | null => {
  const n = text(raw) === null ? null : readNumber(raw ?? '');
  return n !== null && Number.isInteger(n) ? n : null;
};

const ownerName = (o: CrmOwner): string | null =>
  [o.firstName, o.lastName].filter((p) => p !== null && p !== '').join(' ') || o.email;

/** Stage metadata by stage id, and by `pipeline/stage` where ids repeat across pipelines. */
export const stageIndex = (pipelines: readonly CrmPipeline[]): Map<string, Stage> => {
  const stages = new Map<string, Stage>();
  for (const p of pipelines) {
    for (const s of p.stages) {
      const stage = { pipelineId: p.id, label: s.label, isClosed: s.isClosed, isWon: s.isWon };
      stages.set(`${p.id}/${s.id}`, stage);
      if (!stages.has(s.id)) stages.set(s.id, stage);
    }
  }
  return stages;
};

export const stageOf = (
  stages: Map<string, Stage>,
  pipelineId: string | null,
  stageId: string | null,
): Stage | null =>
  stageId === null
    ? null
    : (stages.get(`${pipelineId ?? ''}/${stageId}`) ?? stages.get(stageId) ?? null);

const toReviewCompany = (r: RawRecord): ReviewCompany => ({
  id: r.id,
  name: text(r.properties.name),
  ownerId: text(r.properties.hubspot_owner_id),
  tier: tierOf(r.properties.strategy_fit_tier),
  segmentId: text(r.properties.strategy_fit_segment),
  version: versionOf(r.properties.strategy_fit_version),
});

type DealContext = {
  stages: Map<string, Stage>;
  companyTiers: Map<string, Tier | null>;
  nowMs: number;
};

const numberOf = (raw: string | null | undefined): number | null => {
  const t = text(raw);
  return t === null ? null : readNumber(t);
};

const dateOf = (raw: string | null | undefined): number | null => {
  const t = text(raw);
  return t === null ? null : readDateMs(t);
};

const toReviewDeal = (ctx: DealContext, r: RawRecord, companyId: string | null): ReviewDeal => {
  const p = r.properties;
  const pipelineId = text(p.pipeline);
  const stageId = text(p.dealstage);
  const stage = stageOf(ctx.stages, pipelineId, stageId);
  const isClosed = stage?.isClosed ?? false;
  return {
    id: r.id,
    name: text(p.dealname),
    amount: numberOf(p.amount),
    ownerId: text(p.hubspot_owner_id),
    pipelineId,
    stageId,
    stageLabel: stage?.label ?? null,
    isClosed,
    isWon: isClosed && (stage?.isWon ?? false),
    createdAtMs: dateOf(p.createdate),
    closedAtMs: isClosed ? dateOf(p.closedate) : null,
    // The discount scoring saw (line items, else the strategy's discount property).
    discountPercent: numberOf(p.strategy_fit_discount_percent),
    tier: tierOf(p.strategy_fit_tier),
    segmentId: text(p.strategy_fit_segment),
    offStrategy: text(p.strategy_fit_off_strategy)?.toLowerCase() === 'true',
    reason: text(p.strategy_fit_reason),
    exception: exceptionFromProperties(p, ctx.nowMs),
    companyId,
    companyTier: companyId === null ? null : (ctx.companyTiers.get(companyId) ?? null),
    version: versionOf(p.strategy_fit_version),
  };
};

export type ReadReviewOptions = {
  nowMs: number;
  progress: ProgressReporter;
  maxDealRows?: number;
  depth?: number;
};

const failed = (error: StrategyFitError): Result<never, StrategyFitError> => err(error);

/**
 * Reads every company, then every deal, and returns the review with the names to show. Memory
 * grows with the number of companies (one tier per company, to give each deal its company's tier).
 */
export const readReview = async (
  crm: BulkCrm,
  options: ReadReviewOptions,
): Promise<Result<ReviewRead, StrategyFitError>> => {
  const [published, owners, pipelines] = await Promise.all([
    crm.readPublishedStrategy(),
    crm.listOwners(),
    crm.listDealPipelines(),
  ]);
  if (!published.ok) return published;
  if (published.value === null) {
    return failed(
      strategyFitError(
        'strategy_not_published',
        'No strategy is published yet: there is nothing to review.',
      ),
    );
  }
  if (!owners.ok) return owners;
  if (!pipelines.ok) return pipelines;
  const { strategy, version } = published.value;
  const review = createReviewAccumulator({
    strategy,
    publishedVersion: version,
    nowMs: options.nowMs,
    owners: owners.value.map((o) => ({ id: o.id, name: ownerName(o) })),
    ...(options.maxDealRows === undefined ? {} : { maxDealRows: options.maxDealRows }),
  });
  const ctx: DealContext = {
    stages: stageIndex(pipelines.value),
    companyTiers: new Map(),
    nowMs: options.nowMs,
  };
  const depth = options.depth ?? 4;

  let seen = 0;
  options.progress.start('companies', null, 0);
  const companies = await runPipeline<RawRecord, RawRecord[]>({
    startCursor: null,
    readPage: async (after) => {
      const page = await crm.listRecords({
        objectType: 'companies',
        properties: REVIEW_COMPANY_PROPERTIES,
        limit: 100,
        ...(after === null ? {} : { after }),
      });
      return page.ok ? ok({ items: page.value.records, nextCursor: page.value.nextAfter }) : page;
    },
    processPage: async (records) => records,
    commitPage: async (records) => {
      for (const r of records) {
        const company = toReviewCompany(r);
        ctx.companyTiers.set(company.id, company.tier);
        review.addCompany(company);
      }
      seen += records.length;
      options.progress.update({ done: seen, changed: 0, failed: 0 });
    },
    depth,
  });
  options.progress.stop();
  if (companies.kind === 'failed') return failed(companies.error);

  type DealPage = Result<ReviewDeal[], StrategyFitError>;
  let firstError: StrategyFitError | null = null;
  seen = 0;
  options.progress.start('deals', null, 0);
  const deals = await runPipeline<RawRecord, DealPage>({
    startCursor: null,
    readPage: async (after) => {
      const page = await crm.listRecords({
        objectType: 'deals',
        properties: REVIEW_DEAL_PROPERTIES,
        limit: 100,
        ...(after === null ? {} : { after }),
      });
      return page.ok ? ok({ items: page.value.records, nextCursor: page.value.nextAfter }) : page;
    },
    processPage: async (records): Promise<DealPage> => {
      if (records.length === 0) return ok([]);
      const companyIds = await crm.readDealCompanyIds(records.map((r) => r.id));
      if (!companyIds.ok) return companyIds;
      return ok(records.map((r) => toReviewDeal(ctx, r, companyIds.value.get(r.id) ?? null)));
    },
    commitPage: async (page) => {
      if (!page.ok) {
        firstError ??= page.error;
        return;
      }
      for (const deal of page.value) review.addDeal(deal);
      seen += page.value.length;
      options.progress.update({ done: seen, changed: 0, failed: 0 });
    },
    depth,
    shouldStop: () => firstError !== null,
  });
  options.progress.stop();
  if (deals.kind === 'failed') return failed(deals.error);
  if (firstError !== null) return failed(firstError);

  return ok({
    review: review.finish(),
    published: published.value,
    names: {
      strategyName: strategy.name,
      segmentNames: Object.fromEntries(strategy.segments.map((s) => [s.id, s.name])),
      ownerNames: Object.fromEntries(
        owners.value.flatMap((o) => {
          const name = ownerName(o);
          return name === null ? [] : [[o.id, name]];
        }),
      ),
      stageLabels: Object.fromEntries(
        pipelines.value.flatMap((p) => p.stages.map((s) => [s.id, s.label])),
      ),
    },
  });
};
