// The companies a run has scored, kept on disk next to its checkpoint, so their deals are scored
// without reading them from HubSpot again and memory stays flat however large the portal (issue
// 14: "reuse the companies just scored"). Two files: `<checkpoint>.companies`, one fixed-width
// line per company (its id, zero-padded, and where its properties start and end in the data
// file), in ascending id order as the walk reads them; and `<checkpoint>.companies.json`, the
// properties scoring read, one JSON line each. A lookup bisects the first file. The checkpoint
// counts the companies committed; a resumed run cuts both files back to that count.
import { closeSync, openSync, readSync } from 'node:fs';
import { appendFile, rm, stat, truncate, writeFile } from 'node:fs/promises';

import type { RawRecord } from '@strategy-fit/hubspot';
import type { CompanyStore } from '@strategy-fit/walk';
import { z } from 'zod';

import { encodeId, ID_DIGITS, readFixedLines } from './id-file.ts';

const OFFSET_DIGITS = 14;
/** id, offset and end in the data file, and "\n". */
const LINE = ID_DIGITS + 2 * OFFSET_DIGITS + 1;

const Properties = z.record(z.string(), z.string().nullable());

export type CompanyDigest = CompanyStore & {
  /** Companies kept (the checkpoint's count). */
  readonly count: () => number;
  /** Keeps a committed block's companies; false (and nothing kept) when they are not in id order. */
  append: (records: readonly RawRecord[]) => Promise<boolean>;
  /** Up to `limit` company ids from position `from` (the deals-of-changed-companies phase). */
  idsAt: (from: number, limit: number) => Promise<string[]>;
};

export const digestPaths = (checkpointPath: string): { index: string; data: string } => ({
  index: `${checkpointPath}.companies`,
  data: `${checkpointPath}.companies.json`,
});

const pad = (n: number): string => String(n).padStart(OFFSET_DIGITS, '0');

type Entry = { id: string; start: number; end: number };

const parseLine = (text: string): Entry => ({
  id: text.slice(0, ID_DIGITS).replace(/^0+(?=\d)/, ''),
  start: Number(text.slice(ID_DIGITS, ID_DIGITS + OFFSET_DIGITS)),
  end: Number(text.slice(ID_DIGITS + OFFSET_DIGITS, ID_DIGITS + 2 * OFFSET_DIGITS)),
});

/**
 * Opens the digest of a run: empty for a new run; for a resumed one, cut back to the `count`
 * companies its checkpoint committed (null when the files hold fewer: lost or damaged).
 */
export async function openCompanyDigest(
  checkpointPath: string,
  resume: { count: number } | null,
): Promise<CompanyDigest | null> {
  const paths = digestPaths(checkpointPath);
  let count = resume?.count ?? 0;
  let dataEnd = 0;
  let lastEncoded: string | null = null;
  if (resume === null) {
    await Promise.all([writeFile(paths.index, ''), writeFile(paths.data, '')]);
  } else {
    try {
      const { size } = await stat(paths.index);
      if (size < count * LINE) return null;
      await truncate(paths.index, count * LINE);
      if (count > 0) {
        const last = await readLines(paths.index, count - 1, 1);
        const entry = last[0];
        if (entry === undefined) return null;
        dataEnd = entry.end;
        lastEncoded = encodeId(entry.id);
        if ((await stat(paths.data)).size < dataEnd) return null;
      }
      await truncate(paths.data, dataEnd);
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw e;
    }
  }
  let inOrder = true;

  const lineAt = (fd: number, index: number, buffer: Buffer): Entry => {
    readSync(fd, buffer, 0, LINE, index * LINE);
    return parseLine(buffer.toString('latin1', 0, LINE));
  };

  const find = (fd: number, wanted: string, buffer: Buffer): Entry | null => {
    let low = 0;
    let high = count - 1;
    while (low <= high) {
      const middle = (low + high) >>> 1;
      const entry = lineAt(fd, middle, buffer);
      const at = encodeId(entry.id);
      if (at === wanted) return entry;
      if (at < wanted) low = middle + 1;
      else high = middle - 1;
    }
    return null;
  };

  return {
    count: () => count,
    append: async (records) => {
      if (!inOrder) return false;
      let index = '';
      let data = '';
      let previous = lastEncoded;
      let offset = dataEnd;
      for (const r of records) {
        const encoded = encodeId(r.id);
        if (previous !== null && encoded <= previous) {
          // Not in id order (no list or search page ever is): keep nothing more, read instead.
          inOrder = false;
          return false;
        }
        const line = `${JSON.stringify(r.properties)}\n`;
        const end = offset + Buffer.byteLength(line);
        index += `${encoded}${pad(offset)}${pad(end)}\n`;
        data += line;
        offset = end;
        previous = encoded;
      }
      await appendFile(paths.data, data);
      await appendFile(paths.index, index);
      count += records.length;
      dataEnd = offset;
      lastEncoded = previous;
      return true;
    },
    recall: async (ids) => {
      const found = new Map<string, RawRecord>();
      if (count === 0 || ids.length === 0) return found;
      const indexFd = openSync(paths.index, 'r');
      const dataFd = openSync(paths.data, 'r');
      try {
        const buffer = Buffer.alloc(LINE);
        for (const id of ids) {
          const entry = find(indexFd, encodeId(id), buffer);
          if (entry === null) continue;
          const bytes = Buffer.alloc(entry.end - entry.start);
          readSync(dataFd, bytes, 0, bytes.length, entry.start);
          const properties = Properties.parse(JSON.parse(bytes.toString('utf8')));
          found.set(id, { id, properties, updatedAt: '' });
        }
        return found;
      } finally {
        closeSync(indexFd);
        closeSync(dataFd);
      }
    },
    idsAt: async (from, limit) =>
      (await readLines(paths.index, from, Math.min(limit, count - from))).map((e) => e.id),
  };
}

const readLines = async (path: string, from: number, limit: number): Promise<Entry[]> =>
  (await readFixedLines(path, LINE, from, limit)).map(parseLine);

/** Removes the digest's files. */
export async function removeCompanyDigest(checkpointPath: string): Promise<void> {
  const paths = digestPaths(checkpointPath);
  await Promise.all([rm(paths.index, { force: true }), rm(paths.data, { force: true })]);
}
