// Commands run one after another share HubSpot's rate limit (it belongs to the app, not to a
// process): `simulate`, `report`, `simulate` through the CLI's bin, each its own process, right
// after one another, against the embedded sandbox with HubSpot's default limits (190 requests per
// 10 s). For each command: its time, its requests, and how many the sandbox answered 429. The
// adapter's limiter reads HubSpot's X-HubSpot-RateLimit-* headers, so the second and third
// command start from what the first left (docs/decisions/0002-dated-apis.md).
// Run: npm run bench -- command-sequence   Sizes: BENCH_COMPANIES, BENCH_DEALS.
import { startSandbox } from '@strategy-fit/sandbox';

import { runCli } from '../test/e2e/support/cli.ts';
import { setUpAndPublish } from '../test/e2e/support/prepare.ts';
import { EXAMPLE_STRATEGY, MINIMAL_STRATEGY } from '../test/e2e/support/sandbox.ts';

const COMPANIES = Number(process.env.BENCH_COMPANIES ?? 6_000);
const DEALS = Number(process.env.BENCH_DEALS ?? 9_000);

const sandbox = await startSandbox({
  seed: { seed: 3, companies: COMPANIES, deals: DEALS, asOf: '2026-11-01' },
});
const portal = { sandbox, baseUrl: sandbox.baseUrl, token: sandbox.token };
try {
  await setUpAndPublish(portal, EXAMPLE_STRATEGY);
  console.log(`${COMPANIES} companies, ${DEALS} deals; HubSpot's default rate limits`);
  for (const args of [
    ['simulate', MINIMAL_STRATEGY, '--json', '--no-progress'],
    ['report', '--format', 'json', '--no-progress'],
    ['simulate', MINIMAL_STRATEGY, '--json', '--no-progress'],
  ]) {
    const before = {
      requests: sandbox.control.requestCount(),
      limited: sandbox.control.rateLimitedCount(),
    };
    const started = Date.now();
    const run = await runCli(args, portal, { timeoutMs: 600_000 });
    if (run.code !== 0) throw new Error(`${args[0]} failed: ${run.stderr}`);
    console.log(
      `${(args[0] ?? '').padEnd(9)} ${((Date.now() - started) / 1000).toFixed(1).padStart(6)} s  ${sandbox.control.requestCount() - before.requests} requests  ${sandbox.control.rateLimitedCount() - before.limited} answered 429`,
    );
  }
} finally {
  await sandbox.close();
}
