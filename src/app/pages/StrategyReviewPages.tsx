import type { ExtensionPointApiActions, ExtensionPointApiContext } from '@hubspot/ui-extensions';
import { hubspot } from '@hubspot/ui-extensions';

import { ReviewApp } from './components/ReviewApp.tsx';
import type { FunctionRunner } from '@strategy-fit/function-calls';

type Props = {
  context: ExtensionPointApiContext<'pages'>;
  actions: ExtensionPointApiActions<'pages'>;
  run?: FunctionRunner;
};

/** The app page (uid strategy_review_page): the manager's strategy review; tests pass their own `run`. */
export const StrategyReviewPages = ({ context, actions, run = hubspot.serverless }: Props) => (
  <ReviewApp context={context} actions={actions} run={run} />
);

hubspot.extend<'pages'>(({ context, actions }) => (
  <StrategyReviewPages context={context} actions={actions} />
));
