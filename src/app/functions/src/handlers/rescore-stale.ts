// `rescore_stale`: one chunk of a resumable rescore of every record whose stored score is older
// than the published strategy (`strategy_fit_version` below it, or missing): the walk of
// `strategy-fit score --stale-only` (@strategy-fit/walk), companies first, then deals, block by
// block within a time budget. Its cursor continues the run (docs/rescoring.md).
import { countRecords } from '@strategy-fit/hubspot';
import { ok, RescoreStaleParams } from '@strategy-fit/core';
import type {
  FunctionError,
  RescoreFailure,
  RescoreStaleValue,
  Result,
  StrategyFitError,
} from '@strategy-fit/core';
import { scorePhases, walk } from '@strategy-fit/walk';
import type { ScoringRun } from '@strategy-fit/walk';
import type { z } from 'zod';

import { parseChunkInput, toFunctionError } from '../lib/chunk-input.ts';
import type { Runtime } from '../lib/runtime.ts';
import { decodeRescoreCursor, encodeRescoreCursor } from './manager/rescore-cursor.ts';
import type { RescorePosition } from './manager/rescore-cursor.ts';

export type RescoreStaleInput = z.output<typeof RescoreStaleParams>;

/**
 * No block starts once the chunk's time plus its longest block would reach `budgetMs`; a block is
 * `blockSize` records (HubSpot's 1,000 associations per read by default; tests take fewer).
 */
export type RescoreLimits = { budgetMs: number; blockSize?: number };

/** A chunk answers within about 5 s: blocks of 1,000 records take 1–3 s against HubSpot. */
export const RESCORE_LIMITS: RescoreLimits = { budgetMs: 3_500 };

/** The page's parameters; the cursor must be one this function answered. */
export const parseRescoreStale = (context: unknown): Result<RescoreStaleInput, StrategyFitError> =>
  parseChunkInput(context, RescoreStaleParams, {
    decode: decodeRescoreCursor,
    what: 'a rescore cursor',
    again: 'Start the rescore again.',
  });

/** `rescore_stale` with a given budget (tests shorten it). */
export const rescoreStaleWith =
  (limits: RescoreLimits) =>
  async (
    rt: Runtime,
    input: RescoreStaleInput,
  ): Promise<Result<RescoreStaleValue, StrategyFitError>> => {
    const startedMs = Date.now();
    // Anyone who can open the page may rescore: it writes only what opening each card would
    // (docs/security.md).
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
    let at: RescorePosition | null =
      from === null || restarted ? { version, phase: 'companies', search: null } : from;
    const nowMs = rt.now();
    // The companies this run scored in earlier chunks of this container: its deals need not
    // read them again.
    const companies = rt.scoredCompanies.of(version, from === null || restarted);
    const run: ScoringRun = {
      hs: rt.hs,
      compiled: active.value.compiled,
      stamp: { version, scoredAt: new Date(nowMs).toISOString() },
      nowMs,
      definitions: { companies: companyDefs.value, deals: dealDefs.value },
      reads: active.value.reads,
      companies,
    };
    let processed = 0;
    let changed = 0;
    const failed: RescoreFailure[] = [];
    let interrupted: FunctionError | null = null;
    let remainingInPhase: number | null = null;

    const phases = scorePhases(
      run,
      { kind: 'stale' },
      async (block, next) => {
        if (!block.outcome.ok) {
          // The block is not committed: the cursor stays before it, and resuming reads it again.
          interrupted = toFunctionError(block.outcome.error);
          return false;
        }
        const outcome = block.outcome.value;
        if (block.phase === 'companies') companies.keep(block.records);
        processed += outcome.scanned;
        changed += outcome.changed;
        failed.push(...outcome.failed);
        remainingInPhase = next?.phase === block.phase ? (block.remaining ?? null) : null;
        at =
          next === null
            ? null
            : { version, phase: next.phase === 'deals' ? 'deals' : 'companies', search: next.page };
        return true;
      },
      limits.blockSize === undefined ? {} : { blockSize: limits.blockSize },
    );
    const end = await walk(phases, {
      from: { phase: at.phase, page: at.search },
      budgetMs: limits.budgetMs,
    });
    if (end.kind === 'failed') interrupted = toFunctionError(end.error);

    const remainingEstimate = at === null ? 0 : await estimateRemaining(rt, at, remainingInPhase);
    return ok({
      version,
      phase: at === null ? 'done' : at.phase,
      processed,
      changed,
      failed,
      remainingEstimate,
      cursor: at === null ? null : encodeRescoreCursor(at),
      restarted,
      interrupted,
      elapsedMs: Math.max(0, Math.round(Date.now() - startedMs)),
    });
  };

/**
 * Stale records after the cursor: what the phase's last block said is left, plus (in the
 * companies phase) every stale deal; counted by search totals when no block said so.
 */
async function estimateRemaining(
  rt: Runtime,
  at: RescorePosition,
  remainingInPhase: number | null,
): Promise<number> {
  const count = async (objectType: 'companies' | 'deals'): Promise<number> => {
    const n = await countRecords(rt.hs, objectType, { kind: 'staleVersion', version: at.version });
    return n.ok ? n.value : 0;
  };
  const phase = remainingInPhase ?? (await count(at.phase));
  return at.phase === 'companies' ? phase + (await count('deals')) : phase;
}

/** `rescore_stale` as HubSpot runs it. */
export const rescoreStale = rescoreStaleWith(RESCORE_LIMITS);
