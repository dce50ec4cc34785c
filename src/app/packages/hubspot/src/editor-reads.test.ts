// The adapter additions of the strategy editor: each company's deals (the simulation's open
// pipeline) and publishing on top of a known version (no silent overwrite).
import type { RunningSandbox } from '@strategy-fit/sandbox';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { ASSOCIATION_TYPES, createRecords } from './create-records.ts';
import { ensureFitProperties } from './ensure-fit-properties.ts';
import { readAssociations } from './read-associations.ts';
import { connect, startTestSandbox, value } from '../../../../../test/support/hubspot/sandbox.ts';
import { oneSegmentStrategy } from '../../../../../test/support/hubspot/one-segment-strategy.ts';
import { ensureStrategyStore } from './strategy-store/ensure-strategy-store.ts';
import { publishStrategy } from './strategy-store/publish-strategy.ts';
import { publishStrategyIfCurrent } from './strategy-store/publish-strategy-if-current.ts';
import { listStrategyVersions } from './strategy-store/read-strategies.ts';

const strategy = oneSegmentStrategy;

let sandbox: RunningSandbox;

beforeAll(async () => {
  sandbox = await startTestSandbox({
    seed: { seed: 5, companies: 3, deals: 0, asOf: '2026-11-01' },
  });
});
afterAll(() => sandbox.close());

describe("a company's deals (readAssociations)", () => {
  it('lists each company’s deals, primary or not; a company without deals gets []', async () => {
    const { hs } = connect(sandbox);
    const [a, b, lonely] = value(
      await createRecords(hs, 'companies', [
        { properties: { name: 'A' } },
        { properties: { name: 'B' } },
        { properties: { name: 'Lonely' } },
      ]),
    );
    if (a === undefined || b === undefined || lonely === undefined) throw new Error('no companies');
    const deals = value(
      await createRecords(hs, 'deals', [
        {
          properties: { dealname: 'One' },
          associations: [{ toId: a, associationTypeId: ASSOCIATION_TYPES.dealToPrimaryCompany }],
        },
        {
          properties: { dealname: 'Two' },
          associations: [
            { toId: a, associationTypeId: ASSOCIATION_TYPES.dealToCompany },
            { toId: b, associationTypeId: ASSOCIATION_TYPES.dealToPrimaryCompany },
          ],
        },
      ]),
    );
    const found = value(await readAssociations(hs, 'companies', 'deals', [a, b, lonely]));
    const ids = (id: string) => [...new Set((found.get(id) ?? []).map((x) => x.id))];
    expect(ids(a).sort()).toEqual([...deals].sort());
    expect(ids(b)).toEqual([deals[1]]);
    expect(ids(lonely)).toEqual([]);
  });
});

describe('publishStrategyIfCurrent', () => {
  beforeAll(async () => {
    const { hs } = connect(sandbox);
    value(await ensureFitProperties(hs));
    value(await ensureStrategyStore(hs));
    value(await publishStrategy(hs, strategy('First'), { publishedBy: 'cli', nowMs: 1 }));
  });

  it('publishes exactly the next version on top of the current one', async () => {
    const { hs } = connect(sandbox);
    const published = value(
      await publishStrategyIfCurrent(hs, strategy('Second'), {
        publishedBy: 'maya',
        nowMs: 2,
        basedOnVersion: 1,
      }),
    );
    expect(published.kind === 'published' && published.stored.version).toBe(2);
  });

  it('on top of an older version writes nothing and names the current version', async () => {
    const { hs } = connect(sandbox);
    const answer = value(
      await publishStrategyIfCurrent(hs, strategy('Stale'), {
        publishedBy: 'sam',
        nowMs: 3,
        basedOnVersion: 1,
      }),
    );
    expect(answer).toMatchObject({
      kind: 'conflict',
      current: { version: 2, publishedBy: 'maya', strategyName: 'Second' },
    });
    expect(value(await listStrategyVersions(hs))[0]?.version).toBe(2);
  });

  it('two publishes on the same version at once: one wins, the other learns who', async () => {
    const { hs } = connect(sandbox);
    const [x, y] = await Promise.all(
      ['maya', 'sam'].map(async (by, i) =>
        value(
          await publishStrategyIfCurrent(hs, strategy(`Race ${by}`), {
            publishedBy: by,
            nowMs: 10 + i,
            basedOnVersion: 2,
          }),
        ),
      ),
    );
    const kinds = [x?.kind, y?.kind].sort();
    expect(kinds).toEqual(['conflict', 'published']);
    const winner = [x, y].find((a) => a?.kind === 'published');
    const loser = [x, y].find((a) => a?.kind === 'conflict');
    expect(winner?.kind === 'published' && winner.stored.version).toBe(3);
    expect(loser?.kind === 'conflict' && loser.current?.version).toBe(3);
    const versions = value(await listStrategyVersions(hs)).map((v) => v.version);
    expect(versions).toEqual([3, 2, 1]);
  });

  it('refuses a strategy whose property the portal lacks, and writes nothing', async () => {
    const { hs } = connect(sandbox);
    const refused = await publishStrategyIfCurrent(hs, strategy('Bad', 'industri'), {
      publishedBy: 'maya',
      nowMs: 20,
      basedOnVersion: 3,
    });
    expect(refused.ok ? null : refused.error.code).toBe('strategy_property_unknown');
    expect(value(await listStrategyVersions(hs)).map((v) => v.version)).toEqual([3, 2, 1]);
  });
});
