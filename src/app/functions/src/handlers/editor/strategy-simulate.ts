// `strategy_simulate`: one chunk of the simulation of a proposed strategy over the portfolio
// (SCORING §9): companies page by page (the list API, in id order), each scored with the
// published (none before the first version) and the proposed strategy, with its open pipeline (its open deals: `hs_is_closed`
// not true, each counted for its own company, SCORING §7). A chunk stops starting pages after
// `budgetMs` and answers its matrix and a cursor; the page merges the chunks. Its requests are
// paced per warm container (`SIMULATE_PACE`), and when HubSpot's rate limit (or failure, or the
// time budget) stops a page, the chunk answers the pages done with the cursor before that page,
// `interrupted` saying why: nothing done is lost. Reads only.
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
  CompiledStrategy,
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

import type { Runtime } from '../../lib/runtime.ts';
import { pacerFor } from '../manager/pacer.ts';
import type { Pacer, PacerLimits } from '../manager/pacer.ts';
import { parseEditorParams } from './editor-shared.ts';

export type StrategySimulateInput = z.output<typeof StrategySimulateParams>;

export type SimulateOptions = {
  /** After this long (ms since the call began), no new page is started. */
  budgetMs: number;
  /** A page listed within the budget may take this much longer to read its deals. */
  graceMs: number;
  /** At most this many pages per chunk. */
  maxPages: number;
  /** Companies per page: HubSpot's list API takes at most 100. */
  pageSize: number;
  /** The request pacing of this container's chunks. */
  pace: PacerLimits;
};

/**
 * The simulation's request pacing: a burst of 20, then 9 requests per second, like
 * `rescore_stale` (the page calls both chunk after chunk, so the steady rate is what counts). A
 * chunk sends at most 20 + 9 per second of its time (measured: about 50 in the first chunk, 27
 * in each next one, of HubSpot's 190 per 10 s); however fast the page loops, one container sends
 * at most 110 in any 10 s and about 90 steadily, under half the app's limit, leaving the rest to
 * cards, workflows and the CLI. Unpaced, one chunk of the demo portal sent 155 requests in 1.6 s
 * and failed when other traffic shared the window (docs/strategy-editor.md). The one search (the
 * first chunk's count) takes a search slot: at most 4 per rolling second.
 */
export const SIMULATE_PACE: PacerLimits = {
  burst: 20,
  perSecond: 9,
  searchBurst: 1,
  searchesPerSecond: 4,
};

/**
 * A chunk stays well inside HubSpot's function time limit (about 10 s, HUBSPOT.md §2.3) and the
 * runtime's 8-second budget: no page starts after 3 s; a page started may take 1.5 s more for its
 * request slots; a page is 3 round trips (companies, their deals, the deals and their
 * companies), so a chunk ends within about 4.5 s plus one page.
 */
export const SIMULATE_DEFAULTS: SimulateOptions = {
  budgetMs: 3_000,
  graceMs: 1_500,
  maxPages: 50,
  pageSize: 100,
  pace: SIMULATE_PACE,
};

/**
 * HubSpot's burst limit is a rolling 10-second window (HUBSPOT.md §6): once it refused a request,
 * every request it counted then has left the window this long after. The wait the function asks
 * the page for when HubSpot's 429 carried no Retry-After.
 */
export const RATE_WINDOW_MS = 10_000;

/** The longest wait the contract lets a chunk ask for (`interrupted.retryAfterMs`). */
const MAX_RETRY_AFTER_MS = 60_000;

/** HubSpot's batch sizes: records by id 100 per request, associations 1,000 per request. */
const RECORDS_PER_BATCH = 100;
const ASSOCIATIONS_PER_BATCH = 1_000;

const DEAL_PROPERTIES = ['amount', 'hs_is_closed'];

export const parseStrategySimulate = (
  context: unknown,
): Result<StrategySimulateInput, StrategyFitError> =>
  parseEditorParams(context, StrategySimulateParams);

type Interruption = NonNullable<StrategySimulateValue['interrupted']>;

/**
 * Why a page could not be simulated, when the chunk may answer what it did before it;
 * `waitMs`: the wait HubSpot's 429 asked for (its Retry-After), counted from `atMs`.
 */
type Stop = { reason: Interruption['reason']; message: string; atMs: number; waitMs?: number };

const batches = (n: number, size: number): number => Math.ceil(n / size);

/** What a page's read needs: request slots before each step, until `deadlineMs`. */
type Reading = { rt: Runtime; pacer: Pacer; deadlineMs: number };

const NO_SLOT = 'no_slot';

/** The open pipeline of a page of companies: each open deal counted for its own company only. */
async function readOpenPipeline(
  { rt, pacer, deadlineMs }: Reading,
  companyIds: readonly string[],
): Promise<
  | Result<{ byCompany: Map<string, OpenPipeline>; openDeals: number }, StrategyFitError>
  | typeof NO_SLOT
