// `strategy-fit strategy validate|publish|show|history|diff|rollback`: the strategy store from the
// command line (docs/strategy-store.md). Results go to stdout, the backend line and errors to stderr.
import { existsSync } from 'node:fs';

import {
  checkStrategy,
  simulationFocusGuard,
  strategyFitError,
  strategyFocusWarnings,
} from '@strategy-fit/core';
import type {
  PortalDefinitions,
  PortalHolds,
  Result,
  Strategy,
  StrategyFitError,
} from '@strategy-fit/core';
import {
  listOwners,
  listStrategyVersions,
  publishStrategy,
  readPortalDefinitions,
  readPublishedStrategy,
  readStrategyVersion,
} from '@strategy-fit/hubspot';
import type { HubSpot, StoredStrategy, StoredStrategySummary } from '@strategy-fit/hubspot';
import type { Command } from 'commander';
import { z } from 'zod';

import {
  formatError,
  printErrors,
  processIo,
  renderTable,
  toJson,
  withBackend,
} from '../backend/index.ts';
import type { BackendInfo, CliIo } from '../backend/index.ts';
import { silentProgress } from '../bulk/progress.ts';
import { runSimulation } from '../bulk/run-simulation.ts';
import { focusGuardLines, focusWarningLines } from '../report/focus-guard-lines.ts';
import { optionErrors } from './option-errors.ts';
import {
  checkStrategyFile,
  EXIT_INVALID_STRATEGY,
  printProblems,
  problemError,
  readStrategyFile,
  readStrategyText,
  refusesStrategy,
} from './strategy-file.ts';
import { diffStrategies, renderDiff } from './strategy-diff.ts';
import { readPortalHolds } from './validate-portal.ts';
import { renderPortalHolds } from '../report/index.ts';

/** Exit codes of the strategy commands (docs/cli.md). */
const EXIT = {
  ok: 0,
  failed: 1,
  invalidOptions: 2,
  invalidStrategy: EXIT_INVALID_STRATEGY,
} as const;

const Version = z.coerce.number().int().min(1);

const shapeSummary = (s: Strategy): string => {
  const criteria =
    s.segments.reduce((n, x) => n + x.criteria.length, 0) +
    s.exclusions.reduce((n, x) => n + x.criteria.length, 0);
  const plural = (n: number, word: string): string => `${n} ${word}${n === 1 ? '' : 's'}`;
  return `${plural(s.segments.length, 'segment')}, ${plural(s.exclusions.length, 'exclusion')}, ${criteria} ${criteria === 1 ? 'criterion' : 'criteria'}`;
};

/**
 * Who the version records as its publisher. The CLI runs with the app's token, which HubSpot
 * ties to no person: without `--by` the version says so ("CLI (token holder)"); with `--by
 * <email>` it names that active HubSpot user, "Name (user id)", as the settings page does. The
 * email is the token holder's claim, checked only to be an active user (docs/security.md).
 */
export const CLI_PUBLISHER = 'CLI (token holder)';

export async function resolvePublisher(
  hs: HubSpot,
  by: string | undefined,
): Promise<Result<string, StrategyFitError>> {
  if (by === undefined) return { ok: true, value: CLI_PUBLISHER };
  const email = by.trim().toLowerCase();
  if (!email.includes('@')) {
    return {
      ok: false,
      error: strategyFitError(
        'invalid_input',
        `--by takes the email of a HubSpot user of this account, not “${by}”.`,
        { path: '--by' },
      ),
    };
  }
  const owners = await listOwners(hs);
  if (!owners.ok) return owners;
  const owner = owners.value.find((o) => o.userId !== null && o.email?.toLowerCase() === email);
  if (owner === undefined) {
    return {
      ok: false,
      error: strategyFitError(
        'invalid_input',
        `${by} is not an active HubSpot user of this account, so the version cannot name them. Leave --by out to record “${CLI_PUBLISHER}”.`,
        { path: '--by' },
      ),
    };
  }
  const name = `${owner.firstName} ${owner.lastName}`.trim() || email;
  return { ok: true, value: `${name} (user ${owner.userId})` };
}

/** A published strategy without managers: nobody can approve exceptions or a version in HubSpot. */
const warnWithoutManagers = (io: CliIo, strategy: Strategy): void => {
  const managers = strategy.managers;
  if (managers !== undefined && managers.userIds.length + managers.teamIds.length > 0) return;
  io.err(
    'warning: this strategy names no managers, so nobody can approve exceptions on deals or publish from the settings page until a version that names some is published.\n',
  );
};

// ---- validate -----------------------------------------------------------------------------------

