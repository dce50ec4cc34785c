// Bulk scoring (`strategy-fit score`) against the embedded sandbox, side by side:
//   (a) HubSpot's default rate limit (190 requests per 10 s, 5 searches per second) on both sides:
//       records/s achieved ÷ the ceiling that limit allows, from the requests each record costs;
//   (b) no rate limit: companies/s end to end (a first run that writes every company, then a
//       second, diff-only run that writes nothing);
//   (c) peak RSS of the scorer's process while it scores 200,000 companies (runScore in a child
//       with and without --max-semi-space-size=16, then the shipped bin `strategy-fit score`).
// The sandbox runs in this process; the scorer runs in a child process (this file with --child),
// the same runScore the CLI's `score` runs, so its requests and memory are its own.
// Run: npm run bench -- bulk-score   (bench/run-all.ts starts it with --expose-gc)
// Sizes: BENCH_LIMITED_COMPANIES, BENCH_LIMITED_DEALS, BENCH_FAST_COMPANIES, BENCH_RSS_COMPANIES;
// rounds of (b): BENCH_ROUNDS; latency added in (a): BENCH_LATENCY_MS; scenarios: BENCH_ONLY=a,b,c.
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseStrategy } from '@strategy-fit/core';
import {
  createHubSpotClient,
  ensureFitProperties,
  ensureStrategyStore,
  publishStrategy,
} from '@strategy-fit/hubspot';
import { startSandbox } from '@strategy-fit/sandbox';
import type { RunningSandbox } from '@strategy-fit/sandbox';

import type { PhaseCounters } from '../tools/cli/src/bulk/checkpoint.ts';
import type { ProgressReporter } from '../tools/cli/src/bulk/progress.ts';
import { runScore } from '../tools/cli/src/bulk/run-score.ts';
import { untilEnd } from './support/peak-rss.ts';

const LIMITED_COMPANIES = Number(process.env.BENCH_LIMITED_COMPANIES ?? 30_000);
const LIMITED_DEALS = Number(process.env.BENCH_LIMITED_DEALS ?? 12_000);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
/** Delay the sandbox adds to every answer in (a), like a real portal's round trip. */
const LIMITED_LATENCY_MS = Number(process.env.BENCH_LATENCY_MS ?? 0);
const FAST_COMPANIES = Number(process.env.BENCH_FAST_COMPANIES ?? 100_000);
const RSS_COMPANIES = Number(process.env.BENCH_RSS_COMPANIES ?? 200_000);
const HUBSPOT_LIMITS = { perTenSeconds: 190, searchPerSecond: 5, daily: 1_000_000 };
const AS_OF = '2026-11-01';
const NOW_MS = Date.parse('2026-11-01T12:00:00Z');
const STRATEGY_FILE = fileURLToPath(
  new URL('../examples/strategies/02-b2b-saas.json', import.meta.url),
);

type ChildConfig = { baseUrl: string; token: string; limited: boolean; checkpoint: string };
type PhaseFigure = {
  phase: string;
  seconds: number;
  requests: number;
  rateLimited: number;
  counters: PhaseCounters;
};
type ChildResult = {
  seconds: number;
  requests: number;
  /** When each request was sent, ms after the first one. */
  sentAtMs: number[];
  rateLimited: number;
  phases: PhaseFigure[];
  maxRssBytes: number;
  failed: number;
};

// ---------------------------------------------------------------------------------------------
// Child: the scorer.
// ---------------------------------------------------------------------------------------------

