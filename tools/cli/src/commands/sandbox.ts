// `strategy-fit sandbox`: runs the embedded HubSpot sandbox until SIGINT/SIGTERM. Stdout carries
// exactly two eval-able lines (base URL and token); everything else goes to stderr.
import { resolve } from 'node:path';
import { DEMO_SPELLING_VARIANTS_PERCENT, startSandbox } from '@strategy-fit/sandbox';
import type { Command } from 'commander';
import { z } from 'zod';

import { formatError } from '../backend/output.ts';
import { lockSandboxDir } from '../backend/process-lock.ts';
import { optionErrors } from './option-errors.ts';

const DEFAULT_DATA_DIR = '.data/sandbox';

const count = z.coerce.number().int().min(0);

/** The command line, checked once (STYLE §12). */
export const SandboxArgsSchema = z
  .strictObject({
    port: z.coerce.number().int().min(0).max(65_535).default(8799),
    data: z.string().min(1).optional(),
    memory: z.boolean().default(false),
    seed: z.coerce.number().int().default(1),
    companies: count.default(500),
    deals: count.default(750),
    asOf: z
      .string()
      .regex(/^\d{4}-\d{2}-\d{2}$/, 'a day as YYYY-MM-DD')
      .optional(),
    token: z.string().min(1).optional(),
    rateLimit: z.boolean().default(true),
    latency: count.default(0),
  })
  .refine((args) => !(args.memory && args.data !== undefined), {
    message: '--memory and --data cannot be used together',
  });
export type SandboxArgs = z.output<typeof SandboxArgsSchema>;

export function registerSandboxCommand(program: Command): void {
  program
    .command('sandbox')
    .description(
      'Run the embedded HubSpot CRM API on 127.0.0.1. Prints HUBSPOT_API_BASE_URL and HUBSPOT_ACCESS_TOKEN (eval-able) once it listens.',
    )
    .option('--port <n>', 'TCP port (0 picks a free one)', '8799')
    .option(
      '--data <dir>',
      `keep the portal in a SQLite file under <dir> (default ${DEFAULT_DATA_DIR})`,
    )
    .option('--memory', 'keep everything in memory (nothing is written to disk)')
    .option('--seed <n>', 'seed of the generated demo data (used when the portal is empty)', '1')
    .option('--companies <n>', 'companies to generate into an empty portal', '500')
    .option('--deals <n>', 'deals to generate into an empty portal', '750')
    .option('--as-of <date>', 'last day of the generated history (YYYY-MM-DD; default today)')
    .option('--token <token>', 'access token to accept (default: the stored one, else a new one)')
    .option('--no-rate-limit', "switch HubSpot's rate limits off")
    .option('--latency <ms>', 'delay added to every answer', '0')
    .action(async (options: Record<string, unknown>) => {
      const parsed = SandboxArgsSchema.safeParse(options);
      if (!parsed.success) {
        program.error(
          `strategy-fit sandbox: ${optionErrors(SandboxArgsSchema, options, parsed.error.issues)}`,
        );
        return;
      }
      await runSandbox(parsed.data);
    });
}

async function runSandbox(args: SandboxArgs): Promise<void> {
  const dataDir = args.memory ? undefined : resolve(args.data ?? DEFAULT_DATA_DIR);
  const lock = dataDir === undefined ? undefined : await lockSandboxDir(dataDir);
  if (lock !== undefined && !lock.ok) {
    process.stderr.write(`${formatError(lock.error)}\n`);
    process.exitCode = 1;
    return;
  }
  const sandbox = await startSandbox({
    port: args.port,
    ...(dataDir === undefined ? {} : { dataDir }),
    ...(args.token === undefined ? {} : { token: args.token }),
    rateLimit: args.rateLimit ? {} : false,
    latencyMs: args.latency,
    seed: {
      seed: args.seed,
      companies: args.companies,
      deals: args.deals,
      spellingVariantsPercent: DEMO_SPELLING_VARIANTS_PERCENT,
      ...(args.asOf === undefined ? {} : { asOf: args.asOf }),
    },
  });
  const seeded = sandbox.seeded;
  process.stderr.write(
    `sandbox: portal ${sandbox.portalId}, ${dataDir === undefined ? 'in memory' : `data in ${dataDir}`}` +
      (seeded === undefined
        ? ' (existing data kept)\n'
        : `, seeded ${seeded.companies} companies, ${seeded.deals} deals, ${seeded.lineItems} line items in ${seeded.durationMs} ms\n`),
  );
  process.stdout.write(
    `HUBSPOT_API_BASE_URL=${sandbox.baseUrl}\nHUBSPOT_ACCESS_TOKEN=${sandbox.token}\n`,
  );
  await new Promise<void>((done) => {
    const stop = (signal: string): void => {
      process.stderr.write(`sandbox: ${signal}, stopping\n`);
      void sandbox
        .close()
        .then(() => (lock?.ok === true ? lock.value.release() : undefined))
        .then(done);
    };
    process.once('SIGINT', () => stop('SIGINT'));
    process.once('SIGTERM', () => stop('SIGTERM'));
  });
}
