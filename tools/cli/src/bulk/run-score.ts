// `score`: bulk scoring of companies, then deals, page by page with a bounded pipeline, a
// checkpoint after every confirmed page, and a summary. The strategy version is pinned at the
// start (a resumed run keeps the checkpoint's version and "now"). A --since run then scores the
// deals of the companies it scanned (SCORING §7: a deal's result reads its company), once each.
import { compileStrategy, err, ok, strategyFitError } from '@strategy-fit/core';
import type { PropertyDefinitions, Result, StrategyFitError } from '@strategy-fit/core';

import {
  addFailures,
  emptyCounters,
  lockCheckpoint,
  parseCompanyDealsCursor,
  readCheckpoint,
  recordedIdPaths,
  removeCheckpoint,
  writeCheckpoint,
} from './checkpoint.ts';
import type {
  Checkpoint,
  CompanyDealsCursor,
  Phase,
  PhaseCounters,
  RecordedIds,
  ScoredObject,
  ScoreMode,
} from './checkpoint.ts';
import type { BulkCrm, BulkSearchWhere, PublishedStrategy, RawRecord } from './crm.ts';
import {
  appendIds,
  ascendingAfter,
  createIdFile,
  cutIdFile,
  findIds,
  idBefore,
  readIds,
  removeIdFile,
} from './id-file.ts';
import { runPipeline } from './pipeline.ts';
import type { Page } from './pipeline.ts';
import type { ProgressReporter } from './progress.ts';
import { scoreCompanyDealsPage, scoreCompanyPage, scoreDealPage } from './score-page.ts';
import type { PageOutcome, ScoringContext } from './score-page.ts';
import { scoringReadProperties, writtenFitProperties } from './strategy-properties.ts';
import type { RunSummary } from './summary.ts';

/** Batch size of reads and writes: HubSpot's batch APIs take at most 100 inputs. */
export const MAX_BATCH = 100;
/** Pages in flight: enough to keep the rate limit, not latency, the ceiling. */
export const DEFAULT_DEPTH = 4;

export type ScoreRunOptions = {
  mode: ScoreMode;
  /** Continue the checkpoint's run when there is one. */
  resume: boolean;
  /** Records per list page (≤ 100). */
  batchSize: number;
  /** "Now" of a new run (a resumed run keeps its checkpoint's). */
  nowMs: number;
  /** Identifies the portal (base URL, portal id); a checkpoint of another portal is refused. */
  target: string;
  checkpointPath: string;
  progress: ProgressReporter;
  /** Notes for the user (stderr). */
  log: (line: string) => void;
  depth?: number;
  /** True stops the run after the pages already read (Ctrl-C); the checkpoint is kept. */
  shouldStop?: () => boolean;
  /** The wall clock, for durations and timestamps only. */
  clock?: () => number;
};

type Start = { checkpoint: Checkpoint; published: PublishedStrategy; resumed: boolean };

const newCheckpoint = (
  options: ScoreRunOptions,
  version: number,
  clock: () => number,
): Checkpoint => {
  const at = new Date(clock()).toISOString();
  return {
    schemaVersion: 2,
    target: options.target,
    mode: options.mode,
    strategyVersion: version,
    nowMs: options.nowMs,
    startedAt: at,
    updatedAt: at,
    phase: 'companies',
    cursor: null,
    counters: { companies: emptyCounters(), deals: emptyCounters(), companyDeals: emptyCounters() },
    failed: [],
    failedOmitted: 0,
    recorded: options.mode.kind === 'since' ? { companies: 0, deals: 0, dealsInOrder: true } : null,
  };
};

const sameMode = (a: ScoreMode, b: ScoreMode): boolean => JSON.stringify(a) === JSON.stringify(b);

