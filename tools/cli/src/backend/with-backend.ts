import { createHash } from 'node:crypto';
import { resolve } from 'node:path';

import { err, ok, strategyFitError } from '@strategy-fit/core';
import type { Result, StrategyFitError } from '@strategy-fit/core';
import { createHubSpotClient, DEFAULT_BASE_PATH, DEFAULT_LIMITS } from '@strategy-fit/hubspot';
import type { ClientEvent, HubSpot, Limits } from '@strategy-fit/hubspot';
import { startSandbox } from '@strategy-fit/sandbox';
import type { RunningSandbox } from '@strategy-fit/sandbox';

import { SandboxArgsSchema } from '../commands/sandbox.ts';
import { formatError } from './output.ts';
import { lockSandboxDir } from './process-lock.ts';
import type { ProcessLock } from './process-lock.ts';

/** Where the embedded sandbox keeps its portal (the `sandbox` command's default too). */
export const DEFAULT_SANDBOX_DIR = '.data/sandbox';

/** The backend a command talks to. */
export type BackendTarget =
  { kind: 'sandbox'; dataDir: string } | { kind: 'hubspot'; baseUrl: string; accessToken: string };

/** What a command learns about its backend (never the token). */
export type BackendInfo = {
  kind: 'sandbox' | 'hubspot';
  baseUrl: string;
  /** The sandbox's portal id; null for a real portal (HubSpot's id is not looked up). */
  portalId: number | null;
  /** Stable per base URL and token (a hash, not the token): keys checkpoints and caches. */
  accountKey: string;
  /** The sandbox's data directory. */
  dataDir?: string;
  /** One line saying which backend this is, as printed on stderr. */
  description: string;
};

type Env = Readonly<Record<string, string | undefined>>;

/** Options of `withBackend`; other keys (a command's own options) are ignored. */
export type BackendOptions = {
  /** Default `process.env`. */
  env?: Env;
  /** Default `process.stderr`. */
  stderr?: { write: (text: string) => unknown };
  /** Client limits; default HubSpot's (190 per 10 s, 5 searches per second). */
  limits?: Limits | false;
  /** Exit code returned when the backend cannot be used; default 1. */
  failureExitCode?: number;
  /** Replaces the default reporting of retries and 429 waits (a summary line at the end). */
  onClientEvent?: (e: ClientEvent) => void;
} & Readonly<Record<string, unknown>>;

const setting = (env: Env, name: string): string | undefined => {
  const value = env[name]?.trim();
  return value === undefined || value === '' ? undefined : value;
};

/**
 * The backend the environment selects: both variables → that URL; only the token → HubSpot's
 * API; neither → the embedded sandbox (directory `STRATEGY_FIT_SANDBOX_DIR`, default .data/sandbox).
 */
export function resolveBackendTarget(env: Env): Result<BackendTarget, StrategyFitError> {
  const accessToken = setting(env, 'HUBSPOT_ACCESS_TOKEN');
  const baseUrl = setting(env, 'HUBSPOT_API_BASE_URL');
  if (accessToken === undefined && baseUrl === undefined) {
    return ok({
      kind: 'sandbox',
      dataDir: resolve(setting(env, 'STRATEGY_FIT_SANDBOX_DIR') ?? DEFAULT_SANDBOX_DIR),
    });
  }
  if (accessToken === undefined) {
    return err(
      strategyFitError(
        'invalid_input',
        'HUBSPOT_API_BASE_URL is set but HUBSPOT_ACCESS_TOKEN is not. Set both (eval "$(npx strategy-fit sandbox)" sets them for a sandbox), only the token for HubSpot itself, or neither for the embedded sandbox.',
      ),
    );
  }
  const url = baseUrl ?? DEFAULT_BASE_PATH;
  if (!/^https?:\/\/[^\s/]+/.test(url)) {
    return err(
      strategyFitError('invalid_input', `HUBSPOT_API_BASE_URL is not an http(s) URL: ${url}`),
    );
  }
  return ok({ kind: 'hubspot', baseUrl: url.replace(/\/+$/, ''), accessToken });
}

/**
 * The client's limits from `HUBSPOT_RATE_LIMIT`: unset → HubSpot's per-app limits (190
 * requests per 10 s); a number → that many requests per rolling 10 s (e.g. 250 with HubSpot's API
 * limit increase); `off` → no client-side limit (a sandbox without limits). Searches stay at 5 per
 * second unless the limit is off.
 */
export function resolveRateLimit(env: Env): Result<Limits | false | undefined, StrategyFitError> {
  const value = setting(env, 'HUBSPOT_RATE_LIMIT');
  if (value === undefined) return ok(undefined);
  if (value.toLowerCase() === 'off') return ok(false);
  const perTenSeconds = /^\d+$/.test(value) ? Number(value) : Number.NaN;
  if (!Number.isInteger(perTenSeconds) || perTenSeconds < 1 || perTenSeconds > 10_000) {
    return err(
      strategyFitError(
        'invalid_input',
        `HUBSPOT_RATE_LIMIT must be a whole number of requests per 10 seconds (1–10000; HubSpot's limit per app: 190) or "off", not "${value}".`,
      ),
    );
  }
  return ok({ perTenSeconds, searchPerSecond: DEFAULT_LIMITS.searchPerSecond });
}

