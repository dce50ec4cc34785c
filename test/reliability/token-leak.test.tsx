// The access token never reaches a card, an answer, a log line or a report: a distinctive token
// (and a distinctive wrong one) goes through a representative set of CLI commands (success and
// failure: setup, publish, show, simulate, score stopped early / with failed records / to the end,
// report as HTML, JSON and CSV, a refused token, an unreachable portal, a bad base URL) and through
// every app function (success, refusals, HubSpot failures); every stdout, stderr, file written,
// console line, answer and rendered card is then searched for either token.
import { randomUUID } from 'node:crypto';
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

import { createRenderer } from '@hubspot/ui-extensions/testing';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';

import { CompanyFitCard } from '../../src/app/cards/CompanyFitCard.tsx';
import { DealFitCard } from '../../src/app/cards/DealFitCard.tsx';
import { runnerAnswering } from '../support/cards/helpers.ts';
import {
  createHubSpotClient,
  ensureExceptionEventStore,
  ensureFitProperties,
  ensureStrategyStore,
  publishStrategy,
} from '@strategy-fit/hubspot';
import { startSandbox } from '@strategy-fit/sandbox';

import { createRuntime } from '../../src/app/functions/src/lib/runtime.ts';
import { useFunctionEnv } from '../support/functions/hubspot-env.ts';
import {
  closedOrigin,
  editAsFor,
  hubspotContext,
  loadExampleStrategy,
  MANAGER,
} from '../support/functions/test-portal.ts';
import type { TestPortal as FunctionPortal } from '../support/functions/test-portal.ts';
import { runCli } from '../e2e/support/cli.ts';
import type { CliRun } from '../e2e/support/cli.ts';
import { EXAMPLE_STRATEGY, MINIMAL_STRATEGY, NOW } from '../e2e/support/sandbox.ts';
import { createRecordsFor, mainOf, secondVersion, validCalls } from './support/function-table.ts';
import { preparedPortal, scratchDir } from './support/portals.ts';
import type { ReliabilityPortal } from './support/portals.ts';

const TOKEN = `pat-na1-canary${randomUUID()}`;
const WRONG = `pat-na1-wrongcanary${randomUUID()}`;
/** Pieces that would give a token away even when cut or reformatted. */
const SECRETS = [TOKEN, WRONG, TOKEN.slice(14), WRONG.slice(19), TOKEN.slice(8, 30)];

const scratch = scratchDir('token');
let portal: ReliabilityPortal;
/** Every text the product produced in this file: [where, text]. */
const outputs: [string, string][] = [];

beforeAll(async () => {
  portal = await preparedPortal({ seed: 101, companies: 60, deals: 90 }, { token: TOKEN });
  expect(portal.token).toBe(TOKEN);
});
afterAll(async () => {
  await portal.sandbox.close();
  scratch.cleanup();
});

const cli = async (
  args: string[],
  env: { token?: string; baseUrl?: string } = {},
): Promise<CliRun> => {
  const run = await runCli(args, {
    token: env.token ?? portal.token,
    baseUrl: env.baseUrl ?? portal.baseUrl,
  });
  outputs.push([`strategy-fit ${args.join(' ')} (stdout)`, run.stdout]);
  outputs.push([`strategy-fit ${args.join(' ')} (stderr)`, run.stderr]);
  return run;
};

const filesUnder = (dir: string): string[] =>
  readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesUnder(path) : [path];
  });

