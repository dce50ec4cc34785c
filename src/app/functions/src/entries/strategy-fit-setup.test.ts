// Setup from the settings page: `strategy_fit_setup` as HubSpot calls it (main(context), the
// function environment pointed at a fresh sandbox portal), in chunks until nothing is left, and
// `strategy_editor_load` telling the page what setup still has to do, the templates to start from
// and the product library.
import {
  FIT_PROPERTIES,
  SetupStep,
  StrategyEditorLoadResponse,
  StrategyFitSetupResponse,
} from '@strategy-fit/core';
import type { StrategyFitSetupValue } from '@strategy-fit/core';
import { listCustomObjects, readPropertyDefinitions } from '@strategy-fit/hubspot';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';

import { useFunctionEnv } from '../../../../../test/support/functions/hubspot-env.ts';
import { invokeSetup } from '../../../../../test/support/functions/invoke-editor.ts';
import {
  hubspotContext,
  startTestPortal,
  value,
} from '../../../../../test/support/functions/test-portal.ts';
import type { TestPortal } from '../../../../../test/support/functions/test-portal.ts';
import { main as load } from './strategy-editor-load.ts';
import { main as setup } from './strategy-fit-setup.ts';

let portal: TestPortal;
let restoreEnv: () => void = () => {};

beforeAll(async () => {
  portal = await startTestPortal({
    setup: false,
    seed: { seed: 1, companies: 20, deals: 30, asOf: '2026-11-01' },
  });
  restoreEnv = useFunctionEnv(portal.env);
  vi.spyOn(console, 'error').mockImplementation(() => undefined);
});
afterAll(async () => {
  vi.restoreAllMocks();
  restoreEnv();
  await portal.close();
});

const loadEditor = async () => {
  const answer = StrategyEditorLoadResponse.parse(await load(hubspotContext({})));
  if (!answer.ok) throw new Error(answer.error.message);
  return answer.value;
};

const THINGS =
  2 +
  FIT_PROPERTIES.reduce((n, p) => n + p.objects.length, 0) +
  2; /* groups, properties, objects */

describe('a fresh portal (nothing of Strategy Fit’s)', () => {
  it('strategy_editor_load: nothing published, setup to do in every step, the three templates, the product library', async () => {
    const loaded = await loadEditor();
    expect(loaded.current).toBeNull();
    expect(loaded.setup.complete).toBe(false);
    expect(loaded.setup.steps.map((s) => [s.step, s.missing.length > 0])).toEqual(
      SetupStep.options.map((s) => [s, true]),
    );
    expect(loaded.templates.map((t) => t.id)).toEqual([
      '01-minimal',
      '02-b2b-saas',
      '03-revops-services',
    ]);
    // Templates name no managers: version 1 names whoever approves it (SCORING §14).
    expect(loaded.templates.map((t) => t.strategy.managers)).toEqual(
      loaded.templates.map(() => ({ userIds: [], teamIds: [] })),
    );
    // The demo portal has every property the examples read.
    expect(loaded.templates.map((t) => t.portalIssues)).toEqual([0, 0, 0]);
    expect(loaded.products.truncated).toBe(false);
    expect(loaded.products.list.map((p) => p.sku)).toContain('PLAT-ANNUAL');
    expect(loaded.products.list.every((p) => /^\d+$/.test(p.id) && p.name !== '')).toBe(true);
  });

  it('strategy_fit_setup refuses parameters that are not a step, and writes nothing', async () => {
    for (const parameters of [{ from: 'everything' }, { setup: true }, { budgetMs: 1 }]) {
      const answer = StrategyFitSetupResponse.parse(await setup(hubspotContext(parameters)));
      expect(answer.ok ? 'ok' : answer.error.code, JSON.stringify(parameters)).toBe(
        'invalid_input',
      );
    }
    expect(value(await listCustomObjects(portal.hs))).toEqual([]);
  });

  it('in chunks (no time left: one write each), the page calls until `next` is null; then the load says it is set up', async () => {
    const chunks: StrategyFitSetupValue[] = [];
    let from: string | undefined;
    for (let i = 0; i < 100; i += 1) {
      const answer = StrategyFitSetupResponse.parse(
        await invokeSetup(
          portal.runtime,
          hubspotContext(from === undefined ? {} : { from }),
          { budgetMs: 0 },
          true,
        ),
      );
      if (!answer.ok) throw new Error(answer.error.message);
      chunks.push(answer.value);
      if (answer.value.next === null) break;
      from = answer.value.next;
    }
    expect(chunks).toHaveLength(THINGS);
    expect(chunks.at(-1)?.progress).toEqual({ stepsDone: 4, stepsTotal: 4 });
    expect(chunks[0]?.progress).toEqual({ stepsDone: 0, stepsTotal: 4 });
    const created = chunks.flatMap((c) =>
      c.done.flatMap((d) => d.changes.filter((x) => x.status === 'created')),
    );
    expect(created).toHaveLength(THINGS);
    const deals = value(await readPropertyDefinitions(portal.hs, 'deals'));
    expect(Object.keys(deals).filter((n) => n.startsWith('strategy_fit_')).length).toBe(
      FIT_PROPERTIES.filter((p) => p.objects.includes('deals')).length,
    );
    const loaded = await loadEditor();
    expect(loaded.setup).toEqual({
      complete: true,
      steps: SetupStep.options.map((step) => ({ step, missing: [] })),
    });
  });

  it('as HubSpot calls it (its 3-s budget): on a set-up portal one chunk finds everything and changes nothing', async () => {
    const answer = StrategyFitSetupResponse.parse(await setup(hubspotContext({})));
    if (!answer.ok) throw new Error(answer.error.message);
    expect(answer.value.next).toBeNull();
    expect(answer.value.done.map((d) => d.step)).toEqual(SetupStep.options);
    const statuses = new Set(answer.value.done.flatMap((d) => d.changes.map((c) => c.status)));
    expect([...statuses]).toEqual(['unchanged']);
    expect(answer.value.done.flatMap((d) => d.changes)).toHaveLength(THINGS);
  });
});
