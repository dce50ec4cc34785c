import type { ExtensionPointApiActions, ExtensionPointApiContext } from '@hubspot/ui-extensions';
import type { CardUser } from '@strategy-fit/core';
import type { ReactNode } from 'react';
import { createContext, useContext, useMemo } from 'react';

import type { FunctionRunner } from '@strategy-fit/function-calls';
import { pageUserOf } from './page-user.ts';
import type { DecisionsState, Decision } from './useDecisions.ts';
import { useDecisions } from './useDecisions.ts';
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
  readonly user: CardUser;
  readonly actions: ExtensionPointApiActions<'pages'>;
  readonly review: ReviewState;
  readonly filters: Filters;
  readonly setFilters: (filters: Filters) => void;
  readonly reload: () => void;
  readonly decisions: DecisionsState & {
    decide: (dealId: string, decision: Decision, expiresOn?: string) => void;
  };
  readonly rescore: {
    run: RescoreRun;
    start: (cursor: string | null) => void;
    stop: () => void;
  };
};

const ReviewPageContext = createContext<ReviewPageModel | null>(null);

/** The page's shared state: the review, the decisions and the rescore run. */
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
  const contextUser = context.user;
  const user = useMemo(() => pageUserOf(contextUser), [contextUser]);
  const { state, filters, setFilters, reload } = useStrategyReview(run, user);
  const decisions = useDecisions(run, user, reload);
  const rescore = useRescoreRun(run, user, reload);
  const model = useMemo<ReviewPageModel>(
    () => ({
      portalId: context.portal.id,
      user,
      actions,
      review: state,
      filters,
      setFilters,
      reload,
      decisions,
      rescore,
    }),
    [context.portal.id, user, actions, state, filters, setFilters, reload, decisions, rescore],
  );
  return <ReviewPageContext.Provider value={model}>{children}</ReviewPageContext.Provider>;
};

/** The page's shared state, inside `ReviewProvider`. */
export const useReviewPage = (): ReviewPageModel => {
  const model = useContext(ReviewPageContext);
  if (model === null) throw new Error('useReviewPage outside ReviewProvider');
  return model;
};
