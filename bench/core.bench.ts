// The one scoring engine: scoreCompany with its full explanation over the bench strategy (10
// segments × 8 criteria + 5 exclusions), on portfolios of 50,000 and 200,000 companies, in memory
// and as a bulk run meets records (pages of 100 freshly parsed from JSON, each scored as it
// arrives; the timed part is the scoring only). Prints companies/s (wall; and per CPU-second, which
// a shared machine disturbs less), the ratio of each to HubSpot's API ceiling, and the heap a kept
// explanation costs per company.
// Run: npm run bench -- core   (bench/run-all.ts starts it with --expose-gc)
// Env: BENCH_SIZES (default 50000,200000), BENCH_ROUNDS (3), BENCH_KEPT (10000)
import { compileStrategy, parseStrategy, scoreCompany } from '@strategy-fit/core';
import type { CompanyScore, CompiledStrategy, RecordFacts } from '@strategy-fit/core';

import { benchmarkStrategy, companyDefinitions, generatePortfolio } from './portfolio.ts';

const SIZES = (process.env.BENCH_SIZES ?? '50000,200000').split(',').map(Number);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
const KEPT = Number(process.env.BENCH_KEPT ?? 10_000);
const NOW_MS = Date.UTC(2026, 0, 15);
/** HubSpot's burst limit on Pro and Enterprise, 190 requests per 10 s (HUBSPOT.md), × 100 records a batch. */
const API_RECORDS_PER_S = (190 / 10) * 100;
const PAGE = 100;

