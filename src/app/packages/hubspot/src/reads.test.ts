import type { RunningSandbox } from '@strategy-fit/sandbox';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';

import { apiPaths } from './api-paths.ts';
import type { HubSpot } from './create-client.ts';
import { listDealPipelines } from './list-deal-pipelines.ts';
import { listOwners } from './list-owners.ts';
import { companyOfLinks, listRecords } from './list-records.ts';
import { ASSOCIATION_TYPES, createRecords } from './create-records.ts';
import { dealCompanyId, readAssociations } from './read-associations.ts';
import { readPropertyDefinitions } from './read-property-definitions.ts';
import { readRecords } from './read-records.ts';
import {
  connect,
  raw,
  recordRequests,
  startTestSandbox,
  value,
} from '../../../../../test/support/hubspot/sandbox.ts';

let sandbox: RunningSandbox;
let hs: HubSpot;
/** Deals made for the association rules: primary + unlabeled, two unlabeled, none. */
let deals: { primary: string; lowest: string; none: string };

const Created = z.object({ id: z.string() });

async function createDeal(name: string, links: { id: string; typeId: number }[]): Promise<string> {
  const answer = await raw(sandbox, 'POST', '/crm/v3/objects/deals', {
    properties: {
      dealname: name,
      amount: '1000',
      pipeline: 'default',
      dealstage: 'appointmentscheduled',
    },
    associations: links.map((l) => ({
      to: { id: l.id },
      types: [{ associationCategory: 'HUBSPOT_DEFINED', associationTypeId: l.typeId }],
    })),
  });
  return Created.parse(answer.json).id;
}

beforeAll(async () => {
  sandbox = await startTestSandbox();
  hs = connect(sandbox).hs;
  deals = {
    primary: await createDeal('primary', [
      { id: '1002', typeId: 341 },
      { id: '1010', typeId: 5 },
    ]),
    lowest: await createDeal('lowest', [
      { id: '1005', typeId: 341 },
      { id: '1003', typeId: 341 },
    ]),
    none: await createDeal('none', []),
  };
});
afterEach(() => sandbox.control.setFaults(undefined));
afterAll(() => sandbox.close());

describe('readPropertyDefinitions', () => {
  it("returns the core's definitions (type, field type, options) and reads them once per handle", async () => {
    const { result, sent } = await recordRequests(async () => [
      await readPropertyDefinitions(hs, 'companies'),
      await readPropertyDefinitions(hs, 'companies'),
    ]);
    const definitions = value(result[0] ?? { ok: false, error: 'none' });
    expect(definitions['web_technologies']).toMatchObject({
      type: 'enumeration',
      fieldType: 'checkbox',
    });
    expect(definitions['web_technologies']?.options?.[0]).toEqual({
      label: expect.any(String),
      value: 'salesforce',
    });
    expect(definitions['numberofemployees']).toEqual({
      name: 'numberofemployees',
      label: expect.any(String),
      type: 'number',
      fieldType: 'number',
    });
    expect(sent).toHaveLength(1);
  });
});

describe('listRecords', () => {
  it('pages through every company, 100 at a time, in id order', async () => {
    const ids: string[] = [];
    let after: string | undefined;
    let pages = 0;
    do {
      const page = value(
        await listRecords(hs, {
          objectType: 'companies',
          properties: ['name'],
          ...(after === undefined ? {} : { after }),
        }),
      );
      ids.push(...page.records.map((r) => r.id));
      after = page.nextAfter ?? undefined;
      pages += 1;
    } while (after !== undefined);
    expect(ids).toHaveLength(60);
    expect(pages).toBe(1);
    const small = value(
      await listRecords(hs, { objectType: 'companies', properties: ['name'], limit: 25 }),
    );
    expect(small.records).toHaveLength(25);
    expect(small.records[0]).toEqual({
      id: '1001',
      properties: expect.objectContaining({ name: expect.any(String), hs_object_id: '1001' }),
      updatedAt: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T/),
      // No associations asked for: none carried.
      links: {},
    });
    expect(small.nextAfter).not.toBeNull();
  });
});

describe('readRecords', () => {
  it('reads any number of ids in batches of 100 and reports unknown ids as missing', async () => {
    const ids = [...Array.from({ length: 60 }, (_, i) => String(1001 + i)), '999998', '999999'];
    const { result, sent } = await recordRequests(() =>
      readRecords(hs, 'companies', [...ids, ...ids.slice(0, 50), '999999'], ['name', 'industry']),
    );
    const read = value(result);
    expect(read.records.map((r) => r.id)).toEqual(ids.slice(0, 60));
    expect(read.missing.sort()).toEqual(['999998', '999999']);
    expect(sent.filter((s) => s.path.endsWith('/batch/read'))).toHaveLength(1);

    const many = Array.from({ length: 250 }, (_, i) => String(1001 + i));
    const { sent: more } = await recordRequests(() => readRecords(hs, 'companies', many, ['name']));
    expect(more.map((s) => (s.body as { inputs: unknown[] }).inputs.length)).toEqual([
      100, 100, 50,
    ]);
  });

  it('reads again only the inputs a 207 failed for another reason than "not found"', async () => {
    sandbox.control.setFaults({
      schedule: [{ request: 1, fault: 'partialBatch' }],
      partialBatchShare: 0.3,
    });
    const ids = Array.from({ length: 20 }, (_, i) => String(1001 + i));
    const { result, sent } = await recordRequests(() =>
      readRecords(hs, 'companies', ids, ['name']),
    );
    expect(value(result).records).toHaveLength(20);
    const inputs = sent.map((s) =>
      (s.body as { inputs: { id: string }[] }).inputs.map((i) => i.id),
    );
    expect(inputs).toHaveLength(2);
    expect(inputs[1]?.length).toBeGreaterThan(0);
    expect(inputs[1]?.length).toBeLessThan(20);
  });
});

