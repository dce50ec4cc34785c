// The embedded sandbox under bulk-scorer load: seeding 100,000 companies + 150,000 deals (in memory
// and into the SQLite file, plus the restart that reloads it), then batch reads of 100 companies
// and searches with 3 filters over the 100,000 companies, through the real @hubspot/api-client.
// Run: npm run bench -- sandbox   (bench/run-all.ts starts it with --expose-gc)
// Sizes: BENCH_COMPANIES, BENCH_DEALS; requests per round: BENCH_REQUESTS; rounds: BENCH_ROUNDS.
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
// eslint-disable-next-line no-restricted-imports -- the benchmark measures the sandbox through the real client, as the adapter will call it.
import { Client } from '@hubspot/api-client';
import { FilterOperatorEnum } from '@hubspot/api-client/lib/codegen/crm/companies/index.js';
import { startSandbox, type RunningSandbox } from '@strategy-fit/sandbox';

const COMPANIES = Number(process.env.BENCH_COMPANIES ?? 100_000);
const DEALS = Number(process.env.BENCH_DEALS ?? 150_000);
const REQUESTS = Number(process.env.BENCH_REQUESTS ?? 200);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
const WARM_UP = 20;
const SEED = { seed: 1, companies: COMPANIES, deals: DEALS, asOf: '2026-11-01' };
const FIRST_COMPANY_ID = 1001;

const gc = (globalThis as { gc?: () => void }).gc ?? (() => undefined);
const mb = (bytes: number): string => `${(bytes / 1024 / 1024).toFixed(0)} MB`;
const quantile = (xs: readonly number[], q: number): number => {
  const sorted = [...xs].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? Number.NaN;
};
const ms = (x: number): string => `${x.toFixed(2)} ms`;

function memory(): string {
  gc();
  const { rss, heapUsed } = process.memoryUsage();
  return `heap ${mb(heapUsed)}, rss ${mb(rss)}`;
}

async function timedStart(
  label: string,
  options: Parameters<typeof startSandbox>[0],
): Promise<RunningSandbox> {
  // Let the previous sandbox's sockets finish closing so its store can be collected.
  await new Promise((resolve) => setTimeout(resolve, 200));
  gc();
  const started = performance.now();
  const sandbox = await startSandbox(options);
  const seconds = (performance.now() - started) / 1000;
  const seeded = sandbox.seeded;
  const what =
    seeded === undefined
      ? 'reload'
      : `${seeded.companies.toLocaleString('en-US')} companies + ${seeded.deals.toLocaleString('en-US')} deals + ${seeded.lineItems.toLocaleString('en-US')} line items`;
  console.log(`${label.padEnd(30)} ${seconds.toFixed(1).padStart(6)} s   ${what}; ${memory()}`);
  return sandbox;
}

/** Starts, reports and closes a sandbox, keeping no reference to it (heap figures stay per run). */
async function startAndClose(
  label: string,
  options: Parameters<typeof startSandbox>[0],
): Promise<void> {
  await (await timedStart(label, options)).close();
}

/** `count` requests one after another; the latency of each in milliseconds. */
async function measure(count: number, request: (i: number) => Promise<unknown>): Promise<number[]> {
  const latencies: number[] = [];
  for (let i = 0; i < count; i += 1) {
    const started = performance.now();
    await request(i);
    latencies.push(performance.now() - started);
  }
  return latencies;
}

async function latencyBenchmark(
  label: string,
  request: (i: number) => Promise<unknown>,
): Promise<void> {
  await measure(WARM_UP, request);
  const all: number[] = [];
  const rounds: string[] = [];
  for (let round = 0; round < ROUNDS; round += 1) {
    gc();
    const latencies = await measure(REQUESTS, (i) => request(round * REQUESTS + i));
    all.push(...latencies);
    rounds.push(`${ms(quantile(latencies, 0.5))}/${ms(quantile(latencies, 0.95))}`);
  }
  console.log(
    `${label.padEnd(44)} p50 ${ms(quantile(all, 0.5)).padStart(9)}  p95 ${ms(quantile(all, 0.95)).padStart(9)}  ` +
      `(${ROUNDS} rounds × ${REQUESTS}; per round p50/p95: ${rounds.join(', ')})`,
  );
}

