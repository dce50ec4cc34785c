// A Data Hub custom-code workflow action (Node) that rescores the enrolled company: a thin shell
// over the `score_record` app function's own handler, so the workflow, the card and the page
// read, score and write (diff-only, SCORING §6, §8) through the very same code, and every
// HubSpot call goes through the adapter and @hubspot/api-client. `npm run build:workflow-snippet`
// bundles it into one file to paste into HubSpot's code editor (docs/rescoring.md).
import { err, ok, strategyFitError } from '@strategy-fit/core';
import type { Result, StrategyFitError } from '@strategy-fit/core';
import { DEFAULT_BASE_PATH } from '@strategy-fit/hubspot';
import { z } from 'zod';

import { scoreRecord } from '../../../src/app/functions/src/handlers/score-record.ts';
import { createRuntime, handle } from '../../../src/app/functions/src/lib/runtime.ts';
import type { Runtime } from '../../../src/app/functions/src/lib/runtime.ts';

/** The secret holding the installed Strategy Fit app's access token (its Auth tab; docs/rescoring.md). */
export const TOKEN_SECRET = 'STRATEGY_FIT_TOKEN';

/**
 * HubSpot stops a custom code action after 20 s (docs/rescoring.md); past 15 s the snippet sends
 * nothing more and fails with `hubspot_unavailable`, leaving time for the cold start.
 */
export const SNIPPET_BUDGET_MS = 15_000;

/** The part of HubSpot's workflow event the snippet reads (the enrolled record). */
const SnippetEvent = z.looseObject({
  object: z.looseObject({
    objectId: z.union([z.number(), z.string()]),
    objectType: z.string().optional(),
  }),
});
export type SnippetEvent = z.input<typeof SnippetEvent>;

export type SnippetOutput = {
  outputFields: { strategy_fit_tier: string; strategy_fit_score: number; changed: boolean };
};

type Env = Readonly<Record<string, string | undefined>>;

const refused = (message: string): StrategyFitError => strategyFitError('invalid_input', message);

/** The enrolled company's id; a workflow on another object type is refused. */
function companyOf(event: unknown): Result<string, StrategyFitError> {
  const parsed = SnippetEvent.safeParse(event);
  if (!parsed.success) return err(refused('The workflow event names no enrolled record.'));
  const { objectId, objectType } = parsed.data.object;
  if (objectType !== undefined && objectType.toUpperCase() !== 'COMPANY') {
    return err(refused(`This action rescores companies; the workflow enrols ${objectType}.`));
  }
  // The enrolled record is the one HubSpot's workflow event names: the same rule as the cards'.
  const id = String(objectId);
  return /^[1-9][0-9]{0,18}$/.test(id) ? ok(id) : err(refused(`${id} is not a HubSpot record id.`));
}

let warm: { key: string; runtime: Runtime } | undefined;

/** The runtime for the secret's token, kept while HubSpot reuses the container. */
function runtimeOf(env: Env): Result<Runtime, StrategyFitError> {
  const accessToken = env[TOKEN_SECRET]?.trim() ?? '';
  if (accessToken === '') {
    return err(strategyFitError('hubspot_unauthorized', `Add the secret ${TOKEN_SECRET}.`));
  }
  const basePath = env['HUBSPOT_API_BASE_URL']?.trim() || DEFAULT_BASE_PATH;
  const key = `${basePath}\n${accessToken}`;
  if (warm?.key !== key) {
    warm = { key, runtime: createRuntime({ accessToken, basePath, budgetMs: SNIPPET_BUDGET_MS }) };
  }
  return ok(warm.runtime);
}

/** The workflow history shows a thrown error's message: the code, and what to do. */
const failure = (e: StrategyFitError, companyId: string | null): Error =>
  new Error(
    e.code === 'record_not_found' && companyId !== null
      ? `HubSpot has no company ${companyId} (deleted or merged?). [${e.code}]`
      : `${e.message} [${e.code}]`,
  );

/**
 * Rescores the enrolled company as `score_record` does and answers the action's outputs;
 * `env` is the runtime's process.env (the secret, and an API origin in tests). Throws on failure.
 */
export async function rescoreCompany(event: unknown, env: Env): Promise<SnippetOutput> {
  const company = companyOf(event);
  if (!company.ok) throw failure(company.error, null);
  const runtime = runtimeOf(env);
  if (!runtime.ok) throw new Error(runtime.error.message);
  const scored = await handle(
    ok({ objectType: 'company' as const, objectId: company.value }),
    scoreRecord,
    () => runtime,
  );
  if (!scored.ok) throw failure(scored.error, company.value);
  const score = scored.value.company;
  if (score === null) throw new Error(`score_record answered no company score for a company`);
  return {
    outputFields: {
      strategy_fit_tier: score.tier,
      strategy_fit_score: score.fitScore,
      changed: scored.value.written,
    },
  };
}

/**
 * The custom code action's entry: Node 24 actions must return their outputs, Node 20 ones call
 * back (HubSpot's Node 24 upgrade guide), so it does both.
 */
export const main = async (
  event: unknown,
  callback?: (output: SnippetOutput) => void,
): Promise<SnippetOutput> => {
  const output = await rescoreCompany(event, process.env);
  callback?.(output);
  return output;
};
