import type { JsonValue } from '@hubspot/ui-extensions';
import type { StrategyReviewValue } from '@strategy-fit/core';
import { StrategyReviewResponse } from '@strategy-fit/core';
import { useCallback, useEffect, useRef, useState } from 'react';

import type { PageError } from '../view-model/page-error.ts';
import type { FunctionRunner } from '@strategy-fit/function-calls';
import { callFunction } from '@strategy-fit/function-calls';

/** The review's filters as the page holds them (empty: everything). */
export type Filters = { readonly ownerId?: string; readonly pipelineId?: string };

export type ReviewState =
  | { readonly status: 'loading' }
  | {
      readonly status: 'ready';
      readonly value: StrategyReviewValue;
      /** A reload is under way; the figures shown are the previous ones. */
      readonly refreshing: boolean;
    }
  | { readonly status: 'error'; readonly error: PageError };

/**
 * Loads the review with `strategy_review` when the page opens, and again on `reload` or when the
 * filters change. Only the latest call's answer is shown.
 */
export const useStrategyReview = (
  run: FunctionRunner,
): {
  state: ReviewState;
  filters: Filters;
  setFilters: (filters: Filters) => void;
  reload: () => void;
} => {
  const [state, setState] = useState<ReviewState>({ status: 'loading' });
  const [filters, setFilterState] = useState<Filters>({});
  const [generation, setGeneration] = useState(0);
  const latest = useRef(0);

  /** A new read is coming: the figures shown stay, marked as refreshing (or the spinner). */
  const pending = useCallback(
    () =>
      setState((s) => (s.status === 'ready' ? { ...s, refreshing: true } : { status: 'loading' })),
    [],
  );

  useEffect(() => {
    latest.current += 1;
    const call = latest.current;
    const parameters: { [key: string]: JsonValue } = {};
    const { ownerId, pipelineId } = filters;
    if (ownerId !== undefined || pipelineId !== undefined) {
      parameters['filters'] = {
        ...(ownerId === undefined ? {} : { ownerId }),
        ...(pipelineId === undefined ? {} : { pipelineId }),
      };
    }
    void callFunction(run, 'strategy_review', { parameters }, StrategyReviewResponse).then(
      (result) => {
        if (call !== latest.current) return;
        setState(
          result.ok
            ? { status: 'ready', value: result.value, refreshing: false }
            : { status: 'error', error: result.error },
        );
      },
    );
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
