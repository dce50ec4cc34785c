// A portal admin's property validation rules: set and read through HubSpot's property
// validations API (v3 and 2026-09), enforced on 2026-09 API writes (HubSpot's change of
// 2026-09-08) and on edits in HubSpot's UI, reported per input in a batch, kept across a restart.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from '@hubspot/api-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSandbox, type RunningSandbox } from '../src/index.ts';
import { AS_OF, startTestSandbox } from './harness.ts';

let sandbox: RunningSandbox;
let client: Client;

beforeAll(async () => {
  sandbox = await startTestSandbox();
  client = new Client({ accessToken: sandbox.token, basePath: sandbox.baseUrl });
});
afterAll(() => sandbox.close());

async function send(method: string, path: string, body?: unknown, via: Client = client) {
  const response = await via.apiRequest({ method, path, ...(body === undefined ? {} : { body }) });
  const text = await response.text();
  return {
    status: response.status,
    json: (text === '' ? {} : JSON.parse(text)) as Record<string, unknown>,
  };
}

const RULES = '/crm/property-validations/2026-09';

describe('the property validations API', () => {
  it('sets a rule (204), replaces one of the same type, keeps the others, and reads them back', async () => {
    expect(
      (await send('PUT', `${RULES}/0-2/city/rule-type/MAX_LENGTH`, { ruleArguments: ['12'] }))
        .status,
    ).toBe(204);
    await send('PUT', `${RULES}/0-2/city/rule-type/MIN_LENGTH`, { ruleArguments: ['2'] });
    await send('PUT', `${RULES}/0-2/city/rule-type/MAX_LENGTH`, { ruleArguments: ['20'] });
    expect((await send('GET', `${RULES}/0-2/city`)).json).toEqual({
      results: [
        { ruleType: 'MIN_LENGTH', ruleArguments: ['2'] },
        { ruleType: 'MAX_LENGTH', ruleArguments: ['20'] },
      ],
    });
    expect((await send('GET', `${RULES}/companies/city/rule-type/MIN_LENGTH`)).json).toEqual({
      ruleType: 'MIN_LENGTH',
      ruleArguments: ['2'],
    });
    // The v3 paths read the same rules.
    expect((await send('GET', '/crm/v3/property-validations/0-2')).json).toEqual({
      results: [
        {
          propertyName: 'city',
          propertyValidationRules: [
            { ruleType: 'MIN_LENGTH', ruleArguments: ['2'] },
            { ruleType: 'MAX_LENGTH', ruleArguments: ['20'] },
          ],
        },
      ],
    });
    expect((await send('GET', `${RULES}/0-2/city/rule-type/REGEX`)).status).toBe(404);
  });

  it('refuses an unknown rule type, a rule that does not fit the property, and an unknown property', async () => {
    const unknownType = await send('PUT', `${RULES}/0-2/city/rule-type/SHOUTING`, {
      ruleArguments: [],
    });
    expect([unknownType.status, unknownType.json['category']]).toEqual([400, 'VALIDATION_ERROR']);
    const wrongType = await send('PUT', `${RULES}/0-2/city/rule-type/MAX_NUMBER`, {
      ruleArguments: ['5'],
    });
    expect(wrongType.status).toBe(400);
    const badArgument = await send('PUT', `${RULES}/0-2/city/rule-type/MAX_LENGTH`, {
      ruleArguments: ['lots'],
    });
    expect(badArgument.status).toBe(400);
    const noProperty = await send('PUT', `${RULES}/0-2/nope/rule-type/MAX_LENGTH`, {
      ruleArguments: ['3'],
    });
    expect(noProperty.status).toBe(404);
  });
});

