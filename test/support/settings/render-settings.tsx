// Renders the settings page with createRenderer('settings') and an injected runner (the
// renderer does not mock hubspot.serverless), plus small drivers for HubSpot's inputs.
import { createRenderer } from '@hubspot/ui-extensions/testing';

import type { FunctionRunner } from '@strategy-fit/function-calls';
import { SettingsPage } from '../../../src/app/settings/SettingsPage.tsx';

export const renderSettings = (run: FunctionRunner) => {
  const renderer = createRenderer('settings');
  renderer.render(
    <SettingsPage context={renderer.mocks.context} actions={renderer.mocks.actions} run={run} />,
  );
  return renderer;
};

/** Picks a value in a Select / MultiSelect, as HubSpot calls its onChange. */
export const choose = <V,>(
  node: { props: { onChange?: ((value: V) => void) | undefined } },
  value: V,
): void => node.props.onChange?.(value);

/** Clicks a Button / LoadingButton. */
export const click = (node: { trigger: (event: 'onClick') => void }): void =>
  node.trigger('onClick');