async function child(config: ChildConfig): Promise<void> {
  let requests = 0;
  let rateLimited = 0;
  const sentAt: number[] = [];
  const realFetch = globalThis.fetch;
  globalThis.fetch = async (input, init) => {
    requests += 1;
    sentAt.push(performance.now());
    const response = await realFetch(input, init);
    if (response.status === 429) rateLimited += 1;
    return response;
  };
  const phases: PhaseFigure[] = [];
  let phaseStart = { ms: 0, requests: 0, rateLimited: 0, label: '' };
  let last: PhaseCounters = { scanned: 0, changed: 0, unchanged: 0, failed: 0 };
  const progress: ProgressReporter = {
    wantsTotal: true,
    start: (label) => {
      phaseStart = { ms: performance.now(), requests, rateLimited, label };
    },
    update: (s) => {
      const changed = s.changed ?? 0;
      const failed = s.failed ?? 0;
      last = { scanned: s.done, changed, unchanged: s.done - changed - failed, failed };
    },
    stop: () => {
      phases.push({
        phase: phaseStart.label,
        seconds: (performance.now() - phaseStart.ms) / 1000,
        requests: requests - phaseStart.requests,
        rateLimited: rateLimited - phaseStart.rateLimited,
        counters: last,
      });
      last = { scanned: 0, changed: 0, unchanged: 0, failed: 0 };
    },
  };
  const hs = createHubSpotClient({
    accessToken: config.token,
    basePath: config.baseUrl,
    ...(config.limited ? {} : { limits: false }),
  });
  const started = performance.now();
  const run = await runScore(hs, {
    mode: { kind: 'all' },
    resume: false,
    batchSize: 100,
    nowMs: NOW_MS,
    target: config.baseUrl,
    checkpointPath: config.checkpoint,
    progress,
    log: () => undefined,
  });
  if (!run.ok) throw new Error(`score failed: ${run.error.code}: ${run.error.message}`);
  const result: ChildResult = {
    seconds: (performance.now() - started) / 1000,
    requests,
    sentAtMs: sentAt.map((t) => Math.round(t - (sentAt[0] ?? 0))),
    rateLimited,
    phases,
    maxRssBytes: process.resourceUsage().maxRSS * 1024,
    failed: run.value.companies.failed + run.value.deals.failed,
  };
  process.stdout.write(`${JSON.stringify(result)}\n`);
}

// ---------------------------------------------------------------------------------------------
// Parent: sandboxes, the three scenarios, the figures.
// ---------------------------------------------------------------------------------------------

const fmt = (n: number, digits = 0): string =>
  n.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits });
const mb = (bytes: number): string => `${fmt(bytes / 1024 / 1024)} MB`;

async function runChild(
  config: ChildConfig,
  nodeFlags: readonly string[] = [],
): Promise<ChildResult & { sampledPeakRssBytes: number | null; wallSeconds: number }> {
  const started = performance.now();
  const proc = spawn(
    process.execPath,
    [...nodeFlags, fileURLToPath(import.meta.url), '--child', JSON.stringify(config)],
    {
      stdio: ['ignore', 'pipe', 'inherit'],
    },
  );
  let out = '';
  proc.stdout.on('data', (chunk: Buffer) => {
    out += chunk.toString();
  });
  const { code, peakRssBytes: sampled } = await untilEnd(proc, 100);
  if (code !== 0) throw new Error(`the scorer exited with ${code}`);
  return {
    ...(JSON.parse(out) as ChildResult),
    sampledPeakRssBytes: sampled,
    wallSeconds: (performance.now() - started) / 1000,
  };
}

/** A seeded sandbox with the fit properties, the strategy store and the example strategy published. */
type Prepared = { sandbox: RunningSandbox; publish: () => Promise<void> };

async function preparedSandbox(companies: number, deals: number): Promise<Prepared> {
  const started = performance.now();
  const sandbox = await startSandbox({
    seed: { seed: 1, companies, deals, asOf: AS_OF },
    rateLimit: false,
  });
  const hs = createHubSpotClient({
    accessToken: sandbox.token,
    basePath: sandbox.baseUrl,
    limits: false,
  });
  const parsed = parseStrategy(readFileSync(STRATEGY_FILE, 'utf8'));
  if (!parsed.ok) throw new Error('the example strategy is invalid');
  const strategy = parsed.value;
  for (const step of [await ensureFitProperties(hs), await ensureStrategyStore(hs)]) {
    if (!step.ok) throw new Error(`${step.error.code}: ${step.error.message}`);
  }
  // Each publish is a new version: the next run rewrites every record (its version changes). The
  // name changes each time, since the same strategy again publishes nothing (SCORING §14).
  let published = 0;
  const publish = async (): Promise<void> => {
    published += 1;
    const next =
      published === 1 ? strategy : { ...strategy, name: `${strategy.name} #${published}` };
    const stored = await publishStrategy(hs, next, { publishedBy: 'bench', nowMs: NOW_MS });
    if (!stored.ok) throw new Error(`${stored.error.code}: ${stored.error.message}`);
  };
  await publish();
  console.log(
    `  sandbox: ${fmt(companies)} companies + ${fmt(deals)} deals seeded and set up in ${fmt((performance.now() - started) / 1000, 1)} s`,
  );
  return { sandbox, publish };
}

