// `score`: the walk of a scoring run (companies, then deals; @strategy-fit/walk) with what only the
// CLI has: one run per portal on this machine (a lock that dies with its holder), a checkpoint
// after every committed block, the companies it scored kept on disk for their deals, progress,
// and at the end a count of what is still stale. The strategy version is pinned at the start (a
// resumed run keeps the checkpoint's version and "now"); records scored by a newer version are
// left as they are (the core's diff). A --since run then scores the deals of the companies it
// scanned (SCORING §7: a deal's result reads its company), once each.
import {
  compileStrategy,
  err,
  ok,
  scoringReads,
  strategyFitError,
  writtenFitProperties,
} from '@strategy-fit/core';
import type { PropertyDefinitions, Result, StrategyFitError } from '@strategy-fit/core';
import {
  countRecords,
  readCompanyDealsPage,
  readPropertyDefinitions,
  readPublishedStrategy,
  readRecords,
  readStrategyVersion,
} from '@strategy-fit/hubspot';
import type { HubSpot, StoredStrategy } from '@strategy-fit/hubspot';
import {
  countStale,
  definePhase,
  failedBlock,
  readDealLinks,
  scoreDealBlock,
  scorePhases,
  selectionWhere,
  walk,
} from '@strategy-fit/walk';
import type { BlockOutcome, Phase, ScoredBlock, ScoringRun, WalkRecord } from '@strategy-fit/walk';

import { lockPortal } from '../backend/process-lock.ts';
import {
  addFailures,
  emptyCounters,
  parseCompanyDealsCursor,
  readCheckpoint,
  recordedDealsPath,
  removeCheckpoint,
  writeCheckpoint,
} from './checkpoint.ts';
import type {
  Checkpoint,
  CompanyDealsCursor,
  Phase as PhaseName,
  ScoreMode,
} from './checkpoint.ts';
import { openCompanyDigest } from './company-digest.ts';
import type { CompanyDigest } from './company-digest.ts';
import {
  appendIds,
  ascendingAfter,
  createIdFile,
  cutIdFile,
  findIds,
  idBefore,
} from './id-file.ts';
import type { ProgressReporter } from './progress.ts';
import type { RunSummary } from './summary.ts';

/** Batch size of reads and writes: HubSpot's batch APIs take at most 100 inputs. */
export const MAX_BATCH = 100;
/** Blocks in flight: enough to keep the rate limit, not latency, the ceiling. */
export const DEFAULT_DEPTH = 4;

export type ScoreRunOptions = {
  mode: ScoreMode;
  /** Continue the checkpoint's run when there is one. */
  resume: boolean;
  /** Records per list page (≤ 100; search pages hold twice as many); a block is ten pages. */
  batchSize: number;
  /** "Now" of a new run (a resumed run keeps its checkpoint's). */
  nowMs: number;
  /** Identifies the portal (base URL, token hash); a checkpoint of another portal is refused. */
  target: string;
  checkpointPath: string;
  progress: ProgressReporter;
  /** Notes for the user (stderr). */
  log: (line: string) => void;
  depth?: number;
  /** True stops the run after the blocks already read (Ctrl-C); the checkpoint is kept. */
  shouldStop?: () => boolean;
  /** The wall clock, for durations and timestamps only. */
  clock?: () => number;
  /** Where the portal's lock lives (tests); default the machine's temporary directory. */
  lockDir?: string;
};

type Start = { checkpoint: Checkpoint; published: StoredStrategy; resumed: boolean };

const newCheckpoint = (options: ScoreRunOptions, version: number, at: string): Checkpoint => ({
  schemaVersion: 3,
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
  recorded: { companies: 0, deals: 0, dealsInOrder: true },
});

const sameMode = (a: ScoreMode, b: ScoreMode): boolean => JSON.stringify(a) === JSON.stringify(b);

/** Resumes the checkpoint's run, or starts a new one with the published strategy. */
const startRun = async (
  hs: HubSpot,
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
    const pinned = await readStrategyVersion(hs, previous.strategyVersion);
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
  const published = await readPublishedStrategy(hs);
  if (!published.ok) return published;
  if (published.value === null) {
    return err(
      strategyFitError(
        'strategy_not_published',
        'No strategy is published yet. Publish one first: strategy-fit strategy publish FILE',
      ),
    );
  }
  const at = new Date(clock()).toISOString();
  return ok({
    checkpoint: newCheckpoint(options, published.value.version, at),
    published: published.value,
    resumed: false,
  });
};

