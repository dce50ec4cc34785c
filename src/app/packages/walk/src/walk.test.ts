// The walk's driver, on phases of plain numbers: blocks committed in order with the cursor a
// resumed walk continues at, bounded work in flight, phases one after another, a time budget that
// always lets one block with records through, and a stop or a failed read that keeps every block
// committed before it.
import { err, ok, strategyFitError } from '@strategy-fit/core';
import { describe, expect, it } from 'vitest';

import { definePhase, walk } from './walk.ts';
import type { Block, WalkCursor } from './walk.ts';

const delay = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Blocks of `size` numbers from `first` to `first + count - 1`; the cursor is the next number. */
const numbers = (first: number, count: number, size: number) => {
  const reads: (string | null)[] = [];
  const read = async (page: string | null) => {
    reads.push(page);
    await delay(1);
    const start = page === null ? first : Number(page);
    const items = Array.from(
      { length: Math.max(0, Math.min(size, first + count - start)) },
      (_, i) => start + i,
    );
    const next = start + size;
    return ok<Block<number>>({ items, next: next < first + count ? String(next) : null });
  };
  return { read, reads };
};

type Commit = [string, number[], WalkCursor | null];

const phaseOf = (
  name: string,
  source: ReturnType<typeof numbers>,
  commits: Commit[],
  process: (items: number[]) => Promise<number[]> = async (items) => items,
) =>
  definePhase({
    name,
    read: source.read,
    process,
    commit: async (items: number[], next) => {
      commits.push([name, items, next]);
    },
  });

describe('walk', () => {
  it('commits every block in order, with the cursor after it, phase after phase', async () => {
    const commits: Commit[] = [];
    const end = await walk(
      [
        // Later blocks finish first: the commits still come in block order.
        phaseOf('a', numbers(0, 5, 2), commits, async (items) => {
          await delay(20 - (items[0] ?? 0));
          return items;
        }),
        phaseOf('b', numbers(100, 3, 2), commits),
      ],
      { from: null, depth: 3 },
    );
    expect(end).toEqual({ kind: 'done' });
    expect(commits).toEqual([
      ['a', [0, 1], { phase: 'a', page: '2' }],
      ['a', [2, 3], { phase: 'a', page: '4' }],
      ['a', [4], { phase: 'b', page: null }],
      ['b', [100, 101], { phase: 'b', page: '102' }],
      ['b', [102], null],
    ]);
  });

  it('starts at a cursor: its phase, its page; earlier phases are not read', async () => {
    const commits: Commit[] = [];
    const a = numbers(0, 5, 2);
    const b = numbers(100, 5, 2);
    await walk([phaseOf('a', a, commits), phaseOf('b', b, commits)], {
      from: { phase: 'b', page: '102' },
    });
    expect(a.reads).toEqual([]);
    expect(b.reads).toEqual(['102', '104']);
    expect(commits.map(([, items]) => items)).toEqual([[102, 103], [104]]);
  });

  it('keeps at most depth blocks in flight and overlaps the next read with their work', async () => {
    let active = 0;
    let peak = 0;
    const source = numbers(0, 40, 2);
    await walk(
      [
        phaseOf('a', source, [], async (items) => {
          active += 1;
          peak = Math.max(peak, active);
          await delay(5);
          active -= 1;
          return items;
        }),
      ],
      { from: null, depth: 3 },
    );
    expect(peak).toBe(3);
    expect(source.reads).toHaveLength(20);
  });

  it('a budget stops before a block that would not fit, and always lets one block with records through', async () => {
    let now = 0;
    const commits: Commit[] = [];
    const slow = definePhase({
      name: 'a',
      read: numbers(0, 10, 2).read,
      process: async (items: number[]) => {
        now += 60;
        return items;
      },
      commit: async (items: number[], next) => {
        commits.push(['a', items, next]);
      },
    });
    // An empty phase first: it reads a block without records, and the budget lets the walk on.
    const empty = phaseOf('empty', numbers(0, 0, 2), commits);
    const end = await walk([empty, slow], { from: null, budgetMs: 100, clock: () => now });
    expect(commits.map(([name, items]) => [name, items])).toEqual([
      ['empty', []],
      ['a', [0, 1]],
    ]);
    expect(end).toEqual({ kind: 'stopped', at: { phase: 'a', page: '2' } });
    const none = await walk([slow], { from: null, budgetMs: 0, clock: () => now });
    expect(none).toEqual({ kind: 'stopped', at: { phase: 'a', page: '2' } });
  });

  it('a budget of 0 reads exactly one block with records, even when no time passes', async () => {
    const commits: Commit[] = [];
    const end = await walk([phaseOf('a', numbers(0, 10, 2), commits)], {
      from: null,
      budgetMs: 0,
      clock: () => 0,
    });
    expect(commits.map(([, items]) => items)).toEqual([[0, 1]]);
    expect(end).toEqual({ kind: 'stopped', at: { phase: 'a', page: '2' } });
  });

  it('stops when asked, after committing the blocks read', async () => {
    const commits: Commit[] = [];
    let stop = false;
    const end = await walk(
      [
        phaseOf('a', numbers(0, 10, 2), commits, async (items) => {
          stop = true;
          return items;
        }),
      ],
      { from: null, shouldStop: () => stop },
    );
    expect(end).toEqual({ kind: 'stopped', at: { phase: 'a', page: '2' } });
    expect(commits).toHaveLength(1);
  });

  it('a commit that answers false stops the walk after that block', async () => {
    let commits = 0;
    const end = await walk(
      [
        definePhase({
          name: 'a',
          read: numbers(0, 10, 2).read,
          process: async (items: number[]) => items,
          commit: async () => {
            commits += 1;
            return false;
          },
        }),
      ],
      { from: null },
    );
    expect(commits).toBe(1);
    expect(end.kind).toBe('stopped');
  });

  it('a block HubSpot cannot read ends the walk at it, after committing the blocks before', async () => {
    const commits: Commit[] = [];
    const source = numbers(0, 10, 2);
    const failing = definePhase({
      name: 'a',
      read: async (page: string | null) =>
        page === '4'
          ? err(strategyFitError('hubspot_unavailable', 'HubSpot failed'))
          : source.read(page),
      process: async (items: number[]) => items,
      commit: async (items: number[], next) => {
        commits.push(['a', items, next]);
      },
    });
    const end = await walk([failing], { from: null, depth: 2 });
    expect(end).toMatchObject({
      kind: 'failed',
      at: { phase: 'a', page: '4' },
      error: { code: 'hubspot_unavailable' },
    });
    expect(commits.map(([, items]) => items)).toEqual([
      [0, 1],
      [2, 3],
    ]);
  });
});
