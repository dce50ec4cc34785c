// The settings page (the strategy editor) in every state, with createRenderer('settings') and a
// runner answering with what the real functions produced against the sandbox.
import {
  Alert,
  Button,
  ErrorState,
  Input,
  Link,
  LoadingButton,
  LoadingSpinner,
  MultiSelect,
  NumberInput,
  ProgressBar,
  Select,
  TableCell,
  TableRow,
  Text,
} from '@hubspot/ui-extensions';
import {
  emptySimulationPart,
  formatAmount,
  mergeSimulationParts,
  simulationMatrixOf,
  StrategyEditorLoadResponse,
  StrategySimulateResponse,
} from '@strategy-fit/core';
import type { StrategyEditorLoadValue } from '@strategy-fit/core';
import { beforeAll, describe, expect, it } from 'vitest';

import { choose, click, renderSettings } from '../../../test/support/settings/render-settings.tsx';
import type { SettingsFixtures } from '../../../test/support/settings/settings-fixtures.ts';
import {
  allText,
  deferred,
  loadSettingsFixtures,
  runnerAnswering,
  serverlessFailure,
  typeInto,
} from '../../../test/support/settings/settings-fixtures.ts';

let fixtures: SettingsFixtures;
beforeAll(async () => {
  fixtures = await loadSettingsFixtures();
}, 60_000);

const loaded = (
  name: 'load_empty' | 'load_published' | 'load_after_publish',
): StrategyEditorLoadValue => {
  const answer = StrategyEditorLoadResponse.parse(fixtures[name]);
  if (!answer.ok) throw new Error(`${name} is an error`);
  return answer.value;
};

type Renderer = ReturnType<typeof renderSettings>;

const ready = async (r: Renderer) => {
  await r.waitFor(() => expect(r.findByTestId(Text, 'status')).toBeDefined());
};

/** Renames the strategy, so there is something to simulate and publish. */
const rename = (r: Renderer, name = 'B2B SaaS — FY2027') =>
  typeInto(r.findByTestId(Input, 'name'), name);

const simulated = async (r: Renderer) => {
  click(r.findByTestId(LoadingButton, 'simulate'));
  await r.waitFor(() => expect(r.findByTestId(Text, 'simulation-summary')).toBeDefined());
};

describe('settings page: loading and errors', () => {
  it('asks strategy_editor_load (sending no identity), and shows a spinner until it answers', async () => {
    const pending = deferred<unknown>();
    const r = renderSettings(async () => pending.promise);
    expect(r.findByTestId(LoadingSpinner, 'loading').props.label).toBe('Loading the strategy…');
    const run = runnerAnswering({ strategy_editor_load: [fixtures.load_published] });
    const r2 = renderSettings(run);
    await ready(r2);
    expect(run).toHaveBeenCalledWith('strategy_editor_load', { parameters: {} });
  });

  it('HubSpot unavailable: the error by its code, and Retry loads again', async () => {
    const run = runnerAnswering({
      strategy_editor_load: [fixtures.load_unavailable, fixtures.load_published],
    });
    const r = renderSettings(run);
    await r.waitFor(() => expect(r.findByTestId(ErrorState, 'load-error')).toBeDefined());
    expect(r.findByTestId(ErrorState, 'load-error').props.title).toBe('HubSpot did not answer');
    click(r.findByTestId(Button, 'load-retry'));
    await ready(r);
    expect(run).toHaveBeenCalledTimes(2);
  });

  it('a rejected call (HubSpot could not run the function) is an error with Retry', async () => {
    const r = renderSettings(async () => {
      throw serverlessFailure();
    });
    await r.waitFor(() => expect(r.findByTestId(ErrorState, 'load-error')).toBeDefined());
    expect(r.findByTestId(ErrorState, 'load-error').props.title).toBe(
      'Strategy Fit could not be reached',
    );
    expect(r.findByTestId(Button, 'load-retry')).toBeDefined();
  });
});

