import { describe, expect, it } from 'vitest';

import b2b from '../../../../../../examples/strategies/02-b2b-saas.json' with { type: 'json' };
import {
  company,
  COMPANY_DEFINITIONS,
  compiledWith,
  DAY_MS,
  NOW_MS,
} from '../../../../../../test/support/core/fixtures.ts';
import { parseStrategy } from '../strategy/parse-strategy.ts';
import { compileStrategy } from './compile-strategy.ts';
import { scoreCompany } from './score-company.ts';

describe('scoreCompany on the example strategy', () => {
  it('scores realistic companies as the manager would read them', () => {
    const parsed = parseStrategy(b2b);
    if (!parsed.ok) throw new Error('example invalid');
    const compiled = compileStrategy(parsed.value);
    const companies = [
      {
        industry: 'COMPUTER_SOFTWARE',
        numberofemployees: '2500',
        annualrevenue: '120000000',
        web_technologies: 'salesforce;aws',
        country: 'United States',
      },
      {
        industry: 'INFORMATION_TECHNOLOGY_AND_SERVICES',
        numberofemployees: '180',
        web_technologies: 'hubspot;google_analytics',
        annualrevenue: '25000000',
        country: 'Germany',
      },
      { industry: 'FINANCIAL_SERVICES', numberofemployees: '800', is_public: 'true' },
      {
        industry: 'HOSPITAL_HEALTH_CARE',
        numberofemployees: 'about 300',
        country: 'United States',
      },
      { web_technologies: 'shopify;stripe', annualrevenue: '12000000' },
      { industry: 'GAMBLING_CASINOS', numberofemployees: '5000' },
      { type: 'VENDOR', industry: 'COMPUTER_SOFTWARE' },
      { numberofemployees: '4' },
      {},
    ];
    const rows = companies.map((p) => {
      const r = scoreCompany(compiled, company(p, { ...COMPANY_DEFINITIONS }));
      return `${r.tier} ${r.fitScore} ${String(r.segmentId)} — ${r.reason}`;
    });
    expect(rows).toMatchInlineSnapshot(`
      [
        "dream 100 enterprise-saas — Matches Enterprise SaaS (dream segment) at 100%",
        "fit 100 midmarket-tech — Matches Mid-market tech (core segment) at 100%",
        "fit 86 financial-services — Matches Financial services (core segment) at 86%",
        "fit 75 healthcare — Matches Healthcare providers (opportunistic segment) at 75%",
        "fit 100 ecommerce — Matches E-commerce brands (opportunistic segment) at 100%",
        "refused 0 null — Company policy: we do not sell to gambling or tobacco companies",
        "refused 0 null — Vendors are competitors or suppliers, not customers",
        "refused 0 null — Under 10 employees: too small to use the product",
        "needs_data 0 enterprise-saas — Could reach Enterprise SaaS at up to 100% — missing: Industry, Number of Employees, Annual Revenue and 2 more",
      ]
    `);
  });

  // The compiled strategy holds no state: alternating inputs give each input's own result.
  it('follows the property definitions of each call (multi-select split)', () => {
    const compiled = compiledWith([
      { property: 'web_technologies', operator: 'EQ', value: 'hubspot' },
    ]);
    const props = { web_technologies: 'salesforce;hubspot' };
    expect(scoreCompany(compiled, company(props)).fitScore).toBe(100);
    expect(scoreCompany(compiled, company(props, {})).fitScore).toBe(0);
    expect(scoreCompany(compiled, company(props)).fitScore).toBe(100);
  });

  it('follows nowMs of each call (WITHIN_* criteria)', () => {
    const compiled = compiledWith([
      { property: 'createdate', operator: 'WITHIN_LAST_DAYS', value: 10 },
      { property: 'createdate', operator: 'HAS_PROPERTY' },
    ]);
    const facts = company({ createdate: '2026-01-10' });
    expect(scoreCompany(compiled, facts).fitScore).toBe(100);
    expect(scoreCompany(compiled, { ...facts, nowMs: NOW_MS + 30 * DAY_MS }).fitScore).toBe(50);
    expect(scoreCompany(compiled, facts).fitScore).toBe(100);
  });
});
