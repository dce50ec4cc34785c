// Record ids streamed to a file next to the checkpoint, one fixed-width line each (20 digits,
// zero-padded, and "\n"). The checkpoint keeps only how many ids are committed: a resumed run cuts
// the file back to that count, a cursor over it is an index, and a file written in id order is
// searched in place by bisection. Memory stays constant however many ids a run records.
import { closeSync, openSync, readSync } from 'node:fs';
import { appendFile, open, rm, stat, truncate, writeFile } from 'node:fs/promises';

/** HubSpot record ids are numeric (int64: at most 19 digits). */
export const ID_DIGITS = 20;
const LINE = ID_DIGITS + 1;
/** Bytes read at a time when a file out of id order is scanned. */
const SCAN_CHUNK_LINES = 4096;

/** The zero-padded form: comparing two of them as strings compares the ids as numbers. */
export const encodeId = (id: string): string => {
  if (!/^\d{1,20}$/.test(id)) throw new Error(`HubSpot record id "${id}" is not numeric`);
  return id.padStart(ID_DIGITS, '0');
};

const decodeId = (line: string): string => line.replace(/^0+(?=\d)/, '');

/** Creates the file empty (or empties it). */
export const createIdFile = async (path: string): Promise<void> => {
  await writeFile(path, '');
};

/** Cuts the file back to its first `count` ids; false when it holds fewer (lost or damaged). */
export const cutIdFile = async (path: string, count: number): Promise<boolean> => {
  try {
    const { size } = await stat(path);
    if (size < count * LINE) return false;
    if (size > count * LINE) await truncate(path, count * LINE);
    return true;
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return false;
    throw e;
  }
};

export const appendIds = async (path: string, ids: readonly string[]): Promise<void> => {
  if (ids.length > 0) await appendFile(path, `${ids.map(encodeId).join('\n')}\n`);
};

/**
 * Up to `limit` lines of `length` characters (newline included) from line `from` of a file of
 * fixed-width lines (fewer at its end).
 */
export const readFixedLines = async (
  path: string,
  length: number,
  from: number,
  limit: number,
): Promise<string[]> => {
  if (limit <= 0) return [];
  const file = await open(path, 'r');
  try {
    const buffer = Buffer.alloc(limit * length);
    const { bytesRead } = await file.read(buffer, 0, buffer.length, from * length);
    const lines: string[] = [];
    for (let at = 0; at + length <= bytesRead; at += length) {
      lines.push(buffer.toString('latin1', at, at + length));
    }
    return lines;
  } finally {
    await file.close();
  }
};

/** Up to `limit` ids from index `from` (fewer at the end of the file). */
export const readIds = async (path: string, from: number, limit: number): Promise<string[]> =>
  (await readFixedLines(path, LINE, from, limit)).map((line) => decodeId(line.slice(0, ID_DIGITS)));

/** The id at `index - 1` (the last of the first `index`), null when `index` is 0. */
export const idBefore = async (path: string, index: number): Promise<string | null> =>
  index === 0 ? null : ((await readIds(path, index - 1, 1))[0] ?? null);

/** True when `ids`, appended after `last`, keep the file in strictly ascending id order. */
export const ascendingAfter = (last: string | null, ids: readonly string[]): boolean => {
  let previous = last === null ? null : encodeId(last);
  for (const id of ids) {
    const current = encodeId(id);
    if (previous !== null && current <= previous) return false;
    previous = current;
  }
  return true;
};

const lineAt = (fd: number, index: number, buffer: Buffer): string => {
  readSync(fd, buffer, 0, ID_DIGITS, index * LINE);
  return buffer.toString('latin1', 0, ID_DIGITS);
};

const bisect = (fd: number, count: number, wanted: string, buffer: Buffer): boolean => {
  let low = 0;
  let high = count - 1;
  while (low <= high) {
    const middle = (low + high) >>> 1;
    const at = lineAt(fd, middle, buffer);
    if (at === wanted) return true;
    if (at < wanted) low = middle + 1;
    else high = middle - 1;
  }
  return false;
};

/** `wanted`: encoded id → the id as given. */
const scan = (fd: number, count: number, wanted: Map<string, string>, found: Set<string>): void => {
  const buffer = Buffer.alloc(SCAN_CHUNK_LINES * LINE);
  for (let index = 0; index < count && found.size < wanted.size; index += SCAN_CHUNK_LINES) {
    const lines = Math.min(SCAN_CHUNK_LINES, count - index);
    readSync(fd, buffer, 0, lines * LINE, index * LINE);
    for (let i = 0; i < lines; i += 1) {
      const id = wanted.get(buffer.toString('latin1', i * LINE, i * LINE + ID_DIGITS));
      if (id !== undefined) found.add(id);
    }
  }
};

/**
 * Which of `ids` are among the first `count` ids of the file: by bisection when the file is in
 * id order (about 20 reads of 20 bytes per id for a million ids), else by one scan of the file.
 */
export const findIds = (
  path: string,
  count: number,
  sorted: boolean,
  ids: readonly string[],
): Set<string> => {
  const found = new Set<string>();
  if (count === 0 || ids.length === 0) return found;
  const fd = openSync(path, 'r');
  try {
    if (sorted) {
      const buffer = Buffer.alloc(ID_DIGITS);
      for (const id of ids) if (bisect(fd, count, encodeId(id), buffer)) found.add(id);
    } else {
      scan(fd, count, new Map(ids.map((id) => [encodeId(id), id])), found);
    }
    return found;
  } finally {
    closeSync(fd);
  }
};

export const removeIdFile = async (path: string): Promise<void> => {
  await rm(path, { force: true });
};