async function scenarioLimited(dir: string): Promise<void> {
  console.log(
    `\n(a) HubSpot's default rate limit on both sides (190 requests / rolling 10 s, 5 searches / s)`,
  );
  const { sandbox } = await preparedSandbox(LIMITED_COMPANIES, LIMITED_DEALS);
  sandbox.control.setRateLimit(HUBSPOT_LIMITS);
  sandbox.control.setLatency(LIMITED_LATENCY_MS);
  if (LIMITED_LATENCY_MS > 0) console.log(`  every answer delayed by ${LIMITED_LATENCY_MS} ms`);
  try {
    const r = await runChild({
      baseUrl: sandbox.baseUrl,
      token: sandbox.token,
      limited: true,
      checkpoint: join(dir, 'a.json'),
    });
    console.log(
      '  phase       records   seconds   requests  req/record   records/s   steady ceiling/s',
    );
    let records = 0;
    for (const p of r.phases) {
      const perRecord = p.requests / Math.max(1, p.counters.scanned);
      records += p.counters.scanned;
      console.log(
        `  ${p.phase.padEnd(10)} ${fmt(p.counters.scanned).padStart(8)} ${fmt(p.seconds, 1).padStart(9)} ${fmt(p.requests).padStart(10)} ${fmt(perRecord, 4).padStart(11)} ${fmt(p.counters.scanned / p.seconds, 1).padStart(11)} ${fmt(HUBSPOT_LIMITS.perTenSeconds / 10 / perRecord, 1).padStart(18)}`,
      );
    }
    // HubSpot counts requests in a rolling 10 s window: no 10 s span may hold more than 190. The
    // utilisation of the limit is the share of those 190 used in each complete 10 s span from the
    // first request (the last, partial span is left out).
    const windows = Math.floor((r.sentAtMs.at(-1) ?? 0) / 10_000);
    const perWindow = Array.from(
      { length: windows },
      (_, w) => r.sentAtMs.filter((t) => t >= w * 10_000 && t < (w + 1) * 10_000).length,
    );
    const used =
      perWindow.reduce((a, b) => a + b, 0) / Math.max(1, windows) / HUBSPOT_LIMITS.perTenSeconds;
    const perRecord = r.requests / records;
    const achieved = records / r.seconds;
    const ceiling = HUBSPOT_LIMITS.perTenSeconds / 10 / perRecord;
    // With whole windows: N requests cannot all be sent before 10 s · ⌊(N − 1) / 190⌋.
    const earliestEnd = 10 * Math.floor((r.requests - 1) / HUBSPOT_LIMITS.perTenSeconds);
    console.log(
      `  whole run: ${fmt(records)} records in ${fmt(r.seconds, 1)} s with ${fmt(r.requests)} requests (${fmt(perRecord, 4)} per record); 429 answers: ${r.rateLimited}; failed records: ${r.failed}`,
    );
    console.log(
      `  requests per complete 10 s window: ${perWindow.join(', ')} → ${fmt(100 * used, 1)} % of the 190 allowed`,
    );
    console.log(
      `  records/s: achieved ${fmt(achieved, 1)} ÷ ceiling ${fmt(ceiling, 1)} (190 per 10 s ÷ ${fmt(perRecord, 4)} requests per record) = ${fmt((100 * achieved) / ceiling, 1)} % (above 100 %: the first window's burst); the limit lets these ${fmt(r.requests)} requests finish at ${fmt(earliestEnd)} s at the earliest, the run took ${fmt(r.seconds, 1)} s`,
    );
  } finally {
    await sandbox.close();
  }
}

const median = (xs: readonly number[]): number => {
  const sorted = [...xs].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? Number.NaN;
};

async function scenarioFast(dir: string): Promise<void> {
  console.log(`\n(b) no rate limit: companies/s end to end, ${ROUNDS} rounds`);
  const { sandbox, publish } = await preparedSandbox(FAST_COMPANIES, 0);
  const rates: Record<'write' | 'same', number[]> = { write: [], same: [] };
  try {
    for (let round = 1; round <= ROUNDS; round += 1) {
      if (round > 1) await publish();
      for (const kind of ['write', 'same'] as const) {
        const r = await runChild({
          baseUrl: sandbox.baseUrl,
          token: sandbox.token,
          limited: false,
          checkpoint: join(dir, `b-${round}-${kind}.json`),
        });
        const companies = r.phases.find((p) => p.phase === 'companies');
        const scanned = companies?.counters.scanned ?? 0;
        rates[kind].push(scanned / r.seconds);
        console.log(
          `  round ${round}, ${kind === 'write' ? 'new version, writes every company' : 'same version, diff-only, writes none'}: ${fmt(scanned)} read, ${fmt(companies?.counters.changed ?? 0)} written in ${fmt(r.seconds, 2)} s = ${fmt(scanned / r.seconds)} companies/s (process incl. start-up ${fmt(r.wallSeconds, 2)} s)`,
        );
      }
    }
    console.log(
      `  median: ${fmt(median(rates.write))} companies/s writing every company (best ${fmt(Math.max(...rates.write))}), ${fmt(median(rates.same))}/s when nothing changed (best ${fmt(Math.max(...rates.same))})`,
    );
  } finally {
    await sandbox.close();
  }
}

