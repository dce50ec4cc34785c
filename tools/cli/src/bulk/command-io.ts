// What a bulk command writes to and learns about its backend; the CLI passes the process's
// streams, the demo and the tests their own.
import type { StrategyFitError } from '@strategy-fit/core';

import { createProgressReporter, silentProgress } from './progress.ts';
import type { ProgressReporter } from './progress.ts';

export type OutStream = NodeJS.WritableStream & { isTTY?: boolean };

export type CommandIo = {
  stdout: OutStream;
  stderr: OutStream;
  /** "Now" for scoring and reports (epoch ms); the CLI passes the clock's. */
  nowMs: number;
};

/** Exit codes of score, simulate and report (docs/cli.md). */
export const EXIT = {
  ok: 0,
  /** Some records failed, or the run stopped early (its checkpoint is kept). */
  failed: 1,
  /** Nothing was done: invalid input, no published strategy, setup missing, HubSpot refused. */
  unusable: 2,
  /** Interrupted with Ctrl-C (the checkpoint is kept). */
  interrupted: 130,
} as const;

/** `code: message` plus where, for stderr. */
export const describeError = (error: StrategyFitError): string => {
  const where = [
    error.path === undefined ? null : `at ${error.path}`,
    error.property === undefined ? null : `property ${error.property}`,
    error.objectType === undefined ? null : error.objectType,
    error.recordId === undefined ? null : `record ${error.recordId}`,
  ].filter((w) => w !== null);
  return `${error.code}: ${error.message}${where.length > 0 ? ` (${where.join(', ')})` : ''}`;
};

/** A progress bar on a terminal, plain lines otherwise, nothing with `--no-progress`. */
export const progressFor = (io: CommandIo, enabled: boolean): ProgressReporter =>
  enabled ? createProgressReporter({ stream: io.stderr }) : silentProgress;

/** The process's own streams and clock. */
export const streamsIo = (): CommandIo => ({
  stdout: process.stdout,
  stderr: process.stderr,
  nowMs: Date.now(),
});

const kebab = (key: PropertyKey): string =>
  String(key).replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);

/** A rejected command line as one line: `--format: Invalid option …; …`. */
export const argumentErrors = (
  issues: readonly { path: readonly PropertyKey[]; message: string }[],
): string =>
  issues
    .map((i) => (i.path.length === 0 ? i.message : `--${kebab(i.path[0] ?? '')}: ${i.message}`))
    .join('; ');
