import { describe, expect, it } from 'vitest';

import {
  DECIDE_FIXTURE_NAMES,
  producePageFixtures,
  RESCORE_FIXTURE_NAMES,
  REVIEW_FIXTURE_NAMES,
} from './produce-page-fixtures.ts';

describe('producePageFixtures', () => {
  it('answers every page state with what the real functions produced (checked inside)', async () => {
    const fixtures = await producePageFixtures();
    expect(Object.keys(fixtures).sort()).toEqual(
      [...REVIEW_FIXTURE_NAMES, ...RESCORE_FIXTURE_NAMES, ...DECIDE_FIXTURE_NAMES].sort(),
    );
    const queue = fixtures.review_manager.ok ? fixtures.review_manager.value.exceptions : null;
    expect(queue?.map((i) => i.requestedBy?.name)).toEqual(['Priya Raman', 'Priya Raman']);
    const failures = fixtures.rescore_with_failures.ok
      ? fixtures.rescore_with_failures.value.failed
      : [];
    expect(failures.every((f) => f.code === 'hubspot_unavailable')).toBe(true);
  }, 60_000);
});
