import type { ExtensionPointApiActions, ExtensionPointApiContext } from '@hubspot/ui-extensions';
import { hubspot } from '@hubspot/ui-extensions';

import { CompanyFit } from './components/CompanyFit.tsx';
import type { FunctionRunner } from '@strategy-fit/function-calls';

type Props = {
  context: ExtensionPointApiContext<'crm.record.sidebar'>;
  actions: ExtensionPointApiActions<'crm.record.sidebar'>;
  run?: FunctionRunner;
};

/** The compact company sidebar (uid company_fit_sidebar); tests pass their own `run`. */
export const CompanyFitSidebarCard = ({ actions, run = hubspot.serverless }: Props) => (
  <CompanyFit actions={actions} run={run} layout="sidebar" />
);

hubspot.extend<'crm.record.sidebar'>(({ context, actions }) => (
  <CompanyFitSidebarCard context={context} actions={actions} />
));
