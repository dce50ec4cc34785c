import type { RescoreFailure } from '@strategy-fit/core';

import { formatNumber, plural } from './format.ts';
import type { PageError } from './page-error.ts';

/** Where a page-driven rescore stands (docs/rescoring.md). */
export type RescoreStatus =
  'idle' | 'running' | 'stopping' | 'stopped' | 'interrupted' | 'failed' | 'done';

export type RescoreRun = {
  readonly status: RescoreStatus;
  /** Where the next chunk starts; null before a run and after the last chunk. */
  readonly cursor: string | null;
  readonly version: number | null;
  readonly chunks: number;
  readonly processed: number;
  readonly changed: number;
  readonly failed: readonly RescoreFailure[];
  readonly remainingEstimate: number | null;
  /** A newer strategy was published during the run: it started again with it. */
  readonly restarted: boolean;
  /** Why the run stopped by itself: the function's error or HubSpot's interruption. */
  readonly error: PageError | null;
};

export const IDLE_RUN: RescoreRun = {
  status: 'idle',
  cursor: null,
  version: null,
  chunks: 0,
  processed: 0,
  changed: 0,
  failed: [],
  remainingEstimate: null,
  restarted: false,
  error: null,
};

export type RescoreProgress = {
  readonly value: number;
  readonly maxValue: number;
  readonly description: string;
  readonly variant: 'success' | 'danger' | 'warning';
};

/** The progress bar: records done of done + still stale. */
export const progressOf = (run: RescoreRun): RescoreProgress => {
  const remaining = run.remainingEstimate ?? 0;
  const max = Math.max(1, run.processed + remaining);
  return {
    value: run.status === 'done' ? max : run.processed,
    maxValue: max,
    description:
      run.status === 'done'
        ? `${plural(run.processed, 'record')} rescored, ${formatNumber(run.changed)} written`
        : `${formatNumber(run.processed)} of about ${formatNumber(run.processed + remaining)} records`,
    variant: run.failed.length > 0 || run.error !== null ? 'warning' : 'success',
  };
};

/** The failures to list: the first 100, with a count of the rest. */
export const failureRows = (run: RescoreRun) => ({
  rows: run.failed.slice(0, 100).map((f) => ({
    key: `${f.objectType}:${f.id}`,
    record: `${f.objectType === 'companies' ? 'Company' : 'Deal'} ${f.id}`,
    objectType: f.objectType,
    id: f.id,
    code: f.code,
    message: f.message,
  })),
  more: Math.max(0, run.failed.length - 100),
});
