// The checkpoint of a `score` run: where it stands, written atomically (temp file + rename) after
// each page's writes are confirmed, so a run killed at any moment resumes where it stopped.
import { createHash } from 'node:crypto';
import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { err, ErrorCode, ok, strategyFitError } from '@strategy-fit/core';
import type { Result, StrategyFitError } from '@strategy-fit/core';
import { z } from 'zod';

import { acquireLock } from '../backend/process-lock.ts';
import type { ProcessLock } from '../backend/process-lock.ts';

/** Where checkpoints live unless `--checkpoint FILE` says otherwise (`.data/` is gitignored). */
export const DEFAULT_CHECKPOINT_DIR = '.data/checkpoints';
/** Failed records kept by id in the checkpoint and the summary; every one still counts. */
export const MAX_FAILED_KEPT = 1000;

const Count = z.number().int().min(0);

/** Which records a run scores: every one, those modified since a moment, or stale ones. */
export const ScoreMode = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('all') }),
  z.strictObject({
    kind: z.literal('since'),
    sinceMs: z.number().int().describe('hs_lastmodifieddate at or after, epoch milliseconds'),
  }),
  z.strictObject({ kind: z.literal('stale') }),
]);
export type ScoreMode = z.output<typeof ScoreMode>;

/** Companies first, then deals (the order of a run). */
export const ScoredObject = z.enum(['companies', 'deals']);
export type ScoredObject = z.output<typeof ScoredObject>;

export const Phase = z.enum([...ScoredObject.options, 'done']);
export type Phase = z.output<typeof Phase>;

export const PhaseCounters = z.strictObject({
  scanned: Count,
  changed: Count.describe('Records written (their fit properties changed)'),
  unchanged: Count.describe('Records read whose fit properties were already right'),
  failed: Count,
});
export type PhaseCounters = z.output<typeof PhaseCounters>;

export const FailedRecord = z.strictObject({
  objectType: ScoredObject,
  id: z.string(),
  code: ErrorCode,
  message: z.string(),
});
export type FailedRecord = z.output<typeof FailedRecord>;

export const Checkpoint = z.strictObject({
  schemaVersion: z.literal(1),
  /** The portal the run scores (its base URL and portal id, when known). */
  target: z.string(),
  mode: ScoreMode,
  /** The strategy version pinned at the start; a resumed run keeps it. */
  strategyVersion: z.number().int(),
  nowMs: z.number().int().describe('"now" of the run, epoch milliseconds; a resumed run keeps it'),
  startedAt: z.string(),
  updatedAt: z.string(),
  phase: Phase,
  /** The page the phase continues with; null = the start of the phase. */
  cursor: z.string().nullable(),
  counters: z.strictObject({ companies: PhaseCounters, deals: PhaseCounters }),
  failed: z.array(FailedRecord).describe(`At most ${MAX_FAILED_KEPT}, the first ones`),
  failedOmitted: Count,
});
export type Checkpoint = z.output<typeof Checkpoint>;

export const emptyCounters = (): PhaseCounters => ({
  scanned: 0,
  changed: 0,
  unchanged: 0,
  failed: 0,
});

/** `.data/checkpoints/<hash of the target>.json`: one checkpoint per portal. */
export const checkpointPathFor = (target: string, dir = DEFAULT_CHECKPOINT_DIR): string =>
  join(dir, `${createHash('sha256').update(target).digest('hex').slice(0, 16)}.json`);

const invalid = (path: string, why: string): StrategyFitError =>
  strategyFitError(
    'checkpoint_invalid',
    `The checkpoint ${path} cannot be used (${why}). Delete it and run without --resume.`,
    { path },
  );

/** The checkpoint at `path`; null when there is none. */
export const readCheckpoint = async (
  path: string,
): Promise<Result<Checkpoint | null, StrategyFitError>> => {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return ok(null);
    return err(invalid(path, e instanceof Error ? e.message : String(e)));
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return err(invalid(path, 'not JSON'));
  }
  const parsed = Checkpoint.safeParse(json);
  if (!parsed.success) {
    const first = parsed.error.issues[0];
    return err(invalid(path, `${first?.path.join('.') ?? ''}: ${first?.message ?? 'invalid'}`));
  }
  return ok(parsed.data);
};

/**
 * Replaces the checkpoint atomically: a reader (or a resumed run after SIGKILL) sees the old or
 * the new file, never a torn one. Not fsync'd: it survives a killed process, not a power cut.
 */
export const writeCheckpoint = async (path: string, checkpoint: Checkpoint): Promise<void> => {
  await mkdir(dirname(path), { recursive: true });
  const temp = `${path}.${process.pid}.tmp`;
  await writeFile(temp, `${JSON.stringify(checkpoint, null, 2)}\n`);
  await rename(temp, path);
};

/**
 * Takes the checkpoint for this run (`<checkpoint>.lock`, holding the pid): two runs on one
 * checkpoint would overwrite each other's progress. A lock left by a killed run is taken over.
 */
export const lockCheckpoint = async (
  path: string,
): Promise<Result<ProcessLock, StrategyFitError>> => {
  await mkdir(dirname(path), { recursive: true });
  return acquireLock(`${path}.lock`, `the checkpoint ${path}`);
};

export const removeCheckpoint = async (path: string): Promise<void> => {
  await rm(path, { force: true });
};

/** Adds failures, keeping the first MAX_FAILED_KEPT by id and counting the rest. */
export const addFailures = (
  checkpoint: Pick<Checkpoint, 'failed' | 'failedOmitted'>,
  failures: readonly FailedRecord[],
): void => {
  for (const f of failures) {
    if (checkpoint.failed.length < MAX_FAILED_KEPT) checkpoint.failed.push(f);
    else checkpoint.failedOmitted += 1;
  }
};
