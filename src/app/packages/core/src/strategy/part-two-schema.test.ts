// SCORING §10–§15 in the strategy schema: every new part is optional, and its rules are checked
// with a path and a message for the manager.
import { describe, expect, it } from 'vitest';

import { parseStrategy } from './parse-strategy.ts';
import { existingCustomersOf, evidenceWindowDaysOf, focusGuardOf } from './strategy-defaults.ts';
import type { StrategyInput } from './strategy-schema.ts';
import { StrategySchema } from './strategy-schema.ts';

const criterion = { property: 'industry', operator: 'EQ', value: 'COMPUTER_SOFTWARE' } as const;
const base = (extra: Record<string, unknown> = {}): Record<string, unknown> => ({
  schemaVersion: 1,
  name: 'Strategy',
  segments: [
    { id: 'software', name: 'Software', priority: 'dream', criteria: [{ ...criterion }] },
    { id: 'services', name: 'Services', priority: 'core', criteria: [{ ...criterion }] },
  ],
  ...extra,
});

const issues = (input: unknown): string[] => {
  const r = parseStrategy(input);
  return r.ok ? [] : r.error.map((i) => `${i.path}: ${i.code} — ${i.message}`);
};

describe('SCORING §10–§15 are optional parts of the strategy', () => {
  it('a strategy without them parses to exactly what it parsed to before (no new keys)', () => {
    const parsed = StrategySchema.parse(base());
    expect(Object.keys(parsed).sort()).toEqual(
      ['exclusions', 'name', 'schemaVersion', 'segments', 'thresholds'].sort(),
    );
    expect(Object.keys(parsed.segments[0] ?? {}).sort()).toEqual(
      ['criteria', 'id', 'name', 'priority'].sort(),
    );
  });

  it('absent parts mean their defaults: policy retain with dealtype EQ existingbusiness, 50 %, 365 days', () => {
    const parsed = StrategySchema.parse(base());
    expect(existingCustomersOf(parsed)).toEqual({
      policy: 'retain',
      criteria: [
        {
          property: 'dealtype',
          object: 'deal',
          operator: 'EQ',
          value: 'existingbusiness',
          weight: 1,
          required: false,
        },
      ],
    });
    expect(focusGuardOf(parsed)).toEqual({ maxAcceptedPercent: 50 });
    expect(evidenceWindowDaysOf(parsed)).toBe(365);
  });

  it('every part, written out, parses with its defaults', () => {
    const input: StrategyInput = {
      schemaVersion: 1,
      name: 'Everything',
      segments: [
        {
          id: 'software',
          name: 'Software',
          priority: 'dream',
          criteria: [{ ...criterion }],
          positioning: {
            valueProposition: 'Forecasts your board believes',
            differentiators: ['Native HubSpot sync'],
            expectations: ['Live in two weeks'],
          },
          offers: ['PLAT-ANNUAL', 'SEAT-PRO'],
        },
      ],
      competitors: [
        { id: 'pipewise', name: 'Pipewise', targets: ['software'], howWeWin: 'Show the sync' },
        { id: 'sheets', name: 'Spreadsheets', values: ['Spreadsheets', 'Excel'] },
      ],
      competitorProperty: 'competitors',
      existingCustomers: { policy: 'score' },
      focusGuard: { maxAcceptedPercent: 30 },
      evidenceWindowDays: 180,
    };
    const parsed = StrategySchema.parse(input);
    expect(parsed.existingCustomers?.criteria).toHaveLength(1);
    expect(parsed.existingCustomers?.policy).toBe('score');
    expect(parsed.focusGuard).toEqual({ maxAcceptedPercent: 30 });
    expect(evidenceWindowDaysOf(parsed)).toBe(180);
    expect(parsed.segments[0]?.offers).toEqual(['PLAT-ANNUAL', 'SEAT-PRO']);
  });
});

describe('SCORING §10 positioning and offers', () => {
  it('valueProposition is 1..300 characters; differentiators and expectations 0..10 of 1..200', () => {
    const segment = (positioning: unknown, offers?: unknown) =>
      base({
        segments: [
          {
            id: 'software',
            name: 'Software',
            priority: 'dream',
            criteria: [{ ...criterion }],
            positioning,
            ...(offers === undefined ? {} : { offers }),
          },
        ],
      });
    expect(issues(segment({ valueProposition: '' }))).toMatchInlineSnapshot(`
      [
        "segments[0].positioning.valueProposition: too_short — “valueProposition” must not be empty.",
      ]
    `);
    expect(
      issues(
        segment({
          valueProposition: 'x'.repeat(301),
          differentiators: Array.from({ length: 11 }, () => 'd'),
          expectations: [''],
          tagline: 'no',
        }),
      ),
    ).toMatchInlineSnapshot(`
      [
        "segments[0].positioning.valueProposition: too_long — “valueProposition” is too long: at most 300 characters, not 301 characters.",
        "segments[0].positioning.differentiators: too_long — “differentiators” has too many items: at most 10, not 11.",
        "segments[0].positioning.expectations[0]: too_short — “expectations” must not be empty.",
        "segments[0].positioning.tagline: unknown_key — “tagline” is not a field this place knows. Check its spelling, or remove it.",
      ]
    `);
    expect(issues(segment({ valueProposition: 'Why us' }, []))).toMatchInlineSnapshot(`
      [
        "segments[0].offers: too_short — “offers” needs at least 1 item.",
      ]
    `);
    expect(issues(segment({ valueProposition: 'Why us' }, ['SKU-1']))).toEqual([]);
  });
});

