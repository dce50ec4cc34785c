// The `strategy-fit` program: a small registry of commands, each in src/commands/.
import { Command } from 'commander';
import { registerDemoCommand } from './commands/demo.ts';
import { registerReportCommand } from './commands/report.ts';
import { registerSandboxCommand } from './commands/sandbox.ts';
import { registerSetupCommand } from './commands/setup.ts';
import { registerScoreCommand } from './commands/score.ts';
import { registerSimulateCommand } from './commands/simulate.ts';
import { registerStrategyCommand } from './commands/strategy.ts';

/** Every command of the CLI; a command module adds itself to the program. */
const COMMANDS: readonly ((program: Command) => void)[] = [
  registerSandboxCommand,
  registerSetupCommand,
  registerStrategyCommand,
  registerScoreCommand,
  registerSimulateCommand,
  registerReportCommand,
  registerDemoCommand,
];

export function buildProgram(): Command {
  const program = new Command('strategy-fit')
    .description('Strategy Fit: score HubSpot companies and deals against the sales strategy.')
    .showHelpAfterError();
  for (const register of COMMANDS) register(program);
  return program;
}

/** Runs the CLI with `argv` (as in `process.argv`). */
export async function main(argv: readonly string[] = process.argv): Promise<void> {
  await buildProgram().parseAsync([...argv]);
}
