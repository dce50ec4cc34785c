// Soak: `strategy-fit score` over 200,000 companies and 300,000 deals with HubSpot's rate limits
// and a realistic mix of faults (429s, 5xx, slow answers, dropped connections, 207 partial batch
// failures). Reports records/s, the scorer's peak RSS, the failures (and a rerun that fixes them),
// and the final consistency check: every record carries the run's strategy version and exactly the
// fit properties the core computes from the records read back over plain HTTP.
// Run: npm run soak (not in CI; tens of minutes). The sandbox runs in this process, the scorer is
// the CLI's bin in its own process (as `npx strategy-fit score` runs it).
// Env: SOAK_COMPANIES, SOAK_DEALS, SOAK_RATE_LIMIT=off (no rate limits: much quicker),
// SOAK_FAULT_SCALE (multiplies the fault rates; default 1), SOAK_SEED.
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

import {
  compileStrategy,
  companyFitProperties,
  dealFitProperties,
  scoreCompany,
  parseStrategy,
  pickDealCompanyId,
  scoreDeal,
  strategyProperties,
} from '@strategy-fit/core';
import type { PropertyDefinitions, Strategy } from '@strategy-fit/core';
import {
  createHubSpotClient,
  ensureFitProperties,
  ensureStrategyStore,
  publishStrategy,
} from '@strategy-fit/hubspot';
import { startSandbox } from '@strategy-fit/sandbox';
import type { FaultPlan, RunningSandbox } from '@strategy-fit/sandbox';
import { z } from 'zod';

import { associations, readByIds } from '../test/e2e/support/portal.ts';
import type { Bag, Portal } from '../test/e2e/support/portal.ts';
import { FIT_NAMES, mismatches } from '../test/e2e/support/sandbox.ts';
import { untilEnd } from './support/peak-rss.ts';

const COMPANIES = Number(process.env.SOAK_COMPANIES ?? 200_000);
const DEALS = Number(process.env.SOAK_DEALS ?? 300_000);
const RATE_LIMITED = process.env.SOAK_RATE_LIMIT !== 'off';
const FAULT_SCALE = Number(process.env.SOAK_FAULT_SCALE ?? 1);
const SEED = Number(process.env.SOAK_SEED ?? 1);
const AS_OF = '2026-11-01';
const NOW = '2026-11-02T09:00:00Z';
const NOW_MS = Date.parse(NOW);
const HUBSPOT_LIMITS = { perTenSeconds: 190, searchPerSecond: 5, daily: 1_000_000 };
const BIN = fileURLToPath(new URL('../tools/cli/bin/strategy-fit.js', import.meta.url));
const STRATEGY_FILE = fileURLToPath(
  new URL('../examples/strategies/02-b2b-saas.json', import.meta.url),
);

/** Per request: about 1 in 500 a 429, 1 in 200 a 5xx, 1 in 200 slow, 1 in 500 dropped, 1 in 100 a 207. */
const FAULTS: FaultPlan = {
  seed: SEED,
  rates: {
    rateLimit: 0.002 * FAULT_SCALE,
    serverError: 0.005 * FAULT_SCALE,
    slow: 0.005 * FAULT_SCALE,
    drop: 0.002 * FAULT_SCALE,
    partialBatch: 0.01 * FAULT_SCALE,
  },
  slowMs: 1500,
};

const fmt = (n: number, digits = 0): string =>
  n.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits });
const mb = (bytes: number): string => `${fmt(bytes / 1024 / 1024)} MB`;

const must = <T>(result: { ok: true; value: T } | { ok: false; error: unknown }): T => {
  if (!result.ok) throw new Error(JSON.stringify(result.error));
  return result.value;
};

const Summary = z.looseObject({
  strategyVersion: z.number(),
  durationMs: z.number(),
  companies: z.object({ scanned: z.number(), changed: z.number(), failed: z.number() }),
  deals: z.object({ scanned: z.number(), changed: z.number(), failed: z.number() }),
  failed: z.array(z.object({ objectType: z.string(), id: z.string(), code: z.string() })),
  failedOmitted: z.number(),
  stopped: z.object({ code: z.string(), message: z.string() }).nullable(),
});
type Summary = z.output<typeof Summary>;

