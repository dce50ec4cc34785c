import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

import { ensureFitProperties, listRecords } from '@strategy-fit/hubspot';
import type { RunningSandbox } from '@strategy-fit/sandbox';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { startCliSandbox } from './cli.test-support.ts';
import {
  DEFAULT_SANDBOX_DIR,
  resolveBackendTarget,
  resolveRateLimit,
  withBackend,
} from './with-backend.ts';

const dataDir = mkdtempSync(join(tmpdir(), 'strategy-fit-backend-'));
let sandbox: RunningSandbox;
let env: Record<string, string>;

beforeAll(async () => {
  ({ sandbox, env } = await startCliSandbox());
});
afterAll(async () => {
  await sandbox.close();
  rmSync(dataDir, { recursive: true, force: true });
});

/** Collects what withBackend writes to stderr. */
const collect = () => {
  const lines: string[] = [];
  return { lines, stderr: { write: (text: string) => lines.push(text) } };
};

describe('resolveRateLimit (HUBSPOT_RATE_LIMIT)', () => {
  it("unset: HubSpot's per-app limits; a number: per 10 s; off: none", () => {
    expect(resolveRateLimit({})).toEqual({ ok: true, value: undefined });
    expect(resolveRateLimit({ HUBSPOT_RATE_LIMIT: ' 250 ' })).toEqual({
      ok: true,
      value: { perTenSeconds: 250, searchPerSecond: 5 },
    });
    expect(resolveRateLimit({ HUBSPOT_RATE_LIMIT: 'OFF' })).toEqual({ ok: true, value: false });
  });

  it.each(['0', '-5', '19.5', 'fast', '10001'])('refuses %j, naming the variable', (value) => {
    const r = resolveRateLimit({ HUBSPOT_RATE_LIMIT: value });
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.error.code).toBe('invalid_input');
      expect(r.error.message).toContain(`HUBSPOT_RATE_LIMIT`);
      expect(r.error.message).toContain(`"${value}"`);
    }
  });
});

describe('resolveBackendTarget', () => {
  it('neither variable: the embedded sandbox on .data/sandbox', () => {
    expect(resolveBackendTarget({})).toEqual({
      ok: true,
      value: { kind: 'sandbox', dataDir: resolve(DEFAULT_SANDBOX_DIR) },
    });
    expect(
      resolveBackendTarget({ STRATEGY_FIT_SANDBOX_DIR: '/tmp/x', HUBSPOT_ACCESS_TOKEN: '  ' }),
    ).toEqual({
      ok: true,
      value: { kind: 'sandbox', dataDir: '/tmp/x' },
    });
  });

  it('only the token: HubSpot itself; both: the given base URL', () => {
    expect(resolveBackendTarget({ HUBSPOT_ACCESS_TOKEN: 't' })).toEqual({
      ok: true,
      value: { kind: 'hubspot', baseUrl: 'https://api.hubapi.com', accessToken: 't' },
    });
    expect(
      resolveBackendTarget({
        HUBSPOT_ACCESS_TOKEN: 't',
        HUBSPOT_API_BASE_URL: 'http://127.0.0.1:8799/',
      }),
    ).toEqual({
      ok: true,
      value: { kind: 'hubspot', baseUrl: 'http://127.0.0.1:8799', accessToken: 't' },
    });
  });

  it('only the base URL, or a base URL that is no URL: invalid_input', () => {
    expect(resolveBackendTarget({ HUBSPOT_API_BASE_URL: 'http://127.0.0.1:8799' })).toMatchObject({
      ok: false,
      error: {
        code: 'invalid_input',
        message: expect.stringContaining('HUBSPOT_ACCESS_TOKEN is not'),
      },
    });
    expect(
      resolveBackendTarget({ HUBSPOT_ACCESS_TOKEN: 't', HUBSPOT_API_BASE_URL: 'localhost' }).ok,
    ).toBe(false);
  });
});

describe('withBackend', () => {
  it('uses the URL and token from the environment and says so on stderr, without the token', async () => {
    const { lines, stderr } = collect();
    const result = await withBackend({ env, stderr }, async (hs, info) => {
      const page = await listRecords(hs, { objectType: 'companies', properties: [], limit: 1 });
      return { ok: page.ok, info };
    });
    expect(result).toEqual({
      ok: true,
      info: {
        kind: 'hubspot',
        baseUrl: sandbox.baseUrl,
        portalId: null,
        accountKey: expect.stringMatching(/^[0-9a-f]{16}$/),
        description: `HubSpot at ${sandbox.baseUrl} (HUBSPOT_API_BASE_URL, HUBSPOT_ACCESS_TOKEN)`,
      },
    });
    expect(lines).toEqual([
      `backend: HubSpot at ${sandbox.baseUrl} (HUBSPOT_API_BASE_URL, HUBSPOT_ACCESS_TOKEN)\n`,
    ]);
    expect(lines.join('')).not.toContain(sandbox.token);
  });

  it('refuses a bad HUBSPOT_RATE_LIMIT before sending anything', async () => {
    const { lines, stderr } = collect();
    let ran = false;
    const code = await withBackend(
      { env: { ...env, HUBSPOT_RATE_LIMIT: 'fast' }, stderr, failureExitCode: 2 },
      async () => {
        ran = true;
        return 0;
      },
    );
    expect([code, ran]).toEqual([2, false]);
    expect(lines.join('')).toContain('HUBSPOT_RATE_LIMIT must be a whole number');
  });

  it('prints the error and returns the failure exit code when the environment is incomplete', async () => {
    const { lines, stderr } = collect();
    let ran = false;
    const code = await withBackend(
      { env: { HUBSPOT_API_BASE_URL: sandbox.baseUrl }, stderr, failureExitCode: 2 },
      async () => {
        ran = true;
        return 0;
      },
    );
    expect([code, ran]).toEqual([2, false]);
    expect(lines[0]).toMatch(/^error \[invalid_input\] HUBSPOT_API_BASE_URL is set/);
  });

  it('with neither variable, runs the embedded sandbox on its data directory (seeded once) and closes it', async () => {
    const sandboxEnv = { STRATEGY_FIT_SANDBOX_DIR: dataDir };
    const first = collect();
    const firstInfo = await withBackend(
      { env: sandboxEnv, stderr: first.stderr },
      async (hs, info) => {
        const setup = await ensureFitProperties(hs);
        expect(setup.ok && setup.value.created.length).toBeGreaterThan(0);
        return info;
      },
    );
    expect(firstInfo).toMatchObject({ kind: 'sandbox', portalId: 48_151_623, dataDir });
    expect(first.lines[0]).toMatch(
      /^backend: embedded sandbox, portal 48151623, data in .*\(new: seeded 500 companies, 750 deals/,
    );
    // Closed: its port no longer answers.
    const baseUrl = typeof firstInfo === 'number' ? '' : firstInfo.baseUrl;
    await expect(fetch(`${baseUrl}/crm/owners/2026-09`)).rejects.toThrow();
    const second = collect();
    const again = await withBackend({ env: sandboxEnv, stderr: second.stderr }, async (hs) =>
      ensureFitProperties(hs),
    );
    expect(second.lines[0]).not.toContain('seeded');
    expect(typeof again !== 'number' && again.ok && again.value.created).toEqual([]);
  });
});
