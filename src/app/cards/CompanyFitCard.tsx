import type { ExtensionPointApiActions, ExtensionPointApiContext } from '@hubspot/ui-extensions';
import { hubspot } from '@hubspot/ui-extensions';

import { CompanyFit } from './components/CompanyFit.tsx';
import type { FunctionRunner } from '@strategy-fit/function-calls';

type Props = {
  context: ExtensionPointApiContext<'crm.record.tab'>;
  actions: ExtensionPointApiActions<'crm.record.tab'>;
  run?: FunctionRunner;
};

/** The company record tab (uid company_fit_card); tests pass their own `run`. */
export const CompanyFitCard = ({ actions, run = hubspot.serverless }: Props) => (
  <CompanyFit actions={actions} run={run} layout="tab" />
);

hubspot.extend<'crm.record.tab'>(({ context, actions }) => (
  <CompanyFitCard context={context} actions={actions} />
));