export type ValidateArgs = {
  file: string;
  offline: boolean;
  json: boolean;
  /** Also walk the portal: what it holds per criterion (issue 13). */
  portal?: boolean;
  nowMs?: number;
};

/**
 * Checks a strategy file in one pass: its schema and cross-field rules and, against a portal
 * (unless offline), every property of every criterion that can be read (SCORING §14).
 */
export async function validateStrategy(
  args: ValidateArgs,
  io: CliIo,
  backend: (run: (hs: HubSpot, info: BackendInfo) => Promise<number>) => Promise<number>,
): Promise<number> {
  const text = await readStrategyText(args.file);
  if (!text.ok) {
    if (args.json) {
      io.out(toJson({ file: args.file, valid: false, portalChecked: false, issues: [text.error] }));
    } else printErrors(io, [text.error]);
    return EXIT.failed;
  }
  const report = (
    definitions: PortalDefinitions | null,
    where: string,
    holds: (strategy: Strategy) => Promise<PortalHolds | null> = async () => null,
  ): Promise<number> | number => {
    const { strategy, problems, portalChecked } = checkStrategy(text.value, definitions);
    const valid = strategy !== null && problems.length === 0;
    // SCORING §13: the focus guard's warning a strategy raises by itself (no portal needed).
    const warnings = strategy === null ? [] : strategyFocusWarnings(strategy);
    const print = (portal: PortalHolds | null): number => {
      if (args.json) {
        io.out(
          toJson({
            file: args.file,
            valid,
            portalChecked,
            issues: problems.map(problemError),
            warnings,
            ...(portal === null ? {} : { portal }),
          }),
        );
      } else if (valid) {
        io.out(`${args.file} is valid: ${shapeSummary(strategy)}${where}\n`);
        for (const line of focusWarningLines(warnings)) io.out(`${line}\n`);
      } else {
        printProblems((t) => io.err(t), args.file, problems, 'It is not valid.');
      }
      if (portal !== null && !args.json) io.out(`\n${renderPortalHolds(portal)}`);
      return valid ? EXIT.ok : EXIT.invalidStrategy;
    };
    // What the portal holds needs a strategy the schema accepts (its properties may still be wrong).
    return strategy === null ? print(null) : holds(strategy).then(print);
  };
  if (args.offline) {
    return report(null, ' (schema only: the properties were not checked against a portal)');
  }
  return backend(async (hs, info) => {
    const definitions = await readPortalDefinitions(hs);
    if (!definitions.ok) {
      printErrors(io, [definitions.error]);
      io.err('The properties could not be checked; use --offline to check the schema only.\n');
      return EXIT.failed;
    }
    const portal = info.kind === 'sandbox' ? 'the sandbox portal' : 'the portal';
    const holds = async (strategy: Strategy): Promise<PortalHolds | null> => {
      if (args.portal !== true) return null;
      const read = await readPortalHolds(hs, strategy, definitions.value, {
        nowMs: args.nowMs ?? Date.now(),
        progress: !args.json,
      });
      if (read.ok) return read.value;
      printErrors(io, [read.error]);
      io.err('What the portal holds could not be read.\n');
      return null;
    };
    return report(
      definitions.value,
      `; every property exists on ${portal} with a type its operator suits`,
      holds,
    );
  });
}

// ---- publish and rollback -----------------------------------------------------------------------

const summaryOf = (s: StoredStrategy | StoredStrategySummary): StoredStrategySummary => ({
  version: s.version,
  status: s.status,
  strategyName: s.strategyName,
  publishedBy: s.publishedBy,
  publishedAt: s.publishedAt,
  source: s.source,
  rolledBackFrom: s.rolledBackFrom,
  recordId: s.recordId,
});

/** `by`: the email of the HubSpot user the version names (see `resolvePublisher`). */
export type PublishArgs = { file: string; by?: string; json: boolean; nowMs: number };

/**
 * The exit code when `--by` names nobody the version can record: 2 for the option's value (not an
 * email, or no active user of the portal), 1 when the users could not be read.
 */
const refusedPublisher = (io: CliIo, error: StrategyFitError, nothing: string): number => {
  printErrors(io, [error]);
  io.err(`${nothing}\n`);
  return error.code === 'invalid_input' ? EXIT.invalidOptions : EXIT.failed;
};

/** The exit code of a refused publish or rollback, after printing why. */
const refused = (io: CliIo, error: StrategyFitError): number => {
  if (error.code === 'strategy_unchanged') {
    // SCORING §14: nothing to publish is not a failure; no version was made.
    io.out(`${error.message}\n`);
    return EXIT.ok;
  }
  printErrors(io, [error]);
  return refusesStrategy(error) ? EXIT.invalidStrategy : EXIT.failed;
};

