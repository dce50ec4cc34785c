// `strategy_simulate`: one chunk of the simulation of a proposed strategy over the portfolio
// (SCORING §9), walked as `strategy-fit simulate` walks it (@strategy-fit/walk): open deals with
// their companies, then every company scored with the published strategy (none before the first
// version: every company is new) and the proposed one. A chunk stops starting blocks after its
// time budget and answers its part of the simulation and a cursor; the page merges the parts.
// When HubSpot's rate limit (or failure, or the time budget) stops a block, the chunk answers the
// blocks done with the cursor before that block,
// `interrupted` saying why: nothing done is lost. Reads only.
import {
  compileStrategy,
  createSimulationAccumulator,
  emptyPortalPart,
  err,
  ok,
  parseStrategy,
  strategyFitError,
  strategyIssuesError,
  strategyProperties,
  StrategySimulateParams,
} from '@strategy-fit/core';
import type {
  Result,
  SimulationCursor,
  StrategyFitError,
  StrategySimulateValue,
} from '@strategy-fit/core';
import { countRecords } from '@strategy-fit/hubspot';
import { simulatePhases, walk } from '@strategy-fit/walk';
import type { BlockOptions, WalkCursor } from '@strategy-fit/walk';
import type { z } from 'zod';

import type { Runtime } from '../../lib/runtime.ts';
import { parseEditorParams } from './editor-shared.ts';

export type StrategySimulateInput = z.output<typeof StrategySimulateParams>;

export type SimulateOptions = {
  /** No block starts once the chunk's time plus its longest block would pass this (ms). */
  budgetMs: number;
  /** The size of blocks and pages (HubSpot's largest by default; tests take fewer). */
  blocks?: BlockOptions;
};

/**
 * A chunk stays well inside HubSpot's function time limit (about 10 s, HUBSPOT.md §2.3) and the
 * runtime's 8-second budget: no block starts after 3 s, nor when the longest block so far would
 * not fit.
 */
export const SIMULATE_DEFAULTS: SimulateOptions = { budgetMs: 3_000 };

/**
 * HubSpot's burst limit is a rolling 10-second window (HUBSPOT.md §6): once it refused a request,
 * every request it counted then has left the window this long after. The wait the function asks
 * the page for when HubSpot's 429 carried no Retry-After.
 */
export const RATE_WINDOW_MS = 10_000;

/** The longest wait the contract lets a chunk ask for (`interrupted.retryAfterMs`). */
const MAX_RETRY_AFTER_MS = 60_000;

export const parseStrategySimulate = (
  context: unknown,
): Result<StrategySimulateInput, StrategyFitError> =>
  parseEditorParams(context, StrategySimulateParams);

type Interruption = NonNullable<StrategySimulateValue['interrupted']>;

/**
 * The failures a chunk survives by ending early: HubSpot's rate limit, HubSpot unavailable (5xx
 * after the client's retries, a dropped connection, an answer past the runtime's deadline: then
 * the time budget is named). Anything else (a refused token, a malformed answer) fails the chunk.
 */
function interruptionOf(e: StrategyFitError, rt: Runtime, startedMs: number): Interruption | null {
  if (e.code === 'hubspot_rate_limited') {
    const waitMs = Math.min(
      MAX_RETRY_AFTER_MS,
      Math.max(0, Math.ceil(e.retryAfterMs ?? RATE_WINDOW_MS)),
    );
    return { reason: 'hubspot_rate_limited', message: e.message, retryAfterMs: waitMs };
  }
  if (e.code !== 'hubspot_unavailable') return null;
  // The runtime's deadline (`withDeadline`) ends HubSpot calls with hubspot_unavailable.
  const pastDeadline = Date.now() - startedMs >= rt.budgetMs - 100;
  return { reason: pastDeadline ? 'time_budget' : 'hubspot_unavailable', message: e.message };
}

/** One chunk: checks the strategy, then walks blocks until the budget ends. */
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
  // The first chunk also counts the companies, for the page's progress.
  const [active, definitions, total] = await Promise.all([
    rt.strategies.current(),
    rt.definitions.read('companies'),
    cursor === undefined
      ? countRecords(rt.hs, 'companies', { kind: 'filters', filterGroups: [] })
      : Promise.resolve(ok(cursor.totalCompanies)),
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
  const properties = [
    ...new Set([
      ...strategyProperties(parsed.value).company,
      ...(published === null ? [] : strategyProperties(published.strategy).company),
    ]),
  ].sort();
  // The page holds the open pipeline of earlier chunks: every company's cell goes to it.
  const sim = createSimulationAccumulator({ keepCompanies: true });
  const proposed = compileStrategy(parsed.value);
  // What the portal holds for the proposed strategy, from the same pages (the page merges chunks).
  const portal = emptyPortalPart(proposed);
  const done = { companies: 0, openDeals: 0 };
  let at: WalkCursor | null = { phase: cursor?.phase ?? 'openDeals', page: cursor?.page ?? null };
  const phases = simulatePhases(
    rt.hs,
    sim,
    {
      published: published?.compiled ?? null,
      proposed,
      properties,
      definitions: definitions.value,
      nowMs,
      portal: {
        part: portal,
        dealProperties: strategyProperties(parsed.value).deal,
        // No request more for the deals' definitions (a chunk's window is tight): a checkbox deal
        // property of the dream test counts as one value here, split everywhere else (SCORING §3).
        dealDefinitions: {},
      },
    },
    async (block, next) => {
      done[block.phase] += block.records;
      at = next;
    },
    options.blocks,
  );
  const end = await walk(phases, { from: at, budgetMs: options.budgetMs });
  const stop = end.kind === 'failed' ? interruptionOf(end.error, rt, startedMs) : null;
  // A failure the chunk cannot end on, before it did anything: the call's answer.
  if (end.kind === 'failed' && (stop === null || done.companies + done.openDeals === 0)) {
    return err(end.error);
  }
  // The count is progress only: when HubSpot's search could not answer it, the page shows
  // "so far" without a total rather than failing the simulation.
  const totalCompanies = total.ok ? total.value : null;
  const companiesDone = (cursor?.companiesDone ?? 0) + done.companies;
  const next: WalkCursor | null = at;
  return ok({
    publishedVersion,
    part: sim.part(),
    portal,
    chunk: {
      companies: done.companies,
      openDeals: done.openDeals,
      elapsedMs: Math.max(0, Date.now() - startedMs),
    },
    progress: { companiesDone, totalCompanies },
    cursor:
      next === null
        ? null
        : {
            phase: next.phase === 'companies' ? 'companies' : 'openDeals',
            page: next.page,
            publishedVersion,
            companiesDone,
            totalCompanies,
          },
    ...(stop === null ? {} : { interrupted: stop }),
  });
}
