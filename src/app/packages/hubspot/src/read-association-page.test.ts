import type { RunningSandbox } from '@strategy-fit/sandbox';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';

import { apiPaths } from './api-paths.ts';
import type { HubSpot } from './create-client.ts';
import { ASSOCIATION_TYPES, createRecords } from './create-records.ts';
import { readAssociationPage, readCompanyDealsPage } from './read-association-page.ts';
import type { AssociationInput } from './read-association-page.ts';
import { readAssociations } from './read-associations.ts';
import {
  connect,
  recordRequests,
  startTestSandbox,
  value,
} from '../../../../../test/support/hubspot/sandbox.ts';

let sandbox: RunningSandbox;
let hs: HubSpot;
/** A company with more deals than one answer carries (the sandbox pages at 500, as HubSpot may). */
const BIG = '1007';
let bigDeals: string[];

beforeAll(async () => {
  sandbox = await startTestSandbox();
  hs = connect(sandbox).hs;
  bigDeals = value(
    await createRecords(
      hs,
      'deals',
      Array.from({ length: 1_150 }, (_, i) => ({
        properties: { dealname: `bulk ${i}`, amount: '1000' },
        associations: [{ toId: BIG, associationTypeId: ASSOCIATION_TYPES.dealToCompany }],
      })),
    ),
  );
});
afterEach(() => sandbox.control.setFaults(undefined));
afterAll(() => sandbox.close());

/** Reads every page as a caller streaming them does, keeping only what each page says. */
const readAll = async (
  inputs: AssociationInput[],
): Promise<{ links: Map<string, string[]>; pages: number; largest: number }> => {
  const links = new Map<string, string[]>();
  let pending = inputs;
  let pages = 0;
  let largest = 0;
  while (pending.length > 0) {
    const page = value(await readCompanyDealsPage(hs, pending));
    pages += 1;
    largest = Math.max(largest, page.links.length);
    for (const l of page.links) links.set(l.fromId, [...(links.get(l.fromId) ?? []), l.toId]);
    pending = page.more;
  }
  return { links, pages, largest };
};

describe('readCompanyDealsPage', () => {
  it('returns one answer at a time and the `after` of each company with more deals', async () => {
    const first = value(await readCompanyDealsPage(hs, [{ id: BIG }, { id: '1001' }]));
    expect(first.more).toEqual([{ id: BIG, after: expect.any(String) }]);
    expect(first.links.filter((l) => l.fromId === BIG)).toHaveLength(500);

    const { links, pages, largest } = await readAll([{ id: BIG }, { id: '1001' }]);
    expect(pages).toBe(3);
    expect(largest).toBeLessThanOrEqual(500 + (links.get('1001')?.length ?? 0));
    const big = links.get(BIG) ?? [];
    expect(new Set(big).size).toBe(big.length);
    expect(big).toEqual(expect.arrayContaining(bigDeals));
    // The same deals as the all-at-once read.
    const all = value(await readAssociations(hs, 'companies', 'deals', [BIG, '1001']));
    const ids = (id: string) => new Set((all.get(id) ?? []).map((a) => a.id));
    expect(new Set(big)).toEqual(ids(BIG));
    expect(new Set(links.get('1001') ?? [])).toEqual(ids('1001'));
  });

  it('sends one request of the inputs given, and nothing for a company without deals', async () => {
    const companies = Array.from({ length: 60 }, (_, i) => ({ id: String(1001 + i) }));
    const { result, sent } = await recordRequests(() => readCompanyDealsPage(hs, companies));
    expect(sent).toHaveLength(1);
    expect(sent[0]?.path).toBe(apiPaths.associations('companies', 'deals', 'batch', 'read'));
    const page = value(result);
    const dealless = value(await readCompanyDealsPage(hs, [{ id: '999999' }]));
    expect(dealless).toEqual({ links: [], more: [] });
    expect(page.links.length).toBeGreaterThan(0);
  });

  it('reads again only the inputs a 207 failed, and refuses more than 1,000 inputs', async () => {
    sandbox.control.setFaults({
      schedule: [{ request: 1, fault: 'partialBatch' }],
      partialBatchShare: 0.3,
    });
    const companies = Array.from({ length: 20 }, (_, i) => ({ id: String(1001 + i) }));
    const { result, sent } = await recordRequests(() => readCompanyDealsPage(hs, companies));
    const retried = (sent[1]?.body as { inputs: unknown[] } | undefined)?.inputs.length ?? 0;
    expect(sent).toHaveLength(2);
    expect(retried).toBeGreaterThan(0);
    expect(retried).toBeLessThan(20);
    sandbox.control.setFaults(undefined);
    const clean = value(await readCompanyDealsPage(hs, companies));
    expect(value(result).links.length).toBe(clean.links.length);

    const tooMany = await readAssociationPage(
      hs,
      'companies',
      'deals',
      Array.from({ length: 1001 }, (_, i) => ({ id: String(i + 1) })),
    );
    expect(!tooMany.ok && tooMany.error.code).toBe('invalid_input');
  });
});
