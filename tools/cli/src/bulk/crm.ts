// The adapter functions the bulk commands call (docs/team/adapter-api.md), bound to one handle.
// Commands depend on this narrow port, so their logic is testable with an in-memory portal; the
// real binding (`bindCrm`) forwards to @strategy-fit/hubspot.
import type { PropertyDefinitions, Result, Strategy, StrategyFitError } from '@strategy-fit/core';

export type ObjectType = 'companies' | 'deals' | 'line_items';

/** A HubSpot record as the adapter returns it (values are strings or null). */
export type RawRecord = {
  id: string;
  properties: Record<string, string | null>;
  updatedAt: string;
};

/** The searches bulk scoring needs (a subset of the adapter's SearchWhere). */
export type BulkSearchWhere =
  { kind: 'modifiedSince'; sinceMs: number } | { kind: 'staleVersion'; version: number };

export type PublishedStrategy = { version: number; strategy: Strategy };

export type CrmOwner = {
  id: string;
  firstName: string | null;
  lastName: string | null;
  email: string | null;
};

export type CrmPipeline = {
  id: string;
  label: string;
  stages: { id: string; label: string; isClosed: boolean; isWon: boolean }[];
};

type Async<T> = Promise<Result<T, StrategyFitError>>;

export type BulkCrm = {
  readPropertyDefinitions: (objectType: 'companies' | 'deals') => Async<PropertyDefinitions>;
  /** ≤ `limit` (max 100) records per page, in id order; `after` is the list API's cursor. */
  listRecords: (options: {
    objectType: 'companies' | 'deals';
    properties: string[];
    after?: string;
    limit?: number;
  }) => Async<{ records: RawRecord[]; nextAfter: string | null }>;
  searchRecords: (options: {
    objectType: 'companies' | 'deals';
    properties: string[];
    where: BulkSearchWhere;
    cursor?: string;
  }) => Async<{ records: RawRecord[]; nextCursor: string | null; total: number }>;
  /** How many records a run will read: all of them (`where` null) or those of a search. */
  countRecords: (objectType: 'companies' | 'deals', where: BulkSearchWhere | null) => Async<number>;
  readRecords: (
    objectType: 'companies' | 'deals',
    ids: string[],
    properties: string[],
  ) => Async<{ records: RawRecord[]; missing: string[] }>;
  readDealCompanyIds: (dealIds: string[]) => Async<Map<string, string | null>>;
  /**
   * One page of company → deal associations (v4 batch read, ≤ 1,000 inputs, as HubSpot pages it):
   * the links in this answer, and the companies with more deals after `after`.
   */
  readCompanyDealsPage: (inputs: { id: string; after?: string }[]) => Async<{
    links: { fromId: string; toId: string }[];
    more: { id: string; after: string }[];
  }>;
  readDealLineItems: (dealIds: string[]) => Async<Map<string, RawRecord[]>>;
  writeRecords: (
    objectType: 'companies' | 'deals',
    updates: { id: string; properties: Record<string, string> }[],
  ) => Async<{ written: string[]; failed: { id: string; error: StrategyFitError }[] }>;
  readPublishedStrategy: () => Async<PublishedStrategy | null>;
  readStrategyVersion: (version: number) => Async<PublishedStrategy>;
  listOwners: () => Async<CrmOwner[]>;
  listDealPipelines: () => Async<CrmPipeline[]>;
};