describe('the CLI never prints or writes the token', () => {
  it('setup, strategy, simulate, score, report: success and failure paths', async () => {
    const dir = scratch.dir;
    const bad = join(dir, 'bad-strategy.json');
    writeFileSync(bad, JSON.stringify({ schemaVersion: 1, name: 'Bad', segments: [] }));
    const checkpoint = join(dir, 'checkpoint.json');

    // Each CLI process costs a second or two: a representative set, not every command.
    expect((await cli(['setup'])).code).toBe(0);
    expect((await cli(['strategy', 'publish', bad])).code).toBe(3);
    expect((await cli(['strategy', 'publish', MINIMAL_STRATEGY])).code).toBe(0);
    await Promise.all([
      cli(['strategy', 'show', '--json']),
      cli(['simulate', EXAMPLE_STRATEGY, '--no-progress']),
    ]);

    // A run that stops early (HubSpot's daily limit, not retried) keeps its checkpoint, read
    // below with the other files.
    portal.sandbox.control.setRateLimit({ perTenSeconds: 1_000, searchPerSecond: 100, daily: 8 });
    const stopped = await cli([
      'score',
      '--now',
      NOW,
      '--no-progress',
      '--batch',
      '20',
      '--checkpoint',
      checkpoint,
    ]);
    portal.sandbox.control.setRateLimit(false);
    expect(stopped.code, stopped.stderr).toBe(1);
    expect(stopped.stdout).toMatch(/--resume/);
    outputs.push(['the kept checkpoint', readFileSync(checkpoint, 'utf8')]);
    // Records that fail to be written are named in the summary with HubSpot's message.
    portal.sandbox.control.setFaults({
      rates: { partialBatch: 1 },
      paths: ['/crm/objects/2026-09/deals/batch/update'],
    });
    const failing = await cli([
      'score',
      '--resume',
      '--json',
      '--now',
      NOW,
      '--checkpoint',
      checkpoint,
    ]);
    expect(failing.code).toBe(1);
    portal.sandbox.control.setFaults(undefined);
    expect((await cli(['score', '--now', NOW, '--checkpoint', checkpoint])).code).toBe(0);

    await Promise.all([
      cli(['report', '--format', 'html', '--out', join(dir, 'report.html'), '--no-progress']),
      cli(['report', '--format', 'json', '--no-progress']),
      cli(['report', '--format', 'csv', '--out', join(dir, 'report.csv'), '--no-progress']),
    ]);

    // Refused token, unreachable portal, a base URL that is no URL.
    const refused = { token: WRONG };
    const unreachable = { baseUrl: await closedOrigin() };
    for (const [args, env] of [
      [['setup'], refused],
      [['score', '--checkpoint', checkpoint], refused],
      [['report', '--format', 'html', '--out', join(dir, 'never.html')], unreachable],
      [['setup'], { baseUrl: `not a url ${TOKEN.slice(0, 4)}` }],
    ] as const) {
      const run = await cli([...args], env);
      expect(run.code, `${args.join(' ')}: ${run.stderr}`).not.toBe(0);
      expect(run.stderr).toMatch(/(hubspot_unauthorized|hubspot_unavailable|invalid_input)/);
    }

    const files = filesUnder(dir);
    expect(files.some((f) => f.endsWith('report.html'))).toBe(true);
    for (const file of files) outputs.push([file, readFileSync(file, 'utf8')]);
  }, 180_000);
});

