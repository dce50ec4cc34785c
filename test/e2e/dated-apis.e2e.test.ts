// The CLI talks to HubSpot only on the 2026-09 date-versioned paths: setup, publishing, scoring
// every record, a simulation and a report against a sandbox that counts the requests it receives on
// the legacy /crm/v3, /crm/v4 and /crm-object-schemas/v3 paths (which it still serves to others).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { runCli } from './support/cli.ts';
import { setUpAndPublish } from './support/prepare.ts';
import { EXAMPLE_STRATEGY, MINIMAL_STRATEGY, NOW, startPortal } from './support/sandbox.ts';
import type { TestPortal } from './support/sandbox.ts';

let portal: TestPortal;
const dir = mkdtempSync(join(tmpdir(), 'strategy-fit-e2e-dated-'));

beforeAll(async () => {
  portal = await startPortal({ seed: 17, companies: 40, deals: 60 });
});
afterAll(async () => {
  await portal.sandbox.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('the CLI on the dated APIs', () => {
  it('sets up, publishes, scores, simulates and reports without one legacy request', async () => {
    const before = portal.sandbox.control.requestCount();
    await setUpAndPublish(portal, EXAMPLE_STRATEGY);
    const checkpoint = join(dir, 'checkpoint.json');
    const commands = [
      ['score', '--all', '--json', '--now', NOW, '--checkpoint', checkpoint, '--no-progress'],
      ['simulate', MINIMAL_STRATEGY, '--json', '--no-progress'],
      ['report', '--format', 'json', '--no-progress'],
    ];
    for (const args of commands) {
      const run = await runCli(args, portal);
      expect(run.code, `${args[0]}: ${run.stderr}`).toBe(0);
    }
    expect(portal.sandbox.control.requestCount() - before).toBeGreaterThan(20);
    expect(portal.sandbox.control.legacyRequestCount()).toBe(0);
  });
});
