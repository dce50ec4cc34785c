// `--out` is checked before the portal is read: a bad path is answered at once, naming it, with
// exit code 2, and no request is sent (the backend below would refuse every one).
import {
  chmodSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { afterAll, describe, expect, it } from 'vitest';

import { runCli } from '../backend/cli.test-support.ts';
import { checkOutFile } from './out-file.ts';

const dir = mkdtempSync(join(tmpdir(), 'strategy-fit-out-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Nobody listens there: reading the portal would fail with hubspot_unavailable after retries. */
const DEAD = { HUBSPOT_API_BASE_URL: 'http://127.0.0.1:9', HUBSPOT_ACCESS_TOKEN: 'x' };

describe('report --out is checked before the portal is read', () => {
  it('a directory that does not exist: exit 2 at once, naming it, nothing read', async () => {
    const out = join(dir, 'missing', 'review.html');
    const run = await runCli(['report', '--format', 'html', '--out', out, '--no-progress'], DEAD);
    expect(run.code).toBe(2);
    expect(run.err).toBe(
      `strategy-fit report: invalid_input: --out ${out}: the directory ${join(dir, 'missing')} does not exist. Create it first, or write elsewhere. (at --out)\n`,
    );
    expect(run.err).not.toContain('hubspot_unavailable');
  });

  it('a directory named as the file', async () => {
    mkdirSync(join(dir, 'sub'));
    const run = await runCli(['report', '--out', join(dir, 'sub'), '--no-progress'], DEAD);
    expect(run.code).toBe(2);
    expect(run.err).toContain('this is a directory; name a file.');
  });
});

describe('checkOutFile', () => {
  it('accepts a new file and leaves nothing behind; keeps an existing file as it is', async () => {
    const fresh = join(dir, 'new.csv');
    expect(await checkOutFile(fresh)).toEqual({ ok: true, value: true });
    expect(existsSync(fresh)).toBe(false);
    const existing = join(dir, 'old.csv');
    writeFileSync(existing, 'kept');
    expect((await checkOutFile(existing)).ok).toBe(true);
    expect(readFileSync(existing, 'utf8')).toBe('kept');
  });

  it.skipIf(process.getuid?.() === 0)('refuses a file it cannot write', async () => {
    const locked = join(dir, 'locked.csv');
    writeFileSync(locked, '');
    chmodSync(locked, 0o444);
    const checked = await checkOutFile(locked);
    expect(checked.ok ? null : checked.error.message).toMatch(/it cannot be written/);
  });
});
