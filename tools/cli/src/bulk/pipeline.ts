// A small bounded pipeline over pages: pages are read one after another (each read needs the
// previous page's cursor), while up to `depth` read pages are enriched, scored and written
// concurrently; results are committed strictly in page order, so a checkpoint taken at a commit
// never covers a page whose writes are not confirmed. Memory: at most `depth` + 1 pages.
import type { Result, StrategyFitError } from '@strategy-fit/core';

export type Page<T> = { items: T[]; nextCursor: string | null };

export type PipelineOptions<T, R> = {
  /** The cursor to start at; null = the beginning. */
  startCursor: string | null;
  readPage: (cursor: string | null) => Promise<Result<Page<T>, StrategyFitError>>;
  /** Enrich, score and write one page; must not reject for expected (HubSpot) failures. */
  processPage: (items: T[]) => Promise<R>;
  /** Called in page order once a page is processed; `nextCursor` is where a resumed run goes on. */
  commitPage: (result: R, nextCursor: string | null) => Promise<void>;
  /** Pages in flight after their read (default 4). */
  depth?: number;
  /** Checked before each read: true stops reading (pages already read are still committed). */
  shouldStop?: () => boolean;
};

export type PipelineEnd =
  { kind: 'finished' } | { kind: 'stopped' } | { kind: 'failed'; error: StrategyFitError };

type InFlight<R> = { result: Promise<R>; nextCursor: string | null };

/** Marks a promise as handled; a rejection (a bug) still surfaces where it is awaited. */
const handled = <P extends Promise<unknown>>(promise: P): P => {
  promise.catch(() => undefined);
  return promise;
};

/**
 * Runs the pipeline to the last page (or until a read fails or `shouldStop` says so), committing
 * every page it read. The read of page n + 1 overlaps the work on pages n, n − 1, ….
 */
export const runPipeline = async <T, R>(options: PipelineOptions<T, R>): Promise<PipelineEnd> => {
  const depth = Math.max(1, options.depth ?? 4);
  const inFlight: InFlight<R>[] = [];
  const commitOldest = async (): Promise<void> => {
    const oldest = inFlight.shift();
    if (oldest !== undefined) await options.commitPage(await oldest.result, oldest.nextCursor);
  };
  const drain = async (): Promise<void> => {
    while (inFlight.length > 0) await commitOldest();
  };

  let reading = handled(options.readPage(options.startCursor));
  for (;;) {
    const page = await reading;
    if (!page.ok) {
      await drain();
      return { kind: 'failed', error: page.error };
    }
    const { items, nextCursor } = page.value;
    inFlight.push({ result: handled(options.processPage(items)), nextCursor });
    if (nextCursor === null) {
      await drain();
      return { kind: 'finished' };
    }
    if (options.shouldStop?.() === true) {
      await drain();
      return { kind: 'stopped' };
    }
    reading = handled(options.readPage(nextCursor));
    while (inFlight.length >= depth) await commitOldest();
  }
};
