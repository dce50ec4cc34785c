// A strategy file as every command reads it (strategy validate, publish, diff, and simulate): its
// text, its problems in one pass (the schema's and, against a portal, its properties'), and the
// one exit code for a strategy that is not valid (docs/cli.md).
import { readFile } from 'node:fs/promises';

import { checkStrategy, problemErrorCode, strategyFitError } from '@strategy-fit/core';
import type {
  ErrorCode,
  PortalDefinitions,
  Result,
  Strategy,
  StrategyCheck,
  StrategyFitError,
  StrategyProblem,
} from '@strategy-fit/core';
import { z } from 'zod';

import { formatError } from '../backend/index.ts';

/** The exit code of validate, publish, rollback, diff and simulate for a strategy that is not valid. */
export const EXIT_INVALID_STRATEGY = 3;

/** Codes that say the strategy itself was refused (schema, size or this portal's properties). */
const REFUSAL_CODES: ReadonlySet<ErrorCode> = new Set([
  'strategy_invalid',
  'strategy_too_large',
  'strategy_property_unknown',
  'strategy_property_unreadable',
]);

/** Whether an error refuses the strategy itself (exit EXIT_INVALID_STRATEGY), not the portal or a file. */
export const refusesStrategy = (error: StrategyFitError): boolean => REFUSAL_CODES.has(error.code);

/** The text of a strategy file, or `file_not_found` / `file_invalid`. */
export async function readStrategyText(file: string): Promise<Result<string, StrategyFitError>> {
  try {
    return { ok: true, value: await readFile(file, 'utf8') };
  } catch (e) {
    const code = z.looseObject({ code: z.string() }).safeParse(e);
    const missing = code.success && code.data.code === 'ENOENT';
    return {
      ok: false,
      error: missing
        ? strategyFitError('file_not_found', `There is no file ${file}.`)
        : strategyFitError(
            'file_invalid',
            `${file} cannot be read: ${e instanceof Error ? e.message : String(e)}`,
          ),
    };
  }
}

/** A problem as a product error, with its JSON path and property. */
export const problemError = (p: StrategyProblem): StrategyFitError =>
  strategyFitError(problemErrorCode(p), p.message, {
    ...(p.path === '' ? {} : { path: p.path }),
    ...(p.property === undefined ? {} : { property: p.property }),
  });

/**
 * A strategy file checked in one pass: the schema's problems and, given the portal's property
 * definitions, those of every criterion that can be read; or why the file could not be read.
 */
export async function checkStrategyFile(
  file: string,
  definitions: PortalDefinitions | null,
): Promise<Result<StrategyCheck, StrategyFitError>> {
  const text = await readStrategyText(file);
  return text.ok ? { ok: true, value: checkStrategy(text.value, definitions) } : text;
}

/** A strategy file, parsed (schema only): the strategy, or every problem with its JSON path. */
export async function readStrategyFile(
  file: string,
): Promise<Result<Strategy, StrategyFitError[]>> {
  const checked = await checkStrategyFile(file, null);
  if (!checked.ok) return { ok: false, error: [checked.error] };
  const { strategy, problems } = checked.value;
  return strategy === null
    ? { ok: false, error: problems.map(problemError) }
    : { ok: true, value: strategy };
}

/** Writes every problem, one `error [code] path (property): message` line each, then a summary. */
export const printProblems = (
  write: (text: string) => void,
  file: string,
  problems: readonly StrategyProblem[],
  outcome: string,
): void => {
  for (const p of problems) write(`${formatError(problemError(p))}\n`);
  write(
    `${file}: ${problems.length} ${problems.length === 1 ? 'problem' : 'problems'}. ${outcome}\n`,
  );
};
