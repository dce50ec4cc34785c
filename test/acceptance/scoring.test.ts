// SCORING.md acceptance cases, end to end through the public API of @strategy-fit/core,
// on the realistic example strategy (examples/strategies/02-b2b-saas.json).
import {
  compileStrategy,
  companyFitProperties,
  dealFitProperties,
  diffFitProperties,
  parseStrategy,
  scoreCompany,
  scoreDeal,
} from '@strategy-fit/core';
import type {
  LineItemFacts,
  PropertyBag,
  PropertyDefinitions,
  RecordFacts,
} from '@strategy-fit/core';
import { describe, expect, it } from 'vitest';

import minimal from '../../examples/strategies/01-minimal.json' with { type: 'json' };
import b2b from '../../examples/strategies/02-b2b-saas.json' with { type: 'json' };

const NOW_MS = Date.UTC(2026, 2, 1, 9);
const parsed = parseStrategy(JSON.stringify(b2b));
if (!parsed.ok) throw new Error(JSON.stringify(parsed.error));
const compiled = compileStrategy(parsed.value);

const COMPANY: PropertyDefinitions = {
  industry: {
    name: 'industry',
    label: 'Industry',
    type: 'enumeration',
    fieldType: 'select',
    options: [
      { label: 'Computer Software', value: 'COMPUTER_SOFTWARE' },
      { label: 'Financial Services', value: 'FINANCIAL_SERVICES' },
      { label: 'Hospital & Health Care', value: 'HOSPITAL_HEALTH_CARE' },
      { label: 'Tobacco', value: 'TOBACCO' },
    ],
  },
  numberofemployees: {
    name: 'numberofemployees',
    label: 'Number of Employees',
    type: 'number',
    fieldType: 'number',
  },
  annualrevenue: {
    name: 'annualrevenue',
    label: 'Annual Revenue',
    type: 'number',
    fieldType: 'number',
  },
  country: { name: 'country', label: 'Country/Region', type: 'string', fieldType: 'text' },
  web_technologies: {
    name: 'web_technologies',
    label: 'Web Technologies',
    type: 'enumeration',
    fieldType: 'checkbox',
  },
  is_public: { name: 'is_public', label: 'Is Public', type: 'bool', fieldType: 'booleancheckbox' },
  founded_year: { name: 'founded_year', label: 'Year Founded', type: 'string', fieldType: 'text' },
};
const DEAL: PropertyDefinitions = {
  amount: { name: 'amount', label: 'Amount', type: 'number', fieldType: 'number' },
  budget_confirmed: {
    name: 'budget_confirmed',
    label: 'Budget Confirmed',
    type: 'bool',
    fieldType: 'booleancheckbox',
  },
  pain_identified: {
    name: 'pain_identified',
    label: 'Pain Identified',
    type: 'bool',
    fieldType: 'booleancheckbox',
  },
  decision_date: { name: 'decision_date', label: 'Decision Date', type: 'date', fieldType: 'date' },
  discount_percent: {
    name: 'discount_percent',
    label: 'Discount (%)',
    type: 'number',
    fieldType: 'number',
  },
};
const companyFacts = (id: string, properties: PropertyBag): RecordFacts => ({
  id,
  properties,
  definitions: COMPANY,
  nowMs: NOW_MS,
});
const dealOf = (
  properties: PropertyBag,
  company: RecordFacts | null,
  lineItems: LineItemFacts[] = [],
) =>
  scoreDeal(compiled, {
    deal: { id: 'd-1', properties, definitions: DEAL, nowMs: NOW_MS },
    company: company && { facts: company, score: scoreCompany(compiled, company) },
    lineItems,
    nowMs: NOW_MS,
  });

const ACME = companyFacts('1001', {
  industry: 'COMPUTER_SOFTWARE',
  numberofemployees: '2400',
  annualrevenue: '180000000',
  web_technologies: 'salesforce;aws;stripe',
  country: 'Germany',
});