/** Resumes the checkpoint's run, or starts a new one with the published strategy. */
const startRun = async (
  crm: BulkCrm,
  options: ScoreRunOptions,
  clock: () => number,
): Promise<Result<Start, StrategyFitError>> => {
  const stored = await readCheckpoint(options.checkpointPath);
  if (!stored.ok) {
    if (options.resume) return stored;
    options.log(`Ignoring an unreadable checkpoint: ${stored.error.message}`);
  }
  const previous = stored.ok ? stored.value : null;
  if (previous !== null && previous.target !== options.target) {
    return err(
      strategyFitError(
        'checkpoint_invalid',
        `The checkpoint ${options.checkpointPath} belongs to another portal (${previous.target}). Use --checkpoint to choose another file.`,
        { path: options.checkpointPath },
      ),
    );
  }
  if (options.resume && previous !== null && previous.phase !== 'done') {
    const pinned = await crm.readStrategyVersion(previous.strategyVersion);
    if (!pinned.ok) return pinned;
    if (!sameMode(previous.mode, options.mode)) {
      options.log(
        'Resuming with the interrupted run’s selection; the options given now are ignored.',
      );
    }
    options.log(
      `Resuming the run started ${previous.startedAt} at ${previous.phase} (strategy version ${previous.strategyVersion}).`,
    );
    return ok({ checkpoint: previous, published: pinned.value, resumed: true });
  }
  if (options.resume) options.log('No interrupted run to resume; starting a new run.');
  else if (previous !== null && previous.phase !== 'done') {
    options.log(
      'An interrupted run’s checkpoint was found; starting over (use --resume to continue it).',
    );
  }
  const published = await crm.readPublishedStrategy();
  if (!published.ok) return published;
  if (published.value === null) {
    return err(
      strategyFitError(
        'strategy_not_published',
        'No strategy is published yet. Publish one first: strategy-fit strategy publish FILE',
      ),
    );
  }
  return ok({
    checkpoint: newCheckpoint(options, published.value.version, clock),
    published: published.value,
    resumed: false,
  });
};

/** The fit properties must exist before anything is written (`strategy-fit setup`). */
const checkSetup = (
  objectType: ScoredObject,
  definitions: PropertyDefinitions,
): StrategyFitError | null => {
  const missing = writtenFitProperties(objectType).find((name) => definitions[name] === undefined);
  return missing === undefined
    ? null
    : strategyFitError(
        'strategy_property_unknown',
        `The ${objectType} property ${missing} does not exist on this portal. Run \`strategy-fit setup\` first.`,
        { property: missing, objectType },
      );
};

const readDefinitions = async (
  crm: BulkCrm,
): Promise<Result<ScoringContext['definitions'], StrategyFitError>> => {
  const [companies, deals] = await Promise.all([
    crm.readPropertyDefinitions('companies'),
    crm.readPropertyDefinitions('deals'),
  ]);
  if (!companies.ok) return companies;
  if (!deals.ok) return deals;
  const missing = checkSetup('companies', companies.value) ?? checkSetup('deals', deals.value);
  return missing === null ? ok({ companies: companies.value, deals: deals.value }) : err(missing);
};

const whereOf = (mode: ScoreMode, version: number): BulkSearchWhere | null => {
  switch (mode.kind) {
    case 'all':
      return null;
    case 'since':
      return { kind: 'modifiedSince', sinceMs: mode.sinceMs };
    case 'stale':
      return { kind: 'staleVersion', version };
    default:
      return mode satisfies never;
  }
};

/** Reads one page of the run's selection: the list API for all records, else a search. */
const pageReader =
  (
    crm: BulkCrm,
    objectType: ScoredObject,
    properties: string[],
    where: BulkSearchWhere | null,
    limit: number,
  ) =>
  async (cursor: string | null): Promise<Result<Page<RawRecord>, StrategyFitError>> => {
    if (where === null) {
      const page = await crm.listRecords({
        objectType,
        properties,
        limit,
        ...(cursor === null ? {} : { after: cursor }),
      });
      return page.ok ? ok({ items: page.value.records, nextCursor: page.value.nextAfter }) : page;
    }
    const page = await crm.searchRecords({
      objectType,
      properties,
      where,
      ...(cursor === null ? {} : { cursor }),
    });
    return page.ok ? ok({ items: page.value.records, nextCursor: page.value.nextCursor }) : page;
  };

/** The phase after this one: the deals of changed companies only when a --since run scanned some. */
const nextPhase = (checkpoint: Checkpoint): Phase => {
  switch (checkpoint.phase) {
    case 'companies':
      return 'deals';
    case 'deals':
      return (checkpoint.recorded?.companies ?? 0) > 0 ? 'companyDeals' : 'done';
    case 'companyDeals':
    case 'done':
      return 'done';
    default:
      return checkpoint.phase satisfies never;
  }
};

const PHASE_LABEL: Record<Exclude<Phase, 'done'>, string> = {
  companies: 'companies',
  deals: 'deals',
  companyDeals: 'deals of changed companies',
};

/**
 * The side files of a --since run: created empty for a new run; for a resumed run cut back to the
 * ids its checkpoint counts (a page recorded but not committed before a kill is read again).
 * Returns the last deal id recorded (to keep the deals file's order known).
 */
