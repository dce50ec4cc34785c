// The companies a `rescore_stale` run has scored, kept by the warm container between the run's
// chunks, so that its deals phase does not read them from HubSpot again (as the CLI keeps them on
// disk). One run at a time: a run that starts (no cursor, or a newer version) starts with none,
// and a chunk in another container reads what it does not find.
import { createCompanyMemory } from '@strategy-fit/walk';
import type { CompanyMemory } from '@strategy-fit/walk';

export type ScoredCompanies = {
  /** The companies kept by the run scoring with `version`; none when `runStarts`. */
  of: (version: number, runStarts: boolean) => CompanyMemory;
};

export function createScoredCompanies(): ScoredCompanies {
  let current: { version: number; companies: CompanyMemory } | null = null;
  return {
    of(version, runStarts) {
      if (runStarts || current?.version !== version) {
        current = { version, companies: createCompanyMemory() };
      }
      return current.companies;
    },
  };
}
