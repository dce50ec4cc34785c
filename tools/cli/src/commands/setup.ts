// `strategy-fit setup`: the property group and properties of SCORING.md §8 on companies and deals,
// the strategy store and the exception events (the audit trail). Idempotent: a second run changes
// nothing and says so.
import { SETUP_STEP_LABELS } from '@strategy-fit/core';
import type { SetupChange, SetupStepReport } from '@strategy-fit/core';
import { EVENT_DEFINITION, setupPortal, STORE_OBJECT } from '@strategy-fit/hubspot';
import type { EnsureReport, HubSpot } from '@strategy-fit/hubspot';
import type { Command } from 'commander';
import { z } from 'zod';

import { printErrors, processIo, renderTable, toJson, withBackend } from '../backend/index.ts';
import type { CliIo } from '../backend/index.ts';

export type SetupArgs = { json: boolean };

const SetupFlags = z.looseObject({ json: z.boolean().default(false) });

type ObjectStatus = {
  status: 'created' | 'updated' | 'unchanged';
  created: boolean;
  objectTypeId: string;
  updated: string[];
};

/** The groups and properties of companies and deals, as `companies:strategy_fit_score` entries. */
const propertiesReport = (changes: readonly SetupChange[]): EnsureReport => {
  const report: EnsureReport = { created: [], updated: [], unchanged: [] };
  for (const c of changes) {
    if (c.what === 'custom_object' || (c.objectType !== 'companies' && c.objectType !== 'deals')) {
      continue;
    }
    const name = c.what === 'property_group' ? `group:${c.name}` : c.name;
    report[c.status].push(`${c.objectType}:${name}`);
  }
  return report;
};

/** A custom object's status and the properties setup added to it. */
const objectStatus = (changes: readonly SetupChange[], name: string): ObjectStatus => {
  const object = changes.find((c) => c.what === 'custom_object' && c.name === name);
  const status = object?.status ?? 'unchanged';
  return {
    status,
    created: status === 'created',
    objectTypeId: object?.objectTypeId ?? '',
    updated: changes
      .filter((c) => c.what === 'property' && c.objectType === name && c.status !== 'unchanged')
      .map((c) => c.name),
  };
};

/** `companies:strategy_fit_score` → ['companies', 'strategy_fit_score']; groups read "group strategy_fit". */
const splitEntry = (entry: string): [string, string] => {
  const [objectType = '', ...rest] = entry.split(':');
  const name = rest.join(':');
  return [objectType, name.startsWith('group:') ? `group ${name.slice('group:'.length)}` : name];
};

/** What the failed step was, for the message after the error. */
const stoppedAt = (done: readonly SetupStepReport[]): string =>
  done.length === 0 ? '' : ` (done: ${done.map((d) => SETUP_STEP_LABELS[d.step]).join('; ')})`;

/**
 * Runs setup against one portal; returns the exit code. The same steps as the settings page's
 * “Set up Strategy Fit” (the adapter's `setupPortal`), all in one run.
 */
export async function runSetup(hs: HubSpot, args: SetupArgs, io: CliIo): Promise<number> {
  const run = await setupPortal(hs);
  const failure = !run.ok ? run.error : (run.value.interrupted ?? null);
  if (failure !== null) {
    printErrors(io, [failure]);
    io.err(
      `Setup stopped${run.ok ? stoppedAt(run.value.done) : ''}; what was done before the error stays (running setup again continues).\n`,
    );
    return 1;
  }
  if (!run.ok) return 1;
  const changes = run.value.done.flatMap((d) => d.changes);
  const report = propertiesReport(changes);
  const store = objectStatus(changes, STORE_OBJECT.name);
  const events = objectStatus(changes, EVENT_DEFINITION.name);
  if (args.json) {
    io.out(toJson({ properties: report, strategyStore: store, exceptionEvents: events }));
    return 0;
  }
  const rows = (['created', 'updated', 'unchanged'] as const).flatMap((status) =>
    report[status].map((entry) => [...splitEntry(entry), status]),
  );
  rows.push(['custom object', `${STORE_OBJECT.name} (${store.objectTypeId})`, store.status]);
  rows.push(['custom object', `${EVENT_DEFINITION.name} (${events.objectTypeId})`, events.status]);
  io.out(renderTable(['object', 'property', 'status'], rows));
  const counts = `${report.created.length} created, ${report.updated.length} updated, ${report.unchanged.length} unchanged`;
  const nothing =
    report.created.length + report.updated.length === 0 &&
    store.status === 'unchanged' &&
    events.status === 'unchanged';
  io.out(
    nothing
      ? `Nothing to change: the portal is already set up (${counts}; strategy store and exception events unchanged).\n`
      : `Setup done: ${counts}; strategy store ${store.status}; exception events ${events.status}.\n`,
  );
  return 0;
}

export function registerSetupCommand(program: Command): void {
  program
    .command('setup')
    .description(
      'Create or update the strategy_fit property group and properties on companies and deals, the strategy store and the exception events (custom objects). Running it again changes nothing.',
    )
    .option('--json', 'print what was created, updated or left unchanged as JSON')
    .action(async (options: Record<string, unknown>) => {
      const io = processIo();
      const flags = SetupFlags.safeParse(options);
      const json = flags.success ? flags.data.json : false;
      process.exitCode = await withBackend(options, (hs) => runSetup(hs, { json }, io));
    });
}