describe('acceptance: the example strategies', () => {
  it('both examples are valid strategies', () => {
    expect(parseStrategy(minimal).ok).toBe(true);
    expect(parsed.ok).toBe(true);
  });

  it('a dream company: Enterprise SaaS at 100%', () => {
    const score = scoreCompany(compiled, ACME);
    expect(score).toMatchObject({
      tier: 'dream',
      fitScore: 100,
      segmentId: 'enterprise-saas',
      exclusionId: null,
      offStrategy: false,
      reason: 'Matches Enterprise SaaS (dream segment) at 100%',
    });
    expect(
      score.segments.map(
        (s) => `${s.segmentId} ${s.score}/${s.potential}${s.disqualified ? ' disqualified' : ''}`,
      ),
    ).toEqual([
      'enterprise-saas 100/100',
      'midmarket-tech 43/43',
      'financial-services 0/0 disqualified',
      'healthcare 0/0 disqualified',
      'ecommerce 0/0 disqualified',
    ]);
    expect(score.todos).toEqual([]);
  });

  it('a company with gaps: stretch, with to-dos that say what to add or correct', () => {
    const score = scoreCompany(
      compiled,
      companyFacts('1002', { industry: 'FINANCIAL_SERVICES', numberofemployees: 'approx. 900' }),
    );
    expect([score.tier, score.fitScore, score.segmentId, score.reason]).toEqual([
      'stretch',
      43,
      'financial-services',
      'Partly matches Financial services (core segment) at 43%',
    ]);
    expect(score.todos.map((t) => t.text)).toEqual([
      'Correct the Number of Employees (“approx. 900” is not a number) to reach Fit',
      'Add Sells on Shopify to reach Fit',
      'Add the Annual Revenue to reach Fit',
      'Add Publicly listed to reach Fit',
    ]);
  });

  it("needs_data when a segment's potential reaches stretch", () => {
    const score = scoreCompany(compiled, companyFacts('1004', { industry: 'INTERNET' }));
    expect([score.tier, score.fitScore, score.segmentId, score.reason]).toEqual([
      'needs_data',
      30,
      'enterprise-saas',
      'Could reach Enterprise SaaS at up to 100% — missing: Number of Employees, Annual Revenue, Web Technologies and 1 more',
    ]);
    expect(score.todos.map((t) => `${t.property} → ${String(t.targetTier)}`)).toEqual([
      'numberofemployees → dream',
      'annualrevenue → dream',
      'web_technologies → dream',
      'country → dream',
    ]);
  });

  it('refused: the first matching exclusion in document order', () => {
    const tobacco = companyFacts('1003', { industry: 'TOBACCO', numberofemployees: '3' });
    expect(scoreCompany(compiled, tobacco)).toMatchObject({
      tier: 'refused',
      exclusionId: 'restricted-industries',
      reason: 'Company policy: we do not sell to gambling or tobacco companies',
    });
  });

  it('a focus deal of a dream company, with a discount above the limit', () => {
    const deal = dealOf(
      {
        amount: '120000',
        pain_identified: 'true',
        budget_confirmed: 'true',
        decision_date: '2026-04-15',
      },
      ACME,
      [{ id: 'li-1', properties: { price: '1000', quantity: '150', amount: '120000' } }],
    );
    expect({
      tier: deal.tier,
      focus: deal.focus,
      discountPercent: deal.discountPercent,
      warnings: deal.warnings,
      todos: deal.todos,
    }).toEqual({
      tier: 'dream',
      focus: true,
      discountPercent: 20,
      warnings: [],
      todos: [],
    });
    const deeper = dealOf({ amount: '120000', discount_percent: '25' }, ACME);
    expect(deeper.warnings).toEqual(['price_competition']);
    expect(deeper.todos.map((t) => t.text)).toEqual([
      'Answer “Do they need us?”: add Pain identified',
      'Answer “Can they pay?”: add Budget confirmed',
      'Answer “Should they buy now?”: add Decision within 90 days',
    ]);
  });

  it('a deal without a company', () => {
    expect(dealOf({ amount: '5000' }, null)).toMatchObject({
      tier: 'needs_data',
      reason: 'no associated company',
      warnings: ['missing_company'],
    });
  });

  it('write-back: a rescore that changes nothing writes nothing', () => {
    const stamp = { version: 3, scoredAt: new Date(NOW_MS).toISOString() };
    const first = companyFitProperties(scoreCompany(compiled, ACME), stamp);
    expect(diffFitProperties({}, first)).toEqual(first);
    const later = companyFitProperties(scoreCompany(compiled, ACME), {
      ...stamp,
      scoredAt: '2026-03-02T09:00:00.000Z',
    });
    expect(diffFitProperties(first, later)).toBeNull();
    const deal = dealOf({ amount: '1000' }, ACME);
    expect(dealFitProperties(deal, stamp)).toMatchObject({
      strategy_fit_warnings: 'deal_size_outside_segment',
      strategy_fit_focus: 'false',
    });
  });
});
