// The checkpoint of a `score` run: where it stands, written atomically (temp file + rename) after
// each page's writes are confirmed, so a run killed at any moment resumes where it stopped.
import { createHash } from 'node:crypto';
import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { err, ErrorCode, ok, strategyFitError } from '@strategy-fit/core';
import type { Result, StrategyFitError } from '@strategy-fit/core';
import { z } from 'zod';

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

/**
 * The phases of a run in order. `companyDeals` (only with --since): the deals whose company
 * (SCORING §7) the companies phase scanned, except those the deals phase already scored.
 */
export const Phase = z.enum([...ScoredObject.options, 'companyDeals', 'done']);
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

/**
 * What the files next to the checkpoint hold: the companies the run scored (`<checkpoint>.companies`
 * and `.companies.json`, company-digest.ts), and for a --since run that scanned companies, every
 * deal the deals phase scanned (`<checkpoint>.deals`, id-file.ts): the deals of those companies
 * are scored after, once.
 */
export const RecordedIds = z.strictObject({
  companies: Count.describe('Companies the run scored, kept in id order'),
  deals: Count.describe('Deals the deals phase of a --since run scanned'),
  dealsInOrder: z
    .boolean()
    .describe('The deals file is in ascending id order (searched by bisection)'),
});
export type RecordedIds = z.output<typeof RecordedIds>;

/** Where the `companyDeals` phase stands: the next company in the file, and companies with more deals. */
export const CompanyDealsCursor = z.strictObject({
  next: Count.describe('Index in the companies file of the next company to read'),
  more: z
    .array(z.strictObject({ id: z.string(), after: z.string() }))
    .describe("Companies whose deals continue after HubSpot's paging token"),
});
export type CompanyDealsCursor = z.output<typeof CompanyDealsCursor>;

const Common = {
  /** The portal the run scores (its base URL and portal id, when known). */
  target: z.string(),
  mode: ScoreMode,
  /** The strategy version pinned at the start; a resumed run keeps it. */
  strategyVersion: z.number().int(),
  nowMs: z.number().int().describe('"now" of the run, epoch milliseconds; a resumed run keeps it'),
  startedAt: z.string(),
  updatedAt: z.string(),
  failed: z.array(FailedRecord).describe(`At most ${MAX_FAILED_KEPT}, the first ones`),
  failedOmitted: Count,
};

export const Checkpoint = z.strictObject({
  schemaVersion: z.literal(3),
  ...Common,
  phase: Phase,
  /** The page the phase continues with; null = the start of the phase. */
  cursor: z.string().nullable(),
  counters: z.strictObject({
    companies: PhaseCounters,
    deals: PhaseCounters,
    companyDeals: PhaseCounters.describe('Deals scored because their company changed'),
  }),
  recorded: RecordedIds,
});
export type Checkpoint = z.output<typeof Checkpoint>;

/** The checkpoint before the companies a run scored were kept (schema 2). */
const CheckpointV2 = z.strictObject({
  schemaVersion: z.literal(2),
  ...Common,
  phase: Phase,
  cursor: z.string().nullable(),
  counters: Checkpoint.shape.counters,
  recorded: RecordedIds.nullable(),
});

/** The checkpoint of strategy-fit before the `companyDeals` phase (read for --all and --stale-only). */
const CheckpointV1 = z.strictObject({
  schemaVersion: z.literal(1),
  ...Common,
  phase: z.enum(['companies', 'deals', 'done']),
  cursor: z.string().nullable(),
  counters: z.strictObject({ companies: PhaseCounters, deals: PhaseCounters }),
});

export const emptyCounters = (): PhaseCounters => ({
  scanned: 0,
  changed: 0,
  unchanged: 0,
  failed: 0,
});

/** The side file of the deals a --since run scanned (see RecordedIds). */
export const recordedDealsPath = (path: string): string => `${path}.deals`;

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
  const version = z.looseObject({ schemaVersion: z.unknown() }).safeParse(json);
  if (version.success && version.data.schemaVersion !== 3) return upgrade(path, json);
  const parsed = Checkpoint.safeParse(json);
  if (!parsed.success) return err(invalid(path, firstIssue(parsed.error)));
  const cursor = checkConsistency(parsed.data);
  return cursor === null ? ok(parsed.data) : err(invalid(path, cursor));
};

const firstIssue = (error: z.ZodError): string => {
  const first = error.issues[0];
  return `${first?.path.join('.') ?? ''}: ${first?.message ?? 'invalid'}`;
};

/** What the schema cannot say: ids recorded for --since runs; the `companyDeals` cursor (JSON). */
const checkConsistency = (checkpoint: Checkpoint): string | null => {
  if (checkpoint.mode.kind !== 'since' && checkpoint.recorded.deals > 0) {
    return 'recorded: deals are recorded by --since runs only';
  }
  if (checkpoint.phase !== 'companyDeals' || checkpoint.cursor === null) return null;
  return parseCompanyDealsCursor(checkpoint.cursor) === null
    ? 'cursor: not a companyDeals cursor'
    : null;
};

/** The `companyDeals` cursor in a checkpoint; null = the start (or not one). */
export const parseCompanyDealsCursor = (cursor: string | null): CompanyDealsCursor | null => {
  if (cursor === null) return null;
  try {
    const parsed = CompanyDealsCursor.safeParse(JSON.parse(cursor));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
};

/**
 * A checkpoint of an earlier strategy-fit (schema 1 or 2): an --all or --stale-only run resumes
 * as it was, its deals reading their companies (none was kept); a --since run is refused, as its
 * recorded companies are not kept in today's form.
 */
const upgrade = (path: string, json: unknown): Result<Checkpoint, StrategyFitError> => {
  const v2 = CheckpointV2.safeParse(json);
  const v1 = CheckpointV1.safeParse(json);
  const old = v2.success ? v2.data : v1.success ? v1.data : null;
  if (old === null) {
    const error = v2.error ?? v1.error;
    return err(invalid(path, error === undefined ? 'unknown schema' : firstIssue(error)));
  }
  if (old.mode.kind === 'since') {
    return err(
      invalid(
        path,
        'an earlier strategy-fit wrote it, which kept the companies of a --since run another way',
      ),
    );
  }
  return ok({
    ...old,
    schemaVersion: 3,
    counters: { companyDeals: emptyCounters(), ...old.counters },
    recorded: { companies: 0, deals: 0, dealsInOrder: true },
  });
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

/** Removes the checkpoint and its side files. */
export const removeCheckpoint = async (path: string): Promise<void> => {
  const files = [path, recordedDealsPath(path), `${path}.companies`, `${path}.companies.json`];
  await Promise.all(files.map((p) => rm(p, { force: true })));
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
