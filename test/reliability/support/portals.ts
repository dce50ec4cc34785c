// Shared pieces of the reliability suite: seeded portals set up in-process (setup and publish
// through the adapter, as the CLI's `setup` and `strategy publish` do), the sandbox's write log,
// a scoring run through the CLI, and a comparison of two portals' fit properties.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import type { Strategy } from '@strategy-fit/core';
import {
  createHubSpotClient,
  ensureFitProperties,
  ensureExceptionEventStore,
  ensureStrategyStore,
  publishStrategy,
} from '@strategy-fit/hubspot';
import type { HubSpot } from '@strategy-fit/hubspot';
import type { SandboxOptions } from '@strategy-fit/sandbox';
import { z } from 'zod';

import { runCli } from '../../e2e/support/cli.ts';
import type { CliRun } from '../../e2e/support/cli.ts';
import { fitSnapshot } from '../../e2e/support/portal.ts';
import type { Bag } from '../../e2e/support/portal.ts';
import {
  EXAMPLE_STRATEGY,
  FIT_NAMES,
  loadStrategy,
  NOW,
  NOW_MS,
  startPortal,
} from '../../e2e/support/sandbox.ts';
import type { TestPortal } from '../../e2e/support/sandbox.ts';

export type Seed = { seed: number; companies: number; deals: number };
export type ReliabilityPortal = TestPortal & { hs: HubSpot };

const must = <T>(result: { ok: true; value: T } | { ok: false; error: unknown }): T => {
  if (!result.ok) throw new Error(JSON.stringify(result.error));
  return result.value;
};

/** A seeded sandbox with `setup` done and `strategy` published as version 1 at NOW. */
export async function preparedPortal(
  seed: Seed,
  options: Omit<SandboxOptions, 'seed'> = {},
  strategy: Strategy = loadStrategy(EXAMPLE_STRATEGY),
): Promise<ReliabilityPortal> {
  const portal = await startPortal(seed, options);
  const hs = createHubSpotClient({
    accessToken: portal.token,
    basePath: portal.baseUrl,
    limits: false,
  });
  must(await ensureFitProperties(hs));
  must(await ensureStrategyStore(hs));
  must(await ensureExceptionEventStore(hs));
  must(await publishStrategy(hs, strategy, { publishedBy: 'reliability', nowMs: NOW_MS }));
  return { ...portal, hs };
}

export type Snapshot = Awaited<ReturnType<typeof fitSnapshot>>;

/** Every `strategy_fit_*` property scoring writes, of every company and deal. */
export const snapshot = (portal: TestPortal): Promise<Snapshot> => fitSnapshot(portal, FIT_NAMES);

/** `companies/<id>` and `deals/<id>` of the records whose fit properties differ between a and b. */
export function differences(a: Snapshot, b: Snapshot): string[] {
  const found: string[] = [];
  for (const type of ['companies', 'deals'] as const) {
    const ids = new Set([...Object.keys(a[type]), ...Object.keys(b[type])]);
    for (const id of ids) {
      const x: Bag | undefined = a[type][id];
      const y: Bag | undefined = b[type][id];
      if (JSON.stringify(x) !== JSON.stringify(y)) found.push(`${type}/${id}`);
    }
  }
  return found.sort();
}

/** The sandbox's write log: updates per record (`companies/<id>` → n), since it started. */
export function writeLog(portal: TestPortal): Map<string, number> {
  const log = new Map<string, number>();
  for (const type of ['companies', 'deals'] as const) {
    for (const [id, n] of portal.sandbox.control.writeCounts(type)) log.set(`${type}/${id}`, n);
  }
  return log;
}

/** Records updated more than once, with their counts (must be empty when nothing is written twice). */
export const writtenTwice = (log: Map<string, number>): string[] =>
  [...log].filter(([, n]) => n > 1).map(([key, n]) => `${key} ×${n}`);

const Counters = z.object({
  scanned: z.number(),
  changed: z.number(),
  unchanged: z.number(),
  failed: z.number(),
});

/** The `--json` summary of `score` (the fields the suite reads). */
export const ScoreSummary = z.looseObject({
  strategyVersion: z.number(),
  newerVersion: z.number().nullable(),
  resumed: z.boolean(),
  companies: Counters,
  deals: Counters,
  failed: z.array(
    z.object({ objectType: z.string(), id: z.string(), code: z.string(), message: z.string() }),
  ),
  failedOmitted: z.number(),
  stopped: z.object({ code: z.string(), message: z.string() }).nullable(),
});
export type ScoreSummary = z.output<typeof ScoreSummary>;

/** A temporary directory for checkpoints and outputs, removed by `cleanup`. */
export function scratchDir(name: string): { dir: string; cleanup: () => void } {
  const dir = mkdtempSync(join(tmpdir(), `strategy-fit-reliability-${name}-`));
  return { dir, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

/** `strategy-fit score --json --now NOW --no-progress …` through the CLI's bin. */
export async function scoreThroughCli(
  portal: TestPortal,
  args: readonly string[],
  timeoutMs = 120_000,
): Promise<CliRun & { summary: ScoreSummary | null }> {
  const run = await runCli(['score', '--json', '--now', NOW, '--no-progress', ...args], portal, {
    timeoutMs,
  });
  let json: unknown = null;
  try {
    json = JSON.parse(run.stdout);
  } catch {
    json = null;
  }
  const parsed = ScoreSummary.safeParse(json);
  return { ...run, summary: parsed.success ? parsed.data : null };
}
