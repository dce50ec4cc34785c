// Contract of HubSpot's 2026-09 paths: the adapter runs every kind of call it makes against the
// sandbox (setup, the strategy store, reads, searches, writes, associations, owners, pipelines),
// plus failures sent through the api-client's generic request; every answer recorded is on a
// dated path, parses with the adapter's own schema for it (schema.ts), and, where the 2026-09
// reference keeps the v3/v4 shapes, deserializes through the api-client's v3/v4 models with every
// required field present.
import { Client } from '@hubspot/api-client';
import { parseStrategy } from '@strategy-fit/core';
import { startSandbox, type RunningSandbox } from '@strategy-fit/sandbox';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { z } from 'zod';

import {
  API_VERSION,
  apiPaths,
  countRecords,
  createHubSpotClient,
  createRecords,
  ensureFitProperties,
  ensureStrategyStore,
  listDealPipelines,
  listOwners,
  listRecords,
  listStrategyVersions,
  publishStrategy,
  readAssociationPage,
  readAssociations,
  readOwnerByUserId,
  readPublishedStrategy,
  readRecords,
  searchRecords,
  writeRecords,
  ASSOCIATION_TYPES,
} from '@strategy-fit/hubspot';
import type { HubSpot } from '@strategy-fit/hubspot';
import {
  AssociationsAnswer,
  BatchObjectsAnswer,
  ErrorBody,
  HsObject,
  ListWithAssociationsAnswer,
  ObjectSchemaAnswer,
  ObjectSchemasAnswer,
  OwnerAnswer,
  OwnersAnswer,
  PipelinesAnswer,
  PropertiesAnswer,
  PropertyAnswer,
  PropertyGroupAnswer,
  PropertyGroupsAnswer,
  SearchAnswer,
} from '../../src/app/packages/hubspot/src/schema.ts';
import { REPO_ROOT } from '../e2e/support/cli.ts';
import { recordAnswers } from './record-answers.ts';
import type { Recorded } from './record-answers.ts';
import { checkModel } from './model-check.ts';

type Route = {
  method: string;
  pattern: RegExp;
  /** The adapter's schema of a 2xx answer (undefined: no body). */
  schema: z.ZodType | undefined;
  /** The api-client module and model of each status, where the v3/v4 shape is kept. */
  module?: string;
  models?: Record<number, string>;
};

const V = API_VERSION;
const OBJ = `/crm/objects/${V}/[^/]+`;