describe('settings page: an empty portal (no strategy yet)', () => {
  it('starts a first version to fill in, marks what is missing, and says how it is published', async () => {
    const r = renderSettings(runnerAnswering({ strategy_editor_load: [fixtures.load_empty] }));
    // A set-up portal without a version: the page offers the examples first, or nothing.
    await r.waitFor(() => expect(r.findByTestId(Button, 'template.scratch.start')).toBeDefined());
    click(r.findByTestId(Button, 'template.scratch.start'));
    await ready(r);
    expect(r.findByTestId(Text, 'status').text).toBe('No strategy is published yet.');
    // SCORING §14: whoever approves the first version publishes it, and it must name them.
    expect(allText(r.findByTestId(Alert, 'viewer-note'))).toBe(
      'Prepare the first version here. Whoever approves it in HubSpot publishes it, and it must name them as a manager.',
    );
    expect(r.findByTestId(Input, 'name').props.readOnly).toBe(false);
    expect(r.findByTestId(Input, 'name').props.validationMessage).toBe('“name” must not be empty.');
    expect(r.findByTestId(Select, 'segments[0].criteria[0].property').props.error).toBe(true);
    // Nothing invalid is prepared; there is nothing to simulate against.
    expect(r.findByTestId(LoadingButton, 'publish').props.disabled).toBe(true);
    expect(r.findByTestId(Text, 'publish-reason').text).toMatch(/^Fix the \d+ problems? marked/);
    expect(r.findByTestId(LoadingButton, 'simulate').props.disabled).toBe(true);
    expect(r.findByTestId(Text, 'history-empty')).toBeDefined();
    click(r.findByTestId(Button, 'copy-json'));
    const copy = r.mocks.actions.copyTextToClipboard;
    expect(copy.callCount).toBe(1);
    expect(JSON.parse(String(copy.calls[0]?.[0]))).toMatchObject({ schemaVersion: 1, name: '' });
  });
});

