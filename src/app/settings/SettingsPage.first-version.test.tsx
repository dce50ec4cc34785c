// The settings page on a portal that is new to Strategy Fit (issue 11): "Set up Strategy Fit" in
// chunks, the examples to start version 1 from, the way to version 1 with the focus guard's
// warnings acknowledged (SCORING §13, §14), and the editors of the seed's selling parts
// (positioning, offers from the product library, competitors, existing customers; SCORING
// §10–§12). Rendered with createRenderer('settings'); every answer is what the real functions
// produced against the sandbox (test/support/functions/produce-settings-fixtures.ts).
import {
  Accordion,
  Alert,
  Button,
  Checkbox,
  Input,
  List,
  LoadingButton,
  MultiSelect,
  NumberInput,
  ProgressBar,
  Select,
  StepIndicator,
  Text,
  TextArea,
} from '@hubspot/ui-extensions';
import {
  SETUP_STEP_LABELS,
  simulationFocusGuard,
  simulationMatrixOf,
  StrategyEditorLoadResponse,
  StrategyFitSetupResponse,
  StrategySchema,
  StrategySimulateResponse,
} from '@strategy-fit/core';
import type { StrategyEditorLoadValue, StrategyFitSetupValue } from '@strategy-fit/core';
import { beforeAll, describe, expect, it } from 'vitest';

import { firstVersionStrategy } from '../../../test/support/functions/produce-settings-fixtures.ts';
import { value } from '../../../test/support/functions/test-portal.ts';
import { choose, click, renderSettings } from '../../../test/support/settings/render-settings.tsx';
import type { SettingsFixtures } from '../../../test/support/settings/settings-fixtures.ts';
import {
  allText,
  deferred,
  loadSettingsFixtures,
  runnerAnswering,
} from '../../../test/support/settings/settings-fixtures.ts';

let fixtures: SettingsFixtures;
beforeAll(async () => {
  fixtures = await loadSettingsFixtures();
}, 60_000);

const loaded = (
  name: 'load_fresh' | 'load_empty' | 'load_setup_incomplete',
): StrategyEditorLoadValue => value(StrategyEditorLoadResponse.parse(fixtures[name]));
const chunk = (name: 'setup_chunk_first' | 'setup_chunk_last'): StrategyFitSetupValue =>
  value(StrategyFitSetupResponse.parse(fixtures[name]));
const TEMPLATE = '02-b2b-saas';

type Renderer = ReturnType<typeof renderSettings>;

/** A set-up portal without a version: the admin starts from the realistic example. */
const startFromTemplate = async (script: Record<string, readonly unknown[]> = {}) => {
  const run = runnerAnswering({ strategy_editor_load: [fixtures.load_empty], ...script });
  const r = renderSettings(run);
  await r.waitFor(() => expect(r.findByTestId(Button, `template.${TEMPLATE}.start`)).toBeDefined());
  click(r.findByTestId(Button, `template.${TEMPLATE}.start`));
  await r.waitFor(() => expect(r.findByTestId(Text, 'status')).toBeDefined());
  return { r, run };
};

const step = (r: Renderer) =>
  r.findByTestId(StepIndicator, 'first-version.steps').props.currentStep;

