import type { Result } from '@strategy-fit/core';

/** Splits a list into consecutive chunks of at most `size`. */
export function chunk<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

/** How many batch requests of one call run at the same time (the limiter still paces them). */
export const BATCH_CONCURRENCY = 4;

/**
 * Runs `task` over `items` with at most `concurrency` at a time, in order; stops starting new
 * tasks at the first failure and returns it.
 */
export async function mapBatches<T, R, E>(
  items: readonly T[],
  task: (item: T) => Promise<Result<R, E>>,
  concurrency: number = BATCH_CONCURRENCY,
): Promise<Result<R[], E>> {
  const results: R[] = new Array<R>(items.length);
  let next = 0;
  let failure: { ok: false; error: E } | undefined;
  const worker = async (): Promise<void> => {
    while (failure === undefined && next < items.length) {
      const index = next;
      next += 1;
      const item = items[index] as T;
      const result = await task(item);
      if (!result.ok) {
        failure ??= result;
        return;
      }
      results[index] = result.value;
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, items.length) }, worker));
  return failure ?? { ok: true, value: results };
}

/** Unique values in first-seen order. */
export const unique = <T>(items: readonly T[]): T[] => [...new Set(items)];