describe('settings page: a manager edits', () => {
  const renderManager = async (script: Record<string, readonly unknown[]> = {}) => {
    const run = runnerAnswering({ strategy_editor_load: [fixtures.load_published], ...script });
    const r = renderSettings(run);
    await ready(r);
    return { r, run };
  };

  it('shows the published version, with nothing to publish yet', async () => {
    const { r } = await renderManager();
    const { current } = loaded('load_published');
    expect(r.findByTestId(Text, 'status').text).toBe(
      `Published version 1: ${current?.summary.strategyName}, published by Maya Okafor on ${current?.summary.publishedAt.slice(0, 10)} ${current?.summary.publishedAt.slice(11, 16)} UTC.`,
    );
    // The page cannot know who looks: it says who publishes, by name.
    expect(allText(r.findByTestId(Alert, 'viewer-note'))).toBe(
      'Anyone who opens this page may prepare a version; it is published only when a manager of version 1 (Maya Okafor) approves it in HubSpot.',
    );
    expect(r.findByTestId(Input, 'name').props.value).toBe(current?.strategy.name);
    expect(r.findByTestId(Text, 'publish-reason').text).toBe(
      'Nothing to publish: this is the strategy of version 1.',
    );
  });

  it('inline errors appear at the field their path names, with the core’s words', async () => {
    const { r } = await renderManager();
    typeInto(r.findByTestId(Input, 'name'), '');
    choose(r.findByTestId(NumberInput, 'thresholds.stretch'), 80);
    await r.waitFor(() => expect(r.findByTestId(Alert, 'issue-summary')).toBeDefined());
    expect(r.findByTestId(Input, 'name').props).toMatchObject({
      error: true,
      validationMessage: '“name” must not be empty.',
    });
    expect(r.findByTestId(NumberInput, 'thresholds.stretch').props.validationMessage).toBe(
      'The stretch threshold (80) must be lower than the fit threshold (70).',
    );
    expect(r.findByTestId(Alert, 'issue-summary').props.title).toBe(
      '2 problems to fix before publishing',
    );
    expect(r.findByTestId(Text, 'issue-thresholds.stretch').text).toBe(
      'Thresholds › stretch: The stretch threshold (80) must be lower than the fit threshold (70).',
    );
    expect(r.findByTestId(LoadingButton, 'publish').props.disabled).toBe(true);
    expect(r.findByTestId(Text, 'publish-reason').text).toBe(
      'Fix the 2 problems marked in the strategy first: nothing invalid can be published.',
    );
    expect(r.findByTestId(LoadingButton, 'simulate').props.disabled).toBe(true);
  });

  it('a new criterion says what it lacks, at its property and then at its values', async () => {
    const { r } = await renderManager();
    const n = loaded('load_published').current?.strategy.segments[0]?.criteria.length ?? 0;
    click(r.findByTestId(Button, 'segments[0].criteria.add'));
    const at = `segments[0].criteria[${n}]`;
    await r.waitFor(() => expect(r.findByTestId(Select, `${at}.property`)).toBeDefined());
    expect(r.findByTestId(Select, `${at}.property`).props.validationMessage).toContain(
      'is not a HubSpot internal property name',
    );
    choose(r.findByTestId(Select, `${at}.property`), 'industry');
    choose(r.findByTestId(Select, `${at}.operator`), 'IN');
    await r.waitFor(() => expect(r.findByTestId(MultiSelect, `${at}.values`)).toBeDefined());
    expect(r.findByTestId(MultiSelect, `${at}.values`).props.validationMessage).toBe(
      'IN needs a non-empty list of values to compare with.',
    );
    choose(r.findByTestId(MultiSelect, `${at}.values`), ['RETAIL']);
    await r.waitFor(() =>
      expect(r.findByTestId(MultiSelect, `${at}.values`).props.error).toBe(false),
    );
    expect(r.maybeFindByTestId(Alert, 'issue-summary')).toBeNull();
  });

  it('operators are offered by property type, with the inputs each needs', async () => {
    const { r } = await renderManager();
    click(r.findByTestId(Button, 'exclusions.add'));
    const n = loaded('load_published').current?.strategy.exclusions.length ?? 0;
    const at = `exclusions[${n}].criteria[0]`;
    await r.waitFor(() => expect(r.findByTestId(Select, `${at}.property`)).toBeDefined());
    const operators = () =>
      r.findByTestId(Select, `${at}.operator`).props.options.map((o) => o.value);
    const pick = (property: string, operator: string) => {
      choose(r.findByTestId(Select, `${at}.property`), property);
      choose(r.findByTestId(Select, `${at}.operator`), operator);
    };

    choose(r.findByTestId(Select, `${at}.property`), 'numberofemployees');
    expect(operators()).toEqual([
      'EQ',
      'NEQ',
      'IN',
      'NOT_IN',
      'GT',
      'GTE',
      'LT',
      'LTE',
      'BETWEEN',
      'HAS_PROPERTY',
      'NOT_HAS_PROPERTY',
    ]);
    pick('numberofemployees', 'BETWEEN');
    expect(r.findByTestId(NumberInput, `${at}.value`).props.label).toBe('From');
    expect(r.findByTestId(NumberInput, `${at}.highValue`).props.label).toBe('To');
    pick('numberofemployees', 'IN');
    expect(r.findByTestId(Input, `${at}.values`).props.label).toBe('Numbers (separated by commas)');

    choose(r.findByTestId(Select, `${at}.property`), 'createdate');
    expect(operators()).toEqual([
      'GT',
      'GTE',
      'LT',
      'LTE',
      'BETWEEN',
      'HAS_PROPERTY',
      'NOT_HAS_PROPERTY',
      'WITHIN_NEXT_DAYS',
      'WITHIN_LAST_DAYS',
    ]);
    pick('createdate', 'WITHIN_LAST_DAYS');
    expect(r.findByTestId(NumberInput, `${at}.value`).props.label).toBe('Days');

    choose(r.findByTestId(Select, `${at}.property`), 'is_public');
    expect(operators()).toEqual(['EQ', 'NEQ', 'HAS_PROPERTY', 'NOT_HAS_PROPERTY']);
    pick('is_public', 'EQ');
    expect(r.findByTestId(Select, `${at}.value`).props.options).toEqual([
      { label: 'Yes', value: true },
      { label: 'No', value: false },
    ]);

    pick('industry', 'EQ');
    const industry = loaded('load_published').properties.company.find((p) => p.name === 'industry');
    expect(r.findByTestId(Select, `${at}.value`).props.options).toEqual(
      (industry?.options ?? []).map((o) => ({ label: o.label, value: o.value })),
    );
    pick('country', 'CONTAINS_TOKEN');
    expect(r.findByTestId(Input, `${at}.value`).props.label).toBe('Text');
  });

  it('segments and exclusions read the company: no “Record: Deal” there; the dream-customer test offers both (SCORING §14)', async () => {
    const { r } = await renderManager();
    expect(r.maybeFindByTestId(Select, 'segments[0].criteria[0].object')).toBeNull();
    expect(r.maybeFindByTestId(Select, 'exclusions[0].criteria[0].object')).toBeNull();
    click(r.findByTestId(Button, 'segments[0].criteria.add'));
    const n = loaded('load_published').current?.strategy.segments[0]?.criteria.length ?? 0;
    await r.waitFor(() =>
      expect(r.findByTestId(Select, `segments[0].criteria[${n}].property`)).toBeDefined(),
    );
    expect(r.maybeFindByTestId(Select, `segments[0].criteria[${n}].object`)).toBeNull();
    expect(
      r.findByTestId(Select, 'dreamCustomer.need[0].object').props.options.map((o) => o.label),
    ).toEqual(['Company', 'Deal']);
  });

  it('a segment criterion on a deal (published before SCORING §14) is marked, with where deal properties belong', async () => {
    const answer = StrategyEditorLoadResponse.parse(fixtures.load_published);
    if (!answer.ok || answer.value.current === null)
      throw new Error('load_published has no strategy');
    const current = answer.value.current;
    const [first, ...rest] = current.strategy.segments;
    if (first === undefined) throw new Error('no segment');
    const [criterion, ...others] = first.criteria;
    if (criterion === undefined) throw new Error('no criterion');
    const legacy = {
      ...answer,
      value: {
        ...answer.value,
        current: {
          ...current,
          strategy: {
            ...current.strategy,
            segments: [
              { ...first, criteria: [{ ...criterion, object: 'deal' as const }, ...others] },
              ...rest,
            ],
          },
        },
      },
    };
    const r = renderSettings(runnerAnswering({ strategy_editor_load: [legacy] }));
    await ready(r);
    const record = r.findByTestId(Select, 'segments[0].criteria[0].object');
    expect(record.props.value).toBe('deal');
    expect(record.props.options.map((o) => o.label)).toEqual([
      'Company',
      'Deal (not allowed in segments and exclusions)',
    ]);
    expect(record.props.error).toBe(true);
    expect(record.props.validationMessage).toContain(
      'Deal properties belong in the dream-customer test',
    );
  });

  it('Discard brings back the published strategy', async () => {
    const { r } = await renderManager();
    rename(r);
    await r.waitFor(() => expect(r.findByTestId(Button, 'discard').props.disabled).toBe(false));
    click(r.findByTestId(Button, 'discard'));
    await r.waitFor(() =>
      expect(r.findByTestId(Input, 'name').props.value).toBe(
        loaded('load_published').current?.strategy.name,
      ),
    );
  });
});

