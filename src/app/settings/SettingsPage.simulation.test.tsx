// The settings page when HubSpot's rate limit ends a simulation chunk early: the page waits as the
// answer asks, then continues from its cursor by itself; the matrix is the one of a simulation
// that was never stopped. Rendered with createRenderer('settings'); every answer is produced by
// the real functions against a sandbox (a 429 injected into the second page's list, as HubSpot
// answers when other requests of the app used up its 10-second window).
import {
  Button,
  Flex,
  Input,
  LoadingButton,
  ProgressBar,
  Table,
  TableCell,
  TableRow,
  Text,
} from '@hubspot/ui-extensions';
import { simulationMatrixOf, StrategySchema, StrategySimulateResponse } from '@strategy-fit/core';
import type { StrategySimulateValue } from '@strategy-fit/core';
import {
  invokeEditorLoad,
  invokeSimulate,
  invokeValidate,
} from '../../../test/support/functions/invoke-editor.ts';
import {
  refusingRetailStrategy,
  teamManagedStrategy,
} from '../../../test/support/functions/produce-settings-fixtures.ts';
import {
  COMPANIES,
  createCompany,
  createDeal,
  hubspotContext,
  plainDeal,
  startTestPortal,
} from '../../../test/support/functions/test-portal.ts';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';

import { click, renderSettings } from '../../../test/support/settings/render-settings.tsx';
import { runnerAnswering, typeInto } from '../../../test/support/settings/settings-fixtures.ts';

type Answers = {
  load: unknown;
  validate: unknown;
  /** The chunks of a simulation that HubSpot's rate limit stopped once. */
  chunks: unknown[];
  /** The same simulation in one chunk, never stopped. */
  whole: StrategySimulateValue;
};

let answers: Answers;

const valueOf = (answer: unknown): StrategySimulateValue => {
  const parsed = StrategySimulateResponse.parse(answer);
  if (!parsed.ok) throw new Error(`expected ok, got ${JSON.stringify(parsed.error)}`);
  return parsed.value;
};

/** Six companies in blocks of two, and a 429 (three times, so the client gives up) on block 2. */
beforeAll(async () => {
  const portal = await startTestPortal({ publish: false });
  try {
    const rt = portal.runtime;
    await portal.publish(StrategySchema.parse(teamManagedStrategy()));
    const ids: Record<string, string> = {};
    for (const [tier, properties] of Object.entries(COMPANIES)) {
      ids[tier] = await createCompany(portal.hs, properties);
    }
    await createDeal(portal.hs, plainDeal('Grocery POS', '40000'), {
      companyId: ids['off_strategy'],
    });
    const strategy = refusingRetailStrategy();
    // Blocks of two records (pages of two); the whole simulation in one chunk.
    const simulate = (
      cursor: unknown,
      options: {
        budgetMs: number;
        blocks?: { blockSize: number; listPageSize: number; searchPageSize: number };
      },
    ) =>
      invokeSimulate(
        rt,
        hubspotContext({ strategy, ...(cursor === null ? {} : { cursor }) }),
        options,
        true,
      );
    const small = { blockSize: 2, listPageSize: 2, searchPageSize: 2 };
    const whole = valueOf(await simulate(null, { budgetMs: 60_000 }));
    portal.sandbox.control.setFaults({
      paths: ['/crm/objects/2026-09/companies'],
      methods: ['GET'],
      schedule: [{ request: 2, fault: 'rateLimit', count: 3 }],
    });
    const chunks: unknown[] = [await simulate(null, { budgetMs: 60_000, blocks: small })];
    portal.sandbox.control.setFaults(undefined);
    let cursor = valueOf(chunks[0]).cursor;
    while (cursor !== null) {
      const next = await simulate(cursor, { budgetMs: 60_000, blocks: small });
      chunks.push(next);
      cursor = valueOf(next).cursor;
    }
    answers = {
      load: await invokeEditorLoad(rt, hubspotContext({}), true),
      validate: await invokeValidate(rt, hubspotContext({ strategy }), true),
      chunks,
      whole,
    };
  } finally {
    await portal.close();
  }
}, 60_000);

afterEach(() => {
  vi.useRealTimers();
});

const start = async () => {
  const run = runnerAnswering({
    strategy_editor_load: [answers.load],
    strategy_validate: [answers.validate],
    strategy_simulate: answers.chunks,
  });
  const r = renderSettings(run);
  await r.waitFor(() => expect(r.findByTestId(Text, 'status')).toBeDefined());
  typeInto(r.findByTestId(Input, 'name'), 'B2B SaaS — no retail');
  await r.waitFor(() =>
    expect(r.findByTestId(LoadingButton, 'simulate').props.disabled).toBe(false),
  );
  // Only the page's wait runs on the test's clock; everything else as usual.
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
  click(r.findByTestId(LoadingButton, 'simulate'));
  await r.waitFor(() => expect(r.findByTestId(Text, 'simulation-paused')).toBeDefined());
  const simulateCalls = () => run.mock.calls.filter(([name]) => name === 'strategy_simulate');
  return { r, run, simulateCalls };
};