const prepareRecordedIds = async (
  checkpoint: Checkpoint,
  path: string,
  resumed: boolean,
): Promise<Result<string | null, StrategyFitError>> => {
  const paths = recordedIdPaths(path);
  const recorded = checkpoint.recorded;
  if (recorded === null) {
    await Promise.all([removeIdFile(paths.companies), removeIdFile(paths.deals)]);
    return ok(null);
  }
  if (!resumed) {
    await Promise.all([createIdFile(paths.companies), createIdFile(paths.deals)]);
    return ok(null);
  }
  for (const [file, count] of [
    [paths.companies, recorded.companies],
    [paths.deals, recorded.deals],
  ] as const) {
    if (!(await cutIdFile(file, count))) {
      return err(
        strategyFitError(
          'checkpoint_invalid',
          `The checkpoint ${path} counts ${count} ids in ${file}, which is missing or shorter. Delete the checkpoint and run without --resume.`,
          { path },
        ),
      );
    }
  }
  return ok(await idBefore(paths.deals, recorded.deals));
};

/** What a page did, and the ids it scanned (recorded for a --since run; none otherwise). */
type Committed = { outcome: PageOutcome; ids: readonly string[] };

const NOTHING_RECORDED: RecordedIds = { companies: 0, deals: 0, dealsInOrder: true };

type PhasePlan<T> = {
  readPage: (cursor: string | null) => Promise<Result<Page<T>, StrategyFitError>>;
  processPage: (items: T[]) => Promise<Committed>;
};

/**
 * Runs (or resumes) a scoring run to its end, or until a page read fails or `shouldStop`.
 * Errors before the first page (no strategy, no setup, a bad checkpoint) are returned as `err`.
 */
export const runScore = async (
  crm: BulkCrm,
  options: ScoreRunOptions,
): Promise<Result<RunSummary, StrategyFitError>> => {
  const lock = await lockCheckpoint(options.checkpointPath);
  if (!lock.ok) return lock;
  try {
    return await runLocked(crm, options);
  } finally {
    await lock.value.release();
  }
};

