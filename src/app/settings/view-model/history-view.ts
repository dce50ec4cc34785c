// The version history as the page lists it: who, when, how (publish or rollback). Pure.
import type { VersionSummary } from '@strategy-fit/core';

import { formatInstant } from './format.ts';

export type HistoryRow = {
  readonly version: number;
  readonly name: string;
  readonly who: string;
  readonly when: string;
  readonly how: string;
  readonly current: boolean;
};

export const historyRows = (history: readonly VersionSummary[]): HistoryRow[] =>
  history.map((v) => ({
    version: v.version,
    name: v.strategyName,
    who: v.publishedByLabel,
    when: formatInstant(v.publishedAt),
    how: v.source === 'rollback' ? `Rollback to version ${v.rolledBackFrom ?? '?'}` : 'Published',
    current: v.status === 'current',
  }));

/** "Version 4, published by Maya Okafor on 2026-11-27 10:03 UTC". */
export const describeVersion = (v: VersionSummary): string =>
  `version ${v.version}, ${v.source === 'rollback' ? 'rolled back' : 'published'} by ${v.publishedByLabel} on ${formatInstant(v.publishedAt)}`;
