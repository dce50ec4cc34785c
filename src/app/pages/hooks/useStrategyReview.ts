import type { JsonValue } from '@hubspot/ui-extensions';
import type { ReviewChunks, StrategyReviewValue } from '@strategy-fit/core';
import { addReviewChunk, reviewValueOf, StrategyReviewResponse } from '@strategy-fit/core';
import { useCallback, useEffect, useRef, useState } from 'react';

import type { PageError } from '../view-model/page-error.ts';
import type { FunctionRunner } from '@strategy-fit/function-calls';
import { callFunction } from '@strategy-fit/function-calls';

/** The review's filters as the page holds them (empty: everything). */
export type Filters = { readonly ownerId?: string; readonly pipelineId?: string };

/** How far a read has come: records read so far, in how many calls. */
export type ReadProgress = { readonly companies: number; readonly deals: number };

export type ReviewState =
  | { readonly status: 'loading'; readonly progress: ReadProgress | null }
  | {
      readonly status: 'ready';
      readonly value: StrategyReviewValue;
      /** A reload is under way; the figures shown are the previous ones. */
      readonly refreshing: boolean;
    }
  | { readonly status: 'error'; readonly error: PageError };

/** Calls of `strategy_review` one review may take (a portal of about 2 million records). */
export const MAX_REVIEW_CHUNKS = 400;
/** Chunks HubSpot may stop in a row (its rate limit) before the page shows what it read. */
const MAX_INTERRUPTIONS = 3;
/** The wait before reading on after HubSpot stopped a chunk. */
const INTERRUPTION_WAIT_MS = 2_000;

const wait = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * Reads the review with `strategy_review` when the page opens, and again on `reload` or when the
 * filters change: chunk after chunk, each continuing at the last one's cursor, merged with the
 * core's `addReviewChunk`, until the review is complete. A chunk HubSpot stopped (its rate limit,
 * a failure) is read again after a pause; when it keeps failing, or a call fails after some
 * chunks, the figures read so far are shown marked partial. Only the latest read is shown.
 */
export const useStrategyReview = (
  run: FunctionRunner,
): {
  state: ReviewState;
  filters: Filters;
  setFilters: (filters: Filters) => void;
  reload: () => void;
} => {
  const [state, setState] = useState<ReviewState>({ status: 'loading', progress: null });
  const [filters, setFilterState] = useState<Filters>({});
  const [generation, setGeneration] = useState(0);
  const latest = useRef(0);

  /** A new read is coming: the figures shown stay, marked as refreshing (or the spinner). */
  const pending = useCallback(
    () =>
      setState((s) =>
        s.status === 'ready' ? { ...s, refreshing: true } : { status: 'loading', progress: null },
      ),
    [],
  );

  useEffect(() => {
    latest.current += 1;
    const call = latest.current;
    const current = () => call === latest.current;
    const base: { [key: string]: JsonValue } = {};
    const { ownerId, pipelineId } = filters;
    if (ownerId !== undefined || pipelineId !== undefined) {
      base['filters'] = {
        ...(ownerId === undefined ? {} : { ownerId }),
        ...(pipelineId === undefined ? {} : { pipelineId }),
      };
    }
    void (async () => {
      let merged: ReviewChunks | null = null;
      let interruptions = 0;
      for (let chunks = 0; chunks < MAX_REVIEW_CHUNKS; chunks += 1) {
        const cursor = merged?.last.cursor ?? null;
        const parameters = cursor === null ? base : { ...base, cursor };
        const answer = await callFunction(
          run,
          'strategy_review',
          { parameters },
          StrategyReviewResponse,
        );
        if (!current()) return;
        if (!answer.ok) {
          if (merged === null) return setState({ status: 'error', error: answer.error });
          const why = `Reading stopped after ${merged.read.deals} deals and ${merged.read.companies} companies: ${answer.error.message}`;
          return setState({
            status: 'ready',
            value: reviewValueOf(merged, why),
            refreshing: false,
          });
        }
        merged = addReviewChunk(merged, answer.value);
        const { interrupted } = answer.value;
        if (merged.last.cursor === null) {
          return setState({ status: 'ready', value: reviewValueOf(merged), refreshing: false });
        }
        interruptions = interrupted === null ? 0 : interruptions + 1;
        if (interrupted !== null && interruptions >= MAX_INTERRUPTIONS) {
          const why = `HubSpot stopped the read after ${merged.read.deals} deals and ${merged.read.companies} companies: ${interrupted.message}`;
          return setState({
            status: 'ready',
            value: reviewValueOf(merged, why),
            refreshing: false,
          });
        }
        const progress = { companies: merged.read.companies, deals: merged.read.deals };
        setState((s) => (s.status === 'ready' ? s : { status: 'loading', progress }));
        if (interrupted !== null) {
          await wait(INTERRUPTION_WAIT_MS);
          if (!current()) return;
        }
      }
      setState({
        status: 'error',
        error: {
          code: 'function_failed',
          message: `The review did not end after ${MAX_REVIEW_CHUNKS} calls.`,
        },
      });
    })();
    return () => {
      latest.current += 1;
    };
  }, [run, filters, generation]);

  const reload = useCallback(() => {
    pending();
    setGeneration((g) => g + 1);
  }, [pending]);
  const setFilters = useCallback(
    (next: Filters) => {
      pending();
      setFilterState(next);
    },
    [pending],
  );
  return { state, filters, setFilters, reload };
};
