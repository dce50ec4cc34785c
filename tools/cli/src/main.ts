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

/** Which HubSpot the commands talk to (docs/cli.md, "Which HubSpot"; docs/install.md). */
export const BACKEND_HELP = `
Which HubSpot (every command but sandbox and demo):
  HUBSPOT_ACCESS_TOKEN   the access token of the Strategy Fit app installed in your portal,
                         shown on the app's Auth tab in HubSpot (Development > Projects >
                         strategy-fit > the app > Auth); it has exactly the app's scopes.
                         Unset: the embedded sandbox in .data/sandbox.
  HUBSPOT_API_BASE_URL   another API origin, e.g. a sandbox from \`strategy-fit sandbox\`.
`;

export function buildProgram(): Command {
  const program = new Command('strategy-fit')
    .description('Strategy Fit: score HubSpot companies and deals against the sales strategy.')
    .addHelpText('after', BACKEND_HELP)
    .showHelpAfterError();
  for (const register of COMMANDS) register(program);
  return program;
}

/** Runs the CLI with `argv` (as in `process.argv`). */
export async function main(argv: readonly string[] = process.argv): Promise<void> {
  await buildProgram().parseAsync([...argv]);
}
