import { Client } from '@hubspot/api-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningSandbox } from '../src/index.ts';
import { apiFailure, startTestSandbox } from './harness.ts';

let sandbox: RunningSandbox;
let client: Client;

beforeAll(async () => {
  sandbox = await startTestSandbox();
  client = new Client({ accessToken: sandbox.token, basePath: sandbox.baseUrl });
});
afterAll(() => sandbox.close());

describe('owners', () => {
  it('lists active owners with user ids, emails, names and teams', async () => {
    const page = await client.crm.owners.ownersApi.getPage();
    expect(page.results).toHaveLength(8);
    expect(page.results[0]).toMatchObject({
      id: '70110001',
      email: 'maya.okafor@demo-sales.example',
      firstName: 'Maya',
      lastName: 'Okafor',
      userId: 9100001,
      type: 'PERSON',
      archived: false,
      teams: [{ id: '4810001', name: 'Enterprise', primary: true }],
    });
  });

  it('pages, filters by email, lists archived owners and reads one by id or user id', async () => {
    const first = await client.crm.owners.ownersApi.getPage(undefined, undefined, 3);
    expect(first.results).toHaveLength(3);
    const second = await client.crm.owners.ownersApi.getPage(
      undefined,
      first.paging?.next?.after,
      3,
    );
    expect(second.results[0]?.id).toBe('70110004');
    const byEmail = await client.crm.owners.ownersApi.getPage('tom.whitfield@demo-sales.example');
    expect(byEmail.results.map((o) => o.id)).toEqual(['70110006']);
    const archived = await client.crm.owners.ownersApi.getPage(undefined, undefined, 100, true);
    expect(archived.results.map((o) => o.archived)).toEqual([true]);
    expect((await client.crm.owners.ownersApi.getById(70110002)).firstName).toBe('Lukas');
    expect((await client.crm.owners.ownersApi.getById(9100003, 'userId')).id).toBe('70110003');
    expect((await apiFailure(client.crm.owners.ownersApi.getById(1))).code).toBe(404);
  });
});

describe('deal pipelines', () => {
  it('serves two deal pipelines whose stages carry isClosed and probability metadata', async () => {
    const all = await client.crm.pipelines.pipelinesApi.getAll('deals');
    expect(all.results.map((p) => [p.id, p.label])).toEqual([
      ['default', 'Sales Pipeline'],
      ['19824735', 'Enterprise Pipeline'],
    ]);
    const sales = all.results[0];
    expect(
      sales?.stages.map((s) => [s.id, s.metadata?.['isClosed'], s.metadata?.['probability']]),
    ).toEqual([
      ['appointmentscheduled', 'false', '0.2'],
      ['qualifiedtobuy', 'false', '0.4'],
      ['presentationscheduled', 'false', '0.6'],
      ['decisionmakerboughtin', 'false', '0.8'],
      ['contractsent', 'false', '0.9'],
      ['closedwon', 'true', '1'],
      ['closedlost', 'true', '0'],
    ]);
  });

  it('reads one pipeline, its stages and one stage; 404 for unknown ones', async () => {
    const enterprise = await client.crm.pipelines.pipelinesApi.getById('deals', '19824735');
    expect(enterprise.stages).toHaveLength(7);
    const stages = await client.crm.pipelines.pipelineStagesApi.getAll('deals', 'default');
    expect(stages.results).toHaveLength(7);
    const won = await client.crm.pipelines.pipelineStagesApi.getById(
      'deals',
      'default',
      'closedwon',
    );
    expect(won.metadata).toEqual({ isClosed: 'true', probability: '1' });
    expect(
      (await apiFailure(client.crm.pipelines.pipelinesApi.getById('deals', 'nope'))).code,
    ).toBe(404);
  });
});
