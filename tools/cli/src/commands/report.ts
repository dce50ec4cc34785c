// `strategy-fit report`: the strategy review (SCORING §9) as a table, JSON, CSV or one HTML file.
import { writeFile } from 'node:fs/promises';
import { ReviewFilters } from '@strategy-fit/core';
import type { HubSpot } from '@strategy-fit/hubspot';
import type { Command } from 'commander';
import { z } from 'zod';

import { withBackend } from '../backend/index.ts';
import { describeError, EXIT, progressFor, streamsIo } from '../bulk/command-io.ts';
import type { CommandIo } from '../bulk/command-io.ts';
import { readReview } from '../bulk/read-review.ts';
import type { ReviewRead } from '../bulk/read-review.ts';
import {
  renderReportCsv,
  renderReportHtml,
  renderReportJson,
  renderReportTable,
} from '../report/index.ts';
import { optionErrors } from './option-errors.ts';
import { checkOutFile } from './out-file.ts';

export const ReportFormat = z.enum(['table', 'json', 'csv', 'html']);
export type ReportFormat = z.output<typeof ReportFormat>;

export const ReportArgsSchema = z.strictObject({
  format: ReportFormat.default('table'),
  out: z.string().min(1).optional(),
  progress: z.boolean().default(true),
  // The review page's filters, checked by the same schema (SCORING §9, §15).
  owner: ReviewFilters.shape.ownerId,
  pipeline: ReviewFilters.shape.pipelineId,
  window: ReviewFilters.shape.windowDays,
});
export type ReportArgs = z.output<typeof ReportArgsSchema>;

/** The review in one format. */
export const renderReview = (read: ReviewRead, format: ReportFormat): string => {
  const options = read.names;
  switch (format) {
    case 'table':
      return renderReportTable(read.review, options);
    case 'json':
      return renderReportJson(read.review);
    case 'csv':
      return renderReportCsv(read.review, options);
    case 'html':
      return renderReportHtml(read.review, options);
    default:
      return format satisfies never;
  }
};

/** The review filters of `report --owner --pipeline --window`. */
const reviewFiltersOf = (args: ReportArgs): z.output<typeof ReviewFilters> => ({
  ...(args.owner === undefined ? {} : { ownerId: args.owner }),
  ...(args.pipeline === undefined ? {} : { pipelineId: args.pipeline }),
  ...(args.window === undefined ? {} : { windowDays: args.window }),
});

/** A table report says first what it is narrowed to (the window is in its evidence section). */
const filtersLine = (args: ReportArgs, read: ReviewRead): string => {
  const only = [
    args.owner === undefined ? null : `owner ${read.names.ownerNames[args.owner] ?? args.owner}`,
    args.pipeline === undefined ? null : `pipeline ${args.pipeline}`,
  ].filter((w) => w !== null);
  return only.length === 0 ? '' : `Only the deals of ${only.join(' in ')}.\n\n`;
};

/** Reads the portal into the review and renders it, to stdout or `--out`; returns the exit code. */
export const reportCommand = async (
  hs: HubSpot,
  args: ReportArgs,
  io: CommandIo,
  /** Already read (the demo renders one read twice). */
  read?: ReviewRead,
): Promise<number> => {
  let review = read;
  if (review === undefined) {
    const result = await readReview(hs, {
      nowMs: io.nowMs,
      progress: progressFor(io, args.progress),
      filters: reviewFiltersOf(args),
    });
    if (!result.ok) {
      io.stderr.write(`strategy-fit report: ${describeError(result.error)}\n`);
      return EXIT.unusable;
    }
    review = result.value;
  }
  const narrowed = args.format === 'table' ? filtersLine(args, review) : '';
  const text = `${narrowed}${renderReview(review, args.format)}`;
  if (args.out === undefined) {
    io.stdout.write(text.endsWith('\n') ? text : `${text}\n`);
    return EXIT.ok;
  }
  try {
    await writeFile(args.out, text);
  } catch (e) {
    io.stderr.write(
      `strategy-fit report: cannot write ${args.out}: ${e instanceof Error ? e.message : String(e)}\n`,
    );
    return EXIT.unusable;
  }
  io.stderr.write(`Wrote the ${args.format} report to ${args.out}\n`);
  return EXIT.ok;
};

export function registerReportCommand(program: Command): void {
  const command = program
    .command('report')
    .description(
      'The strategy review: the focus guard, off-strategy pipeline, tier distribution, strategy evidence, false negatives, dream capacity, stale scores, the focus board, existing customers, competitors, lost reasons, discount bands and criterion evidence.',
    )
    .option('--format <format>', 'table, json, csv or html', 'table')
    .option('--out <file>', 'write the report to a file instead of stdout')
    .option('--owner <id>', 'only the deals and companies of this HubSpot owner id')
    .option('--pipeline <id>', 'only the deals of this pipeline id')
    .option(
      '--window <days>',
      "the evidence window: deals closed in the last DAYS days (30–3650; default the strategy's)",
    )
    .option('--no-progress', 'no progress bar or progress lines')
    .action(async (options: Record<string, unknown>) => {
      const parsed = ReportArgsSchema.safeParse(options);
      if (!parsed.success) {
        command.error(
          `strategy-fit report: ${optionErrors(ReportArgsSchema, options, parsed.error.issues)}`,
          {
            exitCode: EXIT.unusable,
          },
        );
        return;
      }
      const out = parsed.data.out;
      const writable = out === undefined ? null : await checkOutFile(out);
      if (writable !== null && !writable.ok) {
        process.stderr.write(`strategy-fit report: ${describeError(writable.error)}\n`);
        process.exitCode = EXIT.unusable;
        return;
      }
      process.exitCode = await withBackend({ failureExitCode: EXIT.unusable }, (hs) =>
        reportCommand(hs, parsed.data, streamsIo()),
      );
    });
}
