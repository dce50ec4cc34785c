import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from '@hubspot/api-client';
import {
  PropertyCreateFieldTypeEnum,
  PropertyCreateTypeEnum,
} from '@hubspot/api-client/lib/codegen/crm/properties/index.js';
import { ObjectTypePropertyCreateTypeEnum } from '@hubspot/api-client/lib/codegen/crm/schemas/index.js';
import { afterAll, describe, expect, it } from 'vitest';
import { startSandbox } from '../src/index.ts';
import { AS_OF } from './harness.ts';

const dataDir = mkdtempSync(join(tmpdir(), 'sandbox-persistence-'));
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

describe('persistence in dataDir', () => {
  it('keeps records, associations, properties, schemas and the token across a restart', async () => {
    const first = await startSandbox({
      dataDir,
      rateLimit: false,
      seed: { seed: 9, companies: 30, deals: 40, asOf: AS_OF },
    });
    expect(first.seeded?.companies).toBe(30);
    const client = new Client({ accessToken: first.token, basePath: first.baseUrl });
    const company = await client.crm.companies.basicApi.create({
      properties: { name: 'Durable', industry: 'RETAIL' },
      associations: [],
    });
    const deal = await client.crm.deals.basicApi.create({
      properties: { dealname: 'Durable deal', dealstage: 'closedwon' },
      associations: [],
    });
    await client.crm.associations.v4.basicApi.create('deals', deal.id, 'companies', company.id, [
      { associationCategory: 'HUBSPOT_DEFINED' as never, associationTypeId: 5 },
    ]);
    await client.crm.companies.basicApi.update(company.id, { properties: { city: 'Oslo' } });
    const archived = await client.crm.companies.basicApi.create({
      properties: { name: 'Archived' },
      associations: [],
    });
    await client.crm.companies.basicApi.archive(archived.id);
    await client.crm.properties.coreApi.create('companies', {
      name: 'strategy_fit_score',
      label: 'Score',
      type: PropertyCreateTypeEnum.Number,
      fieldType: PropertyCreateFieldTypeEnum.Number,
      groupName: 'companyinformation',
    });
    await client.crm.companies.basicApi.update(company.id, {
      properties: { strategy_fit_score: '87' },
    });
    const schema = await client.crm.schemas.coreApi.create({
      name: 'strategy_version',
      labels: { singular: 'Strategy version', plural: 'Strategy versions' },
      requiredProperties: ['version'],
      associatedObjects: [],
      properties: [
        {
          name: 'version',
          label: 'Version',
          type: ObjectTypePropertyCreateTypeEnum.Number,
          fieldType: 'number',
        },
      ],
    });
    const version = await client.crm.objects.basicApi.create(schema.objectTypeId ?? '', {
      properties: { version: '1' },
      associations: [],
    });
    const token = first.token;
    await first.close();

    const second = await startSandbox({
      dataDir,
      rateLimit: false,
      seed: { seed: 9, companies: 30, deals: 40, asOf: AS_OF },
    });
    expect(second.seeded).toBeUndefined();
    expect(second.token).toBe(token);
    const again = new Client({ accessToken: second.token, basePath: second.baseUrl });
    const read = await again.crm.companies.basicApi.getById(company.id, [
      'name',
      'industry',
      'city',
      'strategy_fit_score',
    ]);
    expect(read.properties).toMatchObject({
      name: 'Durable',
      industry: 'RETAIL',
      city: 'Oslo',
      strategy_fit_score: '87',
    });
    const links = await again.crm.associations.v4.basicApi.getPage('deals', deal.id, 'companies');
    expect(links.results[0]?.associationTypes.map((t) => t.typeId)).toEqual([341, 5]);
    const readDeal = await again.crm.deals.basicApi.getById(deal.id, ['hs_is_closed_won']);
    expect(readDeal.properties['hs_is_closed_won']).toBe('true');
    expect(
      (
        await again.crm.companies.basicApi.getById(
          archived.id,
          undefined,
          undefined,
          undefined,
          true,
        )
      ).archived,
    ).toBe(true);
    expect(
      (await again.crm.objects.basicApi.getById('strategy_version', version.id, ['version']))
        .properties['version'],
    ).toBe('1');
    const next = await again.crm.companies.basicApi.create({
      properties: { name: 'After restart' },
      associations: [],
    });
    expect(Number(next.id)).toBeGreaterThan(Number(version.id));
    expect((await again.crm.companies.getAll(100)).length).toBe(32);
    await second.close();
  });
});