const accountKey = (baseUrl: string, token: string): string =>
  createHash('sha256').update(`${baseUrl}\u0000${token}`).digest('hex').slice(0, 16);

/** Starts the embedded sandbox with the `sandbox` command's defaults (seeded when empty). */
async function startEmbedded(dataDir: string): Promise<Result<RunningSandbox, StrategyFitError>> {
  const defaults = SandboxArgsSchema.parse({});
  try {
    return ok(
      await startSandbox({
        port: 0,
        dataDir,
        rateLimit: defaults.rateLimit ? {} : false,
        latencyMs: defaults.latency,
        seed: { seed: defaults.seed, companies: defaults.companies, deals: defaults.deals },
      }),
    );
  } catch (e) {
    return err(
      strategyFitError(
        'sandbox_unavailable',
        `The embedded sandbox could not start on ${dataDir}: ${e instanceof Error ? e.message : String(e)}`,
      ),
    );
  }
}

/** Counts the client's retries and 429 waits, for one summary line. */
function eventCounter() {
  const counts = { retry: 0, rate_limited: 0, waitMs: 0 };
  return {
    onEvent: (e: ClientEvent) => {
      counts[e.kind] += 1;
      counts.waitMs += e.waitMs;
    },
    summary: (): string | null =>
      counts.retry + counts.rate_limited === 0
        ? null
        : `hubspot: ${counts.retry} ${counts.retry === 1 ? 'retry' : 'retries'} after failures, ${counts.rate_limited} rate-limit ${counts.rate_limited === 1 ? 'wait' : 'waits'} (${(counts.waitMs / 1000).toFixed(1)} s waited in all)\n`,
  };
}

/**
 * Runs `run` against the selected backend and cleans up after it (the embedded sandbox is closed).
 * Says on stderr which backend is used, never the token. When the backend cannot be used, prints
 * the error and returns `failureExitCode` (default 1) without calling `run`.
 *
 * @example
 * process.exitCode = await withBackend(options, async (hs, info) => runSetup(hs, info, io));
 */
export async function withBackend<T>(
  options: BackendOptions,
  run: (hs: HubSpot, info: BackendInfo) => Promise<T>,
): Promise<T | number> {
  const env = options.env ?? process.env;
  const stderr = options.stderr ?? process.stderr;
  const failureExitCode = options.failureExitCode ?? 1;
  const target = resolveBackendTarget(env);
  if (!target.ok) {
    stderr.write(`${formatError(target.error)}\n`);
    return failureExitCode;
  }
  const rateLimit = options.limits === undefined ? resolveRateLimit(env) : ok(options.limits);
  if (!rateLimit.ok) {
    stderr.write(`${formatError(rateLimit.error)}\n`);
    return failureExitCode;
  }
  const limits = rateLimit.value;
  let sandbox: RunningSandbox | undefined;
  let lock: ProcessLock | undefined;
  let info: BackendInfo;
  let accessToken: string;
  if (target.value.kind === 'sandbox') {
    const locked = await lockSandboxDir(target.value.dataDir);
    if (!locked.ok) {
      stderr.write(`${formatError(locked.error)}\n`);
      return failureExitCode;
    }
    lock = locked.value;
    const started = await startEmbedded(target.value.dataDir);
    if (!started.ok) {
      await lock.release();
      stderr.write(`${formatError(started.error)}\n`);
      return failureExitCode;
    }
    sandbox = started.value;
    accessToken = sandbox.token;
    const seeded = sandbox.seeded;
    const description =
      `embedded sandbox, portal ${sandbox.portalId}, data in ${target.value.dataDir}` +
      (seeded === undefined
        ? ''
        : ` (new: seeded ${seeded.companies} companies, ${seeded.deals} deals, ${seeded.lineItems} line items)`);
    info = {
      kind: 'sandbox',
      baseUrl: sandbox.baseUrl,
      portalId: sandbox.portalId,
      accountKey: `sandbox-${sandbox.portalId}-${accountKey(target.value.dataDir, sandbox.token)}`,
      dataDir: target.value.dataDir,
      description,
    };
  } else {
    accessToken = target.value.accessToken;
    const from =
      setting(env, 'HUBSPOT_API_BASE_URL') === undefined
        ? ' (HUBSPOT_ACCESS_TOKEN)'
        : ' (HUBSPOT_API_BASE_URL, HUBSPOT_ACCESS_TOKEN)';
    info = {
      kind: 'hubspot',
      baseUrl: target.value.baseUrl,
      portalId: null,
      accountKey: accountKey(target.value.baseUrl, accessToken),
      description: `HubSpot at ${target.value.baseUrl}${from}`,
    };
  }
  stderr.write(`backend: ${info.description}\n`);
  const counter = eventCounter();
  const hs = createHubSpotClient({
    accessToken,
    basePath: info.baseUrl,
    ...(limits === undefined ? {} : { limits }),
    onEvent: options.onClientEvent ?? counter.onEvent,
  });
  try {
    return await run(hs, info);
  } finally {
    const summary = counter.summary();
    if (summary !== null) stderr.write(summary);
    await sandbox?.close();
    await lock?.release();
  }
}
