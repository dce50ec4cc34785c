// Requests of every bulk job, by kind, against the fewest the portal's contents allow, and the peak
// RSS of the shipped CLI bin per job at two portal sizes (issue 14).
//   CLI (the bin in its own process, HUBSPOT_RATE_LIMIT=off): score --all (every record written),
//     score --all again (nothing changed), simulate, report, and score --stale-only after a new
//     version; at BENCH_SIZES (default 20,000 companies + 30,000 deals, then three times that).
//   App functions (their entries, chunk after chunk as the page calls them, with their own
//     limiter): rescore_stale, strategy_review, strategy_simulate; at BENCH_FN_SIZE (the demo
//     portal: 3,000 + 4,500).
// The sandbox (in this process) counts the requests it receives by kind; the minimum comes from the
// portal's contents read back over plain HTTP before the jobs. BENCH_ROOT runs another checkout's
// CLI and functions against the same sandboxes (the figures before a change).
// Run: npm run bench -- requests
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

import { parseStrategy } from '@strategy-fit/core';
import type { Strategy } from '@strategy-fit/core';
import {
  createHubSpotClient,
  ensureFitProperties,
  ensureStrategyStore,
  publishStrategy,
} from '@strategy-fit/hubspot';
import type { HubSpot } from '@strategy-fit/hubspot';
import { startSandbox } from '@strategy-fit/sandbox';
import type { RunningSandbox } from '@strategy-fit/sandbox';
import { z } from 'zod';

import { untilEnd } from './support/peak-rss.ts';

const HERE = fileURLToPath(new URL('.', import.meta.url));
const ROOT = resolve(process.env['BENCH_ROOT'] ?? join(HERE, '..'));
const BIN = join(ROOT, 'tools/cli/bin/strategy-fit.js');
const RUNNER = join(HERE, 'support/run-function-job.ts');
/** The node flags of the bin's shebang (`#!/usr/bin/env -S node --flag …`), as `npx` runs it. */
const BIN_FLAGS = (readFileSync(BIN, 'utf8').split('\n', 1)[0] ?? '')
  .split(' ')
  .filter((word) => word.startsWith('--'));
const EXAMPLE = join(HERE, '../examples/strategies/02-b2b-saas.json');
const MINIMAL = join(HERE, '../examples/strategies/01-minimal.json');
const AS_OF = '2026-11-01';
const NOW = '2026-11-02T09:00:00Z';

const sizes = (text: string) =>
  text.split(',').map((s) => {
    const [companies = 0, deals = 0] = s.split('x').map(Number);
    return { companies, deals };
  });
const CLI_SIZES = sizes(process.env['BENCH_SIZES'] ?? '20000x30000,60000x90000');
const FN_SIZE = sizes(process.env['BENCH_FN_SIZE'] ?? '3000x4500')[0] ?? { companies: 0, deals: 0 };

const loadStrategy = (file: string): Strategy => {
  const parsed = parseStrategy(readFileSync(file, 'utf8'));
  if (!parsed.ok) throw new Error(`${file} is invalid`);
  return parsed.value;
};

const fmt = (n: number, digits = 0) =>
  n.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits });

// ---------------------------------------------------------------------------------------------
// The portal's contents: what the minimum is computed from.
// ---------------------------------------------------------------------------------------------

type Contents = {
  companies: number;
  deals: number;
  /** Line items of all deals. */
  lineItems: number;
  openDeals: number;
  /** Deals whose exception is requested (the review's queue). */
  requested: number;
};

const Page = z.object({
  results: z.array(
    z.object({
      id: z.string(),
      properties: z.record(z.string(), z.string().nullable()),
      associations: z
        .record(z.string(), z.object({ results: z.array(z.object({ id: z.string() })) }))
        .optional(),
    }),
  ),
  paging: z.object({ next: z.object({ after: z.string() }) }).optional(),
});

async function readContents(sandbox: RunningSandbox): Promise<Contents> {
  const all = async (type: string, query: string) => {
    const records: z.output<typeof Page>['results'] = [];
    let after: string | undefined;
    do {
      const url = `${sandbox.baseUrl}/crm/v3/objects/${type}?limit=100&${query}${after === undefined ? '' : `&after=${after}`}`;
      const page = Page.parse(
        await (await fetch(url, { headers: { authorization: `Bearer ${sandbox.token}` } })).json(),
      );
      records.push(...page.results);
      after = page.paging?.next.after;
    } while (after !== undefined);
    return records;
  };
  const companies = await all('companies', 'properties=name');
  const deals = await all(
    'deals',
    'properties=hs_is_closed,strategy_fit_exception&associations=line_items',
  );
  return {
    companies: companies.length,
    deals: deals.length,
    lineItems: deals.reduce((n, d) => n + (d.associations?.['line_items']?.results.length ?? 0), 0),
    openDeals: deals.filter((d) => d.properties['hs_is_closed'] !== 'true').length,
    requested: deals.filter((d) => d.properties['strategy_fit_exception'] === 'requested').length,
  };
}

