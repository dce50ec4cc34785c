import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

import { digestPaths, openCompanyDigest, removeCompanyDigest } from './company-digest.ts';

const dir = mkdtempSync(join(tmpdir(), 'strategy-fit-digest-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const company = (id: number, industry: string | null) => ({
  id: String(id),
  properties: { industry, name: `Company ${id} “quoted”` },
  updatedAt: '2026-11-01T00:00:00.000Z',
});

describe('the companies a run keeps on disk', () => {
  it('finds kept companies by id (bisection), answers ids by position, and nothing else', async () => {
    const path = join(dir, 'a.json');
    const digest = await openCompanyDigest(path, null);
    if (digest === null) throw new Error('not opened');
    expect(await digest.append([company(7, 'RETAIL'), company(12, null)])).toBe(true);
    expect(await digest.append([company(100, 'BANKING'), company(1_000_000_000_001, 'X')])).toBe(
      true,
    );
    expect(digest.count()).toBe(4);
    const found = await digest.recall(['12', '5', '1000000000001', '100']);
    expect([...found.keys()]).toEqual(['12', '1000000000001', '100']);
    expect(found.get('12')?.properties).toEqual({ industry: null, name: 'Company 12 “quoted”' });
    expect(await digest.idsAt(1, 2)).toEqual(['12', '100']);
    expect(await digest.idsAt(3, 10)).toEqual(['1000000000001']);
  });

  it('keeps nothing more once a block is out of id order (then deals read their companies)', async () => {
    const digest = await openCompanyDigest(join(dir, 'b.json'), null);
    if (digest === null) throw new Error('not opened');
    expect(await digest.append([company(5, 'A')])).toBe(true);
    expect(await digest.append([company(4, 'B')])).toBe(false);
    expect(await digest.append([company(6, 'C')])).toBe(false);
    expect(digest.count()).toBe(1);
    expect([...(await digest.recall(['4', '5', '6'])).keys()]).toEqual(['5']);
  });

  it('a resumed run cuts the files back to the count its checkpoint committed; fewer is refused', async () => {
    const path = join(dir, 'c.json');
    const first = await openCompanyDigest(path, null);
    await first?.append([company(1, 'A'), company(2, 'B')]);
    await first?.append([company(3, 'C')]);
    const resumed = await openCompanyDigest(path, { count: 2 });
    if (resumed === null) throw new Error('not resumed');
    expect([...(await resumed.recall(['1', '2', '3'])).keys()]).toEqual(['1', '2']);
    expect(await resumed.append([company(3, 'C2')])).toBe(true);
    expect((await resumed.recall(['3'])).get('3')?.properties['industry']).toBe('C2');
    expect(await openCompanyDigest(path, { count: 9 })).toBeNull();
    writeFileSync(digestPaths(path).data, '');
    expect(await openCompanyDigest(path, { count: 3 })).toBeNull();
    await removeCompanyDigest(path);
    expect(existsSync(digestPaths(path).index)).toBe(false);
    expect(await openCompanyDigest(path, { count: 1 })).toBeNull();
  });
});