describe('settings page: simulate, then publish', () => {
  const renderEdited = async (script: Record<string, readonly unknown[]>) => {
    const run = runnerAnswering({
      strategy_editor_load: [fixtures.load_published, fixtures.load_after_publish],
      strategy_validate: [fixtures.validate_valid],
      strategy_simulate: [fixtures.simulate_chunk_1, fixtures.simulate_chunk_2],
      ...script,
    });
    const r = renderSettings(run);
    await ready(r);
    rename(r);
    await r.waitFor(() =>
      expect(r.findByTestId(Text, 'publish-reason').text).toBe(
        'Simulate first, to see which companies and how much open pipeline change tier.',
      ),
    );
    return { r, run };
  };

  it('the simulation checks the portal, runs chunk by chunk with progress, and shows the matrix', async () => {
    const second = deferred<unknown>();
    const calls: string[] = [];
    const r = renderSettings(async (name, options) => {
      calls.push(name);
      if (name === 'strategy_editor_load') return fixtures.load_published;
      if (name === 'strategy_validate') return fixtures.validate_valid;
      const cursor = (options.parameters as { cursor?: unknown }).cursor;
      return cursor === undefined ? fixtures.simulate_chunk_1 : second.promise;
    });
    await ready(r);
    rename(r);
    click(r.findByTestId(LoadingButton, 'simulate'));
    await r.waitFor(() => expect(r.findByTestId(ProgressBar, 'simulation-progress')).toBeDefined());
    // The first chunk read the open deals; the companies come next.
    expect(r.findByTestId(ProgressBar, 'simulation-progress').props).toMatchObject({
      value: 0,
      maxValue: 6,
      valueDescription: '0 of 6 companies simulated',
    });
    expect(r.findByTestId(LoadingButton, 'publish').props.disabled).toBe(true);
    second.resolve(fixtures.simulate_chunk_2);
    await r.waitFor(() => expect(r.findByTestId(Text, 'simulation-summary')).toBeDefined());
    expect(calls).toEqual([
      'strategy_editor_load',
      'strategy_validate',
      'strategy_simulate',
      'strategy_simulate',
    ]);
    // The page's matrix is the merge of the two chunks the function answered.
    const chunks = [fixtures.simulate_chunk_1, fixtures.simulate_chunk_2].map((c) => {
      const parsed = StrategySimulateResponse.parse(c);
      if (!parsed.ok) throw new Error('chunk failed');
      return parsed.value.part;
    });
    const matrix = simulationMatrixOf(chunks.reduce(mergeSimulationParts, emptySimulationPart()));
    const cell = matrix.rows
      .find((row) => row.oldTier === 'off_strategy')
      ?.cells.find((c) => c.newTier === 'refused');
    expect(cell).toMatchObject({ companies: 1, openDeals: 1 });
    const shown = r.findByTestId(TableCell, 'simulation-cell-off_strategy-refused');
    expect(allText(shown)).toBe(`1 ${formatAmount(cell?.openAmount ?? 0)}`);
    expect(r.findByTestId(Text, 'simulation-changed').text).toBe(
      `1 company, 1 open deal, ${formatAmount(matrix.changed.openAmount)} open pipeline`,
    );
    expect(r.findByTestId(TableRow, 'simulation-row-total')).toBeDefined();
    expect(r.findByTestId(Text, 'simulation-summary').text).toBe(
      'Simulated 6 companies against version 1. Nothing was written.',
    );
    expect(r.findByTestId(LoadingButton, 'publish').props.disabled).toBe(false);
    // An edit after the simulation asks for a new one.
    rename(r, 'Another name');
    await r.waitFor(() => expect(r.findByTestId(Text, 'simulation-stale')).toBeDefined());
    expect(r.findByTestId(LoadingButton, 'publish').props.disabled).toBe(true);
  });

  it('the portal check stops the simulation and marks the property at its field', async () => {
    const { r, run } = await renderEdited({ strategy_validate: [fixtures.validate_portal_issues] });
    click(r.findByTestId(LoadingButton, 'simulate'));
    await r.waitFor(() => expect(r.findByTestId(Alert, 'simulation-blocked')).toBeDefined());
    expect(run).not.toHaveBeenCalledWith('strategy_simulate', expect.anything());
    expect(
      r.findByTestId(Select, 'segments[0].criteria[0].property').props.validationMessage,
    ).toMatch(/^This portal has no company property “industri”\. Did you mean “industry”\?/);
  });

  it('publish: prepared, approved in HubSpot, published; then the page loads it', async () => {
    const { r, run } = await renderEdited({
      strategy_publish: [fixtures.publish_prepared],
      strategy_publish_confirm: [fixtures.confirm_published],
    });
    await simulated(r);
    click(r.findByTestId(LoadingButton, 'publish'));
    await r.waitFor(() => expect(r.findByTestId(Alert, 'publish-approval.approve')).toBeDefined());
    const publishCall = run.mock.calls.find(([name]) => name === 'strategy_publish');
    expect(publishCall?.[1].parameters).toMatchObject({
      strategy: { name: 'B2B SaaS — FY2027' },
      basedOnVersion: 1,
    });
    const prepared = fixtures.publish_prepared;
    if (!prepared.ok || prepared.value.outcome !== 'awaiting_approval') throw new Error('fixture');
    const { pending } = prepared.value;
    expect(r.findByTestId(Alert, 'publish-approval.approve').props.title).toBe(
      'Version 2 is ready: approve it in HubSpot',
    );
    expect(r.findByTestId(Link, 'publish-approval.link').props.href).toBe(
      `https://app.hubspot.com/contacts/${String(r.mocks.context.portal.id)}/record/${pending.objectTypeId}/${pending.recordId}`,
    );
    click(r.findByTestId(LoadingButton, 'publish-approval.confirm'));
    await r.waitFor(() => expect(r.findByTestId(Alert, 'publish-success')).toBeDefined());
    expect(run).toHaveBeenCalledWith('strategy_publish_confirm', {
      parameters: { pendingId: pending.recordId },
    });
    expect(r.findByTestId(Alert, 'publish-success').props.title).toBe('Version 2 published');
    expect(r.findByTestId(Text, 'status').text).toMatch(/^Published version 2: /);
    expect(r.findByTestId(TableRow, 'history-row-2')).toBeDefined();
    expect(r.findByTestId(TableRow, 'history-row-1')).toBeDefined();
  });

  it.each([
    ['nobody approved it yet', 'confirm_not_verified', 'HubSpot has no record of that approval'],
    ['a rep approved it', 'confirm_not_allowed', 'Permission denied'],
  ] as const)(
    'publish now before a manager’s approval (%s): refused, and Publish now stays',
    async (_, name, title) => {
      const { r } = await renderEdited({
        strategy_publish: [fixtures.publish_prepared],
        strategy_publish_confirm: [fixtures[name]],
      });
      await simulated(r);
      click(r.findByTestId(LoadingButton, 'publish'));
      await r.waitFor(() =>
        expect(r.findByTestId(LoadingButton, 'publish-approval.confirm')).toBeDefined(),
      );
      click(r.findByTestId(LoadingButton, 'publish-approval.confirm'));
      await r.waitFor(() =>
        expect(r.findByTestId(Alert, 'publish-approval.error').props.title).toBe(title),
      );
      expect(r.findByTestId(Alert, 'publish-approval.approve')).toBeDefined();
      expect(r.findByTestId(LoadingButton, 'publish-approval.confirm').props.disabled).toBe(false);
      expect(r.findByTestId(Text, 'status').text).toMatch(/^Published version 1: /);
    },
  );

  it('publish failure: the portal refuses a property; nothing published, the field is marked', async () => {
    const { r } = await renderEdited({ strategy_publish: [fixtures.publish_invalid] });
    await simulated(r);
    click(r.findByTestId(LoadingButton, 'publish'));
    await r.waitFor(() => expect(r.findByTestId(Alert, 'publish-invalid')).toBeDefined());
    expect(r.findByTestId(Select, 'segments[0].criteria[0].property').props.error).toBe(true);
    expect(r.findByTestId(Text, 'status').text).toMatch(/^Published version 1: /);
  });

  it('publish failure: someone published meanwhile; says who and when, keeps the edits', async () => {
    const { r, run } = await renderEdited({ strategy_publish: [fixtures.publish_conflict] });
    await simulated(r);
    click(r.findByTestId(LoadingButton, 'publish'));
    await r.waitFor(() => expect(r.findByTestId(Alert, 'publish-conflict')).toBeDefined());
    const text = allText(r.findByTestId(Alert, 'publish-conflict'));
    expect(text).toContain('You edited version 1, but version 2, published by Maya Okafor on ');
    expect(text).toContain('Nothing was overwritten, and your edits are still here.');
    expect(r.findByTestId(Input, 'name').props.value).toBe('B2B SaaS — FY2027');
    click(r.findByTestId(Button, 'publish-conflict.reload'));
    await r.waitFor(() =>
      expect(r.findByTestId(Text, 'status').text).toMatch(/^Published version 2: /),
    );
    expect(run.mock.calls.filter(([name]) => name === 'strategy_editor_load')).toHaveLength(2);
  });
});

