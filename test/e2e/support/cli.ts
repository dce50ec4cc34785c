// Runs the `strategy-fit` CLI as a user does: its bin (the file `npx strategy-fit` starts) in a
// child process with HUBSPOT_ACCESS_TOKEN / HUBSPOT_API_BASE_URL pointing at a sandbox.
import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { resolve } from 'node:path';

import type { Portal } from './portal.ts';
import { REPO_ROOT } from './repo-root.ts';

export { REPO_ROOT };
export const BIN = resolve(REPO_ROOT, 'tools/cli/bin/strategy-fit.js');

export type CliRun = { code: number | null; stdout: string; stderr: string };

export const portalEnv = (portal: Portal): NodeJS.ProcessEnv => ({
  ...process.env,
  HUBSPOT_ACCESS_TOKEN: portal.token,
  HUBSPOT_API_BASE_URL: portal.baseUrl,
  NO_COLOR: '1',
});

/** Starts the CLI (`npx: true` goes through npx, as the README says) in its own process group. */
export const startCli = (
  args: readonly string[],
  portal: Portal,
  options: { npx?: boolean } = {},
): ChildProcess =>
  spawn(
    options.npx === true ? 'npx' : process.execPath,
    options.npx === true ? ['strategy-fit', ...args] : [BIN, ...args],
    {
      cwd: REPO_ROOT,
      env: portalEnv(portal),
      detached: true,
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );

/** Runs the CLI to its end and collects its output. */
export const runCli = async (
  args: readonly string[],
  portal: Portal,
  options: { npx?: boolean; timeoutMs?: number } = {},
): Promise<CliRun> => {
  const child = startCli(args, portal, options);
  const timer = setTimeout(() => {
    if (child.pid !== undefined) process.kill(-child.pid, 'SIGKILL');
  }, options.timeoutMs ?? 40_000);
  const run = await collectCli(child);
  clearTimeout(timer);
  return run;
};

/** Collects a started CLI's output until it ends (its streams closed). */
export const collectCli = async (child: ChildProcess): Promise<CliRun> => {
  let stdout = '';
  let stderr = '';
  child.stdout?.on('data', (chunk: Buffer) => {
    stdout += chunk.toString();
  });
  child.stderr?.on('data', (chunk: Buffer) => {
    stderr += chunk.toString();
  });
  const code = await new Promise<number | null>((done) => child.once('close', done));
  return { code, stdout, stderr };
};