/** Every route the adapter uses, with our schema and the client's v3/v4 model of its answers. */
const ROUTES: Route[] = [
  {
    method: 'GET',
    pattern: new RegExp(`^${OBJ}$`),
    schema: ListWithAssociationsAnswer,
    module: 'crm/objects',
    models: { 200: 'CollectionResponseSimplePublicObjectWithAssociationsForwardPaging' },
  },
  {
    method: 'POST',
    pattern: new RegExp(`^${OBJ}$`),
    schema: HsObject,
    module: 'crm/objects',
    models: { 201: 'SimplePublicObject' },
  },
  {
    method: 'GET',
    pattern: new RegExp(`^${OBJ}/\\d+$`),
    schema: HsObject,
    module: 'crm/objects',
    models: { 200: 'SimplePublicObjectWithAssociations' },
  },
  ...(['read', 'update', 'create'] as const).map((kind) => ({
    method: 'POST',
    pattern: new RegExp(`^${OBJ}/batch/${kind}$`),
    schema: BatchObjectsAnswer,
    module: 'crm/objects',
    models: {
      [kind === 'create' ? 201 : 200]: 'BatchResponseSimplePublicObject',
      207: 'BatchResponseSimplePublicObjectWithErrors',
    },
  })),
  {
    method: 'POST',
    pattern: new RegExp(`^${OBJ}/search$`),
    schema: SearchAnswer,
    module: 'crm/objects',
    models: { 200: 'CollectionResponseWithTotalSimplePublicObjectForwardPaging' },
  },
  {
    method: 'GET',
    pattern: new RegExp(`^/crm/properties/${V}/[^/]+$`),
    schema: PropertiesAnswer,
    module: 'crm/properties',
    models: { 200: 'CollectionResponsePropertyNoPaging' },
  },
  {
    method: 'POST',
    pattern: new RegExp(`^/crm/properties/${V}/[^/]+$`),
    schema: PropertyAnswer,
    module: 'crm/properties',
    models: { 201: 'Property' },
  },
  {
    method: 'PATCH',
    pattern: new RegExp(`^/crm/properties/${V}/[^/]+/\\w+$`),
    schema: PropertyAnswer,
    module: 'crm/properties',
    models: { 200: 'Property' },
  },
  {
    method: 'GET',
    pattern: new RegExp(`^/crm/properties/${V}/[^/]+/groups$`),
    schema: PropertyGroupsAnswer,
    module: 'crm/properties',
    models: { 200: 'CollectionResponsePropertyGroupNoPaging' },
  },
  {
    method: 'POST',
    pattern: new RegExp(`^/crm/properties/${V}/[^/]+/groups$`),
    schema: PropertyGroupAnswer,
    module: 'crm/properties',
    models: { 201: 'PropertyGroup' },
  },
  {
    method: 'POST',
    pattern: new RegExp(`^/crm/associations/${V}/[^/]+/[^/]+/batch/read$`),
    schema: AssociationsAnswer,
    module: 'crm/associations/v4',
    models: {
      200: 'BatchResponsePublicAssociationMultiWithLabel',
      207: 'BatchResponsePublicAssociationMultiWithLabelWithErrors',
    },
  },
  {
    method: 'GET',
    pattern: new RegExp(`^/crm/owners/${V}$`),
    schema: OwnersAnswer,
    module: 'crm/owners',
    models: { 200: 'CollectionResponsePublicOwnerForwardPaging' },
  },
  {
    method: 'GET',
    pattern: new RegExp(`^/crm/owners/${V}/\\d+$`),
    schema: OwnerAnswer,
    module: 'crm/owners',
    models: { 200: 'PublicOwner' },
  },
  {
    method: 'GET',
    pattern: new RegExp(`^/crm/pipelines/${V}/[^/]+$`),
    schema: PipelinesAnswer,
    module: 'crm/pipelines',
    models: { 200: 'CollectionResponsePipelineNoPaging' },
  },
  {
    method: 'GET',
    pattern: new RegExp(`^/crm-object-schemas/${V}/schemas$`),
    schema: ObjectSchemasAnswer,
    module: 'crm/schemas',
    models: { 200: 'CollectionResponseObjectSchemaNoPaging' },
  },
  {
    method: 'POST',
    pattern: new RegExp(`^/crm-object-schemas/${V}/schemas$`),
    schema: ObjectSchemaAnswer,
    module: 'crm/schemas',
    models: { 201: 'ObjectSchema' },
  },
  {
    // No model in the v14 client: HubSpot added the property validations API after it.
    method: 'PUT',
    pattern: new RegExp(`^/crm/property-validations/${V}/[^/]+/\\w+/rule-type/\\w+$`),
    schema: undefined,
  },
];

let sandbox: RunningSandbox;
let hs: HubSpot;
let client: Client;
let recorded: Recorded[] = [];
let stopRecording = (): void => {};

beforeAll(async () => {
  sandbox = await startSandbox({
    rateLimit: false,
    seed: { seed: 5, companies: 40, deals: 60, asOf: '2026-11-01' },
  });
  hs = createHubSpotClient({
    accessToken: sandbox.token,
    basePath: sandbox.baseUrl,
    maxAttempts: 1,
  });
  client = new Client({ accessToken: sandbox.token, basePath: sandbox.baseUrl });
  ({ recorded, stop: stopRecording } = recordAnswers(() => sandbox.baseUrl));
  await runScenario();
});
afterAll(async () => {
  stopRecording();
  await sandbox.close();
});

