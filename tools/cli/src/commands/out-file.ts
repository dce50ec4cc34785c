// `--out FILE` is checked before anything is read from a portal (a report or a demo can take
// minutes; a bad path must not waste them): its directory exists, it is not a directory, and the
// file can be written (opened for writing, or created and removed again).
import { open, rm, stat } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';

import { err, ok, strategyFitError } from '@strategy-fit/core';
import type { Result, StrategyFitError } from '@strategy-fit/core';

const reason = (e: unknown): string => (e instanceof Error ? e.message : String(e));

const refuse = (file: string, why: string): Result<never, StrategyFitError> =>
  err(strategyFitError('invalid_input', `--out ${file}: ${why}`, { path: '--out' }));

const kindOf = async (path: string): Promise<'file' | 'directory' | 'other' | null> => {
  try {
    const s = await stat(path);
    return s.isFile() ? 'file' : s.isDirectory() ? 'directory' : 'other';
  } catch {
    return null;
  }
};

/** Whether `--out FILE` can be written, without changing an existing file. */
export async function checkOutFile(file: string): Promise<Result<true, StrategyFitError>> {
  const path = resolve(file);
  const directory = dirname(path);
  if ((await kindOf(directory)) !== 'directory') {
    return refuse(
      file,
      `the directory ${directory} does not exist. Create it first, or write elsewhere.`,
    );
  }
  const kind = await kindOf(path);
  if (kind === 'directory') return refuse(file, 'this is a directory; name a file.');
  try {
    if (kind === null) {
      await (await open(path, 'wx')).close();
      await rm(path);
    } else {
      await (await open(path, 'r+')).close();
    }
  } catch (e) {
    return refuse(file, `it cannot be written (${reason(e)}).`);
  }
  return ok(true);
}
