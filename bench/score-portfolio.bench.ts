// Scores a generated portfolio with evaluateCompany (fast path) and scoreCompany (full explanation),
// and evaluateCompany as a bulk run meets records: pages of 100 freshly parsed from JSON, each
// scored right after it arrives (the timed part is the scoring only).
// Run: npm run bench -- score-portfolio   (bench/run-all.ts starts it with --expose-gc)
// Env: BENCH_COMPANIES (default 200000), BENCH_ROUNDS (7), BENCH_FULL_COMPANIES (50000), BENCH_FULL_ROUNDS (3)
import { compileStrategy, evaluateCompany, parseStrategy, scoreCompany } from '@strategy-fit/core';
import type { CompiledStrategy, RecordFacts } from '@strategy-fit/core';

import { benchmarkStrategy, companyDefinitions, generatePortfolio } from './portfolio.ts';

const COMPANIES = Number(process.env.BENCH_COMPANIES ?? 200_000);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 7);
const FULL_COMPANIES = Number(process.env.BENCH_FULL_COMPANIES ?? 50_000);
const FULL_ROUNDS = Number(process.env.BENCH_FULL_ROUNDS ?? 3);
const NOW_MS = Date.UTC(2026, 0, 15);

const gc = (globalThis as { gc?: () => void }).gc;
if (!gc) console.log('(run with --expose-gc for heap figures: npm run bench -- score-portfolio)');
const mb = (bytes: number): string => `${(bytes / 1024 / 1024).toFixed(1)} MB`;
const median = (xs: number[]): number =>
  [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? Number.NaN;

type Round = {
  wallNs: number;
  cpuNs: number;
  heapGrowth: number;
  retained: number;
  checksum: number;
};

/** One pass over the portfolio; results are folded into a checksum so nothing is optimised away. */
const round = (
  facts: RecordFacts[],
  score: (f: RecordFacts) => { fitScore: number; tier: string },
): Round => {
  gc?.();
  const heapBefore = process.memoryUsage().heapUsed;
  const cpuBefore = process.cpuUsage();
  const start = process.hrtime.bigint();
  let checksum = 0;
  for (let i = 0; i < facts.length; i++) {
    const r = score(facts[i] as RecordFacts);
    checksum += r.fitScore + r.tier.length;
  }
  const wallNs = Number(process.hrtime.bigint() - start);
  const cpu = process.cpuUsage(cpuBefore);
  const heapGrowth = process.memoryUsage().heapUsed - heapBefore;
  gc?.();
  const retained = process.memoryUsage().heapUsed - heapBefore;
  return { wallNs, cpuNs: (cpu.user + cpu.system) * 1000, heapGrowth, retained, checksum };
};

const run = (
  name: string,
  compiled: CompiledStrategy,
  facts: RecordFacts[],
  rounds: number,
  score: (c: CompiledStrategy, f: RecordFacts) => { fitScore: number; tier: string },
): void => {
  round(facts, (f) => score(compiled, f)); // warm-up (JIT, caches)
  const results = Array.from({ length: rounds }, () => round(facts, (f) => score(compiled, f)));
  if (new Set(results.map((r) => r.checksum)).size !== 1)
    throw new Error('rounds disagree: not deterministic');
  const wall = median(results.map((r) => r.wallNs));
  const cpu = median(results.map((r) => r.cpuNs));
  const n = facts.length;
  console.log(
    `${name.padEnd(15)} ${Math.round((n / wall) * 1e9)
      .toLocaleString('en-US')
      .padStart(10)} companies/s  ` +
      `${(wall / n).toFixed(0).padStart(6)} ns/company wall (${(cpu / n).toFixed(0)} ns CPU)  ` +
      `heap +${mb(median(results.map((r) => r.heapGrowth)))} per round, ${mb(median(results.map((r) => r.retained)))} retained after GC  ` +
      `[median of ${rounds} rounds of ${n.toLocaleString('en-US')}: ${results.map((r) => (r.wallNs / 1e6).toFixed(0)).join(', ')} ms]`,
  );
};

const parsed = parseStrategy(benchmarkStrategy());
if (!parsed.ok) throw new Error(JSON.stringify(parsed.error, null, 2));
const strategy = parsed.value;
const definitions = companyDefinitions();
const t0 = performance.now();
const facts: RecordFacts[] = generatePortfolio(COMPANIES).map((properties, i) => ({
  id: String(i),
  properties,
  definitions,
  nowMs: NOW_MS,
}));
console.log(
  `portfolio: ${facts.length.toLocaleString('en-US')} companies (generated in ${(performance.now() - t0).toFixed(0)} ms); ` +
    `strategy: ${strategy.segments.length} segments × ${strategy.segments[0]?.criteria.length} criteria + ${strategy.exclusions.length} exclusions; ` +
    `node ${process.version}`,
);

run('evaluateCompany', compileStrategy(strategy), facts, ROUNDS, evaluateCompany); // 200,000 records built before: cold caches
/** Pages of 100 property bags as JSON text, like the API's answers. */
const PAGE = 100;
const pages: string[] = [];
for (let i = 0; i < facts.length; i += PAGE) {
  pages.push(JSON.stringify(facts.slice(i, i + PAGE).map((f) => f.properties)));
}

/** One pass: parse a page (not timed), then score it (timed), page after page. */
const pagedRound = (compiled: CompiledStrategy): { wallNs: number; checksum: number } => {
  gc?.();
  let wallNs = 0;
  let checksum = 0;
  pages.forEach((text, p) => {
    const bags = JSON.parse(text) as RecordFacts['properties'][];
    const page: RecordFacts[] = bags.map((properties, i) => ({
      id: String(p * PAGE + i),
      properties,
      definitions,
      nowMs: NOW_MS,
    }));
    const start = process.hrtime.bigint();
    for (let i = 0; i < page.length; i++) {
      const r = evaluateCompany(compiled, page[i] as RecordFacts);
      checksum += r.fitScore + r.tier.length;
    }
    wallNs += Number(process.hrtime.bigint() - start);
  });
  return { wallNs, checksum };
};

const pagedCompiled = compileStrategy(strategy);
pagedRound(pagedCompiled); // warm-up
const paged = Array.from({ length: ROUNDS }, () => pagedRound(pagedCompiled));
if (new Set(paged.map((r) => r.checksum)).size !== 1) throw new Error('rounds disagree');
const pagedWall = median(paged.map((r) => r.wallNs));
console.log(
  `${'evaluateCompany'.padEnd(15)} ${Math.round((facts.length / pagedWall) * 1e9)
    .toLocaleString('en-US')
    .padStart(
      10,
    )} companies/s  ${(pagedWall / facts.length).toFixed(0).padStart(6)} ns/company wall  ` +
    `[pages of ${PAGE} parsed from JSON, each scored as it arrives; median of ${ROUNDS} rounds: ${paged
      .map((r) => (r.wallNs / 1e6).toFixed(0))
      .join(', ')} ms]`,
);
// The same records in the same order: the paged pass must agree with the in-memory pass.
const check = compileStrategy(strategy);
const inMemory = facts.reduce((sum, f) => {
  const r = evaluateCompany(check, f);
  return sum + r.fitScore + r.tier.length;
}, 0);
if (inMemory !== paged[0]?.checksum) throw new Error('paged and in-memory passes disagree');

run(
  'scoreCompany',
  compileStrategy(strategy),
  facts.slice(0, FULL_COMPANIES),
  FULL_ROUNDS,
  scoreCompany,
);

// The two paths must agree (a property test checks this too); count disagreements on a sample.
const fastCompiled = compileStrategy(strategy);
const fullCompiled = compileStrategy(strategy);
const tiers = new Map<string, number>();
let disagreements = 0;
for (const f of facts.slice(0, FULL_COMPANIES)) {
  const a = evaluateCompany(fastCompiled, f);
  const b = scoreCompany(fullCompiled, f);
  tiers.set(a.tier, (tiers.get(a.tier) ?? 0) + 1);
  if (
    a.tier !== b.tier ||
    a.fitScore !== b.fitScore ||
    a.segmentId !== b.segmentId ||
    a.reason !== b.reason
  )
    disagreements += 1;
}
console.log(
  `tiers of the first ${FULL_COMPANIES.toLocaleString('en-US')}: ${[...tiers].map(([t, n]) => `${t} ${n}`).join(', ')}; ` +
    `fast/full disagreements: ${disagreements}`,
);
if (disagreements > 0) process.exit(1);
