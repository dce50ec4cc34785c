import type { ExtensionPointApiActions, SettingsContext } from '@hubspot/ui-extensions';
import { hubspot } from '@hubspot/ui-extensions';

import { StrategyEditor } from './components/StrategyEditor.tsx';
import type { FunctionRunner } from '@strategy-fit/function-calls';

type Props = {
  context: SettingsContext;
  actions: ExtensionPointApiActions<'settings'>;
  run?: FunctionRunner;
};

/** The app's settings page (uid strategy_fit_settings), the strategy editor; tests pass `run`. */
export const SettingsPage = ({ context, actions, run = hubspot.serverless }: Props) => (
  <StrategyEditor
    portalId={context.portal.id}
    run={run}
    copyText={(text) => void actions.copyTextToClipboard(text)}
    viewerEmail={context.user.email === '' ? null : context.user.email}
  />
);

hubspot.extend<'settings'>(({ context, actions }) => (
  <SettingsPage context={context} actions={actions} />
));