/**
 * SCORING §13 before publishing: the focus guard over the portal's companies scored with the
 * strategy (the simulation's walk, which writes nothing), on stderr. Warnings, never errors: when
 * the portal cannot be read, the strategy's own warning (no exclusions) and why.
 */
const printFocusGuard = async (
  hs: HubSpot,
  strategy: Strategy,
  definitions: PortalDefinitions,
  nowMs: number,
  io: CliIo,
): Promise<void> => {
  const sim = await runSimulation(hs, strategy, { definitions, nowMs, progress: silentProgress });
  const lines = sim.ok
    ? focusGuardLines(simulationFocusGuard(strategy, sim.value.matrix), 'would be')
    : [
        ...focusWarningLines(strategyFocusWarnings(strategy)),
        `Focus guard: the companies could not be read (${sim.error.message}).`,
      ];
  for (const line of lines) io.err(`${line}\n`);
};

/** Publishes a strategy file as the next version, after checking it against the portal. */
export async function publishFile(hs: HubSpot, args: PublishArgs, io: CliIo): Promise<number> {
  const definitions = await readPortalDefinitions(hs);
  if (!definitions.ok) {
    printErrors(io, [definitions.error]);
    return EXIT.failed;
  }
  const checked = await checkStrategyFile(args.file, definitions.value);
  if (!checked.ok) {
    printErrors(io, [checked.error]);
    return EXIT.failed;
  }
  const { strategy, problems } = checked.value;
  if (strategy === null || problems.length > 0) {
    printProblems((t) => io.err(t), args.file, problems, 'Nothing was published.');
    return EXIT.invalidStrategy;
  }
  const publisher = await resolvePublisher(hs, args.by);
  if (!publisher.ok) return refusedPublisher(io, publisher.error, 'Nothing was published.');
  await printFocusGuard(hs, strategy, definitions.value, args.nowMs, io);
  const stored = await publishStrategy(hs, strategy, {
    publishedBy: publisher.value,
    nowMs: args.nowMs,
  });
  if (!stored.ok) return refused(io, stored.error);
  const v = stored.value;
  warnWithoutManagers(io, strategy);
  if (args.json) io.out(toJson(summaryOf(v)));
  else {
    io.out(
      `Published version ${v.version} of “${v.strategyName}” (by ${v.publishedBy}, ${v.publishedAt}). Earlier versions are kept: strategy-fit strategy history.\n`,
    );
  }
  return EXIT.ok;
}

export type RollbackArgs = { version: number; by?: string; json: boolean; nowMs: number };

/** Publishes version N's strategy again as a new version (`source: rollback`). */
export async function rollbackStrategy(
  hs: HubSpot,
  args: RollbackArgs,
  io: CliIo,
): Promise<number> {
  const old = await readStrategyVersion(hs, args.version);
  if (!old.ok) {
    printErrors(io, [old.error]);
    return EXIT.failed;
  }
  const publisher = await resolvePublisher(hs, args.by);
  if (!publisher.ok) return refusedPublisher(io, publisher.error, 'Nothing was rolled back.');
  const stored = await publishStrategy(hs, old.value.strategy, {
    publishedBy: publisher.value,
    nowMs: args.nowMs,
    source: 'rollback',
    rolledBackFrom: args.version,
  });
  if (!stored.ok) return refused(io, stored.error);
  const v = stored.value;
  warnWithoutManagers(io, old.value.strategy);
  if (args.json) io.out(toJson(summaryOf(v)));
  else {
    io.out(
      `Rolled back: version ${v.version} publishes the strategy of version ${args.version} (“${v.strategyName}”) again. All earlier versions are kept.\n`,
    );
  }
  return EXIT.ok;
}

// ---- show and history ---------------------------------------------------------------------------

const describeVersion = (s: StoredStrategySummary): string =>
  `version ${s.version} (${s.status}): “${s.strategyName}”, published ${s.publishedAt} by ${s.publishedBy}` +
  (s.source === 'rollback' ? `, a rollback to version ${s.rolledBackFrom ?? '?'}` : '');

const notPublished = (): StrategyFitError =>
  strategyFitError(
    'strategy_not_published',
    'No strategy is published in this portal yet: publish one with `strategy-fit strategy publish FILE`.',
  );

export type ShowArgs = { version?: number; json: boolean };

