import { describe, expect, it } from 'vitest';

import {
  producePageFixtures,
  RESCORE_FIXTURE_NAMES,
  REVIEW_FIXTURE_NAMES,
} from './produce-page-fixtures.ts';

describe('producePageFixtures', () => {
  it('answers every page state with what the real functions produced (checked inside)', async () => {
    const fixtures = await producePageFixtures();
    expect(Object.keys(fixtures).sort()).toEqual(
      [...REVIEW_FIXTURE_NAMES, ...RESCORE_FIXTURE_NAMES].sort(),
    );
    const queue = fixtures.review_queued.ok ? fixtures.review_queued.value.exceptions : null;
    expect(queue?.map((i) => [i.requestedBy?.name, i.requestSeq])).toEqual([
      ['Priya Raman', 1],
      ['Priya Raman', 1],
    ]);
    const failures = fixtures.rescore_with_failures.ok
      ? fixtures.rescore_with_failures.value.failed
      : [];
    expect(failures.every((f) => f.code === 'hubspot_unavailable')).toBe(true);
  }, 60_000);
});
