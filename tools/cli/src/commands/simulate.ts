// `strategy-fit simulate FILE`: the old-tier → new-tier matrix of a proposed strategy; writes nothing.
import { simulationFocusGuard } from '@strategy-fit/core';
import type { PortalDefinitions, Strategy } from '@strategy-fit/core';
import { readPortalDefinitions } from '@strategy-fit/hubspot';
import type { HubSpot } from '@strategy-fit/hubspot';
import type { Command } from 'commander';
import { z } from 'zod';

import { formatError, withBackend } from '../backend/index.ts';
import { describeError, EXIT, progressFor, streamsIo } from '../bulk/command-io.ts';
import type { CommandIo } from '../bulk/command-io.ts';
import { runSimulation } from '../bulk/run-simulation.ts';
import { focusGuardLines } from '../report/focus-guard-lines.ts';
import {
  renderPortalHolds,
  renderSimulationMovers,
  renderSimulationTable,
} from '../report/index.ts';
import { optionErrors } from './option-errors.ts';
import {
  checkStrategyFile,
  EXIT_INVALID_STRATEGY,
  printProblems,
  readStrategyText,
} from './strategy-file.ts';

export const SimulateArgsSchema = z.strictObject({
  file: z.string().min(1),
  json: z.boolean().default(false),
  progress: z.boolean().default(true),
});
export type SimulateArgs = z.output<typeof SimulateArgsSchema>;

/**
 * Checks the proposed strategy file against the portal in one pass (as `strategy validate`): the
 * strategy, or the exit code after writing every problem (EXIT_INVALID_STRATEGY) or why not.
 */
const checkedProposal = async (
  hs: HubSpot,
  args: SimulateArgs,
  io: CommandIo,
): Promise<{ strategy: Strategy; definitions: PortalDefinitions } | number> => {
  const definitions = await readPortalDefinitions(hs);
  if (!definitions.ok) {
    io.stderr.write(`strategy-fit simulate: ${describeError(definitions.error)}\n`);
    return EXIT.unusable;
  }
  const checked = await checkStrategyFile(args.file, definitions.value);
  if (!checked.ok) {
    io.stderr.write(`${formatError(checked.error)}\n`);
    return EXIT.unusable;
  }
  const { strategy, problems } = checked.value;
  if (strategy !== null && problems.length === 0)
    return { strategy, definitions: definitions.value };
  printProblems((t) => io.stderr.write(t), args.file, problems, 'Nothing was simulated.');
  return EXIT_INVALID_STRATEGY;
};

/**
 * Runs `simulate` and returns the exit code; the matrix goes to stdout. A strategy that is not
 * valid (schema, or properties this portal cannot serve) is refused with every problem at its path.
 */
export const simulateCommand = async (
  hs: HubSpot,
  args: SimulateArgs,
  io: CommandIo,
): Promise<number> => {
  const checked = await checkedProposal(hs, args, io);
  if (typeof checked === 'number') return checked;
  const proposed = checked.strategy;
  const sim = await runSimulation(hs, proposed, {
    definitions: checked.definitions,
    nowMs: io.nowMs,
    progress: progressFor(io, args.progress && !args.json),
  });
  if (!sim.ok) {
    io.stderr.write(`strategy-fit simulate: ${describeError(sim.error)}\n`);
    return EXIT.unusable;
  }
  // SCORING §13 over the companies the proposed strategy scores.
  const focusGuard = simulationFocusGuard(proposed, sim.value.matrix);
  if (args.json) {
    const { matrix, movers, publishedVersion, portal } = sim.value;
    io.stdout.write(
      `${JSON.stringify({ matrix, movers, portal, publishedVersion, focusGuard }, null, 2)}\n`,
    );
    return EXIT.ok;
  }
  const against =
    sim.value.publishedVersion === null
      ? 'No strategy is published yet: every company counts as never scored.'
      : `“${proposed.name}” against the published version ${sim.value.publishedVersion}. Nothing was written.`;
  const guard = focusGuardLines(focusGuard, 'would be').join('\n');
  io.stdout.write(
    `${against}\n${guard}\n\n${renderSimulationTable(sim.value.matrix)}\n${renderSimulationMovers(sim.value.movers, sim.value.names)}\n${renderPortalHolds(sim.value.portal)}`,
  );
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
        command.error(
          `strategy-fit simulate: ${optionErrors(SimulateArgsSchema, { ...options, file }, parsed.error.issues)}`,
          {
            exitCode: EXIT.unusable,
          },
        );
        return;
      }
      const io = streamsIo();
      // A file that cannot be read stops before any backend starts.
      const text = await readStrategyText(parsed.data.file);
      if (!text.ok) {
        io.stderr.write(`${formatError(text.error)}\n`);
        process.exitCode = EXIT.unusable;
        return;
      }
      process.exitCode = await withBackend({ failureExitCode: EXIT.unusable }, (hs) =>
        simulateCommand(hs, parsed.data, io),
      );
    });
}
