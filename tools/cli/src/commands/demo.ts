// `strategy-fit demo` (and `npm start`): the whole job on a fresh embedded sandbox. Seeds a demo
// portal; inside HubSpot, sets it up and publishes version 1 from the settings page's functions
// (demo-in-app.ts); then scores everything with the progress bar, prints the report and writes
// the HTML report, with the same command functions the CLI runs against a real portal; then says
// how to do that.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DEMO_SPELLING_VARIANTS_PERCENT, startSandbox } from '@strategy-fit/sandbox';
import type { Command } from 'commander';
import { z } from 'zod';

import { withBackend } from '../backend/index.ts';
import { describeError, EXIT, progressFor, streamsIo } from '../bulk/command-io.ts';
import type { CommandIo } from '../bulk/command-io.ts';
import { readReview } from '../bulk/read-review.ts';
import { repCardsText } from '../demo/rep-cards.ts';
import { optionErrors } from './option-errors.ts';
import { simulateWithoutExclusions } from './demo-focus-guard.ts';
import { DEMO_TEMPLATE, runInAppPath } from './demo-in-app.ts';
import { checkOutFile } from './out-file.ts';
import { reportCommand } from './report.ts';
import { ScoreArgsSchema, scoreCommand } from './score.ts';

export const DEMO_REPORT = 'strategy-fit-report.html';

export const DemoArgsSchema = z.strictObject({
  companies: z.coerce.number().int().min(1).max(100_000).default(3000),
  deals: z.coerce.number().int().min(0).max(150_000).default(4500),
  seed: z.coerce.number().int().default(1),
  out: z.string().min(1).default(DEMO_REPORT),
  rateLimit: z.boolean().default(true),
  progress: z.boolean().default(true),
});
export type DemoArgs = z.output<typeof DemoArgsSchema>;

/** The example strategies (the templates of a first version are the same files). */
const EXAMPLES = resolve(
  fileURLToPath(new URL('.', import.meta.url)),
  '../../../../examples/strategies',
);

const step = (io: CommandIo, n: number, text: string): void => {
  io.stdout.write(`\n── ${n}. ${text}\n\n`);
};

const NEXT_STEPS = (out: string): string => `
── Next: the same commands against your HubSpot portal

  Upload and install the Strategy Fit app (\`npm run upload\`, docs/install.md). Its access
  token, with exactly the app's scopes, is on the app's Auth tab in HubSpot (Development →
  Projects → strategy-fit → the app → Auth). Then:

    export HUBSPOT_ACCESS_TOKEN=…                # the installed app's access token (Auth tab)
    npx strategy-fit setup                       # properties and the strategy store (idempotent)
    npx strategy-fit strategy publish examples/strategies/02-b2b-saas.json
    npx strategy-fit simulate my-next-strategy.json   # what would move, writes nothing
    npx strategy-fit score                       # resumable: npx strategy-fit score --resume
    npx strategy-fit report --format html --out ${out}

  Schedule \`npx strategy-fit score --stale-only\` (cron or CI) to keep scores fresh; see docs/cli.md.
`;

const NO_DEAL_TO_SHOW = 'No open dream or fit deal of a segment with positioning on this portal.';

const REAL_CARDS = `
  This is the cards' view model as text. The cards themselves run in HubSpot: \`npx hs project dev\`
  in a test account with the app installed (docs/cards.md).
`;

