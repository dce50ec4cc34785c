// `strategy-fit simulate FILE`: the old-tier → new-tier matrix of a proposed strategy; writes nothing.
import { readFile } from 'node:fs/promises';
import { parseStrategy } from '@strategy-fit/core';
import type { Strategy } from '@strategy-fit/core';
import { checkStrategyOnPortal } from '@strategy-fit/hubspot';
import type { HubSpot } from '@strategy-fit/hubspot';
import type { Command } from 'commander';
import { z } from 'zod';

import { withBackend } from '../backend/index.ts';
import { argumentErrors, describeError, EXIT, progressFor, streamsIo } from '../bulk/command-io.ts';
import type { CommandIo } from '../bulk/command-io.ts';
import { runSimulation } from '../bulk/run-simulation.ts';
import { renderSimulationTable } from '../report/index.ts';

export const SimulateArgsSchema = z.strictObject({
  file: z.string().min(1),
  json: z.boolean().default(false),
  progress: z.boolean().default(true),
});
export type SimulateArgs = z.output<typeof SimulateArgsSchema>;

/** Reads and validates a strategy file; every issue is written with its JSON path. */
export const readStrategyFile = async (
  file: string,
  io: CommandIo,
  command: string,
): Promise<Strategy | null> => {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (e) {
    io.stderr.write(
      `strategy-fit ${command}: file_not_found: cannot read ${file} (${(e as NodeJS.ErrnoException).code ?? String(e)})\n`,
    );
    return null;
  }
  const parsed = parseStrategy(text);
  if (parsed.ok) return parsed.value;
  io.stderr.write(
    `strategy-fit ${command}: strategy_invalid: ${file} has ${parsed.error.length} problem${parsed.error.length === 1 ? '' : 's'}:\n`,
  );
  for (const issue of parsed.error) {
    io.stderr.write(`  ${issue.path === '' ? '(document)' : issue.path}: ${issue.message}\n`);
  }
  return null;
};

/**
 * Runs `simulate` for an already validated strategy and returns the exit code; the matrix goes
 * to stdout. A strategy naming properties this portal lacks is refused, each issue with its path.
 */
export const simulateCommand = async (
  hs: HubSpot,
  proposed: Strategy,
  args: SimulateArgs,
  io: CommandIo,
): Promise<number> => {
  const issues = await checkStrategyOnPortal(hs, proposed);
  if (!issues.ok) {
    io.stderr.write(`strategy-fit simulate: ${describeError(issues.error)}\n`);
    return EXIT.unusable;
  }
  if (issues.value.length > 0) {
    io.stderr.write(
      `strategy-fit simulate: ${args.file} names properties this portal cannot serve:\n`,
    );
    for (const issue of issues.value) io.stderr.write(`  ${issue.path}: ${issue.message}\n`);
    return EXIT.unusable;
  }
  const sim = await runSimulation(hs, proposed, {
    nowMs: io.nowMs,
    progress: progressFor(io, args.progress && !args.json),
  });
  if (!sim.ok) {
    io.stderr.write(`strategy-fit simulate: ${describeError(sim.error)}\n`);
    return EXIT.unusable;
  }
  if (args.json) {
    io.stdout.write(`${JSON.stringify(sim.value, null, 2)}\n`);
    return EXIT.ok;
  }
  const against =
    sim.value.publishedVersion === null
      ? 'No strategy is published yet: every company counts as never scored.'
      : `“${proposed.name}” against the published version ${sim.value.publishedVersion}. Nothing was written.`;
  io.stdout.write(`${against}\n\n${renderSimulationTable(sim.value.matrix)}`);
  return EXIT.ok;
};

export function registerSimulateCommand(program: Command): void {
  const command = program
    .command('simulate')
    .description(
      'Score the portfolio with a proposed strategy against the published one and show how companies and open pipeline move between tiers. Writes nothing.',
    )
    .argument('<file>', 'the proposed strategy (JSON)')
    .option('--json', 'print the matrix as JSON')
    .option('--no-progress', 'no progress bar or progress lines')
    .action(async (file: string, options: Record<string, unknown>) => {
      const parsed = SimulateArgsSchema.safeParse({ ...options, file });
      if (!parsed.success) {
        command.error(`strategy-fit simulate: ${argumentErrors(parsed.error.issues)}`, {
          exitCode: EXIT.unusable,
        });
        return;
      }
      const io = streamsIo();
      // The file is checked before any backend starts.
      const proposed = await readStrategyFile(parsed.data.file, io, 'simulate');
      if (proposed === null) {
        process.exitCode = EXIT.unusable;
        return;
      }
      process.exitCode = await withBackend({ failureExitCode: EXIT.unusable }, (hs) =>
        simulateCommand(hs, proposed, parsed.data, io),
      );
    });
}