/** Deterministic pseudo-random company ids (the seed gives companies the first ids). */
function companyIds(request: number): { id: string }[] {
  let state = (request + 1) * 2_654_435_761;
  return Array.from({ length: 100 }, () => {
    state = (Math.imul(state, 1_103_515_245) + 12_345) >>> 0;
    return { id: String(FIRST_COMPANY_ID + (state % COMPANIES)) };
  });
}

const READ_PROPERTIES = [
  'name',
  'domain',
  'industry',
  'numberofemployees',
  'annualrevenue',
  'country',
  'web_technologies',
  'is_public',
  'hubspot_owner_id',
];

async function main(): Promise<void> {
  console.log(
    `node ${process.version}; ${COMPANIES.toLocaleString('en-US')} companies, ${DEALS.toLocaleString('en-US')} deals; rate limits off`,
  );
  console.log('\n-- seeding (generator → validation → store)');
  await startAndClose('seed, in memory', { seed: SEED, rateLimit: false });
  const dataDir = mkdtempSync(join(tmpdir(), 'sandbox-bench-'));
  try {
    await startAndClose('seed, into SQLite (WAL)', { seed: SEED, rateLimit: false, dataDir });
    console.log(`${'file size'.padEnd(30)} ${mb(statSync(join(dataDir, 'sandbox.sqlite')).size)}`);
    const sandbox = await timedStart('restart from the SQLite file', { rateLimit: false, dataDir });
    const client = new Client({ accessToken: sandbox.token, basePath: sandbox.baseUrl });

    console.log('\n-- requests through @hubspot/api-client (sequential, one connection)');
    await latencyBenchmark('batch read, 100 companies, 9 properties', (i) =>
      client.crm.companies.batchApi.read({
        inputs: companyIds(i),
        properties: READ_PROPERTIES,
        propertiesWithHistory: [],
      }),
    );
    const filters = [
      {
        propertyName: 'industry',
        operator: FilterOperatorEnum.In,
        values: ['COMPUTER_SOFTWARE', 'INFORMATION_TECHNOLOGY_AND_SERVICES', 'FINANCIAL_SERVICES'],
      },
      {
        propertyName: 'numberofemployees',
        operator: FilterOperatorEnum.Between,
        value: '51',
        highValue: '1000',
      },
      { propertyName: 'country', operator: FilterOperatorEnum.Eq, value: 'United States' },
    ];
    const probe = await client.crm.companies.searchApi.doSearch({
      filterGroups: [{ filters }],
      limit: 1,
    });
    console.log(
      `${'(3-filter search matches'.padEnd(44)} ${probe.total.toLocaleString('en-US')} of ${COMPANIES.toLocaleString('en-US')} companies)`,
    );
    await latencyBenchmark('search, 3 filters, limit 100, paged', (i) =>
      client.crm.companies.searchApi.doSearch({
        filterGroups: [{ filters }],
        properties: READ_PROPERTIES,
        limit: 100,
        after: String((i % Math.max(1, Math.floor(Math.min(probe.total, 10_000) / 100))) * 100),
      }),
    );
    await latencyBenchmark('search, 3 filters, sorted by annualrevenue', (i) =>
      client.crm.companies.searchApi.doSearch({
        filterGroups: [{ filters }],
        properties: READ_PROPERTIES,
        sorts: ['-annualrevenue'],
        limit: 100,
        after: String((i % 10) * 100),
      }),
    );
    console.log(`\n${'after the benchmarks'.padEnd(30)} ${memory()}`);
    await sandbox.close();
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
}

await main();