/** The fit properties must exist before anything is written (`strategy-fit setup`). */
const checkSetup = (
  objectType: 'companies' | 'deals',
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
  hs: HubSpot,
): Promise<Result<ScoringRun['definitions'], StrategyFitError>> => {
  const [companies, deals] = await Promise.all([
    readPropertyDefinitions(hs, 'companies'),
    readPropertyDefinitions(hs, 'deals'),
  ]);
  if (!companies.ok) return companies;
  if (!deals.ok) return deals;
  const missing = checkSetup('companies', companies.value) ?? checkSetup('deals', deals.value);
  return missing === null ? ok({ companies: companies.value, deals: deals.value }) : err(missing);
};

/** The phase after this one: the deals of changed companies only when a --since run scanned some. */
const nextPhase = (checkpoint: Checkpoint): PhaseName => {
  switch (checkpoint.phase) {
    case 'companies':
      return 'deals';
    case 'deals':
      return checkpoint.mode.kind === 'since' && checkpoint.recorded.companies > 0
        ? 'companyDeals'
        : 'done';
    case 'companyDeals':
    case 'done':
      return 'done';
    default:
      return checkpoint.phase satisfies never;
  }
};

const PHASE_LABEL: Record<Exclude<PhaseName, 'done'>, string> = {
  companies: 'companies',
  deals: 'deals',
  companyDeals: 'deals of changed companies',
};

const refused = (path: string, why: string): StrategyFitError =>
  strategyFitError(
    'checkpoint_invalid',
    `The checkpoint ${path} counts ${why}, which is missing or shorter. Delete the checkpoint and run without --resume.`,
    { path },
  );

/** What a committed block did, and its records (kept, or recorded for a --since run). */
type Committed = { outcome: BlockOutcome; block: ScoredBlock | null };

/**
 * Runs (or resumes) a scoring run to its end, or until a block read fails or `shouldStop`.
 * Errors before the first block (no strategy, no setup, a bad checkpoint, another run on this
 * portal) are returned as `err`.
 */
export const runScore = async (
  hs: HubSpot,
  options: ScoreRunOptions,
): Promise<Result<RunSummary, StrategyFitError>> => {
  const lock = await lockPortal(options.target, options.lockDir);
  if (!lock.ok) return lock;
  try {
    return await runLocked(hs, options);
  } finally {
    await lock.value.release();
  }
};