describe('SCORING §11 competitors', () => {
  const withCompetitors = (competitors: unknown) =>
    base({ competitors, competitorProperty: 'competitors' });

  it('targets must name existing segment ids', () => {
    expect(issues(withCompetitors([{ id: 'acme', name: 'Acme', targets: ['software', 'retail'] }])))
      .toMatchInlineSnapshot(`
        [
          "competitors[0].targets[1]: unknown_segment — This strategy has no segment “retail”. Use the id of one of its segments (software, services), or remove it.",
        ]
      `);
  });

  it('values are unique across competitors (trimmed, case-insensitive; a name counts when values are absent)', () => {
    expect(
      issues(
        withCompetitors([
          { id: 'acme', name: 'Acme', values: ['Acme', 'ACME Corp'] },
          { id: 'acme-2', name: 'Acme Two', values: [' acme corp '] },
          { id: 'beta', name: 'acme' },
        ]),
      ),
    ).toMatchInlineSnapshot(`
      [
        "competitors[1].values[0]: duplicate_competitor_value — “ acme corp ” already means Acme (competitors[0]): a value of the competitor property can mean only one competitor. Remove it from one of them.",
        "competitors[2].name: duplicate_competitor_value — “acme” already means Acme (competitors[0]): a value of the competitor property can mean only one competitor. Remove it from one of them.",
      ]
    `);
  });

  it('the id other is reserved, ids are unique, and 0..30 competitors', () => {
    expect(
      issues(
        withCompetitors([
          { id: 'other', name: 'Others' },
          { id: 'acme', name: 'Acme' },
          { id: 'acme', name: 'Acme again' },
        ]),
      ),
    ).toMatchInlineSnapshot(`
      [
        "competitors[2].id: duplicate_id — The id “acme” is used twice: competitors[1] already has it. Each id must be unique.",
        "competitors[0].id: reserved_id — The id “other” is reserved: it stands for competitors the strategy does not list. Choose another id.",
      ]
    `);
    const many = Array.from({ length: 31 }, (_, i) => ({ id: `c${i}`, name: `C${i}` }));
    expect(issues(withCompetitors(many))).toMatchInlineSnapshot(`
      [
        "competitors: too_long — “competitors” has too many items: at most 30, not 31.",
      ]
    `);
  });

  it('competitorProperty is a HubSpot internal property name', () => {
    expect(issues(base({ competitorProperty: 'Main Competitor' }))).toMatchInlineSnapshot(`
      [
        "competitorProperty: invalid_property_name — “Main Competitor” is not a HubSpot internal property name. Use the internal name (lower-case letters, digits and underscores, such as numberofemployees), not the label.",
      ]
    `);
  });
});

describe('SCORING §12, §13, §15 settings', () => {
  it('existingCustomers: policy retain or score; 1..5 criteria', () => {
    expect(
      issues(
        base({
          existingCustomers: {
            policy: 'keep',
            criteria: Array.from({ length: 6 }, () => ({
              property: 'dealtype',
              operator: 'EQ',
              value: 'existingbusiness',
            })),
          },
        }),
      ),
    ).toMatchInlineSnapshot(`
      [
        "existingCustomers.policy: invalid_choice — “keep” is not allowed here. Use one of: retain, score.",
        "existingCustomers.criteria: too_long — “criteria” has too many items: at most 5, not 6.",
      ]
    `);
  });

  it('focusGuard.maxAcceptedPercent is a whole number 1..100; evidenceWindowDays 30..3650', () => {
    expect(issues(base({ focusGuard: { maxAcceptedPercent: 0 }, evidenceWindowDays: 29 })))
      .toMatchInlineSnapshot(`
        [
          "focusGuard.maxAcceptedPercent: too_small — “maxAcceptedPercent” must be at least 1, but it is 0.",
          "evidenceWindowDays: too_small — “evidenceWindowDays” must be at least 30, but it is 29.",
        ]
      `);
    expect(issues(base({ focusGuard: { maxAcceptedPercent: 50.5 }, evidenceWindowDays: 3651 })))
      .toMatchInlineSnapshot(`
        [
          "focusGuard.maxAcceptedPercent: not_whole_number — “maxAcceptedPercent” must be a whole number, but it is 50.5.",
          "evidenceWindowDays: too_big — “evidenceWindowDays” must be at most 3650, but it is 3651.",
        ]
      `);
  });
});
