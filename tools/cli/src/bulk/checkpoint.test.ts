import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

import {
  addFailures,
  checkpointPathFor,
  emptyCounters,
  MAX_FAILED_KEPT,
  readCheckpoint,
  removeCheckpoint,
  writeCheckpoint,
} from './checkpoint.ts';
import type { Checkpoint } from './checkpoint.ts';

const dir = mkdtempSync(join(tmpdir(), 'strategy-fit-checkpoint-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const checkpoint = (): Checkpoint => ({
  schemaVersion: 1,
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
  },
  failed: [{ objectType: 'companies', id: '7', code: 'hubspot_bad_request', message: 'no' }],
  failedOmitted: 0,
});

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