describe('the app functions never answer, log or render the token', () => {
  let functionPortal: FunctionPortal;
  const logged: string[] = [];
  const answers: [string, unknown][] = [];

  beforeAll(async () => {
    // The functions' own kind of test portal, with the distinctive token.
    const sandbox = await startSandbox({ rateLimit: false, token: TOKEN });
    const hs = createHubSpotClient({
      accessToken: TOKEN,
      basePath: sandbox.baseUrl,
      limits: false,
    });
    await ensureFitProperties(hs);
    await ensureStrategyStore(hs);
    await ensureExceptionEventStore(hs);
    const publish = async (strategy = loadExampleStrategy()) => {
      const stored = await publishStrategy(hs, strategy, {
        publishedBy: MANAGER.id,
        nowMs: Date.now(),
      });
      if (!stored.ok) throw new Error(stored.error.message);
      return stored.value.version;
    };
    await publish();
    functionPortal = {
      sandbox,
      hs,
      runtime: createRuntime({ accessToken: TOKEN, basePath: sandbox.baseUrl }),
      env: { PRIVATE_APP_ACCESS_TOKEN: TOKEN, HUBSPOT_API_BASE_URL: sandbox.baseUrl },
      publish,
      editAs: editAsFor(sandbox),
      close: () => sandbox.close(),
    };
    for (const method of ['log', 'error', 'warn', 'info', 'debug'] as const) {
      vi.spyOn(console, method).mockImplementation((...args: unknown[]) => {
        logged.push(
          args
            .map((a) => (a instanceof Error ? `${a.message}\n${a.stack ?? ''}` : String(a)))
            .join(' '),
        );
      });
    }
  });
  afterAll(async () => {
    vi.restoreAllMocks();
    await functionPortal.close();
  });

  it('every function: success, refusals, HubSpot failures, a refused token', async () => {
    const undo = useFunctionEnv(functionPortal.env);
    try {
      const records = await createRecordsFor(functionPortal);
      await functionPortal.publish(secondVersion());
      const calls = Object.entries(validCalls(records, 2));
      const run = async (label: string, name: string, parameters: unknown, send = {}) => {
        const main = await mainOf(name);
        answers.push([`${name} ${label}`, await main(hubspotContext(parameters, send))]);
      };
      for (const [name, call] of calls) {
        const send = call.propertiesToSend ?? {};
        await run('ok', name, call.parameters, send);
        await run('invalid', name, { ...call.parameters, token: TOKEN }, send);
        await run('a claimed user', name, { ...call.parameters, user: { id: MANAGER.id } }, send);
        functionPortal.sandbox.control.setRateLimit({ perTenSeconds: 1 });
        await run('rate limited', name, call.parameters, send);
        functionPortal.sandbox.control.setRateLimit(false);
        // HubSpot's 5xx messages come through one conversion; a few functions show it (each takes
        // its retries' backoff).
        if (['score_record', 'decide_exception', 'strategy_publish'].includes(name)) {
          functionPortal.sandbox.control.setFaults({ rates: { serverError: 1 } });
          await run('5xx', name, call.parameters, send);
          functionPortal.sandbox.control.setFaults(undefined);
        }
      }
      for (const [env, label] of [
        [{ ...functionPortal.env, PRIVATE_APP_ACCESS_TOKEN: WRONG }, 'refused token'],
        [{ ...functionPortal.env, HUBSPOT_API_BASE_URL: await closedOrigin() }, 'unreachable'],
      ] as const) {
        const restore = useFunctionEnv(env);
        try {
          for (const [name, call] of calls) {
            await run(label, name, call.parameters, call.propertiesToSend ?? {});
          }
        } finally {
          restore();
        }
      }
    } finally {
      undo();
    }
    const okOf = (a: unknown) => Reflect.get(Object(a), 'ok') === true;
    expect(answers.filter(([, a]) => okOf(a)).length).toBeGreaterThan(5);
    expect(answers.filter(([, a]) => !okOf(a)).length).toBeGreaterThan(30);
    expect(logged.length).toBeGreaterThan(0);
    for (const [where, answer] of answers)
      outputs.push([`answer of ${where}`, JSON.stringify(answer)]);
    for (const line of logged) outputs.push(['function log', line]);
  }, 120_000);

  it('the cards render those answers without it', async () => {
    const scoreAnswers = answers.filter(([where]) => where.startsWith('score_record'));
    expect(scoreAnswers.length).toBeGreaterThan(3);
    for (const [where, answer] of scoreAnswers) {
      for (const Card of [CompanyFitCard, DealFitCard]) {
        const renderer = createRenderer('crm.record.tab');
        renderer.render(
          <Card
            context={renderer.mocks.context}
            actions={renderer.mocks.actions}
            run={runnerAnswering({ score_record: [answer] })}
          />,
        );
        await renderer.waitFor(() =>
          expect(renderer.getRootNode().toString()).not.toMatch(/Scoring this record/),
        );
        outputs.push([`${Card.name} with ${where}`, renderer.getRootNode().toString()]);
      }
    }
  });
});

describe('the search itself', () => {
  it('looked at every output, and found neither token in any', () => {
    expect(outputs.length).toBeGreaterThan(40);
    expect(outputs.some(([where]) => where.endsWith('report.html'))).toBe(true);
    const leaks = outputs.flatMap(([where, text]) =>
      SECRETS.filter((s) => text.includes(s)).map(() => where),
    );
    expect(leaks).toEqual([]);
  });
});
