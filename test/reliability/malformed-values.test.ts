// Malformed HubSpot values never make scoring throw, and unparseable ones are data-quality
// findings (SCORING §3–4). HubSpot accepts anything in text properties only, so those go through
// the sandbox and are scored through the CLI (`score`) and the `score_record` function; what
// HubSpot itself would refuse (commas in number properties, other date formats in date properties,
// options a property does not have, over-long text) goes to the core directly, with the portal's
// real property definitions.
import { join } from 'node:path';

import {
  CompanyScore,
  compileStrategy,
  DealScore,
  parseStrategy,
  ScoreRecordResponse,
  scoreCompany,
  scoreDeal,
} from '@strategy-fit/core';
import type { PropertyDefinitions, Strategy } from '@strategy-fit/core';
import {
  createRecords,
  ensureStrategyStore,
  forgetPropertyDefinitions,
  publishStrategy,
  readPropertyDefinitions,
  writeRecords,
} from '@strategy-fit/hubspot';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { main as scoreRecord } from '../../src/app/functions/src/entries/score-record.ts';
import { useFunctionEnv } from '../support/functions/hubspot-env.ts';
import { hubspotContext } from '../support/functions/test-portal.ts';
import { runCli } from '../e2e/support/cli.ts';
import {
  EXAMPLE_STRATEGY,
  expectedScores,
  FIT_NAMES,
  loadStrategy,
  mismatches,
  NOW,
  NOW_MS,
} from '../e2e/support/sandbox.ts';
import { preparedPortal, scoreThroughCli, scratchDir } from './support/portals.ts';
import type { ReliabilityPortal } from './support/portals.ts';

const scratch = scratchDir('malformed');
let portal: ReliabilityPortal;
let restoreEnv = (): void => undefined;

/** Text properties read as a number, a date and a yes/no by the strategy below. */
const TEXT_PROPERTIES = {
  companies: ['employees_text', 'founded_on_text', 'partner_text'],
  deals: ['budget_text', 'decided_on_text', 'signed_text'],
} as const;

/**
 * The example strategy plus criteria that read text properties as numbers, dates and yes/no:
 * scoring reads them (SCORING §3), though publishing refuses such a strategy since SCORING §14,
 * so it is stored as a version published before (a portal may still have one).
 */
const strategy = (): Strategy => {
  const base = loadStrategy(EXAMPLE_STRATEGY);
  const parsed = parseStrategy({
    ...base,
    segments: [
      ...base.segments,
      {
        id: 'text-read',
        name: 'Read from text properties',
        priority: 'opportunistic',
        criteria: [
          { property: 'employees_text', operator: 'GTE', value: 100 },
          { property: 'founded_on_text', operator: 'WITHIN_LAST_DAYS', value: 3650 },
          { property: 'partner_text', operator: 'EQ', value: true },
          { property: 'city', operator: 'CONTAINS_TOKEN', value: 'berlin' },
        ],
      },
    ],
    dreamCustomer: {
      ...base.dreamCustomer,
      need: [
        ...(base.dreamCustomer?.need ?? []),
        { property: 'budget_text', operator: 'GT', value: 1000 },
        { property: 'decided_on_text', operator: 'WITHIN_NEXT_DAYS', value: 90 },
        { property: 'signed_text', operator: 'EQ', value: true },
      ],
    },
  });
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.error));
  return parsed.value;
};

const HUGE = 'x'.repeat(65_536);

/** Values HubSpot accepts in a text property, each unreadable as the criterion's kind. */
const MALFORMED_TEXT = [
  {
    company: { employees_text: '1,200', founded_on_text: '15/06/2009', partner_text: 'yes' },
    deal: { budget_text: '$50k', decided_on_text: 'March 2027', signed_text: 'Y' },
  },
  {
    company: { employees_text: '12k', founded_on_text: '2009-13-45', partner_text: 'vrai' },
    deal: { budget_text: '1.000,50', decided_on_text: '2027/01/15', signed_text: '1' },
  },
  {
    company: { employees_text: HUGE, founded_on_text: HUGE, partner_text: HUGE, city: HUGE },
    deal: { budget_text: HUGE, decided_on_text: HUGE, signed_text: HUGE },
  },
  {
    company: { employees_text: 'Infinity', founded_on_text: 'yesterday', partner_text: 'TRUE!' },
    deal: { budget_text: 'NaN', decided_on_text: '2027-02-30', signed_text: 'null' },
  },
] as const;

