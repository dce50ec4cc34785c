import { err, ok, strategyFitError } from '@strategy-fit/core';
import { describe, expect, it } from 'vitest';

import { runPipeline } from './pipeline.ts';
import type { Page } from './pipeline.ts';

/** Pages of `size` numbers 0..count-1; the cursor is the first number of the next page. */
const pagesOf = (count: number, size: number) => {
  const reads: (string | null)[] = [];
  const readPage = async (cursor: string | null) => {
    reads.push(cursor);
    await new Promise((r) => setTimeout(r, 1));
    const start = cursor === null ? 0 : Number(cursor);
    const items = Array.from({ length: Math.min(size, count - start) }, (_, i) => start + i);
    const next = start + size;
    return ok<Page<number>>({ items, nextCursor: next < count ? String(next) : null });
  };
  return { readPage, reads };
};

const delay = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('runPipeline', () => {
  it('commits every page in order with the cursor a resumed run continues at', async () => {
    const { readPage } = pagesOf(10, 3);
    const commits: [number[], string | null][] = [];
    const end = await runPipeline({
      startCursor: null,
      readPage,
      // Later pages finish first: the commits must still come in page order.
      processPage: async (items) => {
        await delay(20 - (items[0] ?? 0));
        return items;
      },
      commitPage: async (items, next) => {
        commits.push([items, next]);
      },
    });
    expect(end).toEqual({ kind: 'finished' });
    expect(commits).toEqual([
      [[0, 1, 2], '3'],
      [[3, 4, 5], '6'],
      [[6, 7, 8], '9'],
      [[9], null],
    ]);
  });

  it('keeps at most depth pages in flight and overlaps the next read with their work', async () => {
    const { readPage } = pagesOf(40, 2);
    let active = 0;
    let peak = 0;
    await runPipeline({
      startCursor: null,
      readPage,
      depth: 3,
      processPage: async (items) => {
        active += 1;
        peak = Math.max(peak, active);
        await delay(5);
        active -= 1;
        return items;
      },
      commitPage: async () => undefined,
    });
    expect(peak).toBe(3);
  });

  it('starts at the given cursor', async () => {
    const { readPage, reads } = pagesOf(6, 2);
    const seen: number[] = [];
    await runPipeline({
      startCursor: '4',
      readPage,
      processPage: async (items) => items,
      commitPage: async (items) => {
        seen.push(...items);
      },
    });
    expect(reads).toEqual(['4']);
    expect(seen).toEqual([4, 5]);
  });

  it('stops at a failed read after committing the pages read before it', async () => {
    const error = strategyFitError('hubspot_unavailable', 'down');
    const committed: (string | null)[] = [];
    const end = await runPipeline({
      startCursor: null,
      readPage: async (cursor) =>
        cursor === '2'
          ? err(error)
          : ok({ items: [cursor], nextCursor: cursor === null ? '1' : '2' }),
      processPage: async (items) => items,
      commitPage: async (_items, next) => {
        committed.push(next);
      },
    });
    expect(end).toEqual({ kind: 'failed', error });
    expect(committed).toEqual(['1', '2']);
  });

  it('stops reading when asked and commits what it read', async () => {
    const { readPage, reads } = pagesOf(100, 10);
    let commits = 0;
    const end = await runPipeline({
      startCursor: null,
      readPage,
      processPage: async (items) => items,
      commitPage: async () => {
        commits += 1;
      },
      shouldStop: () => commits >= 2,
    });
    expect(end).toEqual({ kind: 'stopped' });
    expect(commits).toBe(reads.length);
    expect(commits).toBeLessThan(10);
  });
});
