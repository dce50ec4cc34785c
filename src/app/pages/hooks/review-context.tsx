import type { ExtensionPointApiActions, ExtensionPointApiContext } from '@hubspot/ui-extensions';
import type { ReactNode } from 'react';
import { createContext, useContext, useMemo } from 'react';

import type { FunctionRunner } from '@strategy-fit/function-calls';
import type { RescoreRun } from '../view-model/rescore.ts';
import { useRescoreRun } from './useRescoreRun.ts';
import type { Filters, ReviewState } from './useStrategyReview.ts';
import { useStrategyReview } from './useStrategyReview.ts';

/**
 * What every route of the page shares, held above the router so that moving between routes keeps
 * the review and a running rescore: route components get no props (`createPageRouter`).
 */
export type ReviewPageModel = {
  readonly portalId: number | string;
  readonly actions: ExtensionPointApiActions<'pages'>;
  readonly review: ReviewState;
  readonly filters: Filters;
  readonly setFilters: (filters: Filters) => void;
  readonly reload: () => void;
  readonly rescore: {
    run: RescoreRun;
    start: (cursor: string | null) => void;
    stop: () => void;
  };
};

const ReviewPageContext = createContext<ReviewPageModel | null>(null);

/** The page's shared state: the review and the rescore run. */
export const ReviewProvider = ({
  context,
  actions,
  run,
  children,
}: {
  context: ExtensionPointApiContext<'pages'>;
  actions: ExtensionPointApiActions<'pages'>;
  run: FunctionRunner;
  children: ReactNode;
}) => {
  const { state, filters, setFilters, reload } = useStrategyReview(run);
  const rescore = useRescoreRun(run, reload);
  const model = useMemo<ReviewPageModel>(
    () => ({
      portalId: context.portal.id,
      actions,
      review: state,
      filters,
      setFilters,
      reload,
      rescore,
    }),
    [context.portal.id, actions, state, filters, setFilters, reload, rescore],
  );
  return <ReviewPageContext.Provider value={model}>{children}</ReviewPageContext.Provider>;
};

/** The page's shared state, inside `ReviewProvider`. */
export const useReviewPage = (): ReviewPageModel => {
  const model = useContext(ReviewPageContext);
  if (model === null) throw new Error('useReviewPage outside ReviewProvider');
  return model;
};