const up = (n: number, per: number) => Math.ceil(n / per);

/** Data requests a job cannot do without, given the portal and the records it had to write. */
function minimumOf(
  job: Job['name'],
  c: Contents,
  written: { companies: number; deals: number },
): number {
  const writes = up(written.companies, 100) + up(written.deals, 100);
  // The end-of-run stale count (issue 14): one search per object type.
  const staleCount = 2;
  switch (job) {
    case 'score --all':
    case 'score --all (nothing changed)':
      // Lists of 100 with the deals' companies and line item ids on the page; line items in full
      // batches; the deals' companies are the ones just scored (kept, not read again).
      return up(c.companies, 100) + up(c.deals, 100) + up(c.lineItems, 100) + writes + staleCount;
    case 'score --stale-only (new version)':
    case 'rescore_stale':
      // Searches of 200; the deals' companies and line items by associations of 1,000.
      return (
        up(c.companies, 200) +
        up(c.deals, 200) +
        2 * up(c.deals, 1000) +
        up(c.lineItems, 100) +
        writes +
        (job === 'rescore_stale' ? 0 : staleCount)
      );
    case 'simulate':
    case 'strategy validate --portal':
    case 'strategy_simulate':
      return up(c.openDeals, 200) + up(c.openDeals, 1000) + up(c.companies, 100);
    case 'report':
      return up(c.companies, 100) + up(c.deals, 100);
    case 'strategy_review':
      return up(c.companies, 100) + up(c.deals, 100) + Math.max(1, up(c.requested, 200));
    default:
      return job satisfies never;
  }
}

/** Request kinds that carry records; the rest (properties, schemas, the strategy store, owners,
 * pipelines) are the job's fixed reads and count in its minimum as they are. */
const isData = (kind: string): boolean =>
  /^(list|search|batch read|batch update) (companies|deals|line_items)$/.test(kind) ||
  kind.startsWith('associations ');

// ---------------------------------------------------------------------------------------------
// Jobs.
// ---------------------------------------------------------------------------------------------

type Job = {
  name:
    | 'score --all'
    | 'score --all (nothing changed)'
    | 'score --stale-only (new version)'
    | 'simulate'
    | 'strategy validate --portal'
    | 'report'
    | 'rescore_stale'
    | 'strategy_review'
    | 'strategy_simulate';
  command: string[];
  /** Before the job (a publish). */
  before?: () => Promise<void>;
};

type Measured = {
  job: Job['name'];
  size: string;
  kinds: Map<string, number>;
  total: number;
  minimum: number;
  written: { companies: number; deals: number };
  peakRssBytes: number | null;
  seconds: number;
  code: number | null;
};

