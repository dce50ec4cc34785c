import { describe, expect, it } from 'vitest';

import { closestOptions, normaliseWords } from './closest-options.ts';

const industry = {
  name: 'industry',
  label: 'Industry',
  type: 'enumeration',
  fieldType: 'select',
  options: [
    { label: 'Machinery', value: 'MACHINERY' },
    {
      label: 'Mechanical or Industrial Engineering',
      value: 'MECHANICAL_OR_INDUSTRIAL_ENGINEERING',
    },
    { label: 'Civil Engineering', value: 'CIVIL_ENGINEERING' },
    { label: 'Food & Beverages', value: 'FOOD_BEVERAGES' },
    { label: 'Retail', value: 'RETAIL' },
  ],
};

describe('closestOptions (issue 13)', () => {
  it('normalises case, spaces, & / and, underscores and hyphens', () => {
    expect(normaliseWords('  Food_&-Beverages  ')).toBe('food and beverages');
  });

  it('offers the options sharing the most words, the closest first', () => {
    expect(closestOptions('Mechanical Engineering', industry)).toEqual([
      'MECHANICAL_OR_INDUSTRIAL_ENGINEERING',
      'CIVIL_ENGINEERING',
    ]);
    expect(closestOptions('food and beverages', industry)[0]).toBe('FOOD_BEVERAGES');
  });

  it('offers nothing when no option shares a word', () => {
    expect(closestOptions('Aerospace', industry)).toEqual([]);
  });
});