> {
  if (!(await pacer.take(batches(companyIds.length, ASSOCIATIONS_PER_BATCH), { deadlineMs }))) {
    return NO_SLOT;
  }
  const dealsOf = await readCompanyDealIds(rt.hs, companyIds);
  if (!dealsOf.ok) return dealsOf;
  const dealIds = [...new Set([...dealsOf.value.values()].flat())];
  if (dealIds.length === 0) return ok({ byCompany: new Map(), openDeals: 0 });
  const slots =
    batches(dealIds.length, RECORDS_PER_BATCH) + batches(dealIds.length, ASSOCIATIONS_PER_BATCH);
  if (!(await pacer.take(slots, { deadlineMs }))) return NO_SLOT;
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

/**
 * The failures a chunk survives by ending early: HubSpot's rate limit, HubSpot unavailable (5xx
 * after the client's retries, a dropped connection, an answer past the runtime's deadline: then
 * the time budget is named). Anything else (a refused token, a malformed answer) fails the chunk.
 */
function stopOf(e: StrategyFitError, rt: Runtime, startedMs: number): Stop | null {
  const atMs = Date.now();
  if (e.code === 'hubspot_rate_limited') {
    const waitMs = e.retryAfterMs ?? RATE_WINDOW_MS;
    return { reason: 'hubspot_rate_limited', message: e.message, atMs, waitMs };
  }
  if (e.code !== 'hubspot_unavailable') return null;
  // The runtime's deadline (`withDeadline`) ends HubSpot calls with hubspot_unavailable.
  const pastDeadline = atMs - startedMs >= rt.budgetMs - 100;
  return { reason: pastDeadline ? 'time_budget' : 'hubspot_unavailable', message: e.message, atMs };
}

/** No request slot of this container's pacer was free within the chunk's time budget. */
const outOfTime = (what: string): StrategyFitError =>
  strategyFitError(
    'hubspot_unavailable',
    `The simulation could not read ${what} within its time budget: this container's requests to HubSpot are paced. Try again in a moment.`,
  );

type Chunk = {
  companies: number;
  openDeals: number;
  after: string | null;
  stop: Stop | null;
};

async function simulatePages(
  rt: Runtime,
  run: {
    /** The published strategy; null before the first version (every company is new). */
    published: CompiledStrategy | null;
    proposed: ReturnType<typeof compileStrategy>;
    properties: readonly string[];
    definitions: PropertyDefinitions;
    after: string | undefined;
    /** Wall clock (ms) when the call began. */
    startedMs: number;
    /** "Now" for scoring (relative dates). */
    nowMs: number;
    sim: SimulationAccumulator;
    pacer: Pacer;
  },
  options: SimulateOptions,
): Promise<Result<Chunk, StrategyFitError>> {
  const budgetDeadlineMs = run.startedMs + options.budgetMs;
  const reading: Reading = {
    rt,
    pacer: run.pacer,
    deadlineMs: budgetDeadlineMs + options.graceMs,
  };
  // A page is listed only with a request slot granted before `deadlineMs`; null: none was.
  const list = async (after: string | undefined, deadlineMs: number) =>
    (await run.pacer.take(1, { deadlineMs }))
      ? listRecords(rt.hs, {
          objectType: 'companies',
          properties: run.properties,
          limit: options.pageSize,
          ...(after === undefined ? {} : { after }),
        })
      : null;
  let companies = 0;
  let openDeals = 0;
  let pagesDone = 0;
  /** The cursor that lists the page under way: where the next chunk starts if this page fails. */
  let pageAfter = run.after;
  const endEarly = (stop: Stop | null, error: StrategyFitError): Result<Chunk, StrategyFitError> =>
    stop === null || pagesDone === 0
      ? err(error)
      : ok({ companies, openDeals, after: pageAfter ?? null, stop });
  // The first page may use the grace time too, so every chunk makes progress.
  let pending = list(pageAfter, reading.deadlineMs);
  for (;;) {
    const page = await pending;
    if (page === null && pagesDone === 0) return err(outOfTime('the first page of companies'));
    if (page === null) return ok({ companies, openDeals, after: pageAfter ?? null, stop: null });
    if (!page.ok) return endEarly(stopOf(page.error, rt, run.startedMs), page.error);
    const { records, nextAfter } = page.value;
    const elapsed = Date.now() - run.startedMs;
    const pages = pagesDone + 1;
    const more =
      nextAfter !== null &&
      pages < options.maxPages &&
      elapsed + elapsed / pages < options.budgetMs;
    // The next page is listed while this one's deals are read.
    pending = more ? list(nextAfter, budgetDeadlineMs) : Promise.resolve(null);
    const pipeline = await readOpenPipeline(
      reading,
      records.map((r: RawRecord) => r.id),
    );
    if (pipeline === NO_SLOT) {
      const message = `The chunk's time budget ended before the deals of ${records.length} companies could be read; the next chunk reads them.`;
      const what = `the deals of ${records.length} companies`;
      return endEarly({ reason: 'time_budget', message, atMs: Date.now() }, outOfTime(what));
    }
    if (!pipeline.ok) return endEarly(stopOf(pipeline.error, rt, run.startedMs), pipeline.error);
    for (const r of records) {
      const facts = {
        id: r.id,
        properties: r.properties,
        definitions: run.definitions,
        nowMs: run.nowMs,
      };
      const open = pipeline.value.byCompany.get(r.id) ?? { openDeals: 0, openAmount: 0 };
      run.sim.add(simulateCompany(run.published, run.proposed, facts, open));
    }
    companies += records.length;
    openDeals += pipeline.value.openDeals;
    pagesDone = pages;
    if (nextAfter === null) return ok({ companies, openDeals, after: null, stop: null });
    pageAfter = nextAfter;
  }
}

/** The chunk's interruption as the page reads it, with the wait a rate limit asks for. */
const interruption = (stop: Stop): Interruption =>
  stop.waitMs === undefined
    ? { reason: stop.reason, message: stop.message }
    : {
        reason: stop.reason,
        message: stop.message,
        retryAfterMs: Math.min(
          MAX_RETRY_AFTER_MS,
          Math.max(0, Math.ceil(stop.atMs + stop.waitMs - Date.now())),
        ),
      };

/** One chunk: checks the strategy, then simulates pages until the budget ends. */
export async function simulateStrategy(
  rt: Runtime,
  input: StrategySimulateInput,
  options: SimulateOptions = SIMULATE_DEFAULTS,
): Promise<Result<StrategySimulateValue, StrategyFitError>> {
  const startedMs = Date.now();
  const nowMs = rt.now();
  const parsed = parseStrategy(input.strategy);
  if (!parsed.ok) return err(strategyIssuesError(parsed.error));
  const cursor: SimulationCursor | undefined = input.cursor;
  const pacer = pacerFor(rt, options.pace);
  const firstDeadlineMs = startedMs + options.budgetMs + options.graceMs;
  // The current version: one request every chunk (the property definitions come from the
  // container's cache); the first chunk also counts the companies.
  await pacer.take(1, { deadlineMs: firstDeadlineMs });
  const count = async () =>
    (await pacer.take(1, { search: true, deadlineMs: firstDeadlineMs }))
      ? countRecords(rt.hs, 'companies', { kind: 'filters', filterGroups: [] })
      : null;
  const [active, definitions, total] = await Promise.all([
    rt.strategies.current(),
    rt.definitions.read('companies'),
    cursor === undefined ? count() : Promise.resolve(ok(cursor.totalCompanies)),
  ]);
  // Anyone who can open the settings page may simulate: it writes nothing and answers counts
  // and sums per tier only (docs/security.md). With nothing published, every company is new.
  if (!active.ok && active.error.code !== 'strategy_not_published') return active;
  if (!definitions.ok) return definitions;
  const published = active.ok ? active.value : null;
  const publishedVersion = published?.version ?? null;
  if (cursor !== undefined && cursor.publishedVersion !== publishedVersion) {
    return err(
      strategyFitError(
        'invalid_input',
        `Version ${publishedVersion ?? '(none)'} was published while the simulation ran (it compared with version ${cursor.publishedVersion ?? '(none)'}). Simulate again.`,
        { path: 'cursor' },
      ),
    );
  }
  const proposed = compileStrategy(parsed.value);
  const properties = [
    ...new Set([
      ...strategyProperties(parsed.value).company,
      ...(published === null ? [] : strategyProperties(published.strategy).company),
    ]),
  ].sort();
  const sim = createSimulationAccumulator();
  const chunk = await simulatePages(
    rt,
    {
      published: published?.compiled ?? null,
      proposed,
      properties,
      definitions: definitions.value,
      after: cursor?.after,
      startedMs,
      nowMs,
      sim,
      pacer,
    },
    options,
  );
  if (!chunk.ok) return chunk;
  // The count is progress only: when HubSpot's search could not answer it, the page shows
  // "so far" without a total rather than failing the simulation.
  const totalCompanies = total?.ok === true ? total.value : null;
  const companiesDone = (cursor?.companiesDone ?? 0) + chunk.value.companies;
  const { stop } = chunk.value;
  return ok({
    publishedVersion,
    matrix: sim.finish(),
    chunk: {
      companies: chunk.value.companies,
      openDeals: chunk.value.openDeals,
      elapsedMs: Math.max(0, Date.now() - startedMs),
    },
    progress: { companiesDone, totalCompanies },
    cursor:
      chunk.value.after === null
        ? null
        : {
            after: chunk.value.after,
            publishedVersion,
            companiesDone,
            totalCompanies,
          },
    ...(stop === null ? {} : { interrupted: interruption(stop) }),
  });
}
