// Runs the CLI in-process for tests: `main(argv)` with its own environment, capturing stdout,
// stderr and the exit code.
import { startSandbox } from '@strategy-fit/sandbox';
import type { RunningSandbox } from '@strategy-fit/sandbox';

import { main } from '../main.ts';

export type CliRun = { code: number; out: string; err: string };

const BACKEND_VARIABLES = [
  'HUBSPOT_ACCESS_TOKEN',
  'HUBSPOT_API_BASE_URL',
  'STRATEGY_FIT_SANDBOX_DIR',
];

/** Runs `strategy-fit …args` in this process with `env` replacing the backend variables. */
export async function runCli(
  args: readonly string[],
  env: Record<string, string>,
): Promise<CliRun> {
  const saved = Object.fromEntries(BACKEND_VARIABLES.map((name) => [name, process.env[name]]));
  for (const name of BACKEND_VARIABLES) Reflect.deleteProperty(process.env, name);
  Object.assign(process.env, env);
  const out: string[] = [];
  const err: string[] = [];
  const stdoutWrite = process.stdout.write.bind(process.stdout);
  const stderrWrite = process.stderr.write.bind(process.stderr);
  process.stdout.write = ((chunk: string | Uint8Array) => {
    out.push(String(chunk));
    return true;
  }) as typeof process.stdout.write;
  process.stderr.write = ((chunk: string | Uint8Array) => {
    err.push(String(chunk));
    return true;
  }) as typeof process.stderr.write;
  process.exitCode = undefined;
  try {
    await main(['node', 'strategy-fit', ...args]);
    return { code: Number(process.exitCode ?? 0), out: out.join(''), err: err.join('') };
  } finally {
    process.stdout.write = stdoutWrite;
    process.stderr.write = stderrWrite;
    process.exitCode = undefined;
    for (const name of BACKEND_VARIABLES) {
      const value = saved[name];
      if (value === undefined) Reflect.deleteProperty(process.env, name);
      else process.env[name] = value;
    }
  }
}

/** A small in-memory sandbox and the environment that points the CLI at it. */
export async function startCliSandbox(): Promise<{
  sandbox: RunningSandbox;
  env: Record<string, string>;
}> {
  const sandbox = await startSandbox({
    rateLimit: false,
    seed: { seed: 5, companies: 40, deals: 60, asOf: '2026-11-01' },
  });
  return {
    sandbox,
    env: { HUBSPOT_API_BASE_URL: sandbox.baseUrl, HUBSPOT_ACCESS_TOKEN: sandbox.token },
  };
}
