import { FIT_PROPERTIES } from '@strategy-fit/core';
import type { RunningSandbox } from '@strategy-fit/sandbox';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { z } from 'zod';

import type { HubSpot } from './create-client.ts';
import { ensureFitProperties } from './ensure-fit-properties.ts';
import { ensureProperties, ensurePropertyGroup } from './ensure-properties.ts';
import { readPropertyDefinitions } from './read-property-definitions.ts';
import {
  connect,
  raw,
  recordRequests,
  startTestSandbox,
  value,
} from '../../../../../test/support/hubspot/sandbox.ts';

let sandbox: RunningSandbox;
let hs: HubSpot;

beforeEach(async () => {
  sandbox = await startTestSandbox({
    seed: { seed: 1, companies: 5, deals: 5, asOf: '2026-11-01' },
  });
  hs = connect(sandbox).hs;
});
afterEach(() => sandbox.close());

const expected = (objectType: 'companies' | 'deals'): string[] => [
  `${objectType}:group:strategy_fit`,
  ...FIT_PROPERTIES.filter((p) => p.objects.includes(objectType)).map(
    (p) => `${objectType}:${p.name}`,
  ),
];

const PropertyBody = z.object({
  type: z.string(),
  fieldType: z.string(),
  label: z.string(),
  groupName: z.string(),
  options: z.array(z.object({ value: z.string(), label: z.string() })),
});

