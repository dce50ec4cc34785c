import { FIT_PROPERTIES, SetupStep } from '@strategy-fit/core';
import type { SetupChange, SetupStepReport } from '@strategy-fit/core';
import type { RunningSandbox } from '@strategy-fit/sandbox';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import type { HubSpot } from '../create-client.ts';
import { readPropertyDefinitions } from '../read-property-definitions.ts';
import { EVENT_DEFINITION } from '../exception-events/event-schema.ts';
import { STORE_DEFINITION } from '../strategy-store/store-schema.ts';
import { setupPortal } from './setup-portal.ts';
import type { SetupRun } from './setup-portal.ts';
import { readSetupStatus } from './setup-status.ts';
import {
  connect,
  raw,
  recordRequests,
  startTestSandbox,
  value,
} from '../../../../../../test/support/hubspot/sandbox.ts';

let sandbox: RunningSandbox;
let hs: HubSpot;

beforeEach(async () => {
  sandbox = await startTestSandbox({
    seed: { seed: 1, companies: 3, deals: 3, asOf: '2026-11-01' },
  });
  hs = connect(sandbox).hs;
});
afterEach(() => sandbox.close());

const fitNames = (objectType: 'companies' | 'deals'): string[] =>
  FIT_PROPERTIES.filter((p) => p.objects.includes(objectType)).map((p) => p.name);

const status = async () =>
  value(
    await readSetupStatus(hs, {
      companies: value(await readPropertyDefinitions(hs, 'companies')),
      deals: value(await readPropertyDefinitions(hs, 'deals')),
    }),
  );

/** Every change of a run, as `status objectType:name`, in order. */
const lines = (done: readonly SetupStepReport[]): string[] =>
  done.flatMap((d) => d.changes.map((c: SetupChange) => `${c.status} ${c.objectType}:${c.name}`));

/** Calls setup chunk after chunk as the settings page does, until `next` is null. */
async function inChunks(budgetMs: number): Promise<SetupRun[]> {
  const chunks: SetupRun[] = [];
  let from: SetupStep | undefined;
  for (let i = 0; i < 200; i += 1) {
    const chunk = value(
      await setupPortal(hs, { budgetMs, ...(from === undefined ? {} : { from }) }),
    );
    chunks.push(chunk);
    if (chunk.next === null) return chunks;
    from = chunk.next;
  }
  throw new Error('setup never finished');
}

describe('readSetupStatus', () => {
  it('on a fresh portal: every property of both objects and both custom objects are missing', async () => {
    expect(await status()).toEqual({
      complete: false,
      steps: [
        { step: 'company_properties', missing: fitNames('companies') },
        { step: 'deal_properties', missing: fitNames('deals') },
        { step: 'strategy_store', missing: ['strategy_fit_strategy'] },
        { step: 'exception_events', missing: ['strategy_fit_exception_event'] },
      ],
    });
  });

  it('after setup: complete; writes nothing, one request besides the definitions it is given', async () => {
    value(await setupPortal(hs));
    const definitions = {
      companies: value(await readPropertyDefinitions(hs, 'companies')),
      deals: value(await readPropertyDefinitions(hs, 'deals')),
    };
    const { result, sent } = await recordRequests(() => readSetupStatus(hs, definitions));
    expect(value(result)).toEqual({
      complete: true,
      steps: SetupStep.options.map((step) => ({ step, missing: [] })),
    });
    expect(sent.map((r) => `${r.method} ${r.path.split('?')[0]}`)).toEqual([
      'GET /crm-object-schemas/2026-09/schemas',
    ]);
  });

  it('an upgrade: a missing option and a missing store property are named', async () => {
    value(await setupPortal(hs));
    await raw(sandbox, 'DELETE', '/crm/properties/2026-09/deals/strategy_fit_business');
    const store = (await raw(sandbox, 'GET', '/crm-object-schemas/2026-09/schemas')).json as {
      results: { name: string; objectTypeId: string }[];
    };
    const storeId = store.results.find((s) => s.name === STORE_DEFINITION.name)?.objectTypeId;
    await raw(sandbox, 'DELETE', `/crm/properties/2026-09/${storeId}/approval`);
    const after = await status();
    expect(after.complete).toBe(false);
    expect(after.steps.filter((s) => s.missing.length > 0)).toEqual([
      { step: 'deal_properties', missing: ['strategy_fit_business'] },
      { step: 'strategy_store', missing: ['strategy_fit_strategy.approval'] },
    ]);
  });
});

describe('setupPortal', () => {
  it('without a budget: every step in one run, the same changes as the CLI reports; again: nothing changes', async () => {
    const run = value(await setupPortal(hs));
    expect(run.next).toBeNull();
    expect(run.done.map((d) => [d.step, d.complete])).toEqual(
      SetupStep.options.map((s) => [s, true]),
    );
    expect(lines(run.done)).toEqual([
      'created companies:strategy_fit',
      ...fitNames('companies').map((n) => `created companies:${n}`),
      'created deals:strategy_fit',
      ...fitNames('deals').map((n) => `created deals:${n}`),
      'created strategy_fit_strategy:strategy_fit_strategy',
      'created strategy_fit_exception_event:strategy_fit_exception_event',
    ]);
    const again = value(await setupPortal(hs));
    expect(lines(again.done).every((l) => l.startsWith('unchanged '))).toBe(true);
    expect((await status()).complete).toBe(true);
  });

  it('with no time left: each chunk makes one write and names where to continue; chained, the portal is set up exactly once', async () => {
    const chunks = await inChunks(0);
    const things = 2 + fitNames('companies').length + fitNames('deals').length + 2;
    expect(chunks).toHaveLength(things);
    const created = lines(chunks.flatMap((c) => c.done)).filter((l) => l.startsWith('created '));
    expect(created).toHaveLength(things);
    expect(new Set(created).size).toBe(things);
    expect(chunks.map((c) => c.next).slice(0, 2)).toEqual([
      'company_properties',
      'company_properties',
    ]);
    expect((await status()).complete).toBe(true);
    const objects = (await raw(sandbox, 'GET', '/crm-object-schemas/2026-09/schemas')).json as {
      results: { name: string }[];
    };
    expect(objects.results.map((s) => s.name).sort()).toEqual(
      [EVENT_DEFINITION.name, STORE_DEFINITION.name].sort(),
    );
  });

  it('a step that fails after others were done: they are answered, `next` is the failed step, and a new call finishes', async () => {
    sandbox.control.setFaults({
      paths: ['/crm-object-schemas/2026-09/schemas'],
      methods: ['POST'],
      schedule: [{ request: 1, fault: 'serverError', count: 10 }],
      serverErrorStatuses: [500],
    });
    const once = connect(sandbox, { maxAttempts: 1 }).hs;
    const first = value(await setupPortal(once));
    expect(first.done.map((d) => d.step)).toEqual(['company_properties', 'deal_properties']);
    expect(first.next).toBe('strategy_store');
    expect(first.interrupted?.code).toBe('hubspot_unavailable');
    sandbox.control.setFaults(undefined);
    const second = value(await setupPortal(once, { from: 'strategy_store' }));
    expect(second.next).toBeNull();
    expect(lines(second.done)).toEqual([
      'created strategy_fit_strategy:strategy_fit_strategy',
      'created strategy_fit_exception_event:strategy_fit_exception_event',
    ]);
  });
});