describe('deal associations', () => {
  it("picks each deal's primary company, else the lowest id, else null (SCORING §7)", async () => {
    const ids = [deals.primary, deals.lowest, deals.none];
    const links = value(await readAssociations(hs, 'deals', 'companies', ids));
    expect(ids.map((id) => dealCompanyId(links.get(id) ?? []))).toEqual(['1010', '1003', null]);
  });

  it('reads the line items of many deals in one request; a deal without any has none', async () => {
    const dealIds = value(
      await listRecords(hs, { objectType: 'deals', properties: [], limit: 100 }),
    ).records.map((r) => r.id);
    const { result, sent } = await recordRequests(() =>
      readAssociations(hs, 'deals', 'line_items', dealIds),
    );
    const items = value(result);
    expect(items.size).toBe(dealIds.length);
    expect([...items.values()].flat().length).toBeGreaterThan(0);
    expect(items.get(deals.none)).toEqual([]);
    expect(sent).toHaveLength(1);
  });
});

describe('listRecords with associations', () => {
  it('lists deals with their companies and line items in one request, and picks the company (SCORING §7)', async () => {
    const ids = [deals.primary, deals.lowest, deals.none];
    const { result, sent } = await recordRequests(() =>
      listRecords(hs, {
        objectType: 'deals',
        properties: ['dealname'],
        associations: ['companies', 'line_items'],
        after: deals.primary,
      }),
    );
    expect(sent.map((s) => `${s.method} ${s.path.split('?')[0]}`)).toEqual([
      `GET ${apiPaths.objects('deals')}`,
    ]);
    const listed = value(result).records.filter((r) => ids.includes(r.id));
    expect(listed.map((r) => [r.id, companyOfLinks(r.links['companies'])])).toEqual([
      [deals.primary, '1010'],
      [deals.lowest, '1003'],
      [deals.none, null],
    ]);
    const seeded = value(
      await listRecords(hs, { objectType: 'deals', properties: [], associations: ['line_items'] }),
    ).records;
    const items = value(
      await readAssociations(
        hs,
        'deals',
        'line_items',
        seeded.map((r) => r.id),
      ),
    );
    for (const r of seeded) {
      expect(r.links['line_items']?.map((l) => l.id).sort()).toEqual(
        (items.get(r.id) ?? []).map((i) => i.id).sort(),
      );
    }
  });

  it('reads the associations of a record with more than HubSpot embeds through the associations API', async () => {
    const many = value(
      await createRecords(
        hs,
        'line_items',
        Array.from({ length: 130 }, (_, i) => ({
          properties: { name: `item ${i}`, price: '1', quantity: '1' },
          associations: [{ toId: deals.none, associationTypeId: ASSOCIATION_TYPES.lineItemToDeal }],
        })),
      ),
    );
    const { result, sent } = await recordRequests(() =>
      listRecords(hs, {
        objectType: 'deals',
        properties: [],
        associations: ['line_items'],
        // The list API's cursor is the first id of the next page.
        after: deals.none,
        limit: 1,
      }),
    );
    expect(
      value(result)
        .records[0]?.links['line_items']?.map((l) => l.id)
        .sort(),
    ).toEqual([...many].sort());
    expect(sent.map((s) => `${s.method} ${s.path.split('?')[0]}`)).toEqual([
      `GET ${apiPaths.objects('deals')}`,
      `POST ${apiPaths.associations('deals', 'line_items', 'batch', 'read')}`,
    ]);
  });
});

describe('owners and pipelines', () => {
  it('lists the active owners with their teams', async () => {
    const owners = value(await listOwners(hs));
    expect(owners).toHaveLength(8);
    expect(owners[0]).toEqual({
      id: expect.any(String),
      userId: expect.stringMatching(/^\d+$/),
      email: expect.stringContaining('@'),
      firstName: expect.any(String),
      lastName: expect.any(String),
      teams: [{ id: expect.any(String), name: expect.any(String) }],
    });
  });

  it('lists the deal pipelines with closed and won stages', async () => {
    const pipelines = value(await listDealPipelines(hs));
    const sales = pipelines.find((p) => p.id === 'default');
    expect(sales?.stages.find((s) => s.id === 'closedwon')).toEqual({
      id: 'closedwon',
      label: expect.any(String),
      isClosed: true,
      isWon: true,
      probability: 1,
    });
    expect(sales?.stages.find((s) => s.id === 'closedlost')).toMatchObject({
      isClosed: true,
      isWon: false,
    });
    expect(sales?.stages.find((s) => s.id === 'qualifiedtobuy')).toMatchObject({
      isClosed: false,
      isWon: false,
    });
  });
});
