import { appendFileSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

import {
  appendIds,
  ascendingAfter,
  createIdFile,
  cutIdFile,
  encodeId,
  findIds,
  idBefore,
  readIds,
  removeIdFile,
} from './id-file.ts';

const dir = mkdtempSync(join(tmpdir(), 'strategy-fit-ids-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('id files', () => {
  it('stores ids as fixed-width lines and reads them back by index', async () => {
    const path = join(dir, 'a.ids');
    await createIdFile(path);
    await appendIds(path, ['7', '1001', '9223372036854775807']);
    await appendIds(path, []);
    await appendIds(path, ['1002']);
    expect(readFileSync(path, 'latin1').split('\n')[0]).toBe('00000000000000000007');
    expect(statSync(path).size).toBe(4 * 21);
    expect(await readIds(path, 0, 2)).toEqual(['7', '1001']);
    expect(await readIds(path, 2, 100)).toEqual(['9223372036854775807', '1002']);
    expect(await readIds(path, 4, 100)).toEqual([]);
    expect(await idBefore(path, 2)).toBe('1001');
    expect(await idBefore(path, 0)).toBeNull();
  });

  it('cuts a file back to the committed count, and says when it holds fewer', async () => {
    const path = join(dir, 'b.ids');
    await createIdFile(path);
    await appendIds(path, ['1', '2', '3']);
    appendFileSync(path, '000000000000'); // a write torn by a kill
    expect(await cutIdFile(path, 2)).toBe(true);
    expect(await readIds(path, 0, 10)).toEqual(['1', '2']);
    expect(await cutIdFile(path, 3)).toBe(false);
    await removeIdFile(path);
    expect(await cutIdFile(path, 0)).toBe(false);
  });

  it('finds ids by bisection in a file in id order, and by a scan in one that is not', async () => {
    const sorted = join(dir, 'sorted.ids');
    const ids = Array.from({ length: 5000 }, (_, i) => String(1000 + i * 3));
    await createIdFile(sorted);
    await appendIds(sorted, ids);
    const wanted = ['1000', '1003', '1004', '15997', '15998', '999', '99999999'];
    expect(findIds(sorted, ids.length, true, wanted)).toEqual(new Set(['1000', '1003', '15997']));
    // Only the committed count is searched.
    expect(findIds(sorted, 2, true, wanted)).toEqual(new Set(['1000', '1003']));

    const unsorted = join(dir, 'unsorted.ids');
    await createIdFile(unsorted);
    await appendIds(unsorted, [...ids].reverse());
    expect(findIds(unsorted, ids.length, false, wanted)).toEqual(
      new Set(['1000', '1003', '15997']),
    );
    expect(findIds(unsorted, 0, false, wanted)).toEqual(new Set());
  });

  it('tells whether appended ids keep the file in ascending numeric order', () => {
    expect(ascendingAfter(null, ['9', '10', '100'])).toBe(true);
    expect(ascendingAfter('100', ['99'])).toBe(false);
    expect(ascendingAfter('100', ['100'])).toBe(false);
    expect(ascendingAfter('100', [])).toBe(true);
    expect(encodeId('42')).toBe('00000000000000000042');
    expect(() => encodeId('a1')).toThrow(/not numeric/);
  });
});
