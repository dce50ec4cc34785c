// `strategy-fit score`: bulk scoring of companies then deals (docs/cli.md).
import type { Command } from 'commander';
import type { HubSpot } from '@strategy-fit/hubspot';
import { z } from 'zod';

import { withBackend } from '../backend/index.ts';
import type { BackendInfo } from '../backend/index.ts';
import { checkpointPathFor } from '../bulk/checkpoint.ts';
import type { ScoreMode } from '../bulk/checkpoint.ts';
import { describeError, EXIT, progressFor } from '../bulk/command-io.ts';
import { streamsIo } from '../bulk/command-io.ts';
import type { CommandIo } from '../bulk/command-io.ts';
import { DEFAULT_DEPTH, MAX_BATCH, runScore } from '../bulk/run-score.ts';
import { renderSummary, runFailed } from '../bulk/summary.ts';
import { optionErrors } from './option-errors.ts';

const isoInstant = z
  .string()
  .refine((s) => /^\d{4}-\d{2}-\d{2}/.test(s) && !Number.isNaN(Date.parse(s)), {
    message: 'an ISO date or date-time, e.g. 2026-11-01 or 2026-11-01T08:00:00Z',
  })
  .transform((s) => Date.parse(s));

/** The command line of `score`, checked once (STYLE §12). */
export const ScoreArgsSchema = z
  .strictObject({
    all: z.boolean().default(false),
    since: isoInstant.optional(),
    staleOnly: z.boolean().default(false),
    resume: z.boolean().default(false),
    batch: z.coerce.number().int().min(1).max(MAX_BATCH).default(MAX_BATCH),
    concurrency: z.coerce.number().int().min(1).max(16).default(DEFAULT_DEPTH),
    checkpoint: z.string().min(1).optional(),
    now: isoInstant.optional(),
    progress: z.boolean().default(true),
    json: z.boolean().default(false),
  })
  .refine((a) => [a.all, a.since !== undefined, a.staleOnly].filter(Boolean).length <= 1, {
    message: 'use only one of --all, --since and --stale-only',
  });
export type ScoreArgs = z.output<typeof ScoreArgsSchema>;

const modeOf = (args: ScoreArgs): ScoreMode => {
  if (args.since !== undefined) return { kind: 'since', sinceMs: args.since };
  return args.staleOnly ? { kind: 'stale' } : { kind: 'all' };
};

/** What identifies the portal in its checkpoint: the backend's account key (base URL + token hash). */
export const targetOf = (info: BackendInfo): string => `${info.kind}:${info.accountKey}`;

/**
 * Runs `score` against a HubSpot handle and returns the exit code. The CLI and the demo call it.
 * Ctrl-C stops after the pages already read and keeps the checkpoint.
 */
export const scoreCommand = async (
  hs: HubSpot,
  info: BackendInfo,
  args: ScoreArgs,
  io: CommandIo,
): Promise<number> => {
  const target = targetOf(info);
  let stop = false;
  const onInterrupt = (): void => {
    if (stop) process.exit(EXIT.interrupted);
    stop = true;
    io.stderr.write('\nStopping after the pages already read (Ctrl-C again to quit now)…\n');
  };
  process.on('SIGINT', onInterrupt);
  try {
    const run = await runScore(hs, {
      mode: modeOf(args),
      resume: args.resume,
      batchSize: args.batch,
      depth: args.concurrency,
      nowMs: args.now ?? io.nowMs,
      target,
      checkpointPath: args.checkpoint ?? checkpointPathFor(target),
      progress: progressFor(io, args.progress && !args.json),
      log: (line) => io.stderr.write(`${line}\n`),
      shouldStop: () => stop,
    });
    if (!run.ok) {
      io.stderr.write(`strategy-fit score: ${describeError(run.error)}\n`);
      return EXIT.unusable;
    }
    io.stdout.write(
      args.json ? `${JSON.stringify(run.value, null, 2)}\n` : renderSummary(run.value),
    );
    if (run.value.interrupted) return EXIT.interrupted;
    return runFailed(run.value) ? EXIT.failed : EXIT.ok;
  } finally {
    process.off('SIGINT', onInterrupt);
  }
};

export function registerScoreCommand(program: Command): void {
  const command = program
    .command('score')
    .description(
      'Score every company, then every deal, with the published strategy and write what changed (diff-only, batches of 100, resumable).',
    )
    .option('--all', 'score every record (the default)')
    .option(
      '--since <iso>',
      'only records modified at or after this date or date-time, and the deals of the companies among them',
    )
    .option('--stale-only', 'only records scored by an older strategy version, or never scored')
    .option('--resume', 'continue the interrupted run of this portal from its checkpoint')
    .option('--batch <n>', `records per page read and written (1–${MAX_BATCH})`, String(MAX_BATCH))
    .option('--concurrency <n>', 'pages in flight at once (1–16)', String(DEFAULT_DEPTH))
    .option('--checkpoint <file>', 'checkpoint file (default .data/checkpoints/<portal hash>.json)')
    .option('--now <iso>', '"now" for date criteria (default: the clock); for reproducible runs')
    .option('--no-progress', 'no progress bar or progress lines')
    .option('--json', 'print the summary as JSON')
    .action(async (options: Record<string, unknown>) => {
      const parsed = ScoreArgsSchema.safeParse(options);
      if (!parsed.success) {
        command.error(
          `strategy-fit score: ${optionErrors(ScoreArgsSchema, options, parsed.error.issues)}`,
          {
            exitCode: EXIT.unusable,
          },
        );
        return;
      }
      process.exitCode = await withBackend({ failureExitCode: EXIT.unusable }, (hs, info) =>
        scoreCommand(hs, info, parsed.data, streamsIo()),
      );
    });
}