type ScorerRun = {
  code: number | null;
  summary: Summary;
  peakRssBytes: number | null;
  wallSeconds: number;
  clientLine: string;
};

/** `strategy-fit score` in its own process (the bin, so its shebang's node flags apply). */
async function runScorer(
  sandbox: RunningSandbox,
  checkpoint: string,
  extra: readonly string[] = [],
): Promise<ScorerRun> {
  const started = performance.now();
  const proc = spawn(
    BIN,
    ['score', '--json', '--no-progress', '--now', NOW, '--checkpoint', checkpoint, ...extra],
    {
      env: {
        ...process.env,
        // `node` in the bin's shebang must be this Node 24, as under `npx`.
        PATH: `${dirname(process.execPath)}${delimiter}${process.env.PATH ?? ''}`,
        HUBSPOT_ACCESS_TOKEN: sandbox.token,
        HUBSPOT_API_BASE_URL: sandbox.baseUrl,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let out = '';
  let err = '';
  proc.stdout.on('data', (chunk: Buffer) => {
    out += chunk.toString();
  });
  proc.stderr.on('data', (chunk: Buffer) => {
    err += chunk.toString();
  });
  const { code, peakRssBytes: peak } = await untilEnd(proc, 200);
  const parsed = Summary.safeParse(JSON.parse(out || 'null'));
  if (!parsed.success) throw new Error(`the scorer exited with ${code} and no summary:\n${err}`);
  return {
    code,
    summary: parsed.data,
    peakRssBytes: peak,
    wallSeconds: (performance.now() - started) / 1000,
    clientLine: err.split('\n').find((l) => l.startsWith('hubspot:')) ?? 'hubspot: no retries',
  };
}

// ---- the consistency check, page by page over plain HTTP ------------------------------------

const Page = z.object({
  results: z.array(
    z.object({ id: z.string(), properties: z.record(z.string(), z.string().nullable()) }),
  ),
  paging: z.object({ next: z.object({ after: z.string() }).optional() }).optional(),
});
const Definitions = z.object({
  results: z.array(
    z.object({
      name: z.string(),
      label: z.string(),
      type: z.string(),
      fieldType: z.string(),
      options: z.array(z.object({ label: z.string(), value: z.string() })).optional(),
    }),
  ),
});

const get = async (portal: Portal, path: string): Promise<unknown> => {
  const response = await fetch(`${portal.baseUrl}${path}`, {
    headers: { authorization: `Bearer ${portal.token}` },
  });
  if (!response.ok) throw new Error(`${path}: ${response.status}`);
  return response.json();
};

async function* pages(portal: Portal, objectType: string, properties: readonly string[]) {
  let after: string | undefined;
  do {
    const query = new URLSearchParams({ limit: '100', properties: properties.join(',') });
    if (after !== undefined) query.set('after', after);
    const page = Page.parse(await get(portal, `/crm/objects/2026-09/${objectType}?${query}`));
    yield page.results;
    after = page.paging?.next?.after;
  } while (after !== undefined);
}

const definitionsOf = async (portal: Portal, objectType: string): Promise<PropertyDefinitions> => {
  const parsed = Definitions.parse(await get(portal, `/crm/properties/2026-09/${objectType}`));
  return Object.fromEntries(parsed.results.map((d) => [d.name, d]));
};

type Check = { companies: number; deals: number; otherVersion: number; mismatched: string[] };

/** Every record: the run's version, and the fit properties the core computes (streamed). */
async function checkConsistency(
  portal: Portal,
  strategy: Strategy,
  version: number,
): Promise<Check> {
  const compiled = compileStrategy(strategy);
  const named = strategyProperties(strategy);
  const [companyDefs, dealDefs] = [
    await definitionsOf(portal, 'companies'),
    await definitionsOf(portal, 'deals'),
  ];
  const stamp = { version, scoredAt: new Date(NOW_MS).toISOString() };
  const check: Check = { companies: 0, deals: 0, otherVersion: 0, mismatched: [] };
  const note = (found: string[]) => {
    if (check.mismatched.length < 20) check.mismatched.push(...found.slice(0, 20));
  };
  const facts = (id: string, properties: Bag, definitions: PropertyDefinitions) => ({
    id,
    properties,
    definitions,
    nowMs: NOW_MS,
  });

  for await (const page of pages(portal, 'companies', [...named.company, ...FIT_NAMES.companies])) {
    const actual = new Map(page.map((c) => [c.id, c.properties]));
    const expected = new Map(
      page.map((c) => [
        c.id,
        companyFitProperties(scoreCompany(compiled, facts(c.id, c.properties, companyDefs)), stamp),
      ]),
    );
    check.companies += page.length;
    check.otherVersion += page.filter(
      (c) => Number(c.properties.strategy_fit_version) !== version,
    ).length;
    note(mismatches(actual, expected, FIT_NAMES.companies));
  }

  for await (const page of pages(portal, 'deals', [...named.deal, ...FIT_NAMES.deals])) {
    const ids = page.map((d) => d.id);
    const [dealCompanies, dealLineItems] = [
      await associations(portal, 'deals', 'companies', ids),
      await associations(portal, 'deals', 'line_items', ids),
    ];
    const companyIds = new Set<string>();
    for (const d of ids) {
      const picked = pickDealCompanyId(dealCompanies.get(d) ?? []);
      if (picked !== null) companyIds.add(picked);
    }
    const companies = await readByIds(portal, 'companies', [...companyIds], named.company);
    const lineItemIds = [...dealLineItems.values()].flatMap((links) => links.map((l) => l.id));
    const lineItems = await readByIds(portal, 'line_items', lineItemIds, named.lineItem);
    const actual = new Map(page.map((d) => [d.id, d.properties]));
    const expected = new Map(
      page.map((d) => {
        const companyId = pickDealCompanyId(dealCompanies.get(d.id) ?? []);
        const bag = companyId === null ? undefined : companies.get(companyId);
        const companyFacts =
          companyId === null || bag === undefined ? undefined : facts(companyId, bag, companyDefs);
        const score = scoreDeal(compiled, {
          deal: facts(d.id, d.properties, dealDefs),
          company:
            companyFacts === undefined
              ? null
              : { facts: companyFacts, score: scoreCompany(compiled, companyFacts) },
          lineItems: (dealLineItems.get(d.id) ?? []).map((l) => ({
            id: l.id,
            properties: lineItems.get(l.id) ?? {},
          })),
          nowMs: NOW_MS,
        });
        return [d.id, dealFitProperties(score, stamp)] as const;
      }),
    );
    check.deals += page.length;
    check.otherVersion += page.filter(
      (d) => Number(d.properties.strategy_fit_version) !== version,
    ).length;
    note(mismatches(actual, expected, FIT_NAMES.deals));
  }
  return check;
}

// ---- the soak -----------------------------------------------------------------------------

const describeRun = (label: string, run: ScorerRun, records: number): void => {
  const s = run.summary;
  const seconds = s.durationMs / 1000;
  console.log(
    `  ${label}: exit ${run.code} in ${fmt(seconds, 1)} s (${fmt(run.wallSeconds, 1)} s with start-up): ${fmt(records / seconds, 1)} records/s; peak RSS of the scorer ${run.peakRssBytes === null ? 'n/a' : mb(run.peakRssBytes)}`,
  );
  console.log(
    `    companies scanned ${fmt(s.companies.scanned)}, changed ${fmt(s.companies.changed)}, failed ${fmt(s.companies.failed)}; deals scanned ${fmt(s.deals.scanned)}, changed ${fmt(s.deals.changed)}, failed ${fmt(s.deals.failed)}`,
  );
  console.log(`    ${run.clientLine.trim()}`);
  if (s.stopped !== null) console.log(`    stopped early: ${s.stopped.code}: ${s.stopped.message}`);
  const codes = new Map<string, number>();
  for (const f of s.failed) codes.set(f.code, (codes.get(f.code) ?? 0) + 1);
  if (codes.size > 0) {
    console.log(
      `    failed records by code (first ${s.failed.length}${s.failedOmitted > 0 ? `, ${s.failedOmitted} more` : ''}): ${[...codes].map(([c, n]) => `${c} ${n}`).join(', ')}`,
    );
  }
};

async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'strategy-fit-soak-'));
  console.log(
    `soak: ${fmt(COMPANIES)} companies + ${fmt(DEALS)} deals, ${RATE_LIMITED ? "HubSpot's rate limits (190 / 10 s, 5 searches / s)" : 'no rate limits'}, faults ${JSON.stringify(FAULTS.rates)}, slow answers ${FAULTS.slowMs} ms; node ${process.version}`,
  );
  const seedStart = performance.now();
  const sandbox = await startSandbox({
    seed: { seed: SEED, companies: COMPANIES, deals: DEALS, asOf: AS_OF },
    rateLimit: false,
  });
  try {
    const hs = createHubSpotClient({
      accessToken: sandbox.token,
      basePath: sandbox.baseUrl,
      limits: false,
    });
    const strategy = must(parseStrategy(readFileSync(STRATEGY_FILE, 'utf8')));
    must(await ensureFitProperties(hs));
    must(await ensureStrategyStore(hs));
    const version = must(
      await publishStrategy(hs, strategy, { publishedBy: 'soak', nowMs: NOW_MS }),
    ).version;
    console.log(
      `  sandbox seeded and set up in ${fmt((performance.now() - seedStart) / 1000, 1)} s (${fmt(sandbox.seeded?.lineItems ?? 0)} line items)`,
    );

    if (RATE_LIMITED) sandbox.control.setRateLimit(HUBSPOT_LIMITS);
    sandbox.control.setFaults(FAULTS);
    const requestsBefore = sandbox.control.requestCount();
    const checkpoint = join(dir, 'checkpoint.json');
    const first = await runScorer(sandbox, checkpoint);
    const requests = sandbox.control.requestCount() - requestsBefore;
    describeRun('run with faults', first, COMPANIES + DEALS);
    console.log(`    ${fmt(requests)} requests reached the sandbox`);

    sandbox.control.setFaults(undefined);
    let final = first;
    if (first.code !== 0) {
      // Exit 1: records failed, or a page could not be read (the checkpoint is kept): the run
      // again (a resume when there is a checkpoint) fixes them.
      const resume = first.summary.stopped !== null;
      final = await runScorer(sandbox, checkpoint, ['--resume']);
      describeRun(resume ? 'resumed run' : 'rerun without faults', final, COMPANIES + DEALS);
    }

    sandbox.control.setRateLimit(false);
    const checkStart = performance.now();
    const check = await checkConsistency(sandbox, strategy, version);
    const written = [
      ...sandbox.control.writeCounts('companies').values(),
      ...sandbox.control.writeCounts('deals').values(),
    ];
    console.log(
      `  consistency check (${fmt((performance.now() - checkStart) / 1000, 1)} s): ${fmt(check.companies)} companies and ${fmt(check.deals)} deals read back; ${fmt(check.otherVersion)} without version ${version}; ${check.mismatched.length === 0 ? 'every record equals what the core computes' : `MISMATCHES, first: ${check.mismatched.join('; ')}`}`,
    );
    console.log(
      `  write log: ${fmt(written.length)} records written, ${fmt(written.filter((n) => n > 1).length)} of them more than once`,
    );
    const ok =
      final.code === 0 &&
      check.companies === COMPANIES &&
      check.deals === DEALS &&
      check.otherVersion === 0 &&
      check.mismatched.length === 0 &&
      written.every((n) => n === 1);
    console.log(ok ? 'soak: PASS' : 'soak: FAIL');
    process.exitCode = ok ? 0 : 1;
  } finally {
    await sandbox.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

await main();
