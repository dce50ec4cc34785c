import { describe, expect, it } from 'vitest';

import { createCompanyMemory } from './company-memory.ts';

const company = (id: string, industry = 'RETAIL') => ({
  id,
  properties: { industry },
  updatedAt: '2026-11-01T00:00:00Z',
});

describe('createCompanyMemory', () => {
  it('recalls the companies kept among the ids asked, by id', async () => {
    const memory = createCompanyMemory(10);
    memory.keep([company('1'), company('2')]);
    const found = await memory.recall(['2', '3', '1']);
    expect([...found.keys()].sort()).toEqual(['1', '2']);
    expect(found.get('2')).toEqual(company('2'));
  });

  it('keeps at most its limit: the earliest kept go first; a company kept again is the latest', async () => {
    const memory = createCompanyMemory(3);
    memory.keep([company('1'), company('2'), company('3')]);
    memory.keep([company('1', 'BANKING')]);
    memory.keep([company('4')]);
    expect(memory.size()).toBe(3);
    const found = await memory.recall(['1', '2', '3', '4']);
    expect([...found.keys()].sort()).toEqual(['1', '3', '4']);
    expect(found.get('1')?.properties['industry']).toBe('BANKING');
  });
});