/** Prints a stored strategy: its JSON on stdout (or everything with --json), what it is on stderr. */
export async function showStrategy(hs: HubSpot, args: ShowArgs, io: CliIo): Promise<number> {
  const found =
    args.version === undefined
      ? await readPublishedStrategy(hs)
      : await readStrategyVersion(hs, args.version);
  if (!found.ok) {
    printErrors(io, [found.error]);
    return EXIT.failed;
  }
  if (found.value === null) {
    printErrors(io, [notPublished()]);
    return EXIT.failed;
  }
  if (args.json) io.out(toJson(found.value));
  else {
    io.err(`${describeVersion(found.value)}\n`);
    io.out(toJson(found.value.strategy));
  }
  return EXIT.ok;
}

export type HistoryArgs = { json: boolean };

/** Every published version, newest first. */
export async function strategyHistory(hs: HubSpot, args: HistoryArgs, io: CliIo): Promise<number> {
  const versions = await listStrategyVersions(hs);
  if (!versions.ok) {
    printErrors(io, [versions.error]);
    return EXIT.failed;
  }
  if (args.json) {
    io.out(toJson(versions.value));
    return EXIT.ok;
  }
  if (versions.value.length === 0) {
    io.out('No strategy is published yet.\n');
    return EXIT.ok;
  }
  io.out(
    renderTable(
      ['version', 'status', 'source', 'published at', 'by', 'name'],
      versions.value.map((v) => [
        String(v.version),
        v.status,
        v.source === 'rollback' ? `rollback of ${v.rolledBackFrom ?? '?'}` : 'publish',
        v.publishedAt,
        v.publishedBy,
        v.strategyName,
      ]),
    ),
  );
  return EXIT.ok;
}

// ---- diff ---------------------------------------------------------------------------------------

/** A side of a diff: a version number (when no file of that name exists) or a file. */
export type DiffSide = { kind: 'version'; version: number } | { kind: 'file'; file: string };

export const diffSide = (arg: string): DiffSide =>
  /^\d+$/.test(arg) && !existsSync(arg) && Number(arg) >= 1
    ? { kind: 'version', version: Number(arg) }
    : { kind: 'file', file: arg };

const sideLabel = (side: DiffSide): string =>
  side.kind === 'version' ? `version ${side.version}` : side.file;

async function loadSide(
  hs: HubSpot | null,
  side: DiffSide,
): Promise<Result<Strategy, StrategyFitError[]>> {
  if (side.kind === 'file') return readStrategyFile(side.file);
  if (hs === null) throw new Error('a version side needs a backend');
  const stored = await readStrategyVersion(hs, side.version);
  return stored.ok
    ? { ok: true, value: stored.value.strategy }
    : { ok: false, error: [stored.error] };
}

export type DiffArgs = { a: DiffSide; b: DiffSide; json: boolean };

/** The structural diff of two strategies (versions or files). */
export async function diffCommand(hs: HubSpot | null, args: DiffArgs, io: CliIo): Promise<number> {
  const [a, b] = await Promise.all([loadSide(hs, args.a), loadSide(hs, args.b)]);
  const errors = [...(a.ok ? [] : a.error), ...(b.ok ? [] : b.error)];
  if (!a.ok || !b.ok) {
    printErrors(io, errors);
    return errors.some(refusesStrategy) ? EXIT.invalidStrategy : EXIT.failed;
  }
  const changes = diffStrategies(a.value, b.value);
  const from = sideLabel(args.a);
  const to = sideLabel(args.b);
  if (args.json) io.out(toJson({ from, to, changes }));
  else if (changes.length === 0) io.out(`${from} and ${to} are the same strategy.\n`);
  else
    io.out(
      `${from} → ${to}: ${changes.length} ${changes.length === 1 ? 'change' : 'changes'}\n${renderDiff(changes)}`,
    );
  return EXIT.ok;
}

// ---- registration -------------------------------------------------------------------------------

const Flags = z.looseObject({
  json: z.boolean().default(false),
  offline: z.boolean().default(false),
  by: z.string().min(1).optional(),
  version: Version.optional(),
});

/** Parses the options every subcommand shares; a bad value is printed and gives exit code 2. */
function flags(options: Record<string, unknown>, io: CliIo): z.output<typeof Flags> | null {
  const parsed = Flags.safeParse(options);
  if (parsed.success) return parsed.data;
  io.err(
    `${formatError(strategyFitError('invalid_input', optionErrors(Flags, options, parsed.error.issues)))}\n`,
  );
  return null;
}

function versionArg(raw: string, io: CliIo): number | null {
  const parsed = Version.safeParse(raw);
  if (parsed.success) return parsed.data;
  io.err(
    `${formatError(strategyFitError('invalid_input', `“${raw}” is not a version number (1, 2, …).`))}\n`,
  );
  return null;
}