async function runProcess(
  args: string[],
  env: NodeJS.ProcessEnv,
): Promise<{ code: number | null; peak: number | null; seconds: number; stderr: string }> {
  const started = performance.now();
  const child = spawn(process.execPath, args, {
    cwd: ROOT,
    env,
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => {
    stderr += chunk.toString();
  });
  const { code, peakRssBytes } = await untilEnd(child, 50);
  return { code, peak: peakRssBytes, seconds: (performance.now() - started) / 1000, stderr };
}

const written = (sandbox: RunningSandbox, type: string, before: Map<string, number>) =>
  [...sandbox.control.writeCounts(type)].filter(([id, n]) => n > (before.get(id) ?? 0)).length;

async function measure(
  sandbox: RunningSandbox,
  job: Job,
  contents: Contents,
  size: string,
  env: NodeJS.ProcessEnv,
): Promise<Measured> {
  await job.before?.();
  const kindsBefore = sandbox.control.requestsByKind();
  const writesBefore = {
    companies: sandbox.control.writeCounts('companies'),
    deals: sandbox.control.writeCounts('deals'),
  };
  const run = await runProcess(job.command, env);
  if (run.code !== 0 && !(run.code === 1 && job.name.startsWith('score'))) {
    throw new Error(`${job.name} exited ${run.code}: ${run.stderr.slice(-2000)}`);
  }
  const kinds = new Map<string, number>();
  for (const [kind, n] of sandbox.control.requestsByKind()) {
    const added = n - (kindsBefore.get(kind) ?? 0);
    if (added > 0) kinds.set(kind, added);
  }
  const total = [...kinds.values()].reduce((a, b) => a + b, 0);
  const fixed = [...kinds].filter(([k]) => !isData(k)).reduce((n, [, v]) => n + v, 0);
  const w = {
    companies: written(sandbox, 'companies', writesBefore.companies),
    deals: written(sandbox, 'deals', writesBefore.deals),
  };
  return {
    job: job.name,
    size,
    kinds,
    total,
    minimum: minimumOf(job.name, contents, w) + fixed,
    written: w,
    peakRssBytes: run.peak,
    seconds: run.seconds,
    code: run.code,
  };
}

async function preparedSandbox(companies: number, deals: number) {
  const sandbox = await startSandbox({
    rateLimit: false,
    seed: { seed: 1, companies, deals, asOf: AS_OF },
  });
  const hs: HubSpot = createHubSpotClient({
    accessToken: sandbox.token,
    basePath: sandbox.baseUrl,
    limits: false,
  });
  for (const step of [await ensureFitProperties(hs), await ensureStrategyStore(hs)]) {
    if (!step.ok) throw new Error(step.error.message);
  }
  const publish = async (strategy: Strategy) => {
    const stored = await publishStrategy(hs, strategy, {
      publishedBy: 'bench',
      nowMs: Date.parse(NOW),
    });
    if (!stored.ok) throw new Error(stored.error.message);
  };
  await publish(loadStrategy(EXAMPLE));
  return { sandbox, publish };
}

function print(results: readonly Measured[]): void {
  console.log(
    '\n  job                               portal            requests   minimum   ratio   written (c/d)   peak RSS   seconds',
  );
  for (const r of results) {
    console.log(
      `  ${r.job.padEnd(33)} ${r.size.padEnd(16)} ${fmt(r.total).padStart(9)} ${fmt(r.minimum).padStart(9)} ${fmt(r.total / r.minimum, 2).padStart(7)}   ${`${fmt(r.written.companies)}/${fmt(r.written.deals)}`.padStart(13)} ${(r.peakRssBytes === null ? 'n/a' : `${fmt(r.peakRssBytes / 2 ** 20)} MiB`).padStart(10)} ${fmt(r.seconds, 1).padStart(9)}`,
    );
    const kinds = [...r.kinds].sort(([a], [b]) => a.localeCompare(b));
    console.log(`      ${kinds.map(([k, n]) => `${k} ${fmt(n)}`).join(' · ')}`);
  }
}

async function cliJobs(companies: number, deals: number): Promise<Measured[]> {
  const { sandbox, publish } = await preparedSandbox(companies, deals);
  const dir = mkdtempSync(join(tmpdir(), 'strategy-fit-requests-'));
  try {
    const contents = await readContents(sandbox);
    const size = `${fmt(contents.companies)} + ${fmt(contents.deals)}`;
    const env = {
      ...process.env,
      HUBSPOT_API_BASE_URL: sandbox.baseUrl,
      HUBSPOT_ACCESS_TOKEN: sandbox.token,
      HUBSPOT_RATE_LIMIT: 'off',
    };
    const cli = (...args: string[]) => [...BIN_FLAGS, BIN, ...args];
    const score = (...args: string[]) =>
      cli(
        'score',
        '--json',
        '--no-progress',
        '--now',
        NOW,
        '--checkpoint',
        join(dir, 'c.json'),
        ...args,
      );
    const jobs: Job[] = [
      { name: 'score --all', command: score('--all') },
      { name: 'score --all (nothing changed)', command: score('--all') },
      { name: 'simulate', command: cli('simulate', MINIMAL, '--json', '--no-progress') },
      // What the portal holds (issue 13): the same walk, once, with nothing to compare.
      {
        name: 'strategy validate --portal',
        command: cli('strategy', 'validate', MINIMAL, '--portal', '--json'),
      },
      { name: 'report', command: cli('report', '--format', 'json', '--no-progress') },
      {
        name: 'score --stale-only (new version)',
        command: score('--stale-only'),
        before: () => publish(loadStrategy(MINIMAL)),
      },
    ];
    const results: Measured[] = [];
    for (const job of jobs) {
      results.push(await measure(sandbox, job, contents, size, env));
    }
    return results;
  } finally {
    rmSync(dir, { recursive: true, force: true });
    await sandbox.close();
  }
}

async function functionJobs(companies: number, deals: number): Promise<Measured[]> {
  const { sandbox } = await preparedSandbox(companies, deals);
  try {
    const contents = await readContents(sandbox);
    const size = `${fmt(contents.companies)} + ${fmt(contents.deals)}`;
    const env = {
      ...process.env,
      PRIVATE_APP_ACCESS_TOKEN: sandbox.token,
      HUBSPOT_API_BASE_URL: sandbox.baseUrl,
    };
    const fn = (job: string, ...args: string[]) => [RUNNER, ROOT, job, ...args];
    const jobs: Job[] = [
      { name: 'rescore_stale', command: fn('rescore_stale') },
      { name: 'strategy_review', command: fn('strategy_review') },
      { name: 'strategy_simulate', command: fn('strategy_simulate', MINIMAL) },
    ];
    const results: Measured[] = [];
    for (const job of jobs) results.push(await measure(sandbox, job, contents, size, env));
    return results;
  } finally {
    await sandbox.close();
  }
}

console.log(
  `requests by kind per bulk job against the minimum; checkout ${ROOT}; node ${process.version}; command: npm run bench -- requests`,
);
const only = (process.env['BENCH_ONLY'] ?? 'cli,functions').split(',');
const results: Measured[] = [];
if (only.includes('cli')) {
  for (const s of CLI_SIZES) results.push(...(await cliJobs(s.companies, s.deals)));
}
if (only.includes('functions'))
  results.push(...(await functionJobs(FN_SIZE.companies, FN_SIZE.deals)));
print(results);
