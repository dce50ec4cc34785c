// `strategy-fit setup`: the property group and properties of SCORING.md §8 on companies and deals,
// the strategy store and the exception events (the audit trail). Idempotent: a second run changes
// nothing and says so.
import {
  ensureExceptionEventStore,
  ensureFitProperties,
  ensureStrategyStore,
  EVENT_DEFINITION,
  STORE_OBJECT,
} from '@strategy-fit/hubspot';
import type { HubSpot } from '@strategy-fit/hubspot';
import type { Command } from 'commander';
import { z } from 'zod';

import { printErrors, processIo, renderTable, toJson, withBackend } from '../backend/index.ts';
import type { CliIo } from '../backend/index.ts';

export type SetupArgs = { json: boolean };

const SetupFlags = z.looseObject({ json: z.boolean().default(false) });

/** `companies:strategy_fit_score` → ['companies', 'strategy_fit_score']; groups read "group strategy_fit". */
const splitEntry = (entry: string): [string, string] => {
  const [objectType = '', ...rest] = entry.split(':');
  const name = rest.join(':');
  return [objectType, name.startsWith('group:') ? `group ${name.slice('group:'.length)}` : name];
};

/** Runs setup against one portal; returns the exit code. */
export async function runSetup(hs: HubSpot, args: SetupArgs, io: CliIo): Promise<number> {
  const properties = await ensureFitProperties(hs);
  if (!properties.ok) {
    printErrors(io, [properties.error]);
    io.err(
      'Setup stopped; what was done before the error stays (running setup again continues).\n',
    );
    return 1;
  }
  const store = await ensureStrategyStore(hs);
  if (!store.ok) {
    printErrors(io, [store.error]);
    return 1;
  }
  const events = await ensureExceptionEventStore(hs);
  if (!events.ok) {
    printErrors(io, [events.error]);
    return 1;
  }
  const report = properties.value;
  const statusOf = (o: { created: boolean; updated: string[] }): string =>
    o.created ? 'created' : o.updated.length > 0 ? 'updated' : 'unchanged';
  const storeStatus = statusOf(store.value);
  const eventsStatus = statusOf(events.value);
  if (args.json) {
    io.out(
      toJson({
        properties: report,
        strategyStore: { status: storeStatus, ...store.value },
        exceptionEvents: { status: eventsStatus, ...events.value },
      }),
    );
    return 0;
  }
  const rows = (['created', 'updated', 'unchanged'] as const).flatMap((status) =>
    report[status].map((entry) => [...splitEntry(entry), status]),
  );
  rows.push(['custom object', `${STORE_OBJECT.name} (${store.value.objectTypeId})`, storeStatus]);
  rows.push([
    'custom object',
    `${EVENT_DEFINITION.name} (${events.value.objectTypeId})`,
    eventsStatus,
  ]);
  io.out(renderTable(['object', 'property', 'status'], rows));
  const counts = `${report.created.length} created, ${report.updated.length} updated, ${report.unchanged.length} unchanged`;
  const nothing =
    report.created.length + report.updated.length === 0 &&
    storeStatus === 'unchanged' &&
    eventsStatus === 'unchanged';
  io.out(
    nothing
      ? `Nothing to change: the portal is already set up (${counts}; strategy store and exception events unchanged).\n`
      : `Setup done: ${counts}; strategy store ${storeStatus}; exception events ${eventsStatus}.\n`,
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