const gc = (globalThis as { gc?: () => void }).gc;
if (!gc) console.log('(run with --expose-gc for heap figures: npm run bench -- core)');
const fmt = (n: number): string => Math.round(n).toLocaleString('en-US');
const kb = (bytes: number): string => `${(bytes / 1024).toFixed(1)} KB`;
const mb = (bytes: number): string => `${(bytes / 1024 / 1024).toFixed(1)} MB`;
const median = (xs: number[]): number =>
  [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? Number.NaN;

/** Folds the figures and the explanation into a number, so no part of the result is skipped. */
const fold = (r: CompanyScore): number => {
  let sum = r.fitScore + r.tier.length + r.reason.length + r.todos.length * 7;
  for (const s of r.segments) {
    sum += s.score + s.potential;
    for (const c of s.criteria)
      sum += c.outcome.length + c.expected.length + (c.actual?.length ?? 0);
  }
  for (const x of r.exclusions) sum += x.criteria.length + (x.matched ? 1 : 0);
  return sum + r.missing.length + r.dataQuality.length;
};

type Round = {
  wallNs: number;
  cpuNs: number;
  heapGrowth: number;
  retained: number;
  checksum: number;
};

/** One pass over in-memory facts. */
const memoryRound = (compiled: CompiledStrategy, facts: readonly RecordFacts[]): Round => {
  gc?.();
  const heapBefore = process.memoryUsage().heapUsed;
  const cpuBefore = process.cpuUsage();
  const start = process.hrtime.bigint();
  let checksum = 0;
  for (let i = 0; i < facts.length; i++)
    checksum += fold(scoreCompany(compiled, facts[i] as RecordFacts));
  const wallNs = Number(process.hrtime.bigint() - start);
  const cpu = process.cpuUsage(cpuBefore);
  const heapGrowth = process.memoryUsage().heapUsed - heapBefore;
  gc?.();
  const retained = process.memoryUsage().heapUsed - heapBefore;
  return { wallNs, cpuNs: (cpu.user + cpu.system) * 1000, heapGrowth, retained, checksum };
};

/** One pass as a bulk run: each page parsed from JSON (not timed), then scored (timed). */
const pagedRound = (
  compiled: CompiledStrategy,
  pages: readonly string[],
  definitions: RecordFacts['definitions'],
): Round => {
  gc?.();
  const heapBefore = process.memoryUsage().heapUsed;
  let wallNs = 0;
  let cpuNs = 0;
  let checksum = 0;
  pages.forEach((text, p) => {
    const bags = JSON.parse(text) as RecordFacts['properties'][];
    const cpuBefore = process.cpuUsage();
    const start = process.hrtime.bigint();
    for (let i = 0; i < bags.length; i++) {
      const facts = {
        id: String(p * PAGE + i),
        properties: bags[i] ?? {},
        definitions,
        nowMs: NOW_MS,
      };
      checksum += fold(scoreCompany(compiled, facts));
    }
    wallNs += Number(process.hrtime.bigint() - start);
    const cpu = process.cpuUsage(cpuBefore);
    cpuNs += (cpu.user + cpu.system) * 1000;
  });
  const heapGrowth = process.memoryUsage().heapUsed - heapBefore;
  gc?.();
  return {
    wallNs,
    cpuNs,
    heapGrowth,
    retained: process.memoryUsage().heapUsed - heapBefore,
    checksum,
  };
};

const report = (label: string, n: number, rounds: Round[]): void => {
  if (new Set(rounds.map((r) => r.checksum)).size !== 1)
    throw new Error(`${label}: rounds disagree`);
  const wall = median(rounds.map((r) => r.wallNs));
  const cpu = median(rounds.map((r) => r.cpuNs));
  const perSecond = (n / wall) * 1e9;
  console.log(
    `${label.padEnd(26)} ${fmt(perSecond).padStart(8)} companies/s  ${(perSecond / API_RECORDS_PER_S).toFixed(1).padStart(5)}× the API ceiling  ` +
      `${(wall / n / 1000).toFixed(1)} µs/company wall (${(cpu / n / 1000).toFixed(1)} µs CPU: ${fmt((n / cpu) * 1e9)} per CPU-second, ${(((n / cpu) * 1e9) / API_RECORDS_PER_S).toFixed(1)}×)  ` +
      `heap +${mb(median(rounds.map((r) => r.heapGrowth)))} per round, ${mb(median(rounds.map((r) => r.retained)))} retained after GC  ` +
      `[median of ${rounds.length} rounds: ${rounds.map((r) => (r.wallNs / 1e6).toFixed(0)).join(', ')} ms]`,
  );
};

const parsed = parseStrategy(benchmarkStrategy());
if (!parsed.ok) throw new Error(JSON.stringify(parsed.error, null, 2));
const strategy = parsed.value;
const definitions = companyDefinitions();
const largest = Math.max(...SIZES);
const t0 = performance.now();
const portfolio: RecordFacts[] = generatePortfolio(largest).map((properties, i) => ({
  id: String(i),
  properties,
  definitions,
  nowMs: NOW_MS,
}));
const compiled = compileStrategy(strategy);
console.log(
  `portfolio: ${fmt(largest)} companies (generated in ${(performance.now() - t0).toFixed(0)} ms); ` +
    `strategy: ${strategy.segments.length} segments × ${strategy.segments[0]?.criteria.length} criteria + ${strategy.exclusions.length} exclusions; ` +
    `API ceiling ${fmt(API_RECORDS_PER_S)} records/s; node ${process.version}`,
);

for (const n of SIZES) {
  const facts = portfolio.slice(0, n);
  memoryRound(compiled, facts); // warm-up (JIT)
  report(
    `scoreCompany ${fmt(n)}`,
    n,
    Array.from({ length: ROUNDS }, () => memoryRound(compiled, facts)),
  );
  const pages: string[] = [];
  for (let i = 0; i < n; i += PAGE)
    pages.push(JSON.stringify(facts.slice(i, i + PAGE).map((f) => f.properties)));
  const paged = Array.from({ length: ROUNDS }, () => pagedRound(compiled, pages, definitions));
  if (paged[0]?.checksum !== memoryRound(compiled, facts).checksum)
    throw new Error('paged and in-memory passes disagree');
  report(`  pages of ${PAGE} from JSON`, n, paged);
}

// The heap one explained company holds while a caller keeps its score (cards, a page of deals).
gc?.();
const before = process.memoryUsage().heapUsed;
const kept = portfolio.slice(0, KEPT).map((f) => scoreCompany(compiled, f));
gc?.();
const perCompany = (process.memoryUsage().heapUsed - before) / kept.length;
const tiers = new Map<string, number>();
for (const r of kept) tiers.set(r.tier, (tiers.get(r.tier) ?? 0) + 1);
console.log(
  `heap per company: ${kb(perCompany)} for a kept CompanyScore with its explanation (${fmt(KEPT)} kept: ${mb(perCompany * kept.length)}); ` +
    `a streamed score is garbage once written (retained after GC above)`,
);
console.log(
  `tiers of the first ${fmt(KEPT)}: ${[...tiers].map(([t, c]) => `${t} ${c}`).join(', ')}`,
);
