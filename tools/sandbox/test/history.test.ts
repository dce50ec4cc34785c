// Property history (`propertiesWithHistory`) as HubSpot's objects API answers it, and the two
// kinds of writer: the app's token (INTEGRATION) and a signed-in user in HubSpot's UI (CRM_UI),
// which only the test harness can act as.
import { Client } from '@hubspot/api-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import type { RunningSandbox } from '../src/index.ts';
import { apiFailure, raw, startTestSandbox } from './harness.ts';

let sandbox: RunningSandbox;
let client: Client;
let dealId: string;

beforeAll(async () => {
  sandbox = await startTestSandbox();
  client = new Client({ accessToken: sandbox.token, basePath: sandbox.baseUrl });
  const created = await client.crm.deals.basicApi.create({
    properties: { dealname: 'History test', amount: '100' },
    associations: [],
  });
  dealId = created.id;
  await client.crm.deals.basicApi.update(dealId, { properties: { amount: '250' } });
});

afterAll(async () => {
  await sandbox.close();
});

describe('propertiesWithHistory', () => {
  it('lists every value of a property newest first, each written with the app token as INTEGRATION', async () => {
    const deal = await client.crm.deals.basicApi.getById(dealId, ['amount'], ['amount']);
    const versions = deal.propertiesWithHistory?.['amount'] ?? [];
    expect(versions.map((v) => v.value)).toEqual(['250', '100']);
    expect(versions.map((v) => v.sourceType)).toEqual(['INTEGRATION', 'INTEGRATION']);
    expect(versions[0]?.sourceId).toBe(String(sandbox.appId));
    expect(versions[0]?.updatedByUserId).toBeUndefined();
    const [newest, older] = versions;
    expect(newest?.timestamp.getTime()).toBeGreaterThan(older?.timestamp.getTime() ?? Infinity);
  });

  it('records an edit in HubSpot’s UI as CRM_UI with the signed-in user’s id', async () => {
    sandbox.control.editAsUser({
      objectType: 'deals',
      id: dealId,
      userId: '9100001',
      properties: { amount: '300' },
    });
    const deal = await client.crm.deals.basicApi.getById(dealId, ['amount'], ['amount']);
    const latest = deal.propertiesWithHistory?.['amount']?.[0];
    expect(latest).toMatchObject({
      value: '300',
      sourceType: 'CRM_UI',
      sourceId: 'userId:9100001',
      updatedByUserId: 9100001,
    });
  });

  it('refuses a UI edit by someone who is not an active user of the portal', () => {
    expect(() =>
      sandbox.control.editAsUser({
        objectType: 'deals',
        id: dealId,
        userId: '9100009',
        properties: { amount: '1' },
      }),
    ).toThrow(/not a user/);
  });

  it('answers history on batch reads, at most 50 inputs when history is asked', async () => {
    const answer = await client.crm.deals.batchApi.read({
      inputs: [{ id: dealId }],
      properties: ['amount'],
      propertiesWithHistory: ['amount'],
    });
    expect(answer.results[0]?.propertiesWithHistory?.['amount']?.length).toBe(3);
    const tooMany = await apiFailure(
      client.crm.deals.batchApi.read({
        inputs: Array.from({ length: 51 }, (_, i) => ({ id: String(1001 + i) })),
        properties: ['amount'],
        propertiesWithHistory: ['amount'],
      }),
    );
    expect(tooMany.code).toBe(400);
  });

  it('a value from before history was kept (the seed) is one version', async () => {
    const first = await client.crm.deals.basicApi.getPage(1);
    const seededId = first.results[0]?.id ?? '';
    const answer = await raw(
      sandbox,
      'GET',
      `/crm/v3/objects/deals/${seededId}?propertiesWithHistory=dealname`,
    );
    const versions = (answer.json['propertiesWithHistory'] as Record<string, unknown[]>)[
      'dealname'
    ];
    expect(versions).toHaveLength(1);
    expect(versions?.[0]).toMatchObject({ sourceType: 'IMPORT' });
  });

  it('a list page with history holds at most 50 records', async () => {
    const answer = await raw(
      sandbox,
      'GET',
      '/crm/v3/objects/deals?limit=51&propertiesWithHistory=amount',
    );
    expect(answer.status).toBe(400);
  });

  it('answers the same history on the 2026-09 dated routes (single, batch, list), with the same limits', async () => {
    const single = await raw(
      sandbox,
      'GET',
      `/crm/objects/2026-09/deals/${dealId}?properties=amount&propertiesWithHistory=amount`,
    );
    const versions = (single.json['propertiesWithHistory'] as Record<string, unknown[]>)['amount'];
    expect(versions?.map((v) => (v as { value: string }).value)).toEqual(['300', '250', '100']);
    expect(versions?.[0]).toMatchObject({ sourceType: 'CRM_UI', updatedByUserId: 9100001 });
    expect(versions?.[1]).toMatchObject({
      sourceType: 'INTEGRATION',
      sourceId: String(sandbox.appId),
    });
    const batch = await raw(sandbox, 'POST', '/crm/objects/2026-09/deals/batch/read', {
      inputs: [{ id: dealId }],
      properties: ['amount'],
      propertiesWithHistory: ['amount'],
    });
    const [first] = batch.json['results'] as { propertiesWithHistory: Record<string, unknown[]> }[];
    expect(first?.propertiesWithHistory['amount']).toEqual(versions);
    const tooMany = await raw(sandbox, 'POST', '/crm/objects/2026-09/deals/batch/read', {
      inputs: Array.from({ length: 51 }, (_, i) => ({ id: String(1001 + i) })),
      properties: ['amount'],
      propertiesWithHistory: ['amount'],
    });
    expect(tooMany.status).toBe(400);
    const page = await raw(
      sandbox,
      'GET',
      '/crm/objects/2026-09/deals?limit=51&propertiesWithHistory=amount',
    );
    expect(page.status).toBe(400);
  });

  it('records a write with the app token on a dated route as INTEGRATION', async () => {
    await raw(sandbox, 'PATCH', `/crm/objects/2026-09/deals/${dealId}`, {
      properties: { amount: '400' },
    });
    const answer = await raw(
      sandbox,
      'GET',
      `/crm/objects/2026-09/deals/${dealId}?propertiesWithHistory=amount`,
    );
    const [latest] =
      (answer.json['propertiesWithHistory'] as Record<string, unknown[]>)['amount'] ?? [];
    expect(latest).toMatchObject({
      value: '400',
      sourceType: 'INTEGRATION',
      sourceId: String(sandbox.appId),
    });
    expect(latest).not.toHaveProperty('updatedByUserId');
  });
});