describe('settings page: version history and rollback', () => {
  it('rolls back after a confirmation; the page then loads the new version', async () => {
    const run = runnerAnswering({
      strategy_editor_load: [fixtures.load_after_publish, fixtures.load_after_rollback],
      strategy_rollback: [fixtures.rollback_prepared],
      strategy_publish_confirm: [fixtures.rollback_confirmed],
    });
    const r = renderSettings(run);
    await ready(r);
    const rows = loaded('load_after_publish').history;
    expect(rows.map((v) => v.version)).toEqual([2, 1]);
    expect(allText(r.findByTestId(TableRow, 'history-row-2'))).toContain('Maya Okafor');
    expect(r.maybeFindByTestId(LoadingButton, 'rollback-2')).toBeNull();

    click(r.findByTestId(LoadingButton, 'rollback-1'));
    await r.waitFor(() => expect(r.findByTestId(Alert, 'rollback-confirm')).toBeDefined());
    click(r.findByTestId(Button, 'rollback-confirm.no'));
    await r.waitFor(() => expect(r.maybeFindByTestId(Alert, 'rollback-confirm')).toBeNull());
    expect(run).not.toHaveBeenCalledWith('strategy_rollback', expect.anything());

    click(r.findByTestId(LoadingButton, 'rollback-1'));
    await r.waitFor(() => expect(r.findByTestId(Alert, 'rollback-confirm')).toBeDefined());
    expect(r.findByTestId(Alert, 'rollback-confirm').props.title).toBe('Roll back to version 1?');
    click(r.findByTestId(Button, 'rollback-confirm.yes'));
    await r.waitFor(() => expect(r.findByTestId(Alert, 'rollback-approval.approve')).toBeDefined());
    expect(run).toHaveBeenCalledWith('strategy_rollback', {
      parameters: { version: 1, basedOnVersion: 2 },
    });
    click(r.findByTestId(LoadingButton, 'rollback-approval.confirm'));
    await r.waitFor(() => expect(r.findByTestId(Alert, 'publish-success')).toBeDefined());
    expect(r.findByTestId(Alert, 'publish-success').props.title).toBe('Version 3 published');
    expect(r.findByTestId(Text, 'status').text).toMatch(/rolled back to version 1 by Maya Okafor/);
    expect(allText(r.findByTestId(TableRow, 'history-row-3'))).toContain('Rollback to version 1');
  });
});
