// What a run left stale (SCORING §9 stale scores: below the run's version, or never scored),
// counted at its end so that a run never claims what it did not do (issue 14). HubSpot's search
// index follows writes by seconds, so the records the search still names are confirmed by a
// read by id (consistent), up to CONFIRM_LIMIT of them; past that, the search's count stands.
import { ok, readNumber } from '@strategy-fit/core';
import type { Result, StrategyFitError } from '@strategy-fit/core';
import { readRecords, searchRecords } from '@strategy-fit/hubspot';
import type { HubSpot } from '@strategy-fit/hubspot';

/** Records a stale count confirms one by one; more are counted by the search alone. */
export const CONFIRM_LIMIT = 1000;

const VERSION = 'strategy_fit_version';

/** Records of `objectType` whose stored version is below `version`, or missing. */
export async function countStale(
  hs: HubSpot,
  objectType: 'companies' | 'deals',
  version: number,
): Promise<Result<number, StrategyFitError>> {
  const where = { kind: 'staleVersion', version } as const;
  const ids: string[] = [];
  let cursor: string | null = null;
  let total = 0;
  do {
    const page = await searchRecords(hs, {
      objectType,
      properties: [VERSION],
      where,
      ...(cursor === null ? {} : { cursor }),
    });
    if (!page.ok) return page;
    total = page.value.total;
    if (total > CONFIRM_LIMIT) return ok(total);
    ids.push(...page.value.records.map((r) => r.id));
    cursor = page.value.nextCursor;
  } while (cursor !== null);
  if (ids.length === 0) return ok(0);
  const read = await readRecords(hs, objectType, ids, [VERSION]);
  if (!read.ok) return read;
  return ok(
    read.value.records.filter((r) => {
      const stored = readNumber((r.properties[VERSION] ?? '').trim());
      return stored === null || stored < version;
    }).length,
  );
}
