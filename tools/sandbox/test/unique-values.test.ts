import { Client } from '@hubspot/api-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningSandbox } from '../src/index.ts';
import { apiFailure, raw, startTestSandbox } from './harness.ts';

let sandbox: RunningSandbox;
let client: Client;

beforeAll(async () => {
  sandbox = await startTestSandbox();
  client = new Client({ accessToken: sandbox.token, basePath: sandbox.baseUrl });
  const created = await raw(sandbox, 'POST', '/crm/v3/properties/companies', {
    name: 'external_id',
    label: 'External id',
    type: 'string',
    fieldType: 'text',
    groupName: 'companyinformation',
    hasUniqueValue: true,
  });
  expect(created.status).toBe(201);
});
afterAll(() => sandbox.close());

const create = (externalId: string) =>
  client.crm.companies.basicApi.create({
    properties: { name: externalId, external_id: externalId },
    associations: [],
  });

describe('properties that require unique values (hasUniqueValue)', () => {
  it('refuse a second record with the same value: 400 naming the property', async () => {
    await create('ext-1');
    const failure = await apiFailure(create('ext-1'));
    expect(failure.code).toBe(400);
    expect(failure.body['category']).toBe('VALIDATION_ERROR');
    expect(failure.body['message']).toContain('already has that value');
    expect(failure.body['errors']).toEqual([
      {
        message: expect.stringContaining('external_id requires unique values'),
        code: 'DUPLICATE_UNIQUE_VALUE',
        context: { propertyName: ['external_id'] },
      },
    ]);
  });

  it('refuse an update to a value another record holds, but not a record keeping its own value', async () => {
    const a = await create('ext-2');
    const b = await create('ext-3');
    expect(
      (
        await apiFailure(
          client.crm.companies.basicApi.update(b.id, { properties: { external_id: 'ext-2' } }),
        )
      ).code,
    ).toBe(400);
    const same = await client.crm.companies.basicApi.update(a.id, {
      properties: { external_id: 'ext-2', name: 'renamed' },
    });
    expect(same.properties['name']).toBe('renamed');
  });

  it('fail only the duplicate input of a multi-status batch create', async () => {
    const answer = await raw(sandbox, 'POST', '/crm/v3/objects/companies/batch/create', {
      inputs: [
        { properties: { external_id: 'ext-4' }, objectWriteTraceId: 'a' },
        { properties: { external_id: 'ext-1' }, objectWriteTraceId: 'b' },
      ],
    });
    expect(answer.status).toBe(207);
    expect(answer.json['errors']).toEqual([
      expect.objectContaining({
        category: 'VALIDATION_ERROR',
        context: { objectWriteTraceId: ['b'] },
      }),
    ]);
  });

  it('free a value when its record is archived', async () => {
    const old = await create('ext-5');
    await client.crm.companies.basicApi.archive(old.id);
    expect((await create('ext-5')).properties['external_id']).toBe('ext-5');
  });
});