type Made = { companyId: string; dealId: string; malformed: readonly string[] };
const made: Made[] = [];
let nullCompany = '';
let nullDeal = '';

const must = <T>(r: { ok: true; value: T } | { ok: false; error: unknown }): T => {
  if (!r.ok) throw new Error(JSON.stringify(r.error));
  return r.value;
};

const createTextProperty = async (objectType: string, name: string): Promise<void> => {
  const response = await fetch(`${portal.baseUrl}/crm/properties/2026-09/${objectType}`, {
    method: 'POST',
    headers: { authorization: `Bearer ${portal.token}`, 'content-type': 'application/json' },
    body: JSON.stringify({
      name,
      label: name.replaceAll('_', ' '),
      type: 'string',
      fieldType: 'text',
      groupName: objectType === 'companies' ? 'companyinformation' : 'dealinformation',
    }),
  });
  expect(response.status, await response.text()).toBe(201);
};

/** Stores `strategy` as version `version` directly in the store, bypassing today's publish checks. */
const storeEarlierVersion = async (version: number, stored: Strategy): Promise<void> => {
  const store = must(await ensureStrategyStore(portal.hs)).objectTypeId;
  const response = await fetch(`${portal.baseUrl}/crm/v3/objects/${store}`, {
    method: 'POST',
    headers: { authorization: `Bearer ${portal.token}`, 'content-type': 'application/json' },
    body: JSON.stringify({
      properties: {
        version: String(version),
        status: 'published',
        strategy_json: JSON.stringify(stored),
        strategy_name: stored.name,
        published_by: 'reliability',
        published_at: new Date(NOW_MS).toISOString(),
        source: 'publish',
      },
    }),
  });
  expect(response.status, await response.text()).toBe(201);
};

beforeAll(async () => {
  portal = await preparedPortal({ seed: 81, companies: 60, deals: 90 });
  for (const [type, names] of Object.entries(TEXT_PROPERTIES)) {
    for (const name of names) await createTextProperty(type, name);
  }
  forgetPropertyDefinitions(portal.hs);
  // Publishing it now is refused (SCORING §14: text compared as a number, a date, yes/no)…
  const refused = await publishStrategy(portal.hs, strategy(), {
    publishedBy: 'reliability',
    nowMs: NOW_MS,
  });
  expect(refused.ok ? null : refused.error.code).toBe('strategy_property_unreadable');
  // …so it is stored as version 2, as a version published before that rule would be.
  await storeEarlierVersion(2, strategy());

  for (const values of MALFORMED_TEXT) {
    const [companyId] = must(
      await createRecords(portal.hs, 'companies', [
        { properties: { name: 'Malformed Ltd', industry: 'COMPUTER_SOFTWARE', ...values.company } },
      ]),
    );
    if (companyId === undefined) throw new Error('no company');
    const [dealId] = must(
      await createRecords(portal.hs, 'deals', [
        {
          properties: {
            dealname: 'Malformed deal',
            pipeline: 'default',
            dealstage: 'qualifiedtobuy',
            ...values.deal,
          },
          associations: [{ toId: companyId, associationTypeId: 5 }],
        },
      ]),
    );
    if (dealId === undefined) throw new Error('no deal');
    made.push({
      companyId,
      dealId,
      malformed: [...Object.keys(values.company), ...Object.keys(values.deal)].filter(
        (p) => p !== 'city',
      ),
    });
  }
  // Null everywhere: a company and a deal with nothing but what HubSpot requires.
  [nullCompany = ''] = must(await createRecords(portal.hs, 'companies', [{ properties: {} }]));
  [nullDeal = ''] = must(
    await createRecords(portal.hs, 'deals', [
      { properties: { pipeline: 'default', dealstage: 'appointmentscheduled' } },
    ]),
  );
  // Seeded records with their text values blanked out: an empty string clears a value.
  must(
    await writeRecords(portal.hs, 'companies', [
      { id: '1001', properties: { country: '', city: '', founded_year: '' } },
    ]),
  );
  restoreEnv = useFunctionEnv({
    PRIVATE_APP_ACCESS_TOKEN: portal.token,
    HUBSPOT_API_BASE_URL: portal.baseUrl,
  });
});
afterAll(async () => {
  restoreEnv();
  await portal.sandbox.close();
  scratch.cleanup();
});