/** `runScore` once this process holds the checkpoint. */
const runLocked = async (
  crm: BulkCrm,
  options: ScoreRunOptions,
): Promise<Result<RunSummary, StrategyFitError>> => {
  const clock = options.clock ?? Date.now;
  const startedMs = clock();
  const started = await startRun(crm, options, clock);
  if (!started.ok) return started;
  const { checkpoint, published, resumed } = started.value;
  const definitions = await readDefinitions(crm);
  if (!definitions.ok) return definitions;
  const lastDeal = await prepareRecordedIds(checkpoint, options.checkpointPath, resumed);
  if (!lastDeal.ok) return lastDeal;

  const compiled = compileStrategy(published.strategy);
  const properties = scoringReadProperties(published.strategy);
  const ctx: ScoringContext = {
    crm,
    compiled,
    stamp: {
      version: checkpoint.strategyVersion,
      scoredAt: new Date(checkpoint.nowMs).toISOString(),
    },
    nowMs: checkpoint.nowMs,
    definitions: definitions.value,
    companyProperties: properties.companies,
    dealProperties: properties.deals,
  };
  const where = whereOf(checkpoint.mode, checkpoint.strategyVersion);
  const batch = Math.min(MAX_BATCH, Math.max(1, options.batchSize));
  const paths = recordedIdPaths(options.checkpointPath);
  let lastDealId = lastDeal.value;
  const save = async (): Promise<void> => {
    checkpoint.updatedAt = new Date(clock()).toISOString();
    await writeCheckpoint(options.checkpointPath, checkpoint);
  };
  await save();

  /** Appends a committed page's ids to the side file of its phase, before the checkpoint counts them. */
  const record = async (phase: Phase, recorded: RecordedIds, ids: readonly string[]) => {
    if (ids.length === 0) return;
    if (phase === 'companies') {
      await appendIds(paths.companies, ids);
      recorded.companies += ids.length;
    } else if (phase === 'deals') {
      if (recorded.dealsInOrder && !ascendingAfter(lastDealId, ids)) recorded.dealsInOrder = false;
      await appendIds(paths.deals, ids);
      recorded.deals += ids.length;
      lastDealId = ids.at(-1) ?? lastDealId;
    }
  };

  const recordsPlan = (phase: ScoredObject): PhasePlan<RawRecord> => {
    const recorded = checkpoint.recorded;
    // Deals are recorded only when there are deals of changed companies to score after them.
    const keep = recorded !== null && (phase === 'companies' || recorded.companies > 0);
    const score = phase === 'companies' ? scoreCompanyPage : scoreDealPage;
    return {
      readPage: pageReader(crm, phase, properties[phase], where, batch),
      processPage: async (records) => ({
        outcome: await score(ctx, records),
        ids: keep ? records.map((r) => r.id) : [],
      }),
    };
  };

  const companyDealsPlan = (
    recorded: RecordedIds,
  ): PhasePlan<{ fromId: string; toId: string }> => ({
    readPage: async (cursor) => {
      const at: CompanyDealsCursor = parseCompanyDealsCursor(cursor) ?? { next: 0, more: [] };
      const room = Math.min(batch - at.more.length, recorded.companies - at.next);
      const fresh = await readIds(paths.companies, at.next, room);
      const inputs = [...at.more, ...fresh.map((id) => ({ id }))];
      if (inputs.length === 0) return ok({ items: [], nextCursor: null });
      const page = await crm.readCompanyDealsPage(inputs);
      if (!page.ok) return page;
      const next: CompanyDealsCursor = { next: at.next + fresh.length, more: page.value.more };
      const last = next.next >= recorded.companies && next.more.length === 0;
      return ok({ items: page.value.links, nextCursor: last ? null : JSON.stringify(next) });
    },
    processPage: async (links) => ({
      outcome: await scoreCompanyDealsPage(ctx, links, {
        batchSize: batch,
        alreadyScored: (ids) => findIds(paths.deals, recorded.deals, recorded.dealsInOrder, ids),
      }),
      ids: [],
    }),
  });

  const runPhase = async <T>(
    phase: Exclude<Phase, 'done'>,
    plan: PhasePlan<T>,
    total: number | null,
  ) => {
    const counters: PhaseCounters = checkpoint.counters[phase];
    options.progress.start(PHASE_LABEL[phase], total, counters.scanned);
    const end = await runPipeline<T, Committed>({
      startCursor: checkpoint.cursor,
      readPage: plan.readPage,
      processPage: plan.processPage,
      commitPage: async ({ outcome, ids }, nextCursor) => {
        counters.scanned += outcome.scanned;
        counters.changed += outcome.changed;
        counters.unchanged += outcome.unchanged;
        counters.failed += outcome.failed.length;
        addFailures(checkpoint, outcome.failed);
        if (checkpoint.recorded !== null) await record(phase, checkpoint.recorded, ids);
        if (nextCursor === null) {
          checkpoint.phase = nextPhase(checkpoint);
          checkpoint.cursor = null;
        } else checkpoint.cursor = nextCursor;
        await save();
        options.progress.update({
          done: counters.scanned,
          changed: counters.changed,
          failed: counters.failed,
        });
      },
      depth: options.depth ?? DEFAULT_DEPTH,
      ...(options.shouldStop === undefined ? {} : { shouldStop: options.shouldStop }),
    });
    options.progress.stop();
    return end;
  };

  /** The progress bar's total: how many records the phase's search or list will read. */
  const totalOf = async (phase: ScoredObject): Promise<number | null> => {
    const count = await crm.countRecords(phase, where);
    if (!count.ok) return null;
    // Records a run has scored leave the stale selection: they are not in a resumed run's count.
    return checkpoint.mode.kind === 'stale'
      ? checkpoint.counters[phase].scanned + count.value
      : count.value;
  };

  let stopped: StrategyFitError | null = null;
  let interrupted = false;
  while (checkpoint.phase !== 'done' && stopped === null && !interrupted) {
    if (options.shouldStop?.() === true) {
      interrupted = true;
      break;
    }
    const phase = checkpoint.phase;
    const end =
      phase === 'companyDeals'
        ? await runPhase(phase, companyDealsPlan(checkpoint.recorded ?? NOTHING_RECORDED), null)
        : await runPhase(phase, recordsPlan(phase), await totalOf(phase));
    if (end.kind === 'failed') stopped = end.error;
    else if (end.kind === 'stopped') interrupted = true;
  }

  const finished = checkpoint.phase === 'done';
  if (finished) await removeCheckpoint(options.checkpointPath);
  const latest = await crm.readPublishedStrategy();
  const latestVersion = latest.ok && latest.value !== null ? latest.value.version : null;
  return ok({
    mode: checkpoint.mode,
    strategyVersion: checkpoint.strategyVersion,
    newerVersion:
      latestVersion !== null && latestVersion > checkpoint.strategyVersion ? latestVersion : null,
    resumed,
    durationMs: clock() - startedMs,
    companies: checkpoint.counters.companies,
    deals: checkpoint.counters.deals,
    dealsOfChangedCompanies:
      checkpoint.mode.kind === 'since' ? checkpoint.counters.companyDeals : null,
    failed: checkpoint.failed,
    failedOmitted: checkpoint.failedOmitted,
    stopped,
    interrupted: !finished && stopped === null && interrupted,
    checkpointPath: options.checkpointPath,
  });
};
