// The strategy editor's app functions (docs/strategy-editor.md), as HubSpot runs them: the built
// bundles (src/app/functions/dist/strategy-{simulate,editor-load,publish}.js, `require`d here) with
// the manager's context, against the demo portal (3,000 companies, 4,500 deals, seed 1; the example
// strategy published as version 1) in the embedded sandbox with HubSpot's rate limits on and
// BENCH_LATENCY_MS (default 100 ms) added to every answer.
//   1. strategy_editor_load cold (the first call after require) and warm: time, requests, answer.
//   2. strategy_simulate chunk after chunk until the cursor is null, proposing the example strategy
//      with thresholds fit 60 / stretch 30, as the settings page does: after a chunk that HubSpot's
//      rate limit ended early, it waits `interrupted.retryAfterMs`, then continues from the
//      cursor. Per chunk: companies, time (around main and the function's own elapsedMs),
//      requests / sequential round trips, answer size, why it ended early; the whole run.
//      BENCH_OTHER_REQUESTS (default 0) requests of "other traffic" (cards, workflows, the CLI)
//      are sent just before the first chunk, into the same rate-limit window.
//   3. strategy_publish once, version 2 based on version 1: time, requests.
// The steps follow each other without waiting for the rate-limit window to empty (until
// 2026-11-27 each started 10.5 s after the previous: unpaced, the one-chunk simulation did not
// fit in the window with the set-up and the loads); 429 answers are counted.
// Run: npm run build && BENCH_LATENCY_MS=100 npm run bench -- editor-functions
import { createRequire } from 'node:module';
import { join } from 'node:path';

import {
  StrategyEditorLoadResponse,
  StrategyPublishConfirmResponse,
  StrategyPublishResponse,
  StrategySimulateResponse,
} from '@strategy-fit/core';
import type { SimulationCursor } from '@strategy-fit/core';

import { DIST_DIR } from '../scripts/build-functions.ts';
import { observeRequests, useFunctionEnv } from '../test/support/functions/hubspot-env.ts';
import { approvePending } from '../test/support/functions/invoke-editor.ts';
import { startManagerPortal } from '../test/support/functions/manager-portal.ts';
import {
  hubspotContext,
  loadExampleStrategy,
  MANAGER,
} from '../test/support/functions/test-portal.ts';

const LATENCY_MS = Number(process.env.BENCH_LATENCY_MS ?? 100);
const OTHER_REQUESTS = Number(process.env.BENCH_OTHER_REQUESTS ?? 0);
const COMPANIES = 3000;
const DEALS = 4500;

type Main = (context: unknown) => Promise<unknown>;
const load = (name: string): { main: Main; requireMs: number } => {
  const t = performance.now();
  const bundle = createRequire(import.meta.url)(join(DIST_DIR, `${name}.js`)) as { main: Main };
  return { main: bundle.main, requireMs: performance.now() - t };
};
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const n = (x: number) => Math.round(x).toLocaleString('en-US');
const ms = (x: number) => `${n(x)} ms`;
const kB = (answer: unknown) =>
  `${(Buffer.byteLength(JSON.stringify(answer)) / 1000).toFixed(1)} kB`;
const range = (xs: readonly number[]) => {
  const lo = Math.min(...xs);
  const hi = Math.max(...xs);
  return lo === hi ? n(lo) : `${n(lo)}–${n(hi)}`;
};
const table = (rows: readonly (readonly string[])[]) => {
  const widths = rows[0]?.map((_, i) => Math.max(...rows.map((r) => (r[i] ?? '').length))) ?? [];
  for (const r of rows) {
    console.log(`  ${r.map((c, i) => c.padEnd(widths[i] ?? 0)).join('  ')}`.trimEnd());
  }
};

// 429s the functions got (they retry them): counted beneath observeRequests' spy.
let rateLimited = 0;
const fetchBefore = globalThis.fetch;
globalThis.fetch = async (input, init) => {
  const response = await fetchBefore(input, init);
  if (response.status === 429) rateLimited += 1;
  return response;
};

const portal = await startManagerPortal({
  seed: { companies: COMPANIES, deals: DEALS },
  rateLimit: {},
  latencyMs: LATENCY_MS,
});
const restoreEnv = useFunctionEnv(portal.env);

/**
 * Other traffic of the app (cards, workflows, the CLI): `count` small reads, 10 at a time, not
 * counted among the functions' 429s; how many HubSpot refused.
 */