describe('ensureFitProperties', () => {
  it('creates the group and every property of FIT_PROPERTIES on companies and deals', async () => {
    const report = value(await ensureFitProperties(hs));
    expect(report).toEqual({
      created: [...expected('companies'), ...expected('deals')],
      updated: [],
      unchanged: [],
    });
    const deals = value(await readPropertyDefinitions(hs, 'deals'));
    expect(deals['strategy_fit_warnings']).toMatchObject({
      type: 'enumeration',
      fieldType: 'checkbox',
    });
    expect(deals['strategy_fit_warnings']?.options?.map((o) => o.value)).toEqual([
      'price_competition',
      'deal_size_outside_segment',
      'missing_company',
      'offer_outside_segment',
    ]);
    const companies = value(await readPropertyDefinitions(hs, 'companies'));
    expect(companies['strategy_fit_focus']).toBeUndefined();
  });

  it('is idempotent: a second run creates and updates nothing, and only reads', async () => {
    value(await ensureFitProperties(hs));
    const { result, sent } = await recordRequests(() => ensureFitProperties(hs));
    const second = value(result);
    expect(second.created).toEqual([]);
    expect(second.updated).toEqual([]);
    expect(second.unchanged).toHaveLength(expected('companies').length + expected('deals').length);
    expect(sent.every((s) => s.method === 'GET')).toBe(true);
  });

  it("completes what a portal has without renaming or removing anything of the portal's", async () => {
    // A portal with the group, a score property of the wrong type, and a tier property missing an
    // option but holding one of its own, under its own label.
    await raw(sandbox, 'POST', '/crm/v3/properties/companies/groups', {
      name: 'strategy_fit',
      label: 'Our fit',
    });
    await raw(sandbox, 'POST', '/crm/v3/properties/companies', {
      name: 'strategy_fit_score',
      label: 'Fit score (text)',
      type: 'string',
      fieldType: 'text',
      groupName: 'strategy_fit',
    });
    await raw(sandbox, 'POST', '/crm/v3/properties/companies', {
      name: 'strategy_fit_tier',
      label: 'Tier (ours)',
      type: 'enumeration',
      fieldType: 'select',
      groupName: 'strategy_fit',
      options: [
        { label: 'Dream!', value: 'dream' },
        { label: 'Legacy', value: 'legacy' },
      ],
    });
    const report = value(await ensureFitProperties(hs));
    expect(report.updated).toEqual(['companies:strategy_fit_score', 'companies:strategy_fit_tier']);
    expect(report.unchanged).toEqual(['companies:group:strategy_fit']);
    const score = PropertyBody.parse(
      (await raw(sandbox, 'GET', '/crm/v3/properties/companies/strategy_fit_score')).json,
    );
    expect(score).toMatchObject({ type: 'number', fieldType: 'number', label: 'Fit score (text)' });
    const tier = PropertyBody.parse(
      (await raw(sandbox, 'GET', '/crm/v3/properties/companies/strategy_fit_tier')).json,
    );
    expect(tier.label).toBe('Tier (ours)');
    expect(tier.options.map((o) => `${o.value}:${o.label}`)).toEqual([
      'dream:Dream!',
      'legacy:Legacy',
      'fit:Fit',
      'stretch:Stretch',
      'needs_data:Needs data',
      'off_strategy:Off strategy',
      'refused:Refused',
    ]);
    const again = value(await ensureFitProperties(hs));
    expect([again.created, again.updated]).toEqual([[], []]);
  });

  it('SCORING §8, §10–§12: on a portal set up before them, adds the new deal properties and the offer_outside_segment option; the old options and every stored value stay', async () => {
    // The portal as setup left it before §10–§12: today's properties, warnings without the new option.
    const NEW = [
      'strategy_fit_competitors',
      'strategy_fit_business',
      'strategy_fit_open_questions',
    ];
    for (const objectType of ['companies', 'deals'] as const) {
      value(
        await ensurePropertyGroup(hs, objectType, {
          name: 'strategy_fit',
          label: 'Strategy Fit',
          displayOrder: -1,
        }),
      );
      value(
        await ensureProperties(
          hs,
          objectType,
          FIT_PROPERTIES.filter((p) => p.objects.includes(objectType) && !NEW.includes(p.name)).map(
            (p) => ({
              ...p,
              ...(p.options === undefined
                ? {}
                : { options: p.options.filter((o) => o.value !== 'offer_outside_segment') }),
            }),
          ),
        ),
      );
    }
    const before = value(await readPropertyDefinitions(hs, 'deals'));
    expect(before['strategy_fit_warnings']?.options?.map((o) => o.value)).toEqual([
      'price_competition',
      'deal_size_outside_segment',
      'missing_company',
    ]);
    expect(before['strategy_fit_business']).toBeUndefined();
    const stored = {
      dealname: 'Renewal',
      strategy_fit_tier: 'off_strategy',
      strategy_fit_warnings: 'price_competition;missing_company',
      strategy_fit_exception: 'requested',
      strategy_fit_exception_note: 'Long-standing customer',
    };
    const created = await raw(sandbox, 'POST', '/crm/objects/2026-09/deals', {
      properties: stored,
    });
    const id = z.object({ id: z.string() }).parse(created.json).id;

    const report = value(await ensureFitProperties(hs));
    expect(report.created).toEqual(NEW.map((n) => `deals:${n}`));
    expect(report.updated).toEqual(['deals:strategy_fit_warnings']);
    const after = value(await readPropertyDefinitions(hs, 'deals'));
    expect(after['strategy_fit_warnings']?.options?.map((o) => o.value)).toEqual([
      'price_competition',
      'deal_size_outside_segment',
      'missing_company',
      'offer_outside_segment',
    ]);
    expect(after['strategy_fit_business']?.options?.map((o) => o.value)).toEqual([
      'new',
      'existing',
    ]);
    const read = await raw(
      sandbox,
      'GET',
      `/crm/objects/2026-09/deals/${id}?properties=${Object.keys(stored).join(',')}`,
    );
    expect(
      z.object({ properties: z.record(z.string(), z.string().nullable()) }).parse(read.json)
        .properties,
    ).toMatchObject(stored);
    // A deal may now carry the new option.
    const patched = await raw(sandbox, 'PATCH', `/crm/objects/2026-09/deals/${id}`, {
      properties: {
        strategy_fit_warnings: 'price_competition;offer_outside_segment',
        strategy_fit_business: 'existing',
      },
    });
    expect(patched.status).toBe(200);
  });

  it('stops with the HubSpot error when a property cannot be created', async () => {
    const reader = connect(sandbox, { accessToken: 'pat-na1-not-this-one' }).hs;
    const result = await ensureFitProperties(reader);
    expect(result.ok ? null : result.error.code).toBe('hubspot_unauthorized');
  });
});
