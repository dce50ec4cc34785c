import { z } from 'zod';

import type { Completeness, StaleScores, VersionCounts } from './schema.ts';

const Count = z.number().int().min(0);
const VersionTally = z.strictObject({
  total: Count,
  current: Count,
  older: Count,
  missingVersion: Count,
  newer: Count,
});
type VersionTally = z.output<typeof VersionTally>;

/** Records by their strategy_fit_version against the published one, of the records read so far. */
export const StalePart = z.strictObject({ companies: VersionTally, deals: VersionTally });
export type StalePart = z.output<typeof StalePart>;

const createVersionTally = (): VersionTally => ({
  total: 0,
  current: 0,
  older: 0,
  missingVersion: 0,
  newer: 0,
});

export const createStalePart = (): StalePart => ({
  companies: createVersionTally(),
  deals: createVersionTally(),
});

/** SCORING §9: records whose strategy_fit_version is below the published one, or missing. */
export const tallyVersion = (t: VersionTally, version: number | null, published: number): void => {
  t.total += 1;
  if (version === null) t.missingVersion += 1;
  else if (version < published) t.older += 1;
  else if (version > published) t.newer += 1;
  else t.current += 1;
};

const addVersionTallies = (a: VersionTally, b: VersionTally): VersionTally => ({
  total: a.total + b.total,
  current: a.current + b.current,
  older: a.older + b.older,
  missingVersion: a.missingVersion + b.missingVersion,
  newer: a.newer + b.newer,
});

export const mergeStale = (a: StalePart, b: StalePart): StalePart => ({
  companies: addVersionTallies(a.companies, b.companies),
  deals: addVersionTallies(a.deals, b.deals),
});

const countsOf = (t: VersionTally): VersionCounts => ({
  total: t.total,
  stale: t.older + t.missingVersion,
  current: t.current,
  older: t.older,
  missingVersion: t.missingVersion,
  newer: t.newer,
});

export const finishStale = (
  part: StalePart,
  publishedVersion: number,
  completeness: Completeness,
): StaleScores => ({
  completeness,
  publishedVersion,
  companies: countsOf(part.companies),
  deals: countsOf(part.deals),
});