/** Runs the demo and returns the exit code. */
export const runDemo = async (args: DemoArgs, io: CommandIo): Promise<number> => {
  const started = Date.now();
  // The HTML report's path is checked before the sandbox is seeded and scored.
  const writable = await checkOutFile(args.out);
  if (!writable.ok) {
    io.stderr.write(`strategy-fit demo: ${describeError(writable.error)}\n`);
    return EXIT.unusable;
  }
  io.stdout.write(
    `Strategy Fit demo: a fresh demo portal in the embedded HubSpot sandbox (offline, nothing leaves this machine).\n`,
  );
  const sandbox = await startSandbox({
    port: 0,
    seed: {
      seed: args.seed,
      companies: args.companies,
      deals: args.deals,
      spellingVariantsPercent: DEMO_SPELLING_VARIANTS_PERCENT,
    },
    // HubSpot's own limits (190 requests per 10 s), so the run looks like one against a real portal.
    rateLimit: args.rateLimit ? {} : false,
  });
  const work = mkdtempSync(join(tmpdir(), 'strategy-fit-demo-'));
  try {
    const seeded = sandbox.seeded;
    io.stdout.write(
      `Seeded ${seeded?.companies ?? 0} companies, ${seeded?.deals ?? 0} deals and ${seeded?.lineItems ?? 0} line items in ${seeded?.durationMs ?? 0} ms (portal ${sandbox.portalId}, ${sandbox.baseUrl}).\n`,
    );
    const env = { HUBSPOT_ACCESS_TOKEN: sandbox.token, HUBSPOT_API_BASE_URL: sandbox.baseUrl };
    // The backend line would say "HubSpot at 127.0.0.1"; the demo has said what it is.
    const stderr = {
      write: (text: string) => (text.startsWith('backend: ') ? true : io.stderr.write(text)),
    };
    return await withBackend({ env, stderr, failureExitCode: EXIT.unusable }, async (hs, info) => {
      // Steps 1 and 2 inside HubSpot, with the app's functions (demo-in-app.ts).
      const inApp = await runInAppPath(hs, sandbox, io, (n, text) => step(io, n, text));
      if (inApp !== 0) return inApp;

      step(io, 3, 'strategy-fit score: every company, then every deal (diff-only batches of 100)');
      const scoreArgs = ScoreArgsSchema.parse({
        progress: args.progress,
        checkpoint: join(work, 'checkpoint.json'),
      });
      const scored = await scoreCommand(hs, info, scoreArgs, io);
      if (scored !== EXIT.ok) return scored;

      step(
        io,
        4,
        'strategy-fit simulate: the same strategy without its exclusions (the focus guard)',
      );
      const simulated = await simulateWithoutExclusions(
        hs,
        join(EXAMPLES, `${DEMO_TEMPLATE}.json`),
        work,
        io,
      );
      if (simulated !== EXIT.ok) return simulated;

      step(io, 5, 'strategy-fit report');
      const read = await readReview(hs, {
        nowMs: io.nowMs,
        progress: progressFor(io, args.progress),
      });
      if (!read.ok) {
        io.stderr.write(`strategy-fit report: ${describeError(read.error)}\n`);
        return EXIT.unusable;
      }
      const table = await reportCommand(hs, { format: 'table', progress: false }, io, read.value);
      if (table !== EXIT.ok) return table;
      const html = await reportCommand(
        hs,
        { format: 'html', out: args.out, progress: false },
        io,
        read.value,
      );
      if (html !== EXIT.ok) return html;

      step(
        io,
        6,
        'What a rep sees: score_record on one company and one deal, as the cards call it',
      );
      const cards = await repCardsText(hs, {
        accessToken: sandbox.token,
        basePath: sandbox.baseUrl,
      });
      if (!cards.ok) {
        io.stderr.write(`strategy-fit demo: ${describeError(cards.error)}\n`);
        return EXIT.unusable;
      }
      io.stdout.write(`${cards.value ?? NO_DEAL_TO_SHOW}\n${REAL_CARDS}`);
      io.stdout.write(
        `\nThe HTML report (one self-contained file with charts): ${resolve(args.out)}\n${NEXT_STEPS(args.out)}\nDemo finished in ${((Date.now() - started) / 1000).toFixed(1)} s.\n`,
      );
      return EXIT.ok;
    });
  } finally {
    await sandbox.close();
    rmSync(work, { recursive: true, force: true });
  }
};

export function registerDemoCommand(program: Command): void {
  const command = program
    .command('demo')
    .description(
      'Run the whole job on a fresh embedded sandbox: setup, publish the example strategy, score, report (what `npm start` does).',
    )
    .option('--companies <n>', 'companies in the demo portal', '3000')
    .option('--deals <n>', 'deals in the demo portal', '4500')
    .option('--seed <n>', 'seed of the generated demo data', '1')
    .option('--out <file>', 'where the HTML report goes', DEMO_REPORT)
    .option('--no-rate-limit', "switch HubSpot's rate limits off in the demo sandbox")
    .option('--no-progress', 'no progress bar or progress lines')
    .action(async (options: Record<string, unknown>) => {
      const parsed = DemoArgsSchema.safeParse(options);
      if (!parsed.success) {
        command.error(
          `strategy-fit demo: ${optionErrors(DemoArgsSchema, options, parsed.error.issues)}`,
          {
            exitCode: EXIT.unusable,
          },
        );
        return;
      }
      process.exitCode = await runDemo(parsed.data, streamsIo());
    });
}