describe('settings page: a portal that is not set up', () => {
  it('offers “Set up Strategy Fit”, says what it will create, runs in chunks with progress, then shows what it did', async () => {
    const second = deferred<unknown>();
    const calls: unknown[] = [];
    let loads = 0;
    const r = renderSettings(async (name, options) => {
      if (name === 'strategy_editor_load') {
        loads += 1;
        return loads === 1 ? fixtures.load_fresh : fixtures.load_empty;
      }
      calls.push(options.parameters);
      return calls.length === 1 ? fixtures.setup_chunk_first : second.promise;
    });
    await r.waitFor(() => expect(r.findByTestId(LoadingButton, 'setup-start')).toBeDefined());
    // Before it runs: each step, and what it still lacks on this portal (the load's status).
    const plan = allText(r.findByTestId(Text, 'setup-intro'));
    expect(plan).toMatch(/^Strategy Fit keeps its scores in properties of companies and deals/);
    const status = loaded('load_fresh').setup;
    expect(status.steps.every((s) => s.missing.length > 0)).toBe(true);
    const planText = allText(r.findByTestId(List, 'setup-plan'));
    for (const label of Object.values(SETUP_STEP_LABELS)) expect(planText).toContain(label);
    expect(planText).toContain('Strategy store (custom object strategy_fit_strategy) : To create.');
    click(r.findByTestId(LoadingButton, 'setup-start'));
    await r.waitFor(() => expect(r.findByTestId(ProgressBar, 'setup-progress')).toBeDefined());
    const first = chunk('setup_chunk_first');
    expect(r.findByTestId(ProgressBar, 'setup-progress').props).toMatchObject({
      value: first.progress.stepsDone,
      maxValue: 4,
    });
    second.resolve(fixtures.setup_chunk_last);
    await r.waitFor(() => expect(r.findByTestId(Alert, 'setup-done')).toBeDefined());
    // The page continued where the first chunk stopped, and sent nothing else.
    expect(calls).toEqual([{}, { from: first.next }]);
    const created = [first, chunk('setup_chunk_last')]
      .flatMap((c) => c.done.flatMap((d) => d.changes))
      .filter((c) => c.status === 'created').length;
    expect(created).toBeGreaterThan(0);
    expect(r.findByTestId(Text, 'setup-result.total').text).toBe(
      `Created ${created}, completed 0; 0 were there already.`,
    );
    // Next: the first strategy, from the examples.
    click(r.findByTestId(Button, 'setup-continue'));
    await r.waitFor(() =>
      expect(r.findByTestId(Button, `template.${TEMPLATE}.start`)).toBeDefined(),
    );
    const templates = loaded('load_empty').templates;
    expect(templates.map((t) => t.id)).toContain(TEMPLATE);
    expect(r.findByTestId(Text, `template.${TEMPLATE}.summary`).text).toMatch(
      /segments · \d+ kinds? of customer refused · uses positioning, offers by product, competitors, existing customers/,
    );
    expect(r.findByTestId(Text, `template.${TEMPLATE}.portal`).text).toBe(
      'Every property it reads exists on this portal.',
    );
    expect(r.findByTestId(Button, 'template.scratch.start')).toBeDefined();
  });
});

describe('settings page: setup stopped, or incomplete', () => {
  it('a call that fails shows the error and Retry, which continues', async () => {
    const run = runnerAnswering({
      strategy_editor_load: [fixtures.load_fresh],
      strategy_fit_setup: [fixtures.setup_unavailable, fixtures.setup_chunk_last],
    });
    const r = renderSettings(run);
    await r.waitFor(() => expect(r.findByTestId(LoadingButton, 'setup-start')).toBeDefined());
    click(r.findByTestId(LoadingButton, 'setup-start'));
    await r.waitFor(() => expect(r.findByTestId(Button, 'setup-retry')).toBeDefined());
    expect(r.findByTestId(Alert, 'setup-error').props.title).toBe('HubSpot did not answer');
    click(r.findByTestId(Button, 'setup-retry'));
    await r.waitFor(() => expect(r.findByTestId(Alert, 'setup-done')).toBeDefined());
    expect(run.mock.calls.filter(([name]) => name === 'strategy_fit_setup')).toEqual([
      ['strategy_fit_setup', { parameters: {} }],
      ['strategy_fit_setup', { parameters: {} }],
    ]);
  });

  it('a portal set up by an earlier version: the editor says what is missing and offers to complete it', async () => {
    const r = renderSettings(
      runnerAnswering({ strategy_editor_load: [fixtures.load_setup_incomplete] }),
    );
    await r.waitFor(() => expect(r.findByTestId(Text, 'status')).toBeDefined());
    const missing = loaded('load_setup_incomplete').setup.steps.flatMap((s) => s.missing);
    expect(missing.length).toBeGreaterThan(0);
    expect(allText(r.findByTestId(Alert, 'setup-incomplete'))).toContain(
      `This version of Strategy Fit needs ${missing.length === 1 ? 'one more thing' : `${missing.length} more things`} on this portal.`,
    );
    expect(allText(r.findByTestId(LoadingButton, 'setup-start'))).toBe('Complete the setup');
  });
});

