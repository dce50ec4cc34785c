// `report`: reads the portal's stored scores (companies, deals with stages, amounts, dates and
// exceptions, owners, pipelines) page by page into the strategy review (SCORING §9).
import { createReviewAccumulator, err, ok, strategyFitError } from '@strategy-fit/core';
import type {
  Result,
  ReviewDeal,
  StrategyFitError,
  StrategyReview,
  Tier,
} from '@strategy-fit/core';
import {
  REVIEW_COMPANY_PROPERTIES,
  REVIEW_DEAL_PROPERTIES,
  reviewOwnerName,
  stageIndex,
  stageOf,
  toReviewCompany,
  toReviewDeal,
} from '@strategy-fit/hubspot';

import type { BulkCrm, PublishedStrategy, RawRecord } from './crm.ts';
import { runPipeline } from './pipeline.ts';
import type { ProgressReporter } from './progress.ts';

// The mapping from HubSpot records to the review's input lives in the adapter
// (@strategy-fit/hubspot review-records.ts), shared with the app function `strategy_review`.
export { REVIEW_COMPANY_PROPERTIES, REVIEW_DEAL_PROPERTIES, stageIndex, stageOf };

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
    owners: owners.value.map((o) => ({ id: o.id, name: reviewOwnerName(o) })),
    ...(options.maxDealRows === undefined ? {} : { maxDealRows: options.maxDealRows }),
  });
  const stages = stageIndex(pipelines.value);
  const companyTiers = new Map<string, Tier | null>();
  const depth = options.depth ?? 4;

  let seen = 0;
  options.progress.start('companies', null, 0);
  const companies = await runPipeline<RawRecord, RawRecord[]>({
    startCursor: null,
    readPage: async (after) => {
      const page = await crm.listRecords({
        objectType: 'companies',
        properties: [...REVIEW_COMPANY_PROPERTIES],
        limit: 100,
        ...(after === null ? {} : { after }),
      });
      return page.ok ? ok({ items: page.value.records, nextCursor: page.value.nextAfter }) : page;
    },
    processPage: async (records) => records,
    commitPage: async (records) => {
      for (const r of records) {
        const company = toReviewCompany(r);
        companyTiers.set(company.id, company.tier);
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
        properties: [...REVIEW_DEAL_PROPERTIES],
        limit: 100,
        ...(after === null ? {} : { after }),
      });
      return page.ok ? ok({ items: page.value.records, nextCursor: page.value.nextAfter }) : page;
    },
    processPage: async (records): Promise<DealPage> => {
      if (records.length === 0) return ok([]);
      const companyIds = await crm.readDealCompanyIds(records.map((r) => r.id));
      if (!companyIds.ok) return companyIds;
      return ok(
        records.map((r) => {
          const companyId = companyIds.value.get(r.id) ?? null;
          const companyTier = companyId === null ? null : (companyTiers.get(companyId) ?? null);
          return toReviewDeal(r, { stages, companyId, companyTier, nowMs: options.nowMs });
        }),
      );
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
          const name = reviewOwnerName(o);
          return name === null ? [] : [[o.id, name]];
        }),
      ),
      stageLabels: Object.fromEntries(
        pipelines.value.flatMap((p) => p.stages.map((s) => [s.id, s.label])),
      ),
    },
  });
};
