import { existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

import {
  addFailures,
  checkpointPathFor,
  emptyCounters,
  MAX_FAILED_KEPT,
  parseCompanyDealsCursor,
  readCheckpoint,
  recordedDealsPath,
  removeCheckpoint,
  writeCheckpoint,
} from './checkpoint.ts';
import type { Checkpoint } from './checkpoint.ts';

const dir = mkdtempSync(join(tmpdir(), 'strategy-fit-checkpoint-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const checkpoint = (): Checkpoint => ({
  schemaVersion: 3,
  target: 'http://127.0.0.1:1 portal 1',
  mode: { kind: 'since', sinceMs: 1_700_000_000_000 },
  strategyVersion: 3,
  nowMs: 1_800_000_000_000,
  startedAt: '2027-01-15T08:00:00.000Z',
  updatedAt: '2027-01-15T08:00:01.000Z',
  phase: 'deals',
  cursor: '12345',
  counters: {
    companies: { scanned: 10, changed: 4, unchanged: 5, failed: 1 },
    deals: emptyCounters(),
    companyDeals: emptyCounters(),
  },
  failed: [{ objectType: 'companies', id: '7', code: 'hubspot_bad_request', message: 'no' }],
  failedOmitted: 0,
  recorded: { companies: 10, deals: 0, dealsInOrder: true },
});

/** The same run as written by strategy-fit before the deals of changed companies (schema 1). */
const versionOne = (mode: Checkpoint['mode']) => {
  const { counters, ...rest } = checkpoint();
  return {
    ...rest,
    recorded: undefined,
    schemaVersion: 1,
    mode,
    counters: { companies: counters.companies, deals: counters.deals },
  };
};

describe('checkpoint', () => {
  it('names one file per portal under .data/checkpoints', () => {
    expect(checkpointPathFor('a')).toMatch(/^\.data\/checkpoints\/[0-9a-f]{16}\.json$/);
    expect(checkpointPathFor('a')).not.toBe(checkpointPathFor('b'));
  });

  it('reads back what it wrote, and null when there is none', async () => {
    const path = join(dir, 'nested', 'one.json');
    expect(await readCheckpoint(path)).toEqual({ ok: true, value: null });
    await writeCheckpoint(path, checkpoint());
    expect(await readCheckpoint(path)).toEqual({ ok: true, value: checkpoint() });
    expect(readdirSync(join(dir, 'nested'))).toEqual(['one.json']);
    await removeCheckpoint(path);
    expect(await readCheckpoint(path)).toEqual({ ok: true, value: null });
  });

  it('refuses a damaged checkpoint with checkpoint_invalid', async () => {
    const path = join(dir, 'bad.json');
    writeFileSync(path, '{"schemaVersion": 1');
    const read = await readCheckpoint(path);
    expect(read.ok).toBe(false);
    if (!read.ok) expect(read.error.code).toBe('checkpoint_invalid');
    writeFileSync(path, JSON.stringify({ ...checkpoint(), phase: 'contacts' }));
    const wrong = await readCheckpoint(path);
    expect(!wrong.ok && wrong.error.message).toMatch(/phase/);
  });

  it('removes the kept companies and the recorded deals with the checkpoint', async () => {
    const path = join(dir, 'with-ids.json');
    await writeCheckpoint(path, checkpoint());
    const sides = [`${path}.companies`, `${path}.companies.json`, recordedDealsPath(path)];
    for (const side of sides) writeFileSync(side, '');
    await removeCheckpoint(path);
    expect([path, ...sides].map(existsSync)).toEqual([false, false, false, false]);
  });

  it('checks the companyDeals cursor and that only --since runs record deals', async () => {
    const path = join(dir, 'cursor.json');
    const cursor = JSON.stringify({ next: 3, more: [{ id: '12', after: 'MTA=' }] });
    await writeCheckpoint(path, { ...checkpoint(), phase: 'companyDeals', cursor });
    expect((await readCheckpoint(path)).ok).toBe(true);
    expect(parseCompanyDealsCursor(cursor)).toEqual({
      next: 3,
      more: [{ id: '12', after: 'MTA=' }],
    });
    await writeCheckpoint(path, { ...checkpoint(), phase: 'companyDeals', cursor: '12345' });
    const bad = await readCheckpoint(path);
    expect(!bad.ok && bad.error.message).toMatch(/not a companyDeals cursor/);
    await writeCheckpoint(path, {
      ...checkpoint(),
      mode: { kind: 'all' },
      recorded: { companies: 0, deals: 3, dealsInOrder: true },
    });
    const none = await readCheckpoint(path);
    expect(!none.ok && none.error.code).toBe('checkpoint_invalid');
  });

  it('reads an --all or --stale-only checkpoint of schema 1 or 2 as it was (no company kept), and refuses a --since one', async () => {
    const path = join(dir, 'v1.json');
    const nothingKept = { companies: 0, deals: 0, dealsInOrder: true };
    writeFileSync(path, JSON.stringify(versionOne({ kind: 'stale' })));
    expect(await readCheckpoint(path)).toEqual({
      ok: true,
      value: { ...checkpoint(), mode: { kind: 'stale' }, recorded: nothingKept },
    });
    writeFileSync(
      path,
      JSON.stringify({ ...checkpoint(), schemaVersion: 2, mode: { kind: 'all' }, recorded: null }),
    );
    expect(await readCheckpoint(path)).toEqual({
      ok: true,
      value: { ...checkpoint(), mode: { kind: 'all' }, recorded: nothingKept },
    });
    writeFileSync(path, JSON.stringify(versionOne({ kind: 'since', sinceMs: 1 })));
    const since = await readCheckpoint(path);
    expect(!since.ok && since.error).toMatchObject({ code: 'checkpoint_invalid' });
    expect(!since.ok && since.error.message.replace(dir, '<dir>')).toMatchInlineSnapshot(
      `"The checkpoint <dir>/v1.json cannot be used (an earlier strategy-fit wrote it, which kept the companies of a --since run another way). Delete it and run without --resume."`,
    );
  });

  it('keeps the first failures by id and counts the rest', () => {
    const state = { failed: [], failedOmitted: 0 };
    const failures = Array.from({ length: MAX_FAILED_KEPT + 5 }, (_, i) => ({
      objectType: 'deals' as const,
      id: String(i),
      code: 'hubspot_error' as const,
      message: 'x',
    }));
    addFailures(state, failures);
    expect(state.failed).toHaveLength(MAX_FAILED_KEPT);
    expect(state.failedOmitted).toBe(5);
  });
});