describe('settings page: version 1 from a template (SCORING §14 “First version”)', () => {
  it('names the admin, simulates, asks to acknowledge the focus guard’s warnings, then prepares version 1 for approval in HubSpot', async () => {
    const { r, run } = await startFromTemplate({
      strategy_validate: [fixtures.validate_first],
      strategy_simulate: [fixtures.simulate_first],
      strategy_publish: [fixtures.publish_first_prepared],
    });
    // The template names no manager: version 1 must name whoever approves it.
    expect(step(r)).toBe(1);
    expect(r.findByTestId(Text, 'first-version.todo').text).toMatch(
      /^Name yourself as a strategy manager/,
    );
    const email = r.mocks.context.user.email;
    click(r.findByTestId(Button, 'managers.add-me'));
    await r.waitFor(() => expect(step(r)).toBe(2));
    expect(r.findByTestId(TextArea, 'managers.emails').props.value).toBe(email);
    // A stricter focus guard than the example's: the simulation will warn.
    r.findByTestId(NumberInput, 'focusGuard.maxAcceptedPercent').props.onChange?.(30);
    click(r.findByTestId(LoadingButton, 'simulate'));
    await r.waitFor(() => expect(r.findByTestId(Text, 'simulation-summary')).toBeDefined());
    expect(r.findByTestId(Text, 'simulation-summary').text).toBe(
      'Simulated 6 companies: nothing is published yet, so every company is scored for the first time. Nothing was written.',
    );
    // The warnings are the core's, over the simulated tiers of this draft.
    const template = loaded('load_empty').templates.find((t) => t.id === TEMPLATE);
    // One chunk did it all (its cursor is null): its part is the whole simulation.
    const matrix = simulationMatrixOf(
      value(StrategySimulateResponse.parse(fixtures.simulate_first)).part,
    );
    const focus = simulationFocusGuard(
      StrategySchema.parse(firstVersionStrategy(template?.strategy ?? ({} as never))),
      matrix,
    );
    expect(focus.warnings.map((w) => w.code)).toEqual(['accepts_most']);
    expect(r.findByTestId(Text, 'focus-guard.accepts_most').text).toBe(focus.warnings[0]?.message);
    expect(r.findByTestId(LoadingButton, 'publish').props.disabled).toBe(true);
    expect(r.findByTestId(Text, 'publish-reason').text).toBe(
      'Read the focus warning of the simulation and acknowledge it first.',
    );
    expect(step(r)).toBe(2);
    r.findByTestId(Checkbox, 'focus-guard.acknowledge').props.onChange?.(true, '');
    await r.waitFor(() =>
      expect(r.findByTestId(LoadingButton, 'publish').props.disabled).toBe(false),
    );
    expect(step(r)).toBe(3);
    click(r.findByTestId(LoadingButton, 'publish'));
    await r.waitFor(() => expect(step(r)).toBe(4));
    expect(r.findByTestId(Text, 'first-version.todo').text).toMatch(
      /^Open the prepared version in HubSpot/,
    );
    // What was prepared: the template as edited, based on no version.
    const sent = run.mock.calls.find(([name]) => name === 'strategy_publish')?.[1].parameters as {
      strategy: { managers: { userIds: string[] }; focusGuard: unknown; segments: unknown[] };
      basedOnVersion: unknown;
    };
    expect(sent.basedOnVersion).toBeNull();
    expect(sent.strategy.managers.userIds).toEqual([email]);
    expect(sent.strategy.focusGuard).toEqual({ maxAcceptedPercent: 30 });
    expect(sent.strategy.segments).toEqual(template?.strategy.segments);
  });

  it('an edit after acknowledging needs a new simulation, and a new acknowledgement', async () => {
    const { r } = await startFromTemplate({
      strategy_validate: [fixtures.validate_first],
      strategy_simulate: [fixtures.simulate_first],
    });
    click(r.findByTestId(Button, 'managers.add-me'));
    r.findByTestId(NumberInput, 'focusGuard.maxAcceptedPercent').props.onChange?.(30);
    click(r.findByTestId(LoadingButton, 'simulate'));
    await r.waitFor(() =>
      expect(r.findByTestId(Checkbox, 'focus-guard.acknowledge')).toBeDefined(),
    );
    r.findByTestId(Checkbox, 'focus-guard.acknowledge').props.onChange?.(true, '');
    await r.waitFor(() =>
      expect(r.findByTestId(LoadingButton, 'publish').props.disabled).toBe(false),
    );
    r.findByTestId(Input, 'name').props.onInput?.('FY2027');
    await r.waitFor(() =>
      expect(r.findByTestId(LoadingButton, 'publish').props.disabled).toBe(true),
    );
    click(r.findByTestId(LoadingButton, 'simulate'));
    await r.waitFor(() =>
      expect(r.findByTestId(Checkbox, 'focus-guard.acknowledge')).toBeDefined(),
    );
    expect(r.findByTestId(Checkbox, 'focus-guard.acknowledge').props.checked).toBe(false);
    expect(r.findByTestId(LoadingButton, 'publish').props.disabled).toBe(true);
  });

  it('“Start over” goes back to the examples; “Start from scratch” opens an empty strategy', async () => {
    const { r } = await startFromTemplate();
    click(r.findByTestId(Button, 'start-over'));
    await r.waitFor(() => expect(r.findByTestId(Button, 'template.scratch.start')).toBeDefined());
    click(r.findByTestId(Button, 'template.scratch.start'));
    await r.waitFor(() => expect(r.findByTestId(Input, 'name')).toBeDefined());
    expect(r.findByTestId(Input, 'name').props.value).toBe('');
    expect(step(r)).toBe(0);
  });
});