describe('settings page: a chunk HubSpot rate-limited', () => {
  it('the fixtures: the first chunk did one page, then HubSpot refused; the rest continue from its cursor', () => {
    const [first, ...rest] = answers.chunks.map(valueOf);
    expect(first?.chunk.companies).toBe(2);
    expect(first?.interrupted?.reason).toBe('hubspot_rate_limited');
    // The wait the injected 429 asked for (Retry-After: 1), not HubSpot's 10-second window.
    expect(first?.interrupted?.retryAfterMs).toBeGreaterThan(0);
    expect(first?.interrupted?.retryAfterMs).toBeLessThanOrEqual(1_000);
    expect(first?.cursor?.companiesDone).toBe(2);
    expect(rest.length).toBeGreaterThan(0);
    for (const chunk of rest) expect(chunk.interrupted).toBeUndefined();
    expect(rest.at(-1)?.cursor).toBeNull();
  });

  it('waits as the answer says, then continues from the cursor by itself; the matrix is the unhindered one', async () => {
    const { r, simulateCalls } = await start();
    const first = valueOf(answers.chunks[0]);
    const waitMs = first.interrupted?.retryAfterMs ?? 0;
    // Paused after the first chunk: its companies are counted, the wait is said, nothing is lost.
    expect(r.findByTestId(ProgressBar, 'simulation-progress').props).toMatchObject({
      value: 2,
      maxValue: 6,
      valueDescription: '2 of 6 companies simulated',
    });
    expect(r.findByTestId(Text, 'simulation-paused').text).toBe(
      "HubSpot's rate limit for this app is reached (other requests share it). The simulation continues by itself in 1 second, where it stopped: nothing simulated so far is lost.",
    );
    expect(simulateCalls()).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(waitMs - 1);
    expect(simulateCalls()).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(1);
    await r.waitFor(() => expect(r.findByTestId(Text, 'simulation-summary')).toBeDefined());

    // The second call sent the first chunk's cursor back, as the function answered it.
    const parameters = (n: number) =>
      (simulateCalls()[n]?.[1].parameters as { cursor?: unknown } | undefined)?.cursor;
    expect(parameters(0)).toBeUndefined();
    expect(parameters(1)).toEqual(first.cursor);
    expect(simulateCalls()).toHaveLength(answers.chunks.length);
    expect(r.findByTestId(Text, 'simulation-summary').text).toBe(
      'Simulated 6 companies against version 1. Nothing was written.',
    );
    expect(r.findByTestId(Text, 'simulation-pauses').text).toBe(
      "HubSpot's rate limit paused the simulation once; each time it continued where it stopped, so every company was simulated once.",
    );
    // The figures are those of the simulation that was never stopped.
    const whole = simulationMatrixOf(answers.whole.part);
    expect(whole.changed.companies).toBe(1);
    expect(r.findByTestId(Text, 'simulation-changed').text).toBe(
      `1 company, 1 open deal, 40,000 open pipeline`,
    );
    expect(whole.changed).toEqual({ companies: 1, openDeals: 1, openAmount: 40_000 });
    expect(r.findByTestId(LoadingButton, 'publish').props.disabled).toBe(false);
  });

  it('shows which accounts move, and what the portal holds next to each criterion (issue 13)', async () => {
    const { r } = await start();
    await vi.advanceTimersByTimeAsync(valueOf(answers.chunks[0]).interrupted?.retryAfterMs ?? 0);
    await r.waitFor(() => expect(r.findByTestId(Text, 'simulation-summary')).toBeDefined());
    const movers = r.findByTestId(Flex, 'simulation-movers');
    expect(movers.find(Text).text).toBe('Accounts that change tier: 1 company and 1 open deal.');
    const companies = r.findByTestId(Table, 'movers-companies');
    expect(companies.findAll(TableRow)).toHaveLength(2);
    expect(companies.findAll(TableCell).map((c) => c.text)).toEqual([
      expect.any(String),
      'Off strategy → Refused',
      '40,000 in 1 open deal',
    ]);
    expect(r.findByTestId(Table, 'movers-deals').findAll(TableCell).at(0)?.text).toBe(
      'Grocery POS',
    );
    // Each criterion of the simulated draft says what the portal holds for it.
    expect(r.findByTestId(Text, 'segments[0].criteria[0].portal').text).toMatch(
      /^In this portal: matches [\d,]+ compan(y|ies), misses [\d,]+, unknown for [\d,]+\./,
    );
  });

  it('Discard during the wait ends the simulation: no further chunk is asked for', async () => {
    const { r, simulateCalls } = await start();
    click(r.findByTestId(Button, 'discard'));
    // Past any wait the answer could ask for (the page accepts at most 60 s).
    await vi.advanceTimersByTimeAsync(60_000);
    expect(r.maybeFindByTestId(Text, 'simulation-paused')).toBeNull();
    expect(r.maybeFindByTestId(ProgressBar, 'simulation-progress')).toBeNull();
    expect(simulateCalls()).toHaveLength(1);
  });
});
