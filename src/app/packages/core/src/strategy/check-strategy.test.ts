import { describe, expect, it } from 'vitest';

import { COMPANY_DEFINITIONS } from '../../../../../../test/support/core/fixtures.ts';
import type { PropertyDefinitions } from '../facts/schema.ts';
import { checkStrategy, strategyProblemsError } from './check-strategy.ts';

const DEAL: PropertyDefinitions = {
  amount: { name: 'amount', label: 'Amount', type: 'number', fieldType: 'number' },
};
const PORTAL = {
  company: {
    ...COMPANY_DEFINITIONS,
    createdate: { name: 'createdate', label: 'Create Date', type: 'datetime', fieldType: 'date' },
  },
  deal: DEAL,
};

/** The manager's draft: schema mistakes, a duplicate id, thresholds, and the traps. */
const draft = {
  schemaVersion: 1,
  name: 'Machine builders',
  thresholds: { fit: 60, stretch: 60 },
  segments: [
    {
      id: 'europe',
      name: 'Europe',
      priority: 'dream',
      criteria: [
        { property: 'country', operator: 'GTE', value: 5 },
        { property: 'createdate', operator: 'EQ', value: '2026-01-01' },
        { property: 'industry', operator: 'IN' },
      ],
    },
    {
      id: 'europe',
      name: 'Europe again',
      priority: 'core',
      criteria: [
        { property: 'amount', operator: 'GTE', value: 10000 },
        { property: 'amount', object: 'deal', operator: 'GTE', value: 10000 },
      ],
    },
  ],
};

describe('checkStrategy: every problem at once', () => {
  it('one pass reports schema issues, cross-field issues and the portal issues of every readable criterion, each with its path', () => {
    const checked = checkStrategy(JSON.stringify(draft), PORTAL);
    expect(checked.strategy).toBeNull();
    expect(checked.portalChecked).toBe(true);
    expect(checked.problems.map((p) => `${p.source} ${p.path}: ${p.code}`)).toEqual([
      'schema thresholds.stretch: stretch_not_below_fit',
      'schema segments[0].criteria[2].values: operator_needs_values',
      'schema segments[1].id: duplicate_id',
      'schema segments[1].criteria[1].object: deal_criterion_in_segment',
      'portal segments[0].criteria[0].property: property_unreadable',
      'portal segments[0].criteria[1].operator: day_on_datetime',
      'portal segments[1].criteria[0].property: property_wrong_object',
    ]);
  });

  it('SCORING §11, §12 in the same pass: competitor rules from the schema, competitorProperty and the existing-customer criteria against the portal, even while the document is invalid', () => {
    const withPartTwo = {
      ...draft,
      competitors: [
        { id: 'other', name: 'Acme', targets: ['asia'] },
        { id: 'beta', name: 'ACME' },
      ],
      competitorProperty: 'industry',
      existingCustomers: {
        criteria: [{ property: 'dealtype', operator: 'EQ', value: 'existingbusiness' }],
      },
    };
    const checked = checkStrategy(JSON.stringify(withPartTwo), PORTAL);
    expect(checked.strategy).toBeNull();
    expect(checked.problems.map((p) => `${p.source} ${p.path}: ${p.code}`)).toEqual([
      'schema thresholds.stretch: stretch_not_below_fit',
      'schema segments[0].criteria[2].values: operator_needs_values',
      'schema segments[1].id: duplicate_id',
      'schema competitors[0].id: reserved_id',
      'schema competitors[0].targets[0]: unknown_segment',
      'schema competitors[1].name: duplicate_competitor_value',
      'schema segments[1].criteria[1].object: deal_criterion_in_segment',
      'portal segments[0].criteria[0].property: property_unreadable',
      'portal segments[0].criteria[1].operator: day_on_datetime',
      'portal segments[1].criteria[0].property: property_wrong_object',
      'portal existingCustomers.criteria[0].property: property_unknown',
      'portal competitorProperty: competitor_property_not_on_deals',
    ]);
    const property = checked.problems.find((p) => p.code === 'competitor_property_not_on_deals');
    expect(property === undefined ? null : strategyProblemsError([property]).code).toBe(
      'strategy_property_unknown',
    );
  });

  it('without the portal’s definitions: the schema’s problems only', () => {
    const checked = checkStrategy(draft, null);
    expect(checked.portalChecked).toBe(false);
    expect(checked.problems.every((p) => p.source === 'schema')).toBe(true);
    expect(checked.problems).toHaveLength(4);
  });

  it('text that is not JSON is one problem, and nothing is checked against the portal', () => {
    const checked = checkStrategy('{"schemaVersion": 1,', PORTAL);
    expect(checked.problems.map((p) => p.code)).toEqual(['invalid_json']);
    expect(checked.portalChecked).toBe(false);
  });

  it('a valid strategy with portal problems is returned with them', () => {
    const valid = {
      ...draft,
      thresholds: { fit: 70, stretch: 40 },
      segments: [{ ...draft.segments[0], criteria: [draft.segments[0]?.criteria[0]] }],
    };
    const checked = checkStrategy(valid, PORTAL);
    expect(checked.strategy?.name).toBe('Machine builders');
    expect(checked.problems.map((p) => p.code)).toEqual(['property_unreadable']);
  });

  it('one product error names the first schema problem, else the first portal problem', () => {
    const all = checkStrategy(draft, PORTAL).problems;
    expect(strategyProblemsError(all)).toMatchObject({
      code: 'strategy_invalid',
      path: 'thresholds.stretch',
      message: expect.stringMatching(
        /^The strategy has 7 problems\. The first: thresholds\.stretch: /,
      ),
    });
    const portal = all.filter((p) => p.source === 'portal');
    expect(strategyProblemsError(portal)).toMatchObject({
      code: 'strategy_property_unreadable',
      path: 'segments[0].criteria[0].property',
      property: 'country',
    });
    expect(strategyProblemsError(portal.slice(2)).code).toBe('strategy_property_unknown');
  });
});
