// Exact counts from HubSpot's search totals, one search each (exact past the 10,000 cap): what the
// review page shows beside figures that a read cut short left partial.
import { Tier } from '@strategy-fit/core';
import type { ExactCounts, TierCount } from '@strategy-fit/core';
import { countRecords } from '@strategy-fit/hubspot';
import type { HubSpot, SearchFilter, SearchWhere } from '@strategy-fit/hubspot';

import type { Pacer } from './pacer.ts';

export type CountKey =
  | 'companies'
  | 'deals'
  | 'staleCompanies'
  | 'staleDeals'
  | 'openDeals'
  | `companies:${Tier}`
  | `openDeals:${Tier}`;

type CountTask = { key: CountKey; objectType: 'companies' | 'deals'; where: SearchWhere };

const where = (...groups: SearchFilter[][]): SearchWhere => ({
  kind: 'filters',
  filterGroups: groups.filter((g) => g.length > 0).map((filters) => ({ filters })),
});

const tierIs = (tier: Tier): SearchFilter => ({
  propertyName: 'strategy_fit_tier',
  operator: 'EQ',
  value: tier,
});

const OPEN: SearchFilter = { propertyName: 'hs_is_closed', operator: 'EQ', value: 'false' };

/** Scored by an older version, or never scored (SCORING §9 stale scores), within the filters. */
export const staleWhere = (version: number, filters: readonly SearchFilter[]): SearchWhere => ({
  kind: 'filters',
  filterGroups: [
    {
      filters: [
        { propertyName: 'strategy_fit_version', operator: 'LT', value: String(version) },
        ...filters,
      ],
    },
    {
      filters: [{ propertyName: 'strategy_fit_version', operator: 'NOT_HAS_PROPERTY' }, ...filters],
    },
  ],
});

/** The counts, most useful first: totals (for "read N of M"), stale, tiers of companies, of open deals. */
export function countTasks(
  version: number,
  companyFilters: readonly SearchFilter[],
  dealFilters: readonly SearchFilter[],
): CountTask[] {
  const c = [...companyFilters];
  const d = [...dealFilters];
  return [
    { key: 'companies', objectType: 'companies', where: where(c) },
    { key: 'deals', objectType: 'deals', where: where(d) },
    { key: 'staleCompanies', objectType: 'companies', where: staleWhere(version, c) },
    { key: 'staleDeals', objectType: 'deals', where: staleWhere(version, d) },
    ...Tier.options.map((t): CountTask => ({
      key: `companies:${t}`,
      objectType: 'companies',
      where: where([tierIs(t), ...c]),
    })),
    { key: 'openDeals', objectType: 'deals', where: where([OPEN, ...d]) },
    ...Tier.options.map((t): CountTask => ({
      key: `openDeals:${t}`,
      objectType: 'deals',
      where: where([OPEN, tierIs(t), ...d]),
    })),
  ];
}

/** Runs the count searches in order while `more()` says they are wanted and slots are free. */
export async function runCounts(options: {
  hs: HubSpot;
  tasks: readonly CountTask[];
  pacer: Pacer;
  deadlineMs: number;
  more: () => boolean;
}): Promise<Map<CountKey, number>> {
  const counts = new Map<CountKey, number>();
  for (const task of options.tasks) {
    if (!options.more()) break;
    if (!(await options.pacer.take(1, { search: true, deadlineMs: options.deadlineMs }))) break;
    // The reads may have ended while this count waited for its slot: then it is not wanted.
    if (!options.more()) break;
    const n = await countRecords(options.hs, task.objectType, task.where);
    // A count is a bonus beside the records read: a failure ends the counting, not the review.
    if (!n.ok) break;
    counts.set(task.key, n.value);
  }
  return counts;
}

const byTier = (
  counts: ReadonlyMap<CountKey, number>,
  total: number | undefined,
  key: (t: Tier) => CountKey,
): TierCount[] | null => {
  if (total === undefined) return null;
  const rows: TierCount[] = [];
  for (const tier of Tier.options) {
    const n = counts.get(key(tier));
    if (n === undefined) return null;
    rows.push({ tier, count: n });
  }
  const scored = rows.reduce((sum, r) => sum + r.count, 0);
  return [...rows, { tier: null, count: Math.max(0, total - scored) }];
};

/** The counts as the answer carries them; a set of tiers only when every tier was counted. */
export const exactCounts = (counts: ReadonlyMap<CountKey, number>): ExactCounts => ({
  companies: counts.get('companies') ?? null,
  deals: counts.get('deals') ?? null,
  companiesByTier: byTier(counts, counts.get('companies'), (t) => `companies:${t}`),
  openDealsByTier: byTier(counts, counts.get('openDeals'), (t) => `openDeals:${t}`),
  staleCompanies: counts.get('staleCompanies') ?? null,
  staleDeals: counts.get('staleDeals') ?? null,
});
