import { describe, expect, it } from 'vitest';

import { requestKind } from '../src/traffic/request-kinds.ts';

describe('requestKind', () => {
  it.each(['/crm/v3/objects', '/crm/objects/2026-09'])('names record requests on %s', (prefix) => {
    expect(requestKind('GET', `${prefix}/deals`)).toBe('list deals');
    expect(requestKind('GET', `${prefix}/companies/1013`)).toBe('read companies');
    expect(requestKind('POST', `${prefix}/line_items/batch/read`)).toBe('batch read line_items');
    expect(requestKind('POST', `${prefix}/companies/batch/update`)).toBe('batch update companies');
    expect(requestKind('POST', `${prefix}/companies/search`)).toBe('search companies');
  });

  it.each(['/crm/v4/associations', '/crm/associations/2026-09'])(
    'names association reads on %s',
    (prefix) => {
      expect(requestKind('POST', `${prefix}/deals/companies/batch/read`)).toBe(
        'associations deals→companies',
      );
    },
  );

  it('names anything else by its method and path, ids left out', () => {
    expect(requestKind('GET', '/crm/v3/owners/9100001')).toBe('GET /crm/v3/owners/{id}');
  });
});