describe('settings page: the seed’s selling parts (SCORING §10–§13, §15)', () => {
  it('positioning and offers per segment, the offers picked from the product library by SKU', async () => {
    const { r } = await startFromTemplate();
    const template = loaded('load_empty').templates.find((t) => t.id === TEMPLATE);
    const segment = template?.strategy.segments[0];
    expect(r.findByTestId(TextArea, 'segments[0].positioning.valueProposition').props.value).toBe(
      segment?.positioning?.valueProposition,
    );
    expect(r.findByTestId(TextArea, 'segments[0].positioning.differentiators').props.value).toBe(
      segment?.positioning?.differentiators?.join('\n'),
    );
    const offers = r.findByTestId(MultiSelect, 'segments[0].offers');
    expect(offers.props.value).toEqual(segment?.offers);
    const products = loaded('load_empty').products.list;
    expect(products.length).toBeGreaterThan(0);
    for (const p of products.filter((p) => p.sku !== null)) {
      expect(offers.props.options).toContainEqual({ label: `${p.name} (${p.sku})`, value: p.sku });
    }
    // An edit reaches the strategy the page would prepare (its JSON).
    r.findByTestId(TextArea, 'segments[0].positioning.differentiators').props.onChange?.(
      'Fast\n\n Honest ',
    );
    choose(r.findByTestId(MultiSelect, 'segments[0].offers'), ['PLAT-ANNUAL']);
    click(r.findByTestId(Button, 'copy-json'));
    const copied = JSON.parse(String(r.mocks.actions.copyTextToClipboard.calls[0]?.[0])) as {
      segments: { positioning: { differentiators: string[] }; offers: string[] }[];
    };
    expect(copied.segments[0]?.positioning.differentiators).toEqual(['Fast', 'Honest']);
    expect(copied.segments[0]?.offers).toEqual(['PLAT-ANNUAL']);
  });

  it('competitors with the deal property that names them, the existing-customer policy, focus guard and evidence window', async () => {
    const { r } = await startFromTemplate();
    const strategy = loaded('load_empty').templates.find((t) => t.id === TEMPLATE)?.strategy;
    const property = r.findByTestId(Select, 'competitorProperty');
    expect(property.props.value).toBe(strategy?.competitorProperty);
    expect(property.props.options.map((o) => o.value)).toContain(strategy?.competitorProperty);
    expect(r.findByTestId(Accordion, 'competitors[0]').props.title).toBe(
      strategy?.competitors?.[0]?.name,
    );
    expect(r.findByTestId(TextArea, 'competitors[0].howWeWin').props.value).toBe(
      strategy?.competitors?.[0]?.howWeWin,
    );
    // A new competitor says what it lacks, at its field (the core's one-pass check).
    click(r.findByTestId(Button, 'competitors.add'));
    const added = `competitors[${strategy?.competitors?.length ?? 0}]`;
    await r.waitFor(() =>
      expect(r.findByTestId(Input, `${added}.name`).props.validationMessage).toBeDefined(),
    );
    expect(r.findByTestId(Select, 'existingCustomers.policy').props.value).toBe('retain');
    expect(r.findByTestId(Select, 'existingCustomers.criteria[0].property').props.value).toBe(
      'dealtype',
    );
    expect(r.findByTestId(NumberInput, 'focusGuard.maxAcceptedPercent').props.value).toBe(
      strategy?.focusGuard?.maxAcceptedPercent,
    );
    expect(r.findByTestId(NumberInput, 'evidenceWindowDays').props.value).toBe(
      strategy?.evidenceWindowDays,
    );
    // Back to the default criteria of existing business (the deal type).
    click(r.findByTestId(Button, 'existingCustomers.default-criteria'));
    await r.waitFor(() => expect(r.findByTestId(Text, 'existingCustomers.default')).toBeDefined());
  });
});
