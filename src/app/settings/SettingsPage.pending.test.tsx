// A version prepared earlier survives a reload of the settings page: the load lists it above the
// editor (or, before version 1, instead of the templates), and Publish now confirms it with the
// pendingId the load answered. createRenderer('settings'), answers produced by the real functions.
import { Alert, Button, Flex, Link, LoadingButton, Text } from '@hubspot/ui-extensions';
import { beforeAll, describe, expect, it } from 'vitest';

import { click, renderSettings } from '../../../test/support/settings/render-settings.tsx';
import type { SettingsFixtures } from '../../../test/support/settings/settings-fixtures.ts';
import {
  loadSettingsFixtures,
  runnerAnswering,
} from '../../../test/support/settings/settings-fixtures.ts';

let fixtures: SettingsFixtures;
beforeAll(async () => {
  fixtures = await loadSettingsFixtures();
}, 60_000);

const listed = (name: 'load_first_pending' | 'load_pending' | 'load_pending_approved') => {
  const answer = fixtures[name];
  const first = answer.ok ? answer.value.pending[0] : undefined;
  if (first === undefined) throw new Error(`${name} lists no pending version`);
  return first;
};

describe('settings page: a version waiting for approval, after a reload', () => {
  it('shows it above the editor with the link to its record; not yet approved', async () => {
    const r = renderSettings(runnerAnswering({ strategy_editor_load: [fixtures.load_pending] }));
    await r.waitFor(() => expect(r.findByTestId(Text, 'pending-0.summary')).toBeDefined());
    const { pending } = listed('load_pending');
    expect(r.findByTestId(Text, 'pending-0.summary').text).toMatch(
      /^Version 2 \(B2B SaaS — no retail\): prepared on \d{4}-\d\d-\d\d \d\d:\d\d UTC on this page, 2 changes against version 1\. Approval: not yet approved\.$/,
    );
    expect(r.findByTestId(Alert, 'pending-0.approve').props.title).toBe(
      'Version 2 is ready: approve it in HubSpot',
    );
    expect(r.findByTestId(Link, 'pending-0.link').props.href).toBe(
      `https://app.hubspot.com/contacts/${String(r.mocks.context.portal.id)}/record/${pending.objectTypeId}/${pending.recordId}`,
    );
    // The editor is still there, below.
    expect(r.findByTestId(Text, 'status').text).toMatch(/^Published version 1: /);
  });

  it('approved by a manager in HubSpot: Publish now confirms the listed version, then the page loads version 2', async () => {
    const run = runnerAnswering({
      strategy_editor_load: [fixtures.load_pending_approved, fixtures.load_after_publish],
      strategy_publish_confirm: [fixtures.confirm_published],
    });
    const r = renderSettings(run);
    await r.waitFor(() => expect(r.findByTestId(Text, 'pending-0.summary')).toBeDefined());
    expect(r.findByTestId(Text, 'pending-0.summary').text).toMatch(
      /Approval: set by Maya Okafor \(publishing checks it is a manager\)\.$/,
    );
    click(r.findByTestId(LoadingButton, 'pending-0.confirm'));
    await r.waitFor(() => expect(r.findByTestId(Alert, 'publish-success')).toBeDefined());
    expect(run).toHaveBeenCalledWith('strategy_publish_confirm', {
      parameters: { pendingId: listed('load_pending_approved').pending.recordId },
    });
    expect(r.findByTestId(Alert, 'publish-success').props.title).toBe('Version 2 published');
    expect(r.findByTestId(Text, 'status').text).toMatch(/^Published version 2: /);
    expect(r.maybeFindByTestId(Text, 'pending-0.summary')).toBeNull();
  });

  it('a refusal (not approved yet) shows why, and Publish now stays for the same version', async () => {
    const run = runnerAnswering({
      strategy_editor_load: [fixtures.load_pending],
      strategy_publish_confirm: [fixtures.confirm_not_verified],
    });
    const r = renderSettings(run);
    await r.waitFor(() => expect(r.findByTestId(LoadingButton, 'pending-0.confirm')).toBeDefined());
    click(r.findByTestId(LoadingButton, 'pending-0.confirm'));
    await r.waitFor(() =>
      expect(r.findByTestId(Alert, 'pending-0.error').props.title).toBe(
        'HubSpot has no record of that approval',
      ),
    );
    expect(r.findByTestId(Alert, 'pending-0.approve')).toBeDefined();
    expect(r.findByTestId(LoadingButton, 'pending-0.confirm').props.disabled).toBe(false);
  });

  it('nothing published yet: the prepared first version is shown instead of the templates', async () => {
    const r = renderSettings(
      runnerAnswering({ strategy_editor_load: [fixtures.load_first_pending] }),
    );
    await r.waitFor(() => expect(r.findByTestId(Text, 'pending-0.summary')).toBeDefined());
    expect(r.findByTestId(Text, 'pending-0.summary').text).toMatch(
      /^Version 1 \(.+\): prepared on .+, the first version\. Approval: not yet approved\.$/,
    );
    expect(r.maybeFindByTestId(Flex, 'templates')).toBeNull();
    click(r.findByTestId(Button, 'first-version-pending.another'));
    await r.waitFor(() => expect(r.findByTestId(Flex, 'templates')).toBeDefined());
    expect(r.maybeFindByTestId(Text, 'pending-0.summary')).toBeNull();
  });
});
