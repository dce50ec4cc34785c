// `strategy_simulate`: one chunk of the simulation of a proposed strategy over the portfolio
// (SCORING §9): companies page by page (the list API, in id order), each scored with the
// published and the proposed strategy, with its open pipeline (its open deals: `hs_is_closed`
// not true, each counted for its own company, SCORING §7). A chunk stops starting pages after
// `budgetMs` and answers its matrix and a cursor; the page merges the chunks. Reads only.
import {
  compileStrategy,
  createSimulationAccumulator,
  err,
  ok,
  openPipelineByCompany,
  parseStrategy,
  readBoolean,
  simulateCompany,
  strategyFitError,
  strategyIssuesError,
  strategyProperties,
  StrategySimulateParams,
} from '@strategy-fit/core';
import type {
  OpenPipeline,
  PropertyDefinitions,
  Result,
  SimulationAccumulator,
  SimulationCursor,
  StrategyFitError,
  StrategySimulateValue,
} from '@strategy-fit/core';
import {
  countRecords,
  listRecords,
  readCompanyDealIds,
  readDealCompanyIds,
  readRecords,
} from '@strategy-fit/hubspot';
import type { RawRecord } from '@strategy-fit/hubspot';
import type { z } from 'zod';

import type { ActiveStrategy } from '../../lib/active-strategy.ts';
import type { Runtime } from '../../lib/runtime.ts';
import { verifyUser } from '../../lib/verify-user.ts';
import { checkPublisher, FIRST_VERSION_MESSAGE, parseEditorParams } from './editor-shared.ts';

export type StrategySimulateInput = z.output<typeof StrategySimulateParams>;

export type SimulateOptions = {
  /** After this long (ms since the call began), no new page is started. */
  budgetMs: number;
  /** At most this many pages per chunk. */
  maxPages: number;
  /** Companies per page: HubSpot's list API takes at most 100. */
  pageSize: number;
};

/**
 * A chunk stays well inside HubSpot's function time limit (about 10 s, HUBSPOT.md §2.3): no page
 * starts after 3 s, and a page is 3 round trips (companies, their deals, the deals and their
 * companies), so a chunk ends within about 3 s plus one page.
 */
export const SIMULATE_DEFAULTS: SimulateOptions = { budgetMs: 3_000, maxPages: 50, pageSize: 100 };

const DEAL_PROPERTIES = ['amount', 'hs_is_closed'];

export const parseStrategySimulate = (
  context: unknown,
): Result<StrategySimulateInput, StrategyFitError> =>
  parseEditorParams(context, StrategySimulateParams);

/** The open pipeline of a page of companies: each open deal counted for its own company only. */
async function readOpenPipeline(
  rt: Runtime,
  companyIds: readonly string[],
): Promise<Result<{ byCompany: Map<string, OpenPipeline>; openDeals: number }, StrategyFitError>> {
  const dealsOf = await readCompanyDealIds(rt.hs, companyIds);
  if (!dealsOf.ok) return dealsOf;
  const dealIds = [...new Set([...dealsOf.value.values()].flat())];
  if (dealIds.length === 0) return ok({ byCompany: new Map(), openDeals: 0 });
  const [deals, companyOf] = await Promise.all([
    readRecords(rt.hs, 'deals', dealIds, DEAL_PROPERTIES),
    readDealCompanyIds(rt.hs, dealIds),
  ]);
  if (!deals.ok) return deals;
  if (!companyOf.ok) return companyOf;
  const page = new Set(companyIds);
  const open = deals.value.records
    .filter((d) => readBoolean(d.properties['hs_is_closed'] ?? '') !== true)
    .map((d) => ({ companyId: companyOf.value.get(d.id) ?? null, amount: d.properties['amount'] }))
    .filter((d) => d.companyId !== null && page.has(d.companyId));
  return ok({ byCompany: openPipelineByCompany(open), openDeals: open.length });
}

type Chunk = { companies: number; openDeals: number; after: string | null };