/** `runScore` once this process holds the portal. */
const runLocked = async (
  hs: HubSpot,
  options: ScoreRunOptions,
): Promise<Result<RunSummary, StrategyFitError>> => {
  const clock = options.clock ?? Date.now;
  const startedMs = clock();
  const started = await startRun(hs, options, clock);
  if (!started.ok) return started;
  const { checkpoint, published, resumed } = started.value;
  const definitions = await readDefinitions(hs);
  if (!definitions.ok) return definitions;
  const path = options.checkpointPath;
  const digest = await openCompanyDigest(
    path,
    resumed ? { count: checkpoint.recorded.companies } : null,
  );
  if (digest === null)
    return err(refused(path, `${checkpoint.recorded.companies} companies in ${path}.companies`));
  const dealsPath = recordedDealsPath(path);
  if (!resumed) await createIdFile(dealsPath);
  else if (!(await cutIdFile(dealsPath, checkpoint.recorded.deals))) {
    return err(refused(path, `${checkpoint.recorded.deals} deal ids in ${dealsPath}`));
  }
  let lastDealId = await idBefore(dealsPath, checkpoint.recorded.deals);

  const run: ScoringRun = {
    hs,
    compiled: compileStrategy(published.strategy),
    stamp: {
      version: checkpoint.strategyVersion,
      scoredAt: new Date(checkpoint.nowMs).toISOString(),
    },
    nowMs: checkpoint.nowMs,
    definitions: definitions.value,
    reads: scoringReads(published.strategy),
    companies: digest,
    // Records the interrupted process wrote after its last checkpoint count as this run's (issue 13).
    resumed,
  };
  const batch = Math.min(MAX_BATCH, Math.max(1, options.batchSize));
  // A block is ten list pages (a thousand records by default: one associations read per kind).
  const blocks = { listPageSize: batch, searchPageSize: 2 * batch, blockSize: 10 * batch };
  const save = async (): Promise<void> => {
    checkpoint.updatedAt = new Date(clock()).toISOString();
    await writeCheckpoint(path, checkpoint);
  };
  await save();

  /** Keeps a block's companies, and records a --since run's deals before the checkpoint counts them. */
  const keep = async (block: ScoredBlock): Promise<void> => {
    const recorded = checkpoint.recorded;
    if (block.phase === 'companies') {
      if (await digest.append(block.records)) recorded.companies = digest.count();
      return;
    }
    // Deals are recorded only when there are deals of changed companies to score after them.
    if (checkpoint.mode.kind !== 'since' || recorded.companies === 0 || block.records.length === 0)
      return;
    const ids = block.records.map((r) => r.id);
    if (recorded.dealsInOrder && !ascendingAfter(lastDealId, ids)) recorded.dealsInOrder = false;
    await appendIds(dealsPath, ids);
    recorded.deals += ids.length;
    lastDealId = ids.at(-1) ?? lastDealId;
  };

  const commitTo =
    (phase: Exclude<PhaseName, 'done'>) =>
    async ({ outcome, block }: Committed, next: { page: string | null } | null): Promise<void> => {
      const counters = checkpoint.counters[phase];
      counters.scanned += outcome.scanned;
      counters.changed += outcome.changed;
      counters.unchanged += outcome.unchanged;
      counters.failed += outcome.failed.length;
      addFailures(checkpoint, outcome.failed);
      if (block !== null) await keep(block);
      if (next === null) {
        checkpoint.phase = nextPhase(checkpoint);
        checkpoint.cursor = null;
      } else checkpoint.cursor = next.page;
      await save();
      options.progress.update({
        done: counters.scanned,
        changed: counters.changed,
        failed: counters.failed,
      });
    };

  /** A block whose companies or whole write HubSpot refused: its records failed, the run goes on. */
  const settle = (block: ScoredBlock): Committed => ({
    outcome: block.outcome.ok
      ? block.outcome.value
      : failedBlock(
          block.phase,
          block.records.map((r) => r.id),
          block.outcome.error,
        ),
    block,
  });

  const [companies, deals] = scorePhases(
    run,
    checkpoint.mode,
    async (block, next) => commitTo(block.phase)(settle(block), next),
    blocks,
  );
  const phases: Record<Exclude<PhaseName, 'done'>, Phase | undefined> = {
    companies,
    deals,
    companyDeals: companyDealsPhase(
      run,
      { checkpoint, digest, dealsPath, companiesPerRead: blocks.blockSize },
      commitTo('companyDeals'),
    ),
  };

  /** The progress bar's total: how many records the phase's search or list will read. */
  const totalOf = async (phase: PhaseName): Promise<number | null> => {
    if (phase !== 'companies' && phase !== 'deals') return null;
    const where = selectionWhere(checkpoint.mode, checkpoint.strategyVersion) ?? {
      kind: 'filters',
      filterGroups: [],
    };
    const count = await countRecords(hs, phase, where);
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
    const name = checkpoint.phase;
    const phase = phases[name];
    if (phase === undefined) break;
    options.progress.start(
      PHASE_LABEL[name],
      options.progress.wantsTotal ? await totalOf(name) : null,
      checkpoint.counters[name].scanned,
    );
    const end = await walk([phase], {
      from: { phase: name, page: checkpoint.cursor },
      depth: options.depth ?? DEFAULT_DEPTH,
      ...(options.shouldStop === undefined ? {} : { shouldStop: options.shouldStop }),
    });
    options.progress.stop();
    if (end.kind === 'failed') stopped = end.error;
    else if (end.kind === 'stopped') interrupted = true;
  }

  const finished = checkpoint.phase === 'done';
  if (finished) await removeCheckpoint(path);
  const [latest, stillStale] = await Promise.all([
    readPublishedStrategy(hs),
    finished ? staleAfter(hs, checkpoint.strategyVersion) : Promise.resolve(null),
  ]);
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
    stillStale,
    checkpointPath: path,
  });
};

