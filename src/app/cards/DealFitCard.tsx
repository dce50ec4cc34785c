import type { ExtensionPointApiActions, ExtensionPointApiContext } from '@hubspot/ui-extensions';
import { hubspot } from '@hubspot/ui-extensions';

import { DealFit } from './components/DealFit.tsx';
import type { FunctionRunner } from '@strategy-fit/function-calls';

type Props = {
  context: ExtensionPointApiContext<'crm.record.tab'>;
  actions: ExtensionPointApiActions<'crm.record.tab'>;
  run?: FunctionRunner;
};

/** The deal record tab (uid deal_fit_card); tests pass their own `run`. */
export const DealFitCard = ({ actions, run = hubspot.serverless }: Props) => (
  <DealFit actions={actions} run={run} />
);

hubspot.extend<'crm.record.tab'>(({ context, actions }) => (
  <DealFitCard context={context} actions={actions} />
));
