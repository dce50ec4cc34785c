// Reading all records of one kind page by page until the end or the deadline, whichever comes
// first: through the list API (no search limits, no 10,000 cap) or, when a filter applies, through
// the adapter's keyset search (which pages past the 10,000 cap by `hs_object_id`).
import { ok } from '@strategy-fit/core';
import type { ReadStop, Result, StrategyFitError } from '@strategy-fit/core';
import { listRecords, searchRecords } from '@strategy-fit/hubspot';
import type { HubSpot, RawRecord, SearchFilter, SearchWhere } from '@strategy-fit/hubspot';

import type { Pacer } from './pacer.ts';

export type StreamPage = { records: RawRecord[]; next: string | null; total: number | null };

/** One page from a cursor (null: the first). */
export type ReadPage = (cursor: string | null) => Promise<Result<StreamPage, StrategyFitError>>;

/** How a stream ended: read to the end, or stopped (by the deadline or HubSpot) after `read`. */
export type StreamOutcome = {
  read: number;
  /** HubSpot's total of a search stream (its first page says it); null for the list API. */
  total: number | null;
  complete: boolean;
  stoppedBy: ReadStop | null;
  /** HubSpot's failure, when it stopped the stream. */
  error: StrategyFitError | null;
};

/** A page reader: the list API when `filters` is empty, else a keyset search. */
export function pageReader(
  hs: HubSpot,
  objectType: 'companies' | 'deals',
  properties: readonly string[],
  filters: readonly SearchFilter[],
): { method: 'list' | 'search'; readPage: ReadPage } {
  if (filters.length === 0) {
    return {
      method: 'list',
      readPage: async (cursor) => {
        const page = await listRecords(hs, {
          objectType,
          properties,
          ...(cursor === null ? {} : { after: cursor }),
        });
        return page.ok
          ? ok({ records: page.value.records, next: page.value.nextAfter, total: null })
          : page;
      },
    };
  }
  const where: SearchWhere = { kind: 'filters', filterGroups: [{ filters }] };
  return { method: 'search', readPage: searchPages(hs, objectType, properties, where) };
}

/** A page reader over a keyset search (HUBSPOT.md §6: past the 10,000 cap). */
export const searchPages =
  (
    hs: HubSpot,
    objectType: 'companies' | 'deals',
    properties: readonly string[],
    where: SearchWhere,
  ): ReadPage =>
  async (cursor) => {
    const page = await searchRecords(hs, {
      objectType,
      properties,
      where,
      ...(cursor === null ? {} : { cursor }),
    });
    return page.ok
      ? ok({ records: page.value.records, next: page.value.nextCursor, total: page.value.total })
      : page;
  };

const stopOf = (e: StrategyFitError): ReadStop =>
  e.code === 'hubspot_rate_limited' ? 'hubspot_rate_limited' : 'hubspot_error';

/**
 * Reads pages until the last one, or until no request slot is free before `deadlineMs`, or until
 * HubSpot fails a page (after the client's retries). `onPage` gets every page as it comes.
 */
export async function readStream(options: {
  readPage: ReadPage;
  search: boolean;
  pacer: Pacer;
  deadlineMs: number;
  onPage: (page: StreamPage) => void;
}): Promise<StreamOutcome> {
  let cursor: string | null = null;
  let read = 0;
  let total: number | null = null;
  for (;;) {
    const slot = await options.pacer.take(1, {
      search: options.search,
      deadlineMs: options.deadlineMs,
    });
    if (!slot) return { read, total, complete: false, stoppedBy: 'time_budget', error: null };
    const page = await options.readPage(cursor);
    if (!page.ok) {
      return { read, total, complete: false, stoppedBy: stopOf(page.error), error: page.error };
    }
    read += page.value.records.length;
    total ??= page.value.total;
    options.onPage(page.value);
    if (page.value.next === null) {
      return { read, total, complete: true, stoppedBy: null, error: null };
    }
    cursor = page.value.next;
  }
}
