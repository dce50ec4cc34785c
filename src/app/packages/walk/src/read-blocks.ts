// Reading a phase block by block: pages of the list API (every record, 100 a page) or of the
// adapter's keyset search (a selection, 200 a page) until the block holds `blockSize` records.
// Deals come with their company (SCORING §7) and line item ids: on list pages in the same
// request, after search pages in one associations read per kind for the whole block.
import { ok } from '@strategy-fit/core';
import type { Result, StrategyFitError } from '@strategy-fit/core';
import { companyOfLinks, listRecords, searchRecords } from '@strategy-fit/hubspot';
import type { HubSpot, RawRecord, SearchWhere } from '@strategy-fit/hubspot';

import { readDealLinks } from './deal-context.ts';
import type { DealLinkKinds } from './deal-context.ts';
import type { Block } from './walk.ts';

/** HubSpot's association batch limit: a block of deals takes one associations read per kind. */
export const BLOCK_SIZE = 1000;

/** A record of a walk; a deal read with links carries its company and line item ids. */
export type WalkRecord = RawRecord & { companyId: string | null; lineItemIds: readonly string[] };

export type Selection = {
  objectType: 'companies' | 'deals';
  properties: readonly string[];
  /** null: every record, through the list API; else the records a keyset search selects. */
  where: SearchWhere | null;
  /** Deals only: read each deal's company, and its line item ids too, with it. */
  links?: DealLinkKinds;
};

export type BlockOptions = {
  /** Records per block (default BLOCK_SIZE). */
  blockSize?: number;
  /** Records per list page (HubSpot's largest, 100, by default). */
  listPageSize?: number;
  /** Records per search page (HubSpot's largest, 200, by default). */
  searchPageSize?: number;
};

type Page = { records: WalkRecord[]; next: string | null; remaining?: number };

const unlinked = (r: RawRecord): WalkRecord => ({ ...r, companyId: null, lineItemIds: [] });

const listPage = async (
  hs: HubSpot,
  s: Selection,
  after: string | null,
  limit: number | undefined,
): Promise<Result<Page, StrategyFitError>> => {
  const page = await listRecords(hs, {
    objectType: s.objectType,
    properties: s.properties,
    ...(after === null ? {} : { after }),
    ...(limit === undefined ? {} : { limit }),
    ...(s.links === undefined ? {} : { associations: s.links }),
  });
  if (!page.ok) return page;
  return ok({
    records: page.value.records.map(({ links, ...r }) =>
      s.links === undefined
        ? unlinked(r)
        : {
            ...r,
            companyId: companyOfLinks(links['companies']),
            lineItemIds: (links['line_items'] ?? []).map((l) => l.id),
          },
    ),
    next: page.value.nextAfter,
  });
};

const searchPage = async (
  hs: HubSpot,
  s: Selection,
  where: SearchWhere,
  cursor: string | null,
  limit: number | undefined,
): Promise<Result<Page, StrategyFitError>> => {
  const page = await searchRecords(hs, {
    objectType: s.objectType,
    properties: s.properties,
    where,
    ...(cursor === null ? {} : { cursor }),
    ...(limit === undefined ? {} : { limit }),
  });
  return page.ok
    ? ok({
        records: page.value.records.map(unlinked),
        next: page.value.nextCursor,
        remaining: page.value.remaining,
      })
    : page;
};

/**
 * The block reader of a selection: `read(page)` reads pages from `page` until the block is full
 * or the selection ends, and answers where the next block starts.
 *
 * @example
 * const read = recordBlocks(hs, { objectType: 'deals', properties, where: null, links: true });
 * const first = await read(null);
 */
export const recordBlocks =
  (hs: HubSpot, selection: Selection, options: BlockOptions = {}) =>
  async (page: string | null): Promise<Result<Block<WalkRecord>, StrategyFitError>> => {
    const blockSize = options.blockSize ?? BLOCK_SIZE;
    const items: WalkRecord[] = [];
    let next = page;
    let remaining: number | undefined;
    do {
      const read =
        selection.where === null
          ? await listPage(hs, selection, next, options.listPageSize)
          : await searchPage(hs, selection, selection.where, next, options.searchPageSize);
      if (!read.ok) return read;
      items.push(...read.value.records);
      next = read.value.next;
      remaining = read.value.remaining;
    } while (next !== null && items.length < blockSize);
    const counted = remaining === undefined ? {} : { remaining };
    if (selection.where === null || selection.links === undefined || items.length === 0) {
      return ok({ items, next, ...counted });
    }
    const links = await readDealLinks(
      hs,
      items.map((r) => r.id),
      selection.links,
    );
    if (!links.ok) return links;
    return ok({
      items: items.map((r) => ({
        ...r,
        ...(links.value.get(r.id) ?? { companyId: null, lineItemIds: [] }),
      })),
      next,
      ...counted,
    });
  };