const BIN = fileURLToPath(new URL('../tools/cli/bin/strategy-fit.js', import.meta.url));

/** Runs `strategy-fit score --all` through the CLI's bin against the sandbox; its peak RSS. */
async function runBin(
  sandbox: RunningSandbox,
  checkpoint: string,
): Promise<{
  code: number | null;
  scanned: number;
  written: number;
  seconds: number;
  peakRssBytes: number | null;
}> {
  const started = performance.now();
  const proc = spawn(
    BIN,
    ['score', '--all', '--json', '--no-progress', '--checkpoint', checkpoint],
    {
      stdio: ['ignore', 'pipe', 'ignore'],
      env: {
        ...process.env,
        HUBSPOT_API_BASE_URL: sandbox.baseUrl,
        HUBSPOT_ACCESS_TOKEN: sandbox.token,
        HUBSPOT_RATE_LIMIT: 'off',
      },
    },
  );
  let out = '';
  proc.stdout.on('data', (chunk: Buffer) => {
    out += chunk.toString();
  });
  const { code, peakRssBytes: peak } = await untilEnd(proc, 100);
  const summary = JSON.parse(out) as { companies: PhaseCounters };
  return {
    code,
    scanned: summary.companies.scanned,
    written: summary.companies.changed,
    seconds: (performance.now() - started) / 1000,
    peakRssBytes: peak,
  };
}

async function scenarioRss(dir: string): Promise<void> {
  console.log(
    `\n(c) peak RSS of the scorer's process while it scores ${fmt(RSS_COMPANIES)} companies (no rate limit)`,
  );
  const { sandbox, publish } = await preparedSandbox(RSS_COMPANIES, 0);
  try {
    // V8 grows the young generation to 2 × 64 MB under a steady allocation rate; the flag caps it.
    for (const flags of [[], ['--max-semi-space-size=16']]) {
      if (flags.length > 0) await publish();
      const r = await runChild(
        {
          baseUrl: sandbox.baseUrl,
          token: sandbox.token,
          limited: false,
          checkpoint: join(dir, `c${flags.length}.json`),
        },
        flags,
      );
      const companies = r.phases.find((p) => p.phase === 'companies');
      console.log(
        `  node ${flags.join(' ') || '(default flags)'}: ${fmt(companies?.counters.scanned ?? 0)} companies scored (${fmt(companies?.counters.changed ?? 0)} written) in ${fmt(r.seconds, 1)} s; peak RSS ${mb(r.maxRssBytes)} (getrusage maxrss), ${r.sampledPeakRssBytes === null ? 'n/a' : mb(r.sampledPeakRssBytes)} (VmHWM sampled every 100 ms)`,
      );
    }
    // The shipped command itself: its bin sets the flag in its shebang.
    await publish();
    const bin = await runBin(sandbox, join(dir, 'bin.json'));
    console.log(
      `  npx strategy-fit score --all (the bin, HUBSPOT_RATE_LIMIT=off): exit ${bin.code}, ${fmt(bin.scanned)} companies scored (${fmt(bin.written)} written) in ${fmt(bin.seconds, 1)} s; peak RSS ${bin.peakRssBytes === null ? 'n/a' : mb(bin.peakRssBytes)} (VmHWM sampled every 100 ms)`,
    );
  } finally {
    await sandbox.close();
  }
}

async function parent(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'strategy-fit-bench-'));
  console.log(`bulk scoring, node ${process.version}; command: npm run bench -- bulk-score`);
  try {
    const only = (process.env.BENCH_ONLY ?? 'a,b,c').split(',');
    if (only.includes('a')) await scenarioLimited(dir);
    if (only.includes('b')) await scenarioFast(dir);
    if (only.includes('c')) await scenarioRss(dir);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

if (process.argv[2] === '--child') await child(JSON.parse(process.argv[3] ?? '{}') as ChildConfig);
else await parent();
