// score_record's server time for a deal (issue 5): the built bundle HubSpot runs
// (src/app/functions/dist/score-record.js, `require`d here) calls the embedded sandbox, which
// adds BENCH_LATENCY_MS (default 20 ms) to every answer, like a real portal's round trip.
// Reported: the cold first call, then p50/p95 over BENCH_CALLS (default 200) warm calls when the
// deal is unchanged (nothing to write) and when it changed before every call (one write), and
// the sequential round trips of each call (target: p95 <= 300 ms, at most 4 round trips).
// Run: npm run build && npm run bench -- score-record
import { createRequire } from 'node:module';
import { join } from 'node:path';

import { ScoreRecordResponse } from '@strategy-fit/core';
import { writeRecords } from '@strategy-fit/hubspot';

import { DIST_DIR } from '../scripts/build-functions.ts';
import { observeRequests, useFunctionEnv } from '../test/support/functions/hubspot-env.ts';
import {
  COMPANIES,
  createCompany,
  createDeal,
  focusDeal,
  hubspotContext,
  startTestPortal,
} from '../test/support/functions/test-portal.ts';

const LATENCY_MS = Number(process.env.BENCH_LATENCY_MS ?? 20);
const CALLS = Number(process.env.BENCH_CALLS ?? 200);
const TARGET_P95_MS = 300;
const MAX_ROUND_TRIPS = 4;

const quantile = (xs: readonly number[], q: number): number => {
  const sorted = [...xs].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)] ?? Number.NaN;
};
const ms = (x: number): string => `${x.toFixed(1)} ms`;

type Main = (context: unknown) => Promise<unknown>;

const portal = await startTestPortal({ latencyMs: LATENCY_MS });
const restoreEnv = useFunctionEnv(portal.env);
try {
  const companyId = await createCompany(portal.hs, COMPANIES.fit);
  const dealId = await createDeal(portal.hs, focusDeal(), {
    companyId,
    lineItems: [
      { name: 'Seats', price: '1000', quantity: '50', discount: '100' },
      { name: 'Onboarding', price: '5000', quantity: '1' },
    ],
  });
  const context = hubspotContext({ objectType: 'deal' }, { hs_object_id: dealId });

  const requireStarted = performance.now();
  const { main } = createRequire(import.meta.url)(join(DIST_DIR, 'score-record.js')) as {
    main: Main;
  };
  const requireMs = performance.now() - requireStarted;

  const call = async () => {
    const started = performance.now();
    const observed = await observeRequests(() => main(context));
    const elapsed = performance.now() - started;
    const answer = ScoreRecordResponse.parse(observed.result);
    if (!answer.ok) throw new Error(`${answer.error.code}: ${answer.error.message}`);
    return {
      ms: elapsed,
      roundTrips: observed.roundTrips,
      requests: observed.sent.length,
      written: answer.value.written,
    };
  };

  const cold = await call();
  console.log(
    `score_record, deal with 2 line items, sandbox latency ${LATENCY_MS} ms per call, the dist bundle`,
  );
  console.log(`  require(dist/score-record.js): ${ms(requireMs)}`);
  console.log(
    `  cold first call: ${ms(cold.ms)}, ${cold.requests} requests, ${cold.roundTrips} sequential round trips, written ${cold.written}`,
  );

  const scenarios: [string, (i: number) => Promise<void>][] = [
    ['unchanged deal (nothing to write)', async () => {}],
    [
      'changed deal (one write per call)',
      async (i) => {
        // 60,000 is inside Mid-market tech's deal band, 90,000 outside: the warning flips.
        const amount = i % 2 === 0 ? '90000' : '60000';
        const done = await writeRecords(portal.hs, 'deals', [
          { id: dealId, properties: { amount } },
        ]);
        if (!done.ok) throw new Error(done.error.message);
      },
    ],
  ];
  let worstP95 = 0;
  let worstRoundTrips = cold.roundTrips;
  for (const [label, before] of scenarios) {
    const runs = [];
    for (let i = 0; i < CALLS; i += 1) {
      await before(i);
      runs.push(await call());
    }
    const times = runs.map((r) => r.ms);
    const trips = runs.map((r) => r.roundTrips);
    const p95 = quantile(times, 0.95);
    worstP95 = Math.max(worstP95, p95);
    worstRoundTrips = Math.max(worstRoundTrips, ...trips);
    console.log(`  ${label}, ${CALLS} calls:`);
    console.log(
      `    p50 ${ms(quantile(times, 0.5))}  p95 ${ms(p95)}  max ${ms(Math.max(...times))}  mean ${ms(times.reduce((a, b) => a + b, 0) / times.length)}`,
    );
    console.log(
      `    round trips ${Math.min(...trips)}–${Math.max(...trips)}, requests per call ${Math.min(...runs.map((r) => r.requests))}–${Math.max(...runs.map((r) => r.requests))}, written ${runs.filter((r) => r.written).length}/${CALLS}`,
    );
  }
  const ok = worstP95 <= TARGET_P95_MS && worstRoundTrips <= MAX_ROUND_TRIPS;
  console.log(
    `  target p95 <= ${TARGET_P95_MS} ms and <= ${MAX_ROUND_TRIPS} round trips: ${ok ? 'met' : 'MISSED'} (worst p95 ${ms(worstP95)}, most round trips ${worstRoundTrips})`,
  );
} finally {
  restoreEnv();
  await portal.close();
}
