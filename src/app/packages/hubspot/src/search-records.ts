// Search with keyset paging: every page asks for `hs_object_id > last id seen`, sorted by id, so
// no query ever pages past HubSpot's 10,000-result cap (HUBSPOT.md §6) and records that leave the
// result set while it is read (a stale record once it is scored) shift nothing.
import { err, ok, strategyFitError } from '@strategy-fit/core';
import type { Result, StrategyFitError } from '@strategy-fit/core';
import { z } from 'zod';

import { apiPaths } from './api-paths.ts';
import type { HubSpot } from './create-client.ts';
import { LAST_MODIFIED_PROPERTY, SEARCH_PAGE_SIZE } from './object-types.ts';
import type { ObjectType, RawRecord } from './object-types.ts';
import { hubspotRequest } from './request.ts';
import { SearchAnswer } from './schema.ts';

/** HubSpot's search filter operators. */
export const SearchOperator = z.enum([
  'EQ',
  'NEQ',
  'LT',
  'LTE',
  'GT',
  'GTE',
  'BETWEEN',
  'IN',
  'NOT_IN',
  'HAS_PROPERTY',
  'NOT_HAS_PROPERTY',
  'CONTAINS_TOKEN',
  'NOT_CONTAINS_TOKEN',
]);
export type SearchOperator = z.output<typeof SearchOperator>;

export const SearchFilter = z.strictObject({
  propertyName: z.string().min(1),
  operator: SearchOperator,
  value: z.string().optional(),
  highValue: z.string().optional(),
  values: z.array(z.string()).readonly().optional(),
});
export type SearchFilter = z.output<typeof SearchFilter>;

/** Which records a search returns. */
export const SearchWhere = z.discriminatedUnion('kind', [
  z.strictObject({
    kind: z.literal('modifiedSince'),
    sinceMs: z.number().describe('epoch ms; records modified at or after it'),
  }),
  z.strictObject({
    kind: z.literal('staleVersion'),
    version: z.number().describe('records scored by an older version, or never scored'),
  }),
  z.strictObject({
    kind: z.literal('filters'),
    filterGroups: z.array(z.strictObject({ filters: z.array(SearchFilter).readonly() })).readonly(),
  }),
]);
export type SearchWhere = z.output<typeof SearchWhere>;

/** HubSpot's search limits (changelog 2024-08); one filter per group is the paging filter. */
const MAX_GROUPS = 5;
const MAX_FILTERS_PER_GROUP = 10;
const MAX_FILTERS = 25;

/** The filter groups a `where` stands for (OR of groups, AND inside one). */
export function whereFilters(objectType: ObjectType, where: SearchWhere): SearchFilter[][] {
  switch (where.kind) {
    case 'modifiedSince':
      return [
        [
          {
            propertyName: LAST_MODIFIED_PROPERTY[objectType],
            operator: 'GTE',
            value: String(Math.floor(where.sinceMs)),
          },
        ],
      ];
    case 'staleVersion':
      return [
        [{ propertyName: 'strategy_fit_version', operator: 'LT', value: String(where.version) }],
        [{ propertyName: 'strategy_fit_version', operator: 'NOT_HAS_PROPERTY' }],
      ];
    case 'filters':
      return where.filterGroups.map((g) => [...g.filters]);
    default:
      return where satisfies never;
  }
}

/** A filter as the search request's body carries it (`Filter` of the reference). */
type Filter = {
  propertyName: string;
  operator: SearchOperator;
  value?: string;
  highValue?: string;
  values?: string[];
};

const toFilter = (f: SearchFilter): Filter => ({
  propertyName: f.propertyName,
  operator: f.operator,
  ...(f.value === undefined ? {} : { value: f.value }),
  ...(f.highValue === undefined ? {} : { highValue: f.highValue }),
  ...(f.values === undefined ? {} : { values: [...f.values] }),
});

/** The search cursor: the last id returned and how many records came before it. */
type Cursor = { lastId: string; seen: number };

const parseCursor = (cursor: string | undefined): Cursor | null | 'invalid' => {
  if (cursor === undefined || cursor === '') return null;
  const match = /^(\d+):(\d+)$/.exec(cursor);
  return match === null ? 'invalid' : { lastId: match[1] ?? '0', seen: Number(match[2]) };
};

function checkLimits(groups: SearchFilter[][]): StrategyFitError | null {
  const filters = groups.reduce((n, g) => n + g.length + 1, 0);
  if (groups.length > MAX_GROUPS || filters > MAX_FILTERS) {
    return strategyFitError(
      'invalid_input',
      `A search may have at most ${MAX_GROUPS} filter groups and ${MAX_FILTERS} filters, one per group included for paging.`,
    );
  }
  if (groups.some((g) => g.length + 1 > MAX_FILTERS_PER_GROUP)) {
    return strategyFitError(
      'invalid_input',
      `A filter group may have at most ${MAX_FILTERS_PER_GROUP - 1} filters (one more is used for paging).`,
    );
  }
  return null;
}

export type SearchRecordsOptions = {
  objectType: ObjectType;
  properties: readonly string[];
  where: SearchWhere;
  /** `nextCursor` of the previous page; omit for the first. */
  cursor?: string;
  /** Records per page, 1–200 (HubSpot's largest); default 200. */
  limit?: number;
};

export type SearchPage = {
  records: RawRecord[];
  nextCursor: string | null;
  /** Records matching the search: those before this page plus those from it on. */
  total: number;
  /** Matching records after this page (as HubSpot counts them now). */
  remaining: number;
};

/** One page (up to 200) of a search, in id order; pages on past 10,000 results. */
export async function searchRecords(
  hs: HubSpot,
  options: SearchRecordsOptions,
): Promise<Result<SearchPage, StrategyFitError>> {
  const cursor = parseCursor(options.cursor);
  if (cursor === 'invalid') {
    return err(strategyFitError('invalid_input', `"${options.cursor}" is not a search cursor.`));
  }
  const groups = whereFilters(options.objectType, options.where);
  const tooMany = checkLimits(groups);
  if (tooMany !== null) return err(tooMany);
  const keyset: SearchFilter[] =
    cursor === null ? [] : [{ propertyName: 'hs_object_id', operator: 'GT', value: cursor.lastId }];
  const filterGroups: { filters: Filter[] }[] = (groups.length === 0 ? [[]] : groups)
    .map((g) => [...g, ...keyset])
    .filter((g) => g.length > 0)
    .map((g) => ({ filters: g.map(toFilter) }));
  const answer = await hubspotRequest(hs, {
    method: 'POST',
    path: apiPaths.objects(options.objectType, 'search'),
    body: {
      filterGroups,
      sorts: ['hs_object_id'],
      properties: [...options.properties],
      limit: Math.max(1, Math.min(SEARCH_PAGE_SIZE, Math.floor(options.limit ?? SEARCH_PAGE_SIZE))),
    },
    answer: SearchAnswer,
    operation: `searching ${options.objectType}`,
    objectType: options.objectType,
    search: true,
  });
  if (!answer.ok) return answer;
  const { results, total } = answer.value;
  const seen = cursor?.seen ?? 0;
  const last = results.at(-1);
  const more = last !== undefined && results.length < total;
  return ok({
    records: results,
    nextCursor: more ? `${last.id}:${seen + results.length}` : null,
    total: seen + total,
    remaining: Math.max(0, total - results.length),
  });
}