/** The records still below the run's version or never scored, once the run is done. */
const staleAfter = async (hs: HubSpot, version: number): Promise<RunSummary['stillStale']> => {
  const [companies, deals] = await Promise.all([
    countStale(hs, 'companies', version),
    countStale(hs, 'deals', version),
  ]);
  return companies.ok && deals.ok ? { companies: companies.value, deals: deals.value } : null;
};

/**
 * The deals of the companies a --since run scanned (SCORING §7), after its deals phase: for a
 * block of kept companies at a time (1,000 by default: one associations read) their deals,
 * following HubSpot's paging, keeping each deal whose own company (primary, else lowest id) is
 * one of them and that the deals phase did not score; then those deals, with their kept companies.
 */
function companyDealsPhase(
  run: ScoringRun,
  state: {
    checkpoint: Checkpoint;
    digest: CompanyDigest;
    dealsPath: string;
    companiesPerRead: number;
  },
  commit: (committed: Committed, next: { page: string | null } | null) => Promise<void>,
): Phase {
  const { checkpoint, digest, dealsPath } = state;
  type Links = { fromId: string; toId: string }[];
  return definePhase({
    name: 'companyDeals',
    read: async (page) => {
      const at: CompanyDealsCursor = parseCompanyDealsCursor(page) ?? { next: 0, more: [] };
      const room = Math.min(state.companiesPerRead - at.more.length, digest.count() - at.next);
      const fresh = await digest.idsAt(at.next, room);
      const inputs = [...at.more, ...fresh.map((id) => ({ id }))];
      if (inputs.length === 0) return ok({ items: [] as Links, next: null });
      const links = await readCompanyDealsPage(run.hs, inputs);
      if (!links.ok) return links;
      const next: CompanyDealsCursor = { next: at.next + fresh.length, more: links.value.more };
      const last = next.next >= digest.count() && next.more.length === 0;
      return ok({ items: links.value.links, next: last ? null : JSON.stringify(next) });
    },
    process: async (links: Links): Promise<Committed> => ({
      outcome: await scoreCompanyDeals(run, links, (ids) =>
        findIds(dealsPath, checkpoint.recorded.deals, checkpoint.recorded.dealsInOrder, ids),
      ),
      block: null,
    }),
    commit,
  });
}

const NOTHING: BlockOutcome = { scanned: 0, changed: 0, unchanged: 0, failed: [] };

/**
 * Scores the deals found under changed companies (`links`: company → deal). A deal reads only its
 * own company, so it is scored under that company and no other: once, however many changed
 * companies it is linked to. Deals the run has already scored are left out.
 */
async function scoreCompanyDeals(
  run: ScoringRun,
  links: readonly { fromId: string; toId: string }[],
  alreadyScored: (dealIds: readonly string[]) => Set<string>,
): Promise<BlockOutcome> {
  const foundUnder = new Map<string, Set<string>>();
  for (const { fromId, toId } of links) {
    const under = foundUnder.get(toId) ?? new Set<string>();
    under.add(fromId);
    foundUnder.set(toId, under);
  }
  const scored = alreadyScored([...foundUnder.keys()]);
  const candidates = [...foundUnder.keys()].filter((id) => !scored.has(id));
  if (candidates.length === 0) return NOTHING;
  const dealLinks = await readDealLinks(run.hs, candidates);
  if (!dealLinks.ok) return failedBlock('deals', candidates, dealLinks.error);
  const own = candidates.filter((id) => {
    const companyId = dealLinks.value.get(id)?.companyId ?? null;
    return companyId !== null && foundUnder.get(id)?.has(companyId) === true;
  });
  if (own.length === 0) return NOTHING;
  const read = await readRecords(run.hs, 'deals', own, run.reads.deals);
  // A deal deleted since its company was read is no longer there to score.
  if (!read.ok) return failedBlock('deals', own, read.error);
  const records: WalkRecord[] = read.value.records.map((r) => ({
    ...r,
    ...(dealLinks.value.get(r.id) ?? { companyId: null, lineItemIds: [] }),
  }));
  const outcome = await scoreDealBlock(run, records);
  return outcome.ok ? outcome.value : failedBlock('deals', own, outcome.error);
}
