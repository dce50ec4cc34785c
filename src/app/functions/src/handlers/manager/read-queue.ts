// Reads the exceptions queue (deals with a requested exception) page by page, within the deadline.
import type { ExceptionsQueue, QueuedException } from '@strategy-fit/core';
import type { HubSpot, SearchFilter, StageIndex } from '@strategy-fit/hubspot';

import {
  compareQueued,
  QUEUE_PROPERTIES,
  queueFilters,
  toQueuedException,
} from './exceptions-queue.ts';
import type { Pacer } from './pacer.ts';
import { readStream, searchPages } from './read-stream.ts';

/** The queue, complete or marked partial with how much of it was read. */
export async function readExceptionsQueue(options: {
  hs: HubSpot;
  filters: readonly SearchFilter[];
  stages: StageIndex;
  nowMs: number;
  pacer: Pacer;
  deadlineMs: number;
}): Promise<ExceptionsQueue> {
  const items: QueuedException[] = [];
  let total: number | null = null;
  const outcome = await readStream({
    readPage: searchPages(options.hs, 'deals', QUEUE_PROPERTIES, {
      kind: 'filters',
      filterGroups: [{ filters: queueFilters(options.filters) }],
    }),
    search: true,
    pacer: options.pacer,
    deadlineMs: options.deadlineMs,
    onPage: (page) => {
      total ??= page.total;
      for (const r of page.records) items.push(toQueuedException(r, options.stages, options.nowMs));
    },
  });
  const read = items.length;
  const reasons = outcome.complete
    ? []
    : [
        outcome.stoppedBy === 'time_budget'
          ? `Read ${read}${total === null ? '' : ` of ${total}`} requested exceptions within the time budget.`
          : `HubSpot stopped the read of requested exceptions after ${read}: ${outcome.error?.message ?? 'no reason given'}`,
      ];
  return {
    completeness: { partial: !outcome.complete, reasons },
    total: total ?? read,
    items: items.sort(compareQueued),
  };
}
