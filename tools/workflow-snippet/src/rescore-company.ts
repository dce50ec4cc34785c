// A Data Hub custom-code workflow action (Node) that rescores the enrolled company with the
// published strategy and writes back only what changed: the core's own scoring (SCORING §6, §8),
// bundled into one file by `npm run build:workflow-snippet` (docs/rescoring.md). It needs no
// library from the workflow runtime: HubSpot's API through Node's fetch, the token from a secret.
import {
  compileStrategy,
  companyFitProperties,
  diffFitProperties,
  parseStrategy,
  scoreCompany,
} from '@strategy-fit/core';
import type { PropertyDefinitions } from '@strategy-fit/core';

/** The secret holding a private app token with the app's scopes (docs/rescoring.md). */
export const TOKEN_SECRET = 'STRATEGY_FIT_TOKEN';
const STORE = 'strategy_fit_strategy';

type Json = Record<string, unknown>;
type Call = (method: string, path: string, body?: unknown) => Promise<Json>;

/** HubSpot's REST API with the secret's token; a failed call throws (the workflow shows it). */
const client =
  (token: string, base: string): Call =>
  async (method, path, body) => {
    const response = await fetch(`${base}${path}`, {
      method,
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    const text = await response.text();
    if (!response.ok)
      throw new Error(
        `HubSpot answered ${response.status} to ${method} ${path}: ${text.slice(0, 300)}`,
      );
    return text === '' ? {} : (JSON.parse(text) as Json);
  };

const list = (v: unknown): Json[] => (Array.isArray(v) ? (v as Json[]) : []);
const str = (v: unknown): string => (typeof v === 'string' ? v : '');

/** The highest published version in the strategy store (a custom object), or null. */
async function publishedStrategy(call: Call) {
  const schemas = await call('GET', '/crm-object-schemas/v3/schemas');
  const store = list(schemas['results']).find((s) => s['name'] === STORE);
  if (store === undefined) return null;
  let best: { version: number; json: string } | null = null;
  let after = '';
  do {
    const page = await call(
      'GET',
      `/crm/v3/objects/${str(store['objectTypeId'])}?limit=100&properties=version,status,strategy_json${after === '' ? '' : `&after=${after}`}`,
    );
    for (const r of list(page['results'])) {
      const p = (r['properties'] ?? {}) as Json;
      const version = Number(p['version']);
      if ((p['status'] ?? 'published') === 'published' && version > (best?.version ?? 0)) {
        best = { version, json: str(p['strategy_json']) };
      }
    }
    after = str(((page['paging'] as Json | undefined)?.['next'] as Json | undefined)?.['after']);
  } while (after !== '');
  return best;
}

/** The company property definitions in the core's shape. */
async function definitions(call: Call): Promise<PropertyDefinitions> {
  const answer = await call('GET', '/crm/v3/properties/companies');
  const out: PropertyDefinitions = {};
  for (const p of list(answer['results'])) {
    if (p['archived'] === true) continue;
    const options = list(p['options']).map((o) => ({
      label: str(o['label']),
      value: str(o['value']),
    }));
    out[str(p['name'])] = {
      name: str(p['name']),
      label: str(p['label']),
      type: str(p['type']),
      fieldType: str(p['fieldType']),
      ...(options.length === 0 ? {} : { options }),
    };
  }
  return out;
}

export type SnippetEvent = { object: { objectId: number | string; objectType?: string } };
export type SnippetOutput = {
  outputFields: { strategy_fit_tier: string; strategy_fit_score: number; changed: boolean };
};

/** Rescores one company; `env` is the runtime's process.env (the secret, and a base URL in tests). */
export async function rescoreCompany(
  event: SnippetEvent,
  env: Record<string, string | undefined>,
  nowMs: number,
): Promise<SnippetOutput> {
  const token = env[TOKEN_SECRET];
  if (token === undefined || token === '') throw new Error(`Add the secret ${TOKEN_SECRET}.`);
  const call = client(token, env['HUBSPOT_API_BASE_URL'] ?? 'https://api.hubapi.com');
  const id = String(event.object.objectId);
  const [published, defs] = await Promise.all([publishedStrategy(call), definitions(call)]);
  if (published === null) throw new Error('No Strategy Fit strategy is published yet.');
  const strategy = parseStrategy(published.json);
  if (!strategy.ok)
    throw new Error(
      `The published strategy is invalid: ${strategy.error.map((i) => i.message).join('; ')}`,
    );
  // Every defined property: whatever the strategy names, and the stored fit to diff against.
  const read = await call('POST', '/crm/v3/objects/companies/batch/read', {
    inputs: [{ id }],
    properties: Object.keys(defs),
  });
  const record = list(read['results'])[0];
  if (record === undefined) throw new Error(`HubSpot has no company ${id}.`);
  const properties = (record['properties'] ?? {}) as Record<string, string | null>;
  const score = scoreCompany(compileStrategy(strategy.value), {
    id,
    properties,
    definitions: defs,
    nowMs,
  });
  const next = companyFitProperties(score, {
    version: published.version,
    scoredAt: new Date(nowMs).toISOString(),
  });
  const diff = diffFitProperties(properties, next);
  if (diff !== null) await call('PATCH', `/crm/v3/objects/companies/${id}`, { properties: diff });
  return {
    outputFields: {
      strategy_fit_tier: score.tier,
      strategy_fit_score: score.fitScore,
      changed: diff !== null,
    },
  };
}

/**
 * The custom code action's entry: Node 24 actions return their outputs, older ones call back
 * (HubSpot's upgrade guide), so it does both.
 */
export const main = async (
  event: SnippetEvent,
  callback?: (output: SnippetOutput) => void,
): Promise<SnippetOutput> => {
  const output = await rescoreCompany(event, process.env, Date.now());
  callback?.(output);
  return output;
};
