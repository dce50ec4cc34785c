// `simulate FILE`: every company scored with the published and with the proposed strategy, its
// open pipeline (open deals grouped by company; closed-ness from the pipelines' stages), and the
// old-tier → new-tier matrix (SCORING §9). Reads only; writes nothing.
import {
  compileStrategy,
  createSimulationAccumulator,
  err,
  isMissing,
  ok,
  readNumber,
  simulateCompany,
} from '@strategy-fit/core';
import type {
  CompiledStrategy,
  PropertyDefinitions,
  Result,
  SimulationMatrix,
  Strategy,
  StrategyFitError,
} from '@strategy-fit/core';

import type { BulkCrm, RawRecord } from './crm.ts';
import { runPipeline } from './pipeline.ts';
import type { ProgressReporter } from './progress.ts';
import { stageIndex, stageOf } from './read-review.ts';
import { strategyProperties } from './strategy-properties.ts';

export type SimulationRead = {
  matrix: SimulationMatrix;
  /** The published version compared against; null when none is published (every company is new). */
  publishedVersion: number | null;
};

type OpenPipeline = { deals: number; amount: number };

const text = (raw: string | null | undefined): string | null =>
  isMissing(raw) ? null : raw.trim();

/** Open deals grouped by their company (primary, else lowest id), read page by page. */
const readOpenPipeline = async (
  crm: BulkCrm,
  progress: ProgressReporter,
): Promise<Result<Map<string, OpenPipeline>, StrategyFitError>> => {
  const pipelines = await crm.listDealPipelines();
  if (!pipelines.ok) return pipelines;
  const stages = stageIndex(pipelines.value);
  const open = new Map<string, OpenPipeline>();
  let firstError: StrategyFitError | null = null;
  let seen = 0;
  progress.start('deals', null, 0);
  type Opened = Result<
    { records: RawRecord[]; companyOf: Map<string, string | null> },
    StrategyFitError
  >;
  const end = await runPipeline<RawRecord, Opened>({
    startCursor: null,
    readPage: async (after) => {
      const page = await crm.listRecords({
        objectType: 'deals',
        properties: ['amount', 'pipeline', 'dealstage'],
        limit: 100,
        ...(after === null ? {} : { after }),
      });
      return page.ok ? ok({ items: page.value.records, nextCursor: page.value.nextAfter }) : page;
    },
    processPage: async (records): Promise<Opened> => {
      const openDeals = records.filter(
        (r) =>
          stageOf(stages, text(r.properties.pipeline), text(r.properties.dealstage))?.isClosed !==
          true,
      );
      if (openDeals.length === 0) return ok({ records: openDeals, companyOf: new Map() });
      const companyOf = await crm.readDealCompanyIds(openDeals.map((r) => r.id));
      return companyOf.ok ? ok({ records: openDeals, companyOf: companyOf.value }) : companyOf;
    },
    commitPage: async (page) => {
      if (!page.ok) {
        firstError ??= page.error;
        return;
      }
      for (const deal of page.value.records) {
        const companyId = page.value.companyOf.get(deal.id) ?? null;
        if (companyId === null) continue;
        const sum = open.get(companyId) ?? { deals: 0, amount: 0 };
        const amount = text(deal.properties.amount);
        const n = amount === null ? null : readNumber(amount);
        open.set(companyId, { deals: sum.deals + 1, amount: sum.amount + (n ?? 0) });
      }
      seen += page.value.records.length;
      progress.update({ done: seen, changed: 0, failed: 0 });
    },
    shouldStop: () => firstError !== null,
  });
  progress.stop();
  if (end.kind === 'failed') return err(end.error);
  if (firstError !== null) return err(firstError);
  return ok(open);
};

export type SimulateOptions = { nowMs: number; progress: ProgressReporter };

/** Scores the portfolio with both strategies and returns the matrix; calls no write. */
export const runSimulation = async (
  crm: BulkCrm,
  proposed: Strategy,
  options: SimulateOptions,
): Promise<Result<SimulationRead, StrategyFitError>> => {
  const [published, definitions] = await Promise.all([
    crm.readPublishedStrategy(),
    crm.readPropertyDefinitions('companies'),
  ]);
  if (!published.ok) return published;
  if (!definitions.ok) return definitions;
  const open = await readOpenPipeline(crm, options.progress);
  if (!open.ok) return open;

  const current: CompiledStrategy | null =
    published.value === null ? null : compileStrategy(published.value.strategy);
  const next = compileStrategy(proposed);
  const properties = [
    ...new Set([
      ...strategyProperties(proposed).company,
      ...(published.value === null ? [] : strategyProperties(published.value.strategy).company),
    ]),
  ];
  const defs: PropertyDefinitions = definitions.value;
  const sim = createSimulationAccumulator();
  let seen = 0;
  options.progress.start('companies', null, 0);
  const end = await runPipeline<RawRecord, RawRecord[]>({
    startCursor: null,
    readPage: async (after) => {
      const page = await crm.listRecords({
        objectType: 'companies',
        properties,
        limit: 100,
        ...(after === null ? {} : { after }),
      });
      return page.ok ? ok({ items: page.value.records, nextCursor: page.value.nextAfter }) : page;
    },
    processPage: async (records) => records,
    commitPage: async (records) => {
      for (const r of records) {
        const facts = {
          id: r.id,
          properties: r.properties,
          definitions: defs,
          nowMs: options.nowMs,
        };
        const pipeline = open.value.get(r.id) ?? { deals: 0, amount: 0 };
        sim.add(
          simulateCompany(current, next, facts, {
            openDeals: pipeline.deals,
            openAmount: pipeline.amount,
          }),
        );
      }
      seen += records.length;
      options.progress.update({ done: seen, changed: 0, failed: 0 });
    },
  });
  options.progress.stop();
  if (end.kind === 'failed') return err(end.error);
  return ok({ matrix: sim.finish(), publishedVersion: published.value?.version ?? null });
};
