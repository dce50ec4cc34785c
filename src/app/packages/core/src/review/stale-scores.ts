import type { Completeness, StaleScores, VersionCounts } from './schema.ts';

type VersionTally = Omit<VersionCounts, 'stale'>;

const createVersionTally = (): VersionTally => ({
  total: 0,
  current: 0,
  older: 0,
  missingVersion: 0,
  newer: 0,
});

const tallyVersion = (t: VersionTally, version: number | null, published: number): void => {
  t.total += 1;
  if (version === null) t.missingVersion += 1;
  else if (version < published) t.older += 1;
  else if (version > published) t.newer += 1;
  else t.current += 1;
};

const countsOf = (t: VersionTally): VersionCounts => ({
  total: t.total,
  stale: t.older + t.missingVersion,
  current: t.current,
  older: t.older,
  missingVersion: t.missingVersion,
  newer: t.newer,
});

export type StaleScoresAccumulator = {
  addCompany: (company: { version: number | null }) => void;
  addDeal: (deal: { version: number | null }) => void;
  finish: (completeness: Completeness) => StaleScores;
};

/** SCORING §9: records whose strategy_fit_version is below the published one, or missing. */
export const createStaleScores = (publishedVersion: number): StaleScoresAccumulator => {
  const companies = createVersionTally();
  const deals = createVersionTally();
  return {
    addCompany: (c) => tallyVersion(companies, c.version, publishedVersion),
    addDeal: (d) => tallyVersion(deals, d.version, publishedVersion),
    finish: (completeness) => ({
      completeness,
      publishedVersion,
      companies: countsOf(companies),
      deals: countsOf(deals),
    }),
  };
};
