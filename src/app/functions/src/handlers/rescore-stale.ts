// `rescore_stale`: one chunk of a resumable rescore of every record whose stored score is older
// than the published strategy (`strategy_fit_version` below it, or missing): the selection of
// `strategy-fit score --stale-only`, companies first, then deals. Each chunk reads pages of 200
// with the adapter's keyset search (past the 10,000 cap), scores them as the cards do, writes only
// what changed and stops within its time budget; its cursor continues the run (docs/rescoring.md).
import { err, ok, RescoreStaleParams, strategyFitError } from '@strategy-fit/core';
import type {
  FunctionError,
  RescoreFailure,
  RescoreStaleValue,
  Result,
  StrategyFitError,
} from '@strategy-fit/core';
import { countRecords, searchRecords } from '@strategy-fit/hubspot';
import type { z } from 'zod';

import { parseFunctionContext } from '../lib/function-context.ts';
import type { Runtime } from '../lib/runtime.ts';
import { RESCORE_PACE, pacerFor } from './manager/pacer.ts';
import type { PacerLimits } from './manager/pacer.ts';
import { decodeRescoreCursor, encodeRescoreCursor } from './manager/rescore-cursor.ts';
import type { RescorePosition } from './manager/rescore-cursor.ts';
import { scoreCompanyPage, scoreDealPage } from './manager/score-stale-page.ts';
import type { PageContext, PageResult } from './manager/score-stale-page.ts';

export type RescoreStaleInput = z.output<typeof RescoreStaleParams>;

/**
 * No page starts after `chunkBudgetMs`, nor when the previous page's time would overrun it; a
 * page in flight may take `graceMs` more (a slow HubSpot, a retry). About 5 s per call at most.
 */
export type RescoreLimits = { chunkBudgetMs: number; graceMs: number; pacer: PacerLimits };

export const RESCORE_LIMITS: RescoreLimits = {
  chunkBudgetMs: 3_500,
  graceMs: 1_500,
  pacer: RESCORE_PACE,
};

/** The page's parameters; the cursor must be one this function answered. */
export function parseRescoreStale(context: unknown): Result<RescoreStaleInput, StrategyFitError> {
  const parsed = parseFunctionContext(context, RescoreStaleParams);
  if (!parsed.ok) return parsed;
  const { cursor } = parsed.value.params;
  if (cursor !== undefined && decodeRescoreCursor(cursor) === null) {
    return err(
      strategyFitError(
        'invalid_input',
        `The request is not valid: "${cursor}" is not a rescore cursor. Start the rescore again.`,
        { path: 'cursor' },
      ),
    );
  }
  return ok(parsed.value.params);
}

const staleWhere = (version: number) => ({ kind: 'staleVersion' as const, version });

const toFunctionError = (e: StrategyFitError): FunctionError => ({
  code: e.code,
  message: e.message,
});

/** `rescore_stale` with given budgets (tests shorten them or switch pacing off). */
export const rescoreStaleWith =
  (limits: RescoreLimits) =>
  async (
    rt: Runtime,
    input: RescoreStaleInput,
  ): Promise<Result<RescoreStaleValue, StrategyFitError>> => {
    const startedMs = Date.now();
    const deadlineMs = startedMs + limits.chunkBudgetMs;
    const pacer = pacerFor(rt, limits.pacer);
    // The strategy's current version: one request every chunk (the property definitions come
    // from the container's cache), paced like the pages' requests. Anyone who can open the page
    // may rescore: it writes only what opening each card would (docs/security.md).
    await pacer.take(1, { deadlineMs: deadlineMs + limits.graceMs });
    const [active, companyDefs, dealDefs] = await Promise.all([
      rt.strategies.current(),
      rt.definitions.read('companies'),
      rt.definitions.read('deals'),
    ]);
    if (!active.ok) return active;
    if (!companyDefs.ok) return companyDefs;
    if (!dealDefs.ok) return dealDefs;

    const version = active.value.version;
    const from = input.cursor === undefined ? null : decodeRescoreCursor(input.cursor);
    // A publish since the last chunk changes the selection: start again with the new version.
    const restarted = from !== null && from.version !== version;
    let at: RescorePosition =
      from === null || restarted ? { version, phase: 'companies', search: null } : from;
    const ctx: PageContext = {
      hs: rt.hs,
      active: active.value,
      definitions: { companies: companyDefs.value, deals: dealDefs.value },
      nowMs: rt.now(),
      pacer,
      deadlineMs: deadlineMs + limits.graceMs,
    };
    let processed = 0;
    let changed = 0;
    const failed: RescoreFailure[] = [];
    let interrupted: FunctionError | null = null;
    let remainingInPhase: number | null = null;
    let done = false;
    let lastPageMs = 0;

    while (!done) {
      const pageStartMs = Date.now();
      // At least one page per chunk, so every call makes progress.
      if (processed > 0 && pageStartMs + lastPageMs > deadlineMs) break;
      const slotDeadline = processed === 0 ? ctx.deadlineMs : deadlineMs;
      if (!(await pacer.take(1, { search: true, deadlineMs: slotDeadline }))) break;
      const page = await searchRecords(rt.hs, {
        objectType: at.phase,
        properties: ctx.active.reads[at.phase],
        where: staleWhere(version),
        ...(at.search === null ? {} : { cursor: at.search }),
      });
      if (!page.ok) {
        interrupted = toFunctionError(page.error);
        break;
      }
      const records = page.value.records;
      const scored: Result<PageResult, StrategyFitError> =
        at.phase === 'companies'
          ? await scoreCompanyPage(ctx, records)
          : await scoreDealPage(ctx, records);
      if (!scored.ok) {
        // The page is not committed: the cursor stays before it, and resuming reads it again.
        interrupted = toFunctionError(scored.error);
        break;
      }
      processed += records.length;
      changed += scored.value.changed;
      failed.push(...scored.value.failed);
      remainingInPhase = page.value.remaining;
      if (page.value.nextCursor !== null) at = { ...at, search: page.value.nextCursor };
      else if (at.phase === 'companies') {
        at = { version, phase: 'deals', search: null };
        remainingInPhase = null;
      } else done = true;
      lastPageMs = Date.now() - pageStartMs;
    }

    const remainingEstimate = done
      ? 0
      : await estimateRemaining(rt, at, remainingInPhase, pacer, deadlineMs + limits.graceMs);
    return ok({
      version,
      phase: done ? 'done' : at.phase,
      processed,
      changed,
      failed,
      remainingEstimate,
      cursor: done ? null : encodeRescoreCursor(at),
      restarted,
      interrupted,
      elapsedMs: Math.max(0, Math.round(Date.now() - startedMs)),
    });
  };

/**
 * Stale records after the cursor: what the phase's last page said is left, plus (in the companies
 * phase) every stale deal; counted by search totals when no page said so.
 */
async function estimateRemaining(
  rt: Runtime,
  at: RescorePosition,
  remainingInPhase: number | null,
  pacer: ReturnType<typeof pacerFor>,
  deadlineMs: number,
): Promise<number> {
  const count = async (objectType: 'companies' | 'deals'): Promise<number> => {
    if (!(await pacer.take(1, { search: true, deadlineMs }))) return 0;
    const n = await countRecords(rt.hs, objectType, staleWhere(at.version));
    return n.ok ? n.value : 0;
  };
  const phase = remainingInPhase ?? (await count(at.phase));
  return at.phase === 'companies' ? phase + (await count('deals')) : phase;
}

/** `rescore_stale` as HubSpot runs it. */
export const rescoreStale = rescoreStaleWith(RESCORE_LIMITS);
