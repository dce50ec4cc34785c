// Bad option values are answered in plain words, through the strategy-fit binary (commander and
// the option schemas; commander exits the process), with exit code 2 and nothing sent to a portal.
import { spawnSync } from 'node:child_process';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

import { describe, expect, it } from 'vitest';

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../../../..');

const runBinary = (args: readonly string[], env: Record<string, string>) => {
  const bin = resolve(repoRoot, 'tools/cli/bin/strategy-fit.js');
  const run = spawnSync(process.execPath, ['--max-semi-space-size=16', bin, ...args], {
    cwd: repoRoot,
    encoding: 'utf8',
    env: { ...process.env, ...env },
  });
  return { code: run.status, err: run.stderr };
};

/** A backend nobody listens on: any request would fail, so an answer without one proves none was sent. */
const DEAD = { HUBSPOT_API_BASE_URL: 'http://127.0.0.1:9', HUBSPOT_ACCESS_TOKEN: 'x' };

describe('bad option values, in plain words', () => {
  it.each([
    [
      ['score', '--batch', '500'],
      'strategy-fit score: --batch is “500”, but it takes a whole number from 1 to 100.',
    ],
    [
      ['report', '--format', 'pdf'],
      'strategy-fit report: --format is “pdf”, but it takes one of: table, json, csv, html.',
    ],
    [
      ['score', '--since', 'soon'],
      'strategy-fit score: --since is “soon”, but it takes an ISO date or date-time, e.g. 2026-11-01 or 2026-11-01T08:00:00Z.',
    ],
    [
      ['demo', '--companies', '0'],
      'strategy-fit demo: --companies is “0”, but it takes a whole number from 1 to 100000.',
    ],
    [
      ['strategy', 'show', '--version', 'two'],
      'error [invalid_input] --version is “two”, but it takes a whole number of at least 1.',
    ],
  ])('%j', (args, first) => {
    const run = runBinary(args, DEAD);
    expect(run.code).toBe(2);
    expect(run.err.split('\n')[0]).toBe(first);
    expect(run.err).not.toMatch(/Too big|Invalid option|expected number|backend:/);
  });
});