export function registerStrategyCommand(program: Command): void {
  const io = processIo();
  const strategy = program
    .command('strategy')
    .description(
      'Validate, publish, show and roll back the strategy stored in the portal (one record per version).',
    );

  strategy
    .command('validate')
    .description(
      'Check a strategy file: its schema, and every property it names against the portal (unless --offline).',
    )
    .argument('<file>', 'strategy JSON file')
    .option('--offline', 'check the schema only; do not contact HubSpot or start the sandbox')
    .option(
      '--portal',
      'also read every company and open deal once: how many each criterion matches, misses or cannot judge, and the values it never matches',
    )
    .option('--json', 'print the result as JSON')
    .action(async (file: string, options: Record<string, unknown>) => {
      const f = flags(options, io);
      if (f === null) return void (process.exitCode = EXIT.invalidOptions);
      process.exitCode = await validateStrategy(
        { file, offline: f.offline, json: f.json, portal: options['portal'] === true },
        io,
        (run) => withBackend(options, run),
      );
    });

  strategy
    .command('publish')
    .description(
      'Publish a strategy file as the next version, after checking it against the portal. Earlier versions are kept.',
    )
    .argument('<file>', 'strategy JSON file')
    .option(
      '--by <email>',
      `the HubSpot user the version names as its publisher (default: “${CLI_PUBLISHER}”)`,
    )
    .option('--json', 'print the stored version as JSON')
    .action(async (file: string, options: Record<string, unknown>) => {
      const f = flags(options, io);
      if (f === null) return void (process.exitCode = EXIT.invalidOptions);
      const args = {
        file,
        ...(f.by === undefined ? {} : { by: f.by }),
        json: f.json,
        nowMs: Date.now(),
      };
      process.exitCode = await withBackend(options, (hs) => publishFile(hs, args, io));
    });

  strategy
    .command('show')
    .description(
      'Print the published strategy (the highest version), or the version given, as JSON.',
    )
    .option('--version <n>', 'a version number instead of the current one')
    .option('--json', 'print the version with its metadata as JSON')
    .action(async (options: Record<string, unknown>) => {
      const f = flags(options, io);
      if (f === null) return void (process.exitCode = EXIT.invalidOptions);
      const args = { json: f.json, ...(f.version === undefined ? {} : { version: f.version }) };
      process.exitCode = await withBackend(options, (hs) => showStrategy(hs, args, io));
    });

  strategy
    .command('history')
    .description('List every published version, newest first.')
    .option('--json', 'print the versions as JSON')
    .action(async (options: Record<string, unknown>) => {
      const f = flags(options, io);
      if (f === null) return void (process.exitCode = EXIT.invalidOptions);
      process.exitCode = await withBackend(options, (hs) =>
        strategyHistory(hs, { json: f.json }, io),
      );
    });

  strategy
    .command('diff')
    .description(
      'Show what changed between two strategies: segments, criteria and exclusions added, removed or changed.',
    )
    .argument('<a>', 'the earlier side: a version number or a strategy file')
    .argument('<b>', 'the later side: a version number or a strategy file')
    .option('--json', 'print the changes as JSON')
    .action(async (a: string, b: string, options: Record<string, unknown>) => {
      const f = flags(options, io);
      if (f === null) return void (process.exitCode = EXIT.invalidOptions);
      const args = { a: diffSide(a), b: diffSide(b), json: f.json };
      const needsBackend = args.a.kind === 'version' || args.b.kind === 'version';
      process.exitCode = needsBackend
        ? await withBackend(options, (hs) => diffCommand(hs, args, io))
        : await diffCommand(null, args, io);
    });

  strategy
    .command('rollback')
    .description("Publish version N's strategy again, as a new version (source: rollback).")
    .argument('<n>', 'the version to go back to')
    .option(
      '--by <email>',
      `the HubSpot user the version names as its publisher (default: “${CLI_PUBLISHER}”)`,
    )
    .option('--json', 'print the new version as JSON')
    .action(async (n: string, options: Record<string, unknown>) => {
      const f = flags(options, io);
      const version = versionArg(n, io);
      if (f === null || version === null) return void (process.exitCode = EXIT.invalidOptions);
      const args = {
        version,
        ...(f.by === undefined ? {} : { by: f.by }),
        json: f.json,
        nowMs: Date.now(),
      };
      process.exitCode = await withBackend(options, (hs) => rollbackStrategy(hs, args, io));
    });
}
