// Reads back a zip as HubSpot receives it: entry names, sizes and contents, from the central
// directory (APPNOTE.TXT §4.3.12, §4.3.16). Enough for the archives the HubSpot CLI's archiver
// writes (stored or deflated, no zip64, no encryption); anything else throws.
import { inflateRawSync } from 'node:zlib';

export type ZipEntry = {
  /** The entry's path inside the zip (posix, relative to the project's srcDir). */
  name: string;
  /** Uncompressed bytes. */
  bytes: number;
  /** Bytes the entry takes compressed. */
  compressedBytes: number;
  /** The entry's content. */
  read: () => Buffer;
};

const END_OF_CENTRAL_DIRECTORY = 0x06054b50;
const CENTRAL_FILE_HEADER = 0x02014b50;
const LOCAL_FILE_HEADER = 0x04034b50;

/** The entries of a zip (directory entries left out), in the order the archive holds them. */
export function readZip(zip: Buffer): ZipEntry[] {
  let end = zip.length - 22;
  while (end >= 0 && zip.readUInt32LE(end) !== END_OF_CENTRAL_DIRECTORY) end -= 1;
  if (end < 0) throw new Error('not a zip: no end of central directory');
  const count = zip.readUInt16LE(end + 10);
  let at = zip.readUInt32LE(end + 16);
  if (count === 0xffff || at === 0xffffffff) throw new Error('zip64 archives are not supported');
  const entries: ZipEntry[] = [];
  for (let i = 0; i < count; i += 1) {
    if (zip.readUInt32LE(at) !== CENTRAL_FILE_HEADER) throw new Error(`bad central header ${i}`);
    const flags = zip.readUInt16LE(at + 8);
    const method = zip.readUInt16LE(at + 10);
    const compressedBytes = zip.readUInt32LE(at + 20);
    const bytes = zip.readUInt32LE(at + 24);
    const nameLength = zip.readUInt16LE(at + 28);
    const extraLength = zip.readUInt16LE(at + 30);
    const commentLength = zip.readUInt16LE(at + 32);
    const localAt = zip.readUInt32LE(at + 42);
    const name = zip.toString('utf8', at + 46, at + 46 + nameLength);
    at += 46 + nameLength + extraLength + commentLength;
    if ((flags & 1) !== 0) throw new Error(`${name}: encrypted entries are not supported`);
    if (name.endsWith('/')) continue;
    const read = (): Buffer => {
      if (zip.readUInt32LE(localAt) !== LOCAL_FILE_HEADER) throw new Error(`${name}: bad header`);
      const start = localAt + 30 + zip.readUInt16LE(localAt + 26) + zip.readUInt16LE(localAt + 28);
      const data = zip.subarray(start, start + compressedBytes);
      if (method === 0) return Buffer.from(data);
      if (method === 8) return inflateRawSync(data);
      throw new Error(`${name}: compression method ${method} is not supported`);
    };
    entries.push({ name, bytes, compressedBytes, read });
  }
  return entries;
}