describe('enforcement on writes', () => {
  let deals: string[] = [];
  beforeAll(async () => {
    deals = (await client.crm.deals.basicApi.getPage(5)).results.map((d) => d.id);
    await send('PUT', `${RULES}/0-3/dealname/rule-type/REGEX`, {
      ruleArguments: ['[A-Z].*', 'Deal names start with a capital letter.'],
    });
    await send('PUT', `${RULES}/0-3/amount/rule-type/MAX_NUMBER`, { ruleArguments: ['1000000'] });
  });

  it('a 2026-09 update that breaks a rule is refused with the rule\u2019s message; v3 ignores the rule', async () => {
    const refused = await send('PATCH', `/crm/objects/2026-09/deals/${deals[0]}`, {
      properties: { dealname: 'lowercase deal' },
    });
    expect(refused.status).toBe(400);
    expect(refused.json).toMatchObject({
      category: 'VALIDATION_ERROR',
      errors: [
        {
          message: 'Deal names start with a capital letter.',
          code: 'REGEX',
          context: { propertyName: ['dealname'] },
        },
      ],
    });
    expect(String(refused.json['message'])).toContain('Deal names start with a capital letter.');
    const legacy = await send('PATCH', `/crm/v3/objects/deals/${deals[0]}`, {
      properties: { dealname: 'lowercase deal' },
    });
    expect(legacy.status).toBe(200);
  });

  it('in a 2026-09 batch update, each refused input is an errors[] entry and the rest is written', async () => {
    const answer = await send('POST', '/crm/objects/2026-09/deals/batch/update', {
      inputs: [
        { id: deals[1], properties: { amount: '5000000' }, objectWriteTraceId: deals[1] },
        { id: deals[2], properties: { amount: '5000' }, objectWriteTraceId: deals[2] },
        { id: deals[3], properties: { dealname: 'bad name' }, objectWriteTraceId: deals[3] },
      ],
    });
    expect(answer.status).toBe(207);
    expect((answer.json['results'] as { id: string }[]).map((r) => r.id)).toEqual([deals[2]]);
    expect(answer.json['errors']).toEqual([
      expect.objectContaining({
        category: 'VALIDATION_ERROR',
        context: { objectWriteTraceId: [deals[1]] },
        errors: [
          {
            message: 'amount must be at most 1000000.',
            code: 'MAX_NUMBER',
            context: { propertyName: ['amount'] },
          },
        ],
        links: {},
      }),
      expect.objectContaining({
        context: { objectWriteTraceId: [deals[3]] },
        errors: [expect.objectContaining({ message: 'Deal names start with a capital letter.' })],
      }),
    ]);
    const deal = await client.crm.deals.basicApi.getById(deals[2] ?? '', ['amount']);
    expect(deal.properties['amount']).toBe('5000');
  });

  it('an edit in HubSpot\u2019s UI obeys the rules too (they were UI-only before 2026-09)', () => {
    const edit = (dealname: string) =>
      sandbox.control.editAsUser({
        objectType: 'deals',
        id: deals[2] ?? '',
        userId: '9100001',
        properties: { dealname },
      });
    expect(() => edit('lowercase in the UI')).toThrow(/Deal names start with a capital letter/);
    expect(() => edit('Capitalised in the UI')).not.toThrow();
  });

  it('an empty value clears the property whatever its rules', async () => {
    const cleared = await send('PATCH', `/crm/objects/2026-09/deals/${deals[4]}`, {
      properties: { amount: '' },
    });
    expect(cleared.status).toBe(200);
  });
});

describe('persistence', () => {
  it('keeps the rules across a restart of a sandbox with a data directory', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'sandbox-rules-'));
    try {
      const first = await startSandbox({
        dataDir: dir,
        rateLimit: false,
        seed: { seed: 1, companies: 2, deals: 0, asOf: AS_OF },
      });
      const firstClient = new Client({ accessToken: first.token, basePath: first.baseUrl });
      await send(
        'PUT',
        `${RULES}/0-2/city/rule-type/MAX_LENGTH`,
        { ruleArguments: ['3'] },
        firstClient,
      );
      await first.close();
      const second = await startSandbox({ dataDir: dir, rateLimit: false });
      const secondClient = new Client({ accessToken: second.token, basePath: second.baseUrl });
      expect((await send('GET', `${RULES}/0-2/city`, undefined, secondClient)).json).toEqual({
        results: [{ ruleType: 'MAX_LENGTH', ruleArguments: ['3'] }],
      });
      await second.close();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
