// How the CLI's own commands print: results on stdout, everything else on stderr, errors as
// `error [code] where: message`.
import type { StrategyFitError } from '@strategy-fit/core';

/** Where a command writes; the CLI passes the process's streams, tests their own. */
export type CliIo = {
  out: (text: string) => void;
  err: (text: string) => void;
};

export const processIo = (): CliIo => ({
  out: (text) => {
    process.stdout.write(text);
  },
  err: (text) => {
    process.stderr.write(text);
  },
});

/** Where an error is: its JSON path and/or property, or the record it concerns. */
const whereOf = (error: StrategyFitError): string | null => {
  if (error.path !== undefined && error.property !== undefined)
    return `${error.path} (${error.property})`;
  if (error.path !== undefined) return error.path;
  if (error.property !== undefined) {
    return error.objectType === undefined
      ? error.property
      : `${error.objectType}.${error.property}`;
  }
  if (error.recordId !== undefined) {
    return error.objectType === undefined
      ? error.recordId
      : `${error.objectType}/${error.recordId}`;
  }
  return null;
};

/** `error [code] path/property: message` (one line). */
export const formatError = (error: StrategyFitError): string => {
  const where = whereOf(error);
  return `error [${error.code}] ${where === null ? '' : `${where}: `}${error.message}`;
};

/** Prints errors on stderr, one per line. */
export const printErrors = (io: CliIo, errors: readonly StrategyFitError[]): void => {
  for (const e of errors) io.err(`${formatError(e)}\n`);
};

/** JSON for `--json` output: two-space indented, newline-terminated. */
export const toJson = (value: unknown): string => `${JSON.stringify(value, null, 2)}\n`;

const pad = (text: string, width: number): string =>
  text + ' '.repeat(Math.max(0, width - text.length));

/** A plain table: a header, then one row per line, columns padded to their widest cell. */
export const renderTable = (
  header: readonly string[],
  rows: readonly (readonly string[])[],
): string => {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: readonly string[]): string =>
    `${cells.map((c, i) => (i === cells.length - 1 ? c : pad(c, widths[i] ?? 0))).join('  ')}\n`;
  return line(header) + rows.map(line).join('');
};