const ok = <T>(result: { ok: true; value: T } | { ok: false; error: { message: string } }): T => {
  if (!result.ok) throw new Error(result.error.message);
  return result.value;
};

/** Every kind of call the adapter makes, then failures through the generic request. */
async function runScenario(): Promise<void> {
  // A property as a portal might already have it, of another type: setup changes it (PATCH).
  await client.apiRequest({
    method: 'POST',
    path: apiPaths.properties('companies'),
    body: {
      name: 'strategy_fit_tier',
      label: 'Tier',
      type: 'string',
      fieldType: 'text',
      groupName: 'companyinformation',
    },
  });
  ok(await ensureFitProperties(hs));
  ok(await ensureStrategyStore(hs));
  const strategy = parseStrategy(
    readFileSync(resolve(REPO_ROOT, 'examples/strategies/01-minimal.json'), 'utf8'),
  );
  if (!strategy.ok) throw new Error('example strategy');
  ok(await publishStrategy(hs, strategy.value, { publishedBy: 'contract', nowMs: 1 }));
  ok(await listStrategyVersions(hs));
  ok(await readPublishedStrategy(hs));
  const page = ok(
    await listRecords(hs, { objectType: 'companies', properties: ['name'], limit: 5 }),
  );
  const deals = ok(
    await listRecords(hs, { objectType: 'deals', properties: ['dealname'], limit: 5 }),
  );
  const companyIds = page.records.map((r) => r.id);
  const dealIds = deals.records.map((r) => r.id);
  ok(await readRecords(hs, 'companies', [...companyIds, '99999999'], ['name']));
  ok(
    await searchRecords(hs, {
      objectType: 'companies',
      properties: ['name'],
      where: { kind: 'modifiedSince', sinceMs: 0 },
      limit: 3,
    }),
  );
  ok(await countRecords(hs, 'deals', { kind: 'staleVersion', version: 1 }));
  ok(
    await writeRecords(hs, 'companies', [
      { id: companyIds[0] ?? '', properties: { strategy_fit_score: '50' } },
      { id: '99999999', properties: { strategy_fit_score: '50' } },
      { id: companyIds[1] ?? '', properties: { strategy_fit_score: 'many' } },
    ]),
  );
  const [newCompany] = ok(await createRecords(hs, 'companies', [{ properties: { name: 'New' } }]));
  ok(
    await createRecords(hs, 'deals', [
      {
        properties: { dealname: 'Linked' },
        associations: [
          { toId: newCompany ?? '', associationTypeId: ASSOCIATION_TYPES.dealToPrimaryCompany },
        ],
      },
    ]),
  );
  ok(
    await readAssociationPage(
      hs,
      'deals',
      'companies',
      dealIds.map((id) => ({ id })),
    ),
  );
  // The walk's reads: deals with their companies and line items on the list page, and the
  // associations API (batch read) after search pages.
  ok(
    await listRecords(hs, {
      objectType: 'deals',
      properties: ['amount'],
      associations: ['companies', 'line_items'],
      limit: 5,
    }),
  );
  ok(await readAssociations(hs, 'deals', 'line_items', dealIds));
  ok(await listOwners(hs));
  ok(await readOwnerByUserId(hs, '9100001'));
  ok(await listDealPipelines(hs));
  await client.apiRequest({
    method: 'PUT',
    path: apiPaths.propertyValidations('0-2', 'strategy_fit_reason', 'rule-type', 'MAX_LENGTH'),
    body: { ruleArguments: ['3'] },
  });
  ok(
    await writeRecords(hs, 'companies', [
      { id: companyIds[2] ?? '', properties: { strategy_fit_reason: 'Too long for the rule' } },
    ]),
  );

  // Failures, through the generic request as the adapter sends it.
  const fail = (method: string, path: string, body?: unknown, via: Client = client) =>
    via.apiRequest({ method, path, ...(body === undefined ? {} : { body }) });
  await fail('GET', apiPaths.objects('companies', '99999999'));
  await fail('PATCH', apiPaths.objects('companies', companyIds[0] ?? ''), {
    properties: { nope: 'x' },
  });
  await fail('POST', apiPaths.objects('companies', 'search'), { limit: 500 });
  await fail(
    'GET',
    apiPaths.objects('companies'),
    undefined,
    new Client({ accessToken: 'wrong', basePath: sandbox.baseUrl }),
  );
  sandbox.control.setRateLimit({ perTenSeconds: 1, searchPerSecond: 1 });
  await fail('GET', apiPaths.owners());
  await fail('GET', apiPaths.owners());
  sandbox.control.setRateLimit(false);
  sandbox.control.setFaults({
    schedule: [{ request: 1, fault: 'serverError' }],
    serverErrorStatuses: [503],
  });
  await fail('GET', apiPaths.pipelines('deals'));
  sandbox.control.setFaults(undefined);
}

