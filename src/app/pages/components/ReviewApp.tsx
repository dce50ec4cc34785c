import type { ExtensionPointApiActions, ExtensionPointApiContext } from '@hubspot/ui-extensions';
import { EmptyState, Text } from '@hubspot/ui-extensions';
import { createPageRouter, PageLink, PageRoutes } from '@hubspot/ui-extensions/pages';

import type { FunctionRunner } from '@strategy-fit/function-calls';
import { ReviewProvider } from '../hooks/review-context.tsx';
import { CriteriaPage } from './CriteriaPage.tsx';
import { EvidencePage } from './EvidencePage.tsx';
import { ExceptionsPage } from './ExceptionsPage.tsx';
import { FocusPage } from './FocusPage.tsx';
import { MarketPage } from './MarketPage.tsx';
import { OverviewPage } from './OverviewPage.tsx';
import { PipelinePage } from './PipelinePage.tsx';
import { RescorePage } from './RescorePage.tsx';
import { ReviewLayout } from './ReviewLayout.tsx';

const NotFound = () => (
  <EmptyState title="This page does not exist" imageName="cone" testId="not-found">
    <Text>
      <PageLink to="/">Back to the strategy review</PageLink>
    </Text>
  </EmptyState>
);

/** The page's routes, each inside the shared layout (docs/review-page.md). */
const ReviewRouter = createPageRouter(
  <PageRoutes layoutComponent={ReviewLayout}>
    <PageRoutes.IndexRoute component={OverviewPage} id="overview" />
    <PageRoutes.Route path="/pipeline" component={PipelinePage} id="pipeline" />
    <PageRoutes.Route path="/exceptions" component={ExceptionsPage} id="exceptions" />
    <PageRoutes.Route path="/evidence" component={EvidencePage} id="evidence" />
    <PageRoutes.Route path="/focus" component={FocusPage} id="focus" />
    <PageRoutes.Route path="/market" component={MarketPage} id="market" />
    <PageRoutes.Route path="/criteria" component={CriteriaPage} id="criteria" />
    <PageRoutes.Route path="/rescore" component={RescorePage} id="rescore" />
    <PageRoutes.AnyRoute component={NotFound} />
  </PageRoutes>,
);

/** The manager's strategy review: the shared state above the router, the routes below it. */
export const ReviewApp = ({
  context,
  actions,
  run,
}: {
  context: ExtensionPointApiContext<'pages'>;
  actions: ExtensionPointApiActions<'pages'>;
  run: FunctionRunner;
}) => (
  <ReviewProvider context={context} actions={actions} run={run}>
    <ReviewRouter />
  </ReviewProvider>
);