async function simulatePages(
  rt: Runtime,
  run: {
    active: ActiveStrategy;
    proposed: ReturnType<typeof compileStrategy>;
    properties: readonly string[];
    definitions: PropertyDefinitions;
    after: string | undefined;
    startedMs: number;
    nowMs: number;
    sim: SimulationAccumulator;
  },
  options: SimulateOptions,
): Promise<Result<Chunk, StrategyFitError>> {
  const list = (after: string | undefined) =>
    listRecords(rt.hs, {
      objectType: 'companies',
      properties: run.properties,
      limit: options.pageSize,
      ...(after === undefined ? {} : { after }),
    });
  let pending = list(run.after);
  let companies = 0;
  let openDeals = 0;
  for (let pages = 1; ; pages += 1) {
    const page = await pending;
    if (!page.ok) return page;
    const { records, nextAfter } = page.value;
    const elapsed = rt.now() - run.startedMs;
    const more =
      nextAfter !== null &&
      pages < options.maxPages &&
      elapsed + elapsed / pages < options.budgetMs;
    // The next page is listed while this one's deals are read.
    if (more) pending = list(nextAfter);
    const pipeline = await readOpenPipeline(
      rt,
      records.map((r: RawRecord) => r.id),
    );
    if (!pipeline.ok) return pipeline;
    for (const r of records) {
      const facts = {
        id: r.id,
        properties: r.properties,
        definitions: run.definitions,
        nowMs: run.nowMs,
      };
      const open = pipeline.value.byCompany.get(r.id) ?? { openDeals: 0, openAmount: 0 };
      run.sim.add(simulateCompany(run.active.compiled, run.proposed, facts, open));
    }
    companies += records.length;
    openDeals += pipeline.value.openDeals;
    if (!more) return ok({ companies, openDeals, after: nextAfter });
  }
}

/** One chunk: checks the manager and the strategy, then simulates pages until the budget ends. */
export async function simulateStrategy(
  rt: Runtime,
  input: StrategySimulateInput,
  options: SimulateOptions = SIMULATE_DEFAULTS,
): Promise<Result<StrategySimulateValue, StrategyFitError>> {
  const startedMs = rt.now();
  const parsed = parseStrategy(input.strategy);
  if (!parsed.ok) return err(strategyIssuesError(parsed.error));
  const cursor: SimulationCursor | undefined = input.cursor;
  const [active, user, definitions, total] = await Promise.all([
    rt.strategies.current(),
    verifyUser(rt, input.user),
    rt.definitions.read('companies'),
    cursor === undefined
      ? countRecords(rt.hs, 'companies', { kind: 'filters', filterGroups: [] })
      : Promise.resolve(ok(cursor.totalCompanies)),
  ]);
  if (!active.ok) {
    return active.error.code === 'strategy_not_published'
      ? err(strategyFitError('not_allowed', FIRST_VERSION_MESSAGE))
      : active;
  }
  if (!user.ok) return user;
  const allowed = checkPublisher(active.value, user.value);
  if (!allowed.ok) return allowed;
  if (!definitions.ok) return definitions;
  if (cursor !== undefined && cursor.publishedVersion !== active.value.version) {
    return err(
      strategyFitError(
        'invalid_input',
        `Version ${active.value.version} was published while the simulation ran (it compared with version ${cursor.publishedVersion}). Simulate again.`,
        { path: 'cursor' },
      ),
    );
  }
  const proposed = compileStrategy(parsed.value);
  const properties = [
    ...new Set([
      ...strategyProperties(parsed.value).company,
      ...strategyProperties(active.value.strategy).company,
    ]),
  ].sort();
  const sim = createSimulationAccumulator();
  const chunk = await simulatePages(
    rt,
    {
      active: active.value,
      proposed,
      properties,
      definitions: definitions.value,
      after: cursor?.after,
      startedMs,
      nowMs: startedMs,
      sim,
    },
    options,
  );
  if (!chunk.ok) return chunk;
  // The count is progress only: when HubSpot's search could not answer it, the page shows
  // "so far" without a total rather than failing the simulation.
  const totalCompanies = total.ok ? total.value : null;
  const companiesDone = (cursor?.companiesDone ?? 0) + chunk.value.companies;
  return ok({
    publishedVersion: active.value.version,
    matrix: sim.finish(),
    chunk: {
      companies: chunk.value.companies,
      openDeals: chunk.value.openDeals,
      elapsedMs: Math.max(0, rt.now() - startedMs),
    },
    progress: { companiesDone, totalCompanies },
    cursor:
      chunk.value.after === null
        ? null
        : {
            after: chunk.value.after,
            publishedVersion: active.value.version,
            companiesDone,
            totalCompanies,
          },
  });
}
