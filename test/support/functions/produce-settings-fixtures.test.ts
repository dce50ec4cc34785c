import { describe, expect, it } from 'vitest';

import { produceSettingsFixtures, SETTINGS_FIXTURE_NAMES } from './produce-settings-fixtures.ts';

describe('produceSettingsFixtures', () => {
  it('answers every settings page state with what the real functions produced (checked inside)', async () => {
    const fixtures = await produceSettingsFixtures();
    expect(Object.keys(fixtures).sort()).toEqual([...SETTINGS_FIXTURE_NAMES].sort());
    const conflict = fixtures.publish_conflict;
    expect(conflict.ok && conflict.value).toMatchObject({
      outcome: 'conflict',
      basedOnVersion: 1,
      current: { version: 2, publishedByLabel: 'Maya Okafor' },
    });
    const chunks = [fixtures.simulate_chunk_1, fixtures.simulate_chunk_2].map((c) =>
      c.ok ? c.value.progress : null,
    );
    // The open deals first, then the companies.
    expect(chunks).toEqual([
      { companiesDone: 0, totalCompanies: 6 },
      { companiesDone: 6, totalCompanies: 6 },
    ]);
  });
});