describe('malformed values in text properties, through the sandbox', () => {
  it('strategy-fit score scores every record (exit 0) exactly as the core does', async () => {
    const run = await scoreThroughCli(portal, ['--checkpoint', join(scratch.dir, 'cp.json')]);
    expect(run.code, run.stderr).toBe(0);
    expect(run.summary?.failed).toEqual([]);
    const { actual, expected } = await expectedScores(portal, strategy(), 2);
    expect(expected.companies.size).toBe(60 + MALFORMED_TEXT.length + 1);
    expect(mismatches(actual.companies, expected.companies, FIT_NAMES.companies)).toEqual([]);
    expect(mismatches(actual.deals, expected.deals, FIT_NAMES.deals)).toEqual([]);
    // And the review of that portal renders.
    const report = await runCli(['report', '--format', 'json', '--no-progress'], portal);
    expect(report.code, report.stderr).toBe(0);
  });

  it('score_record answers every malformed record, naming each unreadable value as a data-quality finding', async () => {
    for (const m of made) {
      const answer = ScoreRecordResponse.parse(
        await scoreRecord(hubspotContext({ objectType: 'deal' }, { hs_object_id: m.dealId })),
      );
      if (!answer.ok) throw new Error(`${answer.error.code}: ${answer.error.message}`);
      const findings = [
        ...(answer.value.company?.dataQuality ?? []),
        ...(answer.value.deal?.dataQuality ?? []),
      ].map((f) => f.property);
      expect(new Set(findings), m.malformed.join(', ')).toEqual(new Set(m.malformed));
      // A finding shows the value truncated, never 64 KB of it.
      for (const f of answer.value.deal?.dataQuality ?? []) {
        expect(f.value.length).toBeLessThan(200);
      }
    }
  });

  it('score_record on a company and a deal with no values at all: a score, no error', async () => {
    for (const [objectType, objectId] of [
      ['company', nullCompany],
      ['deal', nullDeal],
    ] as const) {
      const answer = ScoreRecordResponse.parse(
        await scoreRecord(hubspotContext({ objectType }, { hs_object_id: objectId })),
      );
      expect(answer.ok, JSON.stringify(answer)).toBe(true);
      if (answer.ok && objectType === 'deal') {
        expect(answer.value.deal?.tier).toBe('needs_data');
        expect(answer.value.deal?.reason).toMatch(/no associated company/);
      }
    }
  });
});

/** Values HubSpot would refuse in typed properties (and a few it would take), for the core. */
const hostileValue: fc.Arbitrary<string | null> = fc.oneof(
  fc.constant(null),
  fc.constantFrom(
    '',
    '   ',
    '1,200',
    '1.200,50',
    '12k',
    '$5,000,000',
    '1e400',
    '-Infinity',
    'NaN',
    '0x1F',
    '15/06/2009',
    'March 2004',
    '2026-13-45',
    '2026-02-30',
    '20261102',
    'yes',
    'Y',
    'TRUE ',
    'NOT_AN_INDUSTRY',
    'salesforce;;;',
    ';',
    'x'.repeat(200_000),
    '\u0000',
    '👍',
    '2026-11-02',
    '1793606400000',
    '42',
  ),
  fc.string(),
  fc.string({ unit: 'binary' }),
);