const routeOf = (record: Recorded): Route | undefined =>
  ROUTES.find((route) => route.method === record.method && route.pattern.test(record.path));

describe(`answers on HubSpot's ${API_VERSION} paths`, () => {
  it('every request went to a dated path the table knows, with the statuses expected', () => {
    expect(recorded.length).toBeGreaterThan(30);
    const unknown = recorded.filter((r) => routeOf(r) === undefined && r.status < 400);
    expect(unknown.map((r) => `${r.method} ${r.path}`)).toEqual([]);
    expect(recorded.filter((r) => !r.path.includes(`/${API_VERSION}`))).toEqual([]);
    const statuses = new Set(recorded.map((r) => r.status));
    for (const status of [200, 201, 204, 207, 400, 401, 404, 429, 503])
      expect(statuses).toContain(status);
    const unhit = ROUTES.filter((route) => !recorded.some((r) => routeOf(r) === route));
    expect(unhit.map((r) => `${r.method} ${r.pattern.source}`)).toEqual([]);
  });

  it('parse with the adapter\u2019s own schemas (errors with its ErrorBody)', () => {
    const problems: string[] = [];
    for (const record of recorded) {
      const schema = record.status >= 400 ? ErrorBody : routeOf(record)?.schema;
      if (schema === undefined) {
        if (record.body !== undefined) problems.push(`${record.method} ${record.path}: a body`);
        continue;
      }
      const parsed = schema.safeParse(record.body);
      if (!parsed.success) {
        problems.push(`${record.method} ${record.path} ${record.status}: ${parsed.error.message}`);
      }
    }
    expect(problems).toEqual([]);
  });

  it('deserialize through the api-client\u2019s v3/v4 models, no required field missing', () => {
    const problems: string[] = [];
    let checked = 0;
    for (const record of recorded) {
      const route = routeOf(record);
      if (route?.module === undefined || route.models === undefined) continue;
      const model = record.status >= 400 ? 'ModelError' : route.models[record.status];
      if (model === undefined) {
        problems.push(`${record.method} ${record.path}: unexpected status ${record.status}`);
        continue;
      }
      checked += 1;
      for (const problem of checkModel(record.body, model, route.module)) {
        problems.push(
          `${record.method} ${record.path} ${record.status} ${model} ${problem.path}: ${problem.problem}`,
        );
      }
    }
    expect(problems).toEqual([]);
    expect(checked).toBeGreaterThan(30);
  });

  it('a batch answer\u2019s errors carry errors[] and links (StandardError), the rule\u2019s message included', () => {
    const refusals = recorded.filter((r) => r.status === 207 && /\/batch\/update$/.test(r.path));
    const entries = refusals.flatMap(
      (r) => (r.body as { errors: Record<string, unknown>[] }).errors,
    );
    expect(entries.length).toBeGreaterThan(1);
    for (const entry of entries) {
      expect(entry).toMatchObject({ errors: expect.any(Array), links: expect.any(Object) });
    }
    expect(JSON.stringify(entries)).toContain(
      'strategy_fit_reason must be at most 3 characters long.',
    );
  });
});