const otherTraffic = async (count: number): Promise<number> => {
  let refused = 0;
  for (let sent = 0; sent < count; sent += 10) {
    await Promise.all(
      Array.from({ length: Math.min(10, count - sent) }, async () => {
        const response = await fetchBefore(
          `${portal.env.HUBSPOT_API_BASE_URL}/crm/objects/2026-09/deals?limit=1`,
          { headers: { authorization: `Bearer ${portal.env.PRIVATE_APP_ACCESS_TOKEN}` } },
        );
        await response.arrayBuffer();
        if (response.status === 429) refused += 1;
        else if (response.status !== 200) throw new Error(`other traffic: ${response.status}`);
      }),
    );
  }
  return refused;
};
try {
  const proposed = { ...loadExampleStrategy(), thresholds: { fit: 60, stretch: 30 } };
  console.log(
    `strategy editor functions, demo portal ${COMPANIES.toLocaleString('en-US')} companies + ${DEALS.toLocaleString('en-US')} deals, sandbox latency ${LATENCY_MS} ms, rate limits on, dist bundles`,
  );
  const rows: string[][] = [
    [
      'call',
      'companies',
      'time (main)',
      'in function',
      'requests / round trips',
      'answer',
      'ended early',
    ],
  ];

  // 1. strategy_editor_load, cold then warm (the page loads before anything else).
  const editorLoad = load('strategy-editor-load');
  let basedOnVersion = 0;
  for (const call of ['load cold', 'load warm']) {
    const t = performance.now();
    const { result, sent, roundTrips } = await observeRequests(() =>
      editorLoad.main(hubspotContext({})),
    );
    const took = performance.now() - t;
    const answer = StrategyEditorLoadResponse.parse(result);
    if (!answer.ok) throw new Error(`${answer.error.code}: ${answer.error.message}`);
    basedOnVersion = answer.value.current?.summary.version ?? 0;
    rows.push([call, '', ms(took), '', `${sent.length} / ${roundTrips}`, kB(result), '']);
  }

  // 2. strategy_simulate chunk after chunk.
  const refusedBefore = rateLimited;
  const setupRequests = portal.sandbox.control.requestCount();
  const otherRefused = await otherTraffic(OTHER_REQUESTS);
  const simulate = load('strategy-simulate');
  let cursor: SimulationCursor | null = null;
  const chunks: { companies: number; fnMs: number; sent: number; early: boolean }[] = [];
  const pauses: number[] = [];
  let done = 0;
  let total: number | null = null;
  const started = performance.now();
  do {
    const t = performance.now();
    const parameters = {
      strategy: proposed,
      ...(cursor === null ? {} : { cursor }),
    };
    const { result, sent, roundTrips } = await observeRequests(() =>
      simulate.main(hubspotContext(parameters)),
    );
    const took = performance.now() - t;
    const answer = StrategySimulateResponse.parse(result);
    if (!answer.ok) throw new Error(`${answer.error.code}: ${answer.error.message}`);
    const { chunk, progress, interrupted } = answer.value;
    chunks.push({
      companies: chunk.companies,
      fnMs: chunk.elapsedMs,
      sent: sent.length,
      early: interrupted !== undefined,
    });
    rows.push([
      `simulate chunk ${chunks.length}`,
      n(chunk.companies),
      ms(took),
      ms(chunk.elapsedMs),
      `${sent.length} / ${roundTrips}`,
      kB(result),
      interrupted === undefined
        ? ''
        : `${interrupted.reason}${interrupted.retryAfterMs === undefined ? '' : `, wait ${ms(interrupted.retryAfterMs)}`}`,
    ]);
    done = progress.companiesDone;
    total = progress.totalCompanies;
    cursor = answer.value.cursor;
    // As the page does: wait when the answer says so, then continue from the cursor.
    const waitMs = interrupted?.retryAfterMs ?? 0;
    if (cursor !== null && waitMs > 0) {
      pauses.push(waitMs);
      await sleep(waitMs);
    }
  } while (cursor !== null);
  const simulationMs = performance.now() - started;
  const simulationRefused = rateLimited - refusedBefore;
  if (done !== COMPANIES || total !== COMPANIES) {
    throw new Error(`simulated ${done} of ${total} companies, expected ${COMPANIES}`);
  }

  // 3. strategy_publish prepares version 2 on version 1, right after the simulation (as the page
  // does); the manager approves it in HubSpot; strategy_publish_confirm publishes it.
  const publish = load('strategy-publish');
  const t = performance.now();
  const { result, sent, roundTrips } = await observeRequests(() =>
    publish.main(hubspotContext({ strategy: proposed, basedOnVersion })),
  );
  const took = performance.now() - t;
  const prepared = StrategyPublishResponse.parse(result);
  if (!prepared.ok) throw new Error(`${prepared.error.code}: ${prepared.error.message}`);
  if (prepared.value.outcome !== 'awaiting_approval')
    throw new Error(JSON.stringify(prepared.value));
  rows.push(['prepare', '', ms(took), '', `${sent.length} / ${roundTrips}`, kB(result), '']);
  const { pending } = prepared.value;
  approvePending(portal, MANAGER, pending);
  const confirm = load('strategy-publish-confirm');
  const t2 = performance.now();
  const confirmed = await observeRequests(() =>
    confirm.main(hubspotContext({ pendingId: pending.recordId })),
  );
  const took2 = performance.now() - t2;
  const published = StrategyPublishConfirmResponse.parse(confirmed.result);
  if (!published.ok) throw new Error(`${published.error.code}: ${published.error.message}`);
  if (published.value.outcome !== 'published') throw new Error(JSON.stringify(published.value));
  rows.push([
    `publish v${published.value.version.version}`,
    '',
    ms(took2),
    '',
    `${confirmed.sent.length} / ${confirmed.roundTrips}`,
    kB(confirmed.result),
    '',
  ]);

  table(rows);
  // Full chunks: ended by their budget (neither the last one nor one that ended early).
  const planned = chunks.slice(0, -1).filter((c) => !c.early);
  const full = planned.length > 0 ? planned : chunks;
  console.log(
    `  simulation: ${chunks.length} chunks, ${n(done)} companies in ${ms(simulationMs)}; full chunks ${range(full.map((c) => c.companies))} companies, ${range(full.map((c) => c.fnMs))} ms in the function, ${range(full.map((c) => c.sent))} requests`,
  );
  console.log(
    `  requests before the simulation: set-up and loads ${setupRequests}, other ${OTHER_REQUESTS} (${otherRefused} refused); chunks ended early: ${chunks.filter((c) => c.early).length}; waits: ${pauses.length === 0 ? 'none' : pauses.map(ms).join(', ')}; 429 answers during the simulation: ${simulationRefused}`,
  );
  console.log(
    `  require: load ${ms(editorLoad.requireMs)}, simulate ${ms(simulate.requireMs)}, prepare ${ms(publish.requireMs)}, confirm ${ms(confirm.requireMs)}; 429 answers: ${rateLimited}`,
  );
} finally {
  restoreEnv();
  globalThis.fetch = fetchBefore;
  await portal.close();
}
