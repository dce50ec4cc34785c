// The walk: a job's phases in order (companies, then deals, …), each read block by block. Blocks
// are read one after another (each needs the previous one's cursor) while up to `depth` blocks
// are processed at the same time; results are committed strictly in block order, with the cursor
// a resumed walk continues at. A walk stops before a block when asked to, or when its time
// budget would not cover another block (app functions), and always reads at least one block.
import type { Result, StrategyFitError } from '@strategy-fit/core';

/** Where a walk stands: a phase and the page it continues at (null: the phase's start). */
export type WalkCursor = { phase: string; page: string | null };

/**
 * One block of a phase and the page the next block starts at (null: the phase is done); a search
 * also says how many records it still selects after the block.
 */
export type Block<T> = { items: T[]; next: string | null; remaining?: number };

export type PhaseSpec<T, R> = {
  name: string;
  /** Reads the block that starts at `page`. */
  read: (page: string | null) => Promise<Result<Block<T>, StrategyFitError>>;
  /**
   * The job's work on a block (score and write, or add to a review). Must not reject. `remaining`:
   * how many records a search still selects after the block.
   */
  process: (items: T[], block: { remaining?: number }) => Promise<R>;
  /**
   * Called in block order once a block is processed, with the cursor after it (null: the walk is
   * done). Returns false to stop the walk after this block (a block the job could not finish).
   */
  commit: (result: R, next: WalkCursor | null) => Promise<unknown>;
};

/** A phase whose block and result types are its own business. */
export type Phase = {
  readonly name: string;
  readonly run: (from: string | null, control: Control, after: WalkCursor | null) => Promise<End>;
};

type Control = {
  depth: number;
  now: () => number;
  /** True: read no further block. */
  stop: () => boolean;
  /** A block of `items` records took this long (ms), read and processed. */
  took: (ms: number, items: number) => void;
};

type End =
  { kind: 'done' } | { kind: 'stopped' | 'failed'; page: string | null; error?: StrategyFitError };

export type WalkEnd =
  | { kind: 'done' }
  | { kind: 'stopped'; at: WalkCursor }
  | { kind: 'failed'; at: WalkCursor; error: StrategyFitError };

export type WalkOptions = {
  /** Where to start; null: the first phase's start. */
  from: WalkCursor | null;
  /** Blocks in flight after their read (default 1). */
  depth?: number;
  /** Checked before each block is read: true stops the walk (blocks read are still committed). */
  shouldStop?: () => boolean;
  /**
   * The walk's time budget (ms from its start): no block starts once the time spent plus the
   * longest block so far would reach it. At least one block with records is always read; with
   * 0, exactly one, however fast the machine.
   */
  budgetMs?: number;
  /** The clock (ms), for the budget. */
  clock?: () => number;
};

/** Marks a promise as handled; a rejection (a bug) still surfaces where it is awaited. */
const handled = <P extends Promise<unknown>>(promise: P): P => {
  promise.catch(() => undefined);
  return promise;
};

/**
 * A phase of a walk.
 *
 * @example
 * const companies = definePhase({ name: 'companies', read, process: scoreBlock, commit: save });
 */
export function definePhase<T, R>(spec: PhaseSpec<T, R>): Phase {
  return {
    name: spec.name,
    run: async (from, control, after) => {
      type InFlight = { result: Promise<R>; next: string | null; startedMs: number; items: number };
      const inFlight: InFlight[] = [];
      let stopped = false;
      const commitOldest = async (): Promise<void> => {
        const oldest = inFlight.shift();
        if (oldest === undefined) return;
        const result = await oldest.result;
        control.took(control.now() - oldest.startedMs, oldest.items);
        const next = oldest.next === null ? after : { phase: spec.name, page: oldest.next };
        if ((await spec.commit(result, next)) === false) stopped = true;
      };
      const drain = async (): Promise<void> => {
        while (inFlight.length > 0) await commitOldest();
      };
      let page = from;
      for (;;) {
        const startedMs = control.now();
        const block = await spec.read(page);
        if (!block.ok) {
          await drain();
          return { kind: 'failed', page, error: block.error };
        }
        const { items, next, remaining } = block.value;
        const meta = remaining === undefined ? {} : { remaining };
        inFlight.push({
          result: handled(spec.process(items, meta)),
          next,
          startedMs,
          items: items.length,
        });
        while (inFlight.length >= control.depth) await commitOldest();
        if (stopped) {
          await drain();
          return { kind: 'stopped', page: next };
        }
        if (next === null) {
          await drain();
          return stopped ? { kind: 'stopped', page: null } : { kind: 'done' };
        }
        if (control.stop()) {
          await drain();
          return { kind: 'stopped', page: next };
        }
        page = next;
      }
    },
  };
}

/**
 * Walks `phases` from `options.from` until every phase is done, or it is told to stop, or its
 * budget ends, or a block cannot be read (after the client's retries).
 */
export async function walk(phases: readonly Phase[], options: WalkOptions): Promise<WalkEnd> {
  const clock = options.clock ?? Date.now;
  const startedMs = clock();
  let longestMs = 0;
  let records = 0;
  const control: Control = {
    depth: Math.max(1, options.depth ?? 1),
    now: clock,
    stop: () =>
      options.shouldStop?.() === true ||
      (options.budgetMs !== undefined &&
        records > 0 &&
        clock() - startedMs + longestMs >= options.budgetMs),
    took: (ms, items) => {
      longestMs = Math.max(longestMs, ms);
      records += items;
    },
  };
  const found =
    options.from === null ? -1 : phases.findIndex((p) => p.name === options.from?.phase);
  const first = Math.max(0, found);
  for (let i = first; i < phases.length; i += 1) {
    const phase = phases[i];
    if (phase === undefined) break;
    if (i > first && control.stop())
      return { kind: 'stopped', at: { phase: phase.name, page: null } };
    const nextPhase = phases[i + 1];
    const after = nextPhase === undefined ? null : { phase: nextPhase.name, page: null };
    const from = i === found ? (options.from?.page ?? null) : null;
    const end = await phase.run(from, control, after);
    if (end.kind === 'done') continue;
    if (end.kind === 'failed' && end.error !== undefined) {
      return { kind: 'failed', at: { phase: phase.name, page: end.page }, error: end.error };
    }
    // Stopped after a phase's last block: the walk stands at the next phase's start.
    const at = end.page === null ? after : { phase: phase.name, page: end.page };
    return at === null ? { kind: 'done' } : { kind: 'stopped', at };
  }
  return { kind: 'done' };
}
