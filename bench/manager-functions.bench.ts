// The manager functions' server time (issue 6), as HubSpot runs them: the built bundles
// (src/app/functions/dist/{rescore-stale,strategy-review}.js, `require`d here) against the demo
// portal (3,000 companies, 4,500 deals) in the embedded sandbox with HubSpot's rate limits on and
// BENCH_LATENCY_MS (default 20 ms) added to every answer.
//   1. rescore_stale chunk after chunk until nothing is stale: per-chunk time, total, requests.
//   2. strategy_review, chunk after chunk as the page reads it, BENCH_REVIEWS times (default 3),
//      12 s apart (the limiter's window empties): chunks, time, requests, whether complete.
// Run: npm run build && npm run bench -- manager-functions
import { createRequire } from 'node:module';
import { join } from 'node:path';

import {
  addReviewChunk,
  RescoreStaleResponse,
  reviewValueOf,
  StrategyReviewResponse,
} from '@strategy-fit/core';
import type { ReviewChunks } from '@strategy-fit/core';

import { DIST_DIR } from '../scripts/build-functions.ts';
import { observeRequests, useFunctionEnv } from '../test/support/functions/hubspot-env.ts';
import { startManagerPortal } from '../test/support/functions/manager-portal.ts';
import { hubspotContext } from '../test/support/functions/test-portal.ts';

const LATENCY_MS = Number(process.env.BENCH_LATENCY_MS ?? 20);
const REVIEWS = Number(process.env.BENCH_REVIEWS ?? 3);

type Main = (context: unknown) => Promise<unknown>;
const load = (name: string): Main =>
  (createRequire(import.meta.url)(join(DIST_DIR, `${name}.js`)) as { main: Main }).main;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const s = (ms: number) => `${(ms / 1000).toFixed(2)} s`;

const portal = await startManagerPortal({
  seed: { companies: 3000, deals: 4500 },
  rateLimit: {},
  latencyMs: LATENCY_MS,
});
const restoreEnv = useFunctionEnv(portal.env);
try {
  const rescore = load('rescore-stale');
  const review = load('strategy-review');
  console.log(
    `manager functions, demo portal 3,000 companies + 4,500 deals, sandbox latency ${LATENCY_MS} ms, rate limits on, dist bundles`,
  );

  let cursor: string | null = null;
  const chunks: number[] = [];
  let requests = 0;
  let processed = 0;
  const started = performance.now();
  do {
    const t = performance.now();
    const { result, sent } = await observeRequests(() =>
      rescore(hubspotContext(cursor === null ? {} : { cursor })),
    );
    chunks.push(performance.now() - t);
    requests += sent.length;
    const answer = RescoreStaleResponse.parse(result);
    if (!answer.ok) throw new Error(`${answer.error.code}: ${answer.error.message}`);
    if (answer.value.interrupted !== null) throw new Error(answer.value.interrupted.message);
    processed += answer.value.processed;
    cursor = answer.value.cursor;
  } while (cursor !== null);
  console.log(
    `  rescore_stale: ${processed} records in ${chunks.length} chunks, ${s(performance.now() - started)}; chunk max ${s(Math.max(...chunks))}, median ${s([...chunks].sort((a, b) => a - b)[Math.floor(chunks.length / 2)] ?? 0)}; ${requests} requests`,
  );

  for (let i = 0; i < REVIEWS; i += 1) {
    await sleep(12_000);
    const t = performance.now();
    let merged: ReviewChunks | null = null;
    let sent = 0;
    const times: number[] = [];
    do {
      const c = performance.now();
      const chunkCursor: string | null = merged?.last.cursor ?? null;
      const { result, sent: requests } = await observeRequests(() =>
        review(hubspotContext(chunkCursor === null ? {} : { cursor: chunkCursor })),
      );
      times.push(performance.now() - c);
      sent += requests.length;
      const answer = StrategyReviewResponse.parse(result);
      if (!answer.ok) throw new Error(`${answer.error.code}: ${answer.error.message}`);
      merged = addReviewChunk(merged, answer.value);
    } while (merged.last.cursor !== null);
    const value = reviewValueOf(merged);
    console.log(
      `  strategy_review #${i + 1}: ${s(performance.now() - t)} in ${times.length} chunks (longest ${s(Math.max(...times))}), ${sent} requests, read ${value.reads.companies} companies + ${value.reads.deals} deals, ${value.review.completeness.partial ? 'PARTIAL' : 'complete'}`,
    );
  }
} finally {
  restoreEnv();
  await portal.close();
}