describe('malformed values HubSpot itself would refuse, through the core', () => {
  let defs: { company: PropertyDefinitions; deal: PropertyDefinitions };
  beforeAll(async () => {
    defs = {
      company: must(await readPropertyDefinitions(portal.hs, 'companies')),
      deal: must(await readPropertyDefinitions(portal.hs, 'deals')),
    };
  });

  const COMPANY_PROPERTIES = [
    'industry',
    'numberofemployees',
    'annualrevenue',
    'web_technologies',
    'country',
    'founded_year',
    'is_public',
    'type',
  ];
  const DEAL_PROPERTIES = [
    'amount',
    'pain_identified',
    'budget_confirmed',
    'decision_date',
    'discount_percent',
  ];
  /** Properties the example strategy reads as a number or yes/no (SCORING §3: Number(), true/false). */
  const NUMBER_READS = new Set(['numberofemployees', 'annualrevenue', 'discount_percent']);
  const BOOLEAN_READS = new Set(['is_public', 'pain_identified', 'budget_confirmed']);

  const bag = (names: readonly string[]) =>
    fc.record(Object.fromEntries(names.map((n) => [n, hostileValue])), { requiredKeys: [] });

  /** Whether SCORING §3 calls a value unreadable for a property's reading. */
  const unreadable = (property: string, value: string | null | undefined): boolean => {
    if (value === null || value === undefined || value.trim() === '') return false;
    if (NUMBER_READS.has(property)) return !Number.isFinite(Number(value.trim()));
    if (BOOLEAN_READS.has(property)) return !['true', 'false'].includes(value.trim().toLowerCase());
    return false;
  };

  it('scoreCompany and scoreDeal never throw, stay within their schemas, and report every unreadable number or yes/no', () => {
    const compiled = compileStrategy(loadStrategy(EXAMPLE_STRATEGY));
    fc.assert(
      fc.property(
        bag(COMPANY_PROPERTIES),
        bag(DEAL_PROPERTIES),
        fc.array(fc.record({ price: hostileValue, quantity: hostileValue, amount: hostileValue }), {
          maxLength: 3,
        }),
        (company, deal, items) => {
          const companyFacts = {
            id: '1',
            properties: company,
            definitions: defs.company,
            nowMs: NOW_MS,
          };
          const companyScore = CompanyScore.parse(scoreCompany(compiled, companyFacts));
          const dealScore = DealScore.parse(
            scoreDeal(compiled, {
              deal: { id: '2', properties: deal, definitions: defs.deal, nowMs: NOW_MS },
              company: { facts: companyFacts, score: companyScore },
              lineItems: items.map((properties, i) => ({ id: String(100 + i), properties })),
              nowMs: NOW_MS,
            }),
          );
          const reported = new Set(
            [...companyScore.dataQuality, ...dealScore.dataQuality].map((f) => f.property),
          );
          for (const [name, value] of [...Object.entries(company), ...Object.entries(deal)]) {
            if (name === 'discount_percent' && items.length > 0) continue; // line items win (SCORING §7)
            if (unreadable(name, value))
              expect(reported, `${name} = ${JSON.stringify(value)}`).toContain(name);
          }
          for (const f of [...companyScore.dataQuality, ...dealScore.dataQuality]) {
            expect(f.value.length).toBeLessThan(200);
          }
        },
      ),
      { seed: 20261107, numRuns: 400 },
    );
  });

  it('dates in other formats are unreadable findings; ISO dates and epoch milliseconds are read', () => {
    const compiled = compileStrategy(loadStrategy(EXAMPLE_STRATEGY));
    const findingsFor = (decision_date: string) =>
      scoreDeal(compiled, {
        deal: { id: '2', properties: { decision_date }, definitions: defs.deal, nowMs: NOW_MS },
        company: null,
        lineItems: [],
        nowMs: NOW_MS,
      }).dataQuality.filter((f) => f.property === 'decision_date');
    // All digits is epoch milliseconds (SCORING §3), so 20270115 is a (1970) date, not a finding.
    for (const bad of [
      '15/06/2027',
      'March 2027',
      '2027-13-45',
      '2027-02-30',
      '2027/01/15',
      'soon',
    ]) {
      expect(findingsFor(bad), bad).toMatchObject([{ expected: 'date', value: bad }]);
    }
    for (const good of [
      '2026-12-01',
      '2026-12-01T10:00:00Z',
      String(Date.parse('2026-12-01')),
      '20270115',
    ]) {
      expect(findingsFor(good), good).toEqual([]);
    }
  });

  it('an enumeration value the property does not offer is a miss, not an error', () => {
    const compiled = compileStrategy(loadStrategy(EXAMPLE_STRATEGY));
    const score = scoreCompany(compiled, {
      id: '1',
      properties: { industry: 'NOT_AN_INDUSTRY', web_technologies: 'nope;;also_not', type: '???' },
      definitions: defs.company,
      nowMs: Date.parse(NOW),
    });
    const industry = score.segments[0]?.criteria.find((c) => c.property === 'industry');
    expect(industry?.outcome).toBe('miss');
  });
});
