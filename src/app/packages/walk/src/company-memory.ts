// The companies a run has scored, kept in memory for their deals (an app function's warm
// container, between the chunks of one rescore): the CLI keeps them on disk instead
// (tools/cli/src/bulk/company-digest.ts). Bounded: past `limit` the earliest kept go first, and a
// deal whose company is no longer kept reads it again.
import type { RawRecord } from '@strategy-fit/hubspot';

import type { CompanyStore } from './deal-context.ts';

export type CompanyMemory = CompanyStore & {
  /** Keeps a committed block's companies (the properties scoring read). */
  keep: (records: readonly RawRecord[]) => void;
  /** How many are kept. */
  readonly size: () => number;
};

/** About 5 MB of companies: well inside a function's memory (HUBSPOT.md §2.3 assumes 128 MB). */
export const COMPANY_MEMORY_LIMIT = 10_000;

export function createCompanyMemory(limit: number = COMPANY_MEMORY_LIMIT): CompanyMemory {
  const kept = new Map<string, RawRecord>();
  return {
    keep(records) {
      for (const record of records) {
        kept.delete(record.id);
        kept.set(record.id, record);
      }
      for (const id of kept.keys()) {
        if (kept.size <= limit) break;
        kept.delete(id);
      }
    },
    recall: async (ids) =>
      new Map(
        ids.flatMap((id) => {
          const record = kept.get(id);
          return record === undefined ? [] : [[id, record] as const];
        }),
      ),
    size: () => kept.size,
  };
}
