// score_record's main(context), as HubSpot calls it, against an in-process sandbox through the
// real client. Effects are checked by reading the records back.
import { FIT_PROPERTIES, ScoreRecordResponse, StrategySchema } from '@strategy-fit/core';
import { writeRecords } from '@strategy-fit/hubspot';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';

import {
  observeRequests,
  useFunctionEnv,
} from '../../../../../test/support/functions/hubspot-env.ts';
import {
  closedOrigin,
  COMPANIES,
  createCompany,
  createDeal,
  focusDeal,
  hubspotContext,
  loadExampleStrategy,
  MANAGER,
  plainDeal,
  readBack,
  startTestPortal,
} from '../../../../../test/support/functions/test-portal.ts';
import type { TestPortal } from '../../../../../test/support/functions/test-portal.ts';
import { main } from './score-record.ts';

const COMPANY_FIT = FIT_PROPERTIES.filter((p) => p.objects.includes('companies')).map(
  (p) => p.name,
);
const DEAL_FIT = FIT_PROPERTIES.filter((p) => p.objects.includes('deals')).map((p) => p.name);

let portal: TestPortal;
let restoreEnv: () => void;
const answers: unknown[] = [];
/** What the functions logged (HubSpot's function log is their stderr). */
const logs: string[] = [];

/** Runs main as HubSpot does: the card names the kind, HubSpot says which record (hs_object_id). */
const score = async (objectType: 'company' | 'deal', objectId: string) => {
  const answer = await main(hubspotContext({ objectType }, { hs_object_id: objectId }));
  answers.push(answer);
  return ScoreRecordResponse.parse(answer);
};

const valueOf = (answer: ScoreRecordResponse) => {
  if (!answer.ok) throw new Error(`${answer.error.code}: ${answer.error.message}`);
  return answer.value;
};

beforeAll(async () => {
  portal = await startTestPortal();
  restoreEnv = useFunctionEnv(portal.env);
  vi.spyOn(console, 'error').mockImplementation((...args: unknown[]) => {
    logs.push(args.map(String).join(' '));
  });
});
afterEach(() => {
  portal.sandbox.control.setFaults(undefined);
  portal.sandbox.control.setRateLimit(false);
});
afterAll(async () => {
  vi.restoreAllMocks();
  restoreEnv();
  await portal.close();
});

describe('score_record on a company', () => {
  it.each([
    ['dream', COMPANIES.dream, 100, 'enterprise-saas'],
    ['fit', COMPANIES.fit, 100, 'midmarket-tech'],
    ['stretch', COMPANIES.stretch, 57, 'midmarket-tech'],
    ['needs_data', COMPANIES.needs_data, 30, 'enterprise-saas'],
    ['off_strategy', COMPANIES.off_strategy, 0, null],
    ['refused', COMPANIES.refused, 0, null],
  ] as const)(
    'a %s company is scored, explained and written back',
    async (tier, props, fitScore, segment) => {
      const id = await createCompany(portal.hs, props);
      const value = valueOf(await score('company', id));
      expect(value).toMatchObject({
        objectType: 'company',
        objectId: id,
        strategy: { version: 1, name: 'B2B SaaS — FY2026 go-to-market' },
        company: { companyId: id, tier, fitScore, segmentId: segment },
        deal: null,
        written: true,
        managerNames: ['Maya Okafor'],
      });
      expect(value.company?.segments.length).toBe(5);
      const stored = await readBack(portal.hs, 'companies', id, COMPANY_FIT);
      expect(stored).toMatchObject({
        strategy_fit_tier: tier,
        strategy_fit_score: String(fitScore),
        strategy_fit_segment: segment ?? null,
        strategy_fit_off_strategy: tier === 'off_strategy' || tier === 'refused' ? 'true' : 'false',
        strategy_fit_version: '1',
        strategy_fit_reason: value.company?.reason,
      });
    },
  );

  it('writes only what changed: a second call writes nothing and leaves the record untouched', async () => {
    const id = await createCompany(portal.hs, COMPANIES.fit);
    expect(valueOf(await score('company', id)).written).toBe(true);
    const before = await readBack(portal.hs, 'companies', id, COMPANY_FIT);
    const again = valueOf(await score('company', id));
    expect(again.written).toBe(false);
    expect(await readBack(portal.hs, 'companies', id, COMPANY_FIT)).toEqual(before);
  });

  it('names the strategy’s managers (whom a rep asks), never their ids or emails', async () => {
    const id = await createCompany(portal.hs, COMPANIES.dream);
    const value = valueOf(await score('company', id));
    expect(value.managerNames).toEqual([MANAGER.name]);
    expect(JSON.stringify(value)).not.toMatch(new RegExp(`${MANAGER.id}|${MANAGER.email}`));
  });
});

describe('score_record on a deal', () => {
  it('a focus deal inherits its company, passes the dream test, and both are written', async () => {
    const companyId = await createCompany(portal.hs, COMPANIES.fit);
    const dealId = await createDeal(portal.hs, focusDeal(), { companyId });
    const value = valueOf(await score('deal', dealId));
    expect(value).toMatchObject({
      objectType: 'deal',
      company: { companyId, tier: 'fit' },
      deal: { dealId, companyId, tier: 'fit', fitScore: 100, focus: true, warnings: [] },
      written: true,
    });
    expect(value.deal?.dreamTest?.map((g) => g.outcome)).toEqual(['pass', 'pass', 'pass']);
    expect(await readBack(portal.hs, 'deals', dealId, DEAL_FIT)).toMatchObject({
      strategy_fit_tier: 'fit',
      strategy_fit_focus: 'true',
      strategy_fit_warnings: null,
      strategy_fit_exception: null,
    });
    // The company card's job, but its stored fit was stale, so the deal call wrote it too.
    expect(await readBack(portal.hs, 'companies', companyId, COMPANY_FIT)).toMatchObject({
      strategy_fit_tier: 'fit',
    });
  });

  it('warns of price competition from the line items (30% discount > 20%)', async () => {
    const companyId = await createCompany(portal.hs, COMPANIES.fit);
    const dealId = await createDeal(portal.hs, plainDeal('Renewal', '35000'), {
      companyId,
      lineItems: [{ name: 'Seats', price: '1000', quantity: '50', discount: '300' }],
    });
    const deal = valueOf(await score('deal', dealId)).deal;
    expect(deal).toMatchObject({ discountPercent: 30, warnings: ['price_competition'] });
    expect(await readBack(portal.hs, 'deals', dealId, DEAL_FIT)).toMatchObject({
      strategy_fit_warnings: 'price_competition',
      strategy_fit_discount_percent: '30',
    });
  });

  it('a refused company refuses its deal', async () => {
    const companyId = await createCompany(portal.hs, COMPANIES.refused);
    const dealId = await createDeal(portal.hs, plainDeal('Tobacco CRM'), { companyId });
    expect(valueOf(await score('deal', dealId)).deal).toMatchObject({
      tier: 'refused',
      offStrategy: true,
      reason: 'Company policy: we do not sell to gambling or tobacco companies',
    });
  });

  it('a deal without a company needs data: "no associated company" (SCORING §7)', async () => {
    const dealId = await createDeal(portal.hs, plainDeal('Orphan'));
    const value = valueOf(await score('deal', dealId));
    expect(value.company).toBeNull();
    expect(value.deal).toMatchObject({
      companyId: null,
      tier: 'needs_data',
      reason: 'no associated company',
      warnings: ['missing_company'],
    });
    expect(value.deal?.todos.map((t) => t.kind)).toContain('associate_company');
  });
});

describe('score_record reads the published strategy', () => {
  it('answers strategy_not_published, writing nothing, before anything is published', async () => {
    const empty = await startTestPortal({ publish: false });
    const undo = useFunctionEnv(empty.env);
    try {
      const id = await createCompany(empty.hs, COMPANIES.dream);
      const before = await readBack(empty.hs, 'companies', id, COMPANY_FIT);
      const answer = await score('company', id);
      expect(answer).toEqual({
        ok: false,
        error: {
          code: 'strategy_not_published',
          message:
            'No strategy is published yet, so there is nothing to score with. A sales manager publishes one first.',
        },
      });
      expect(await readBack(empty.hs, 'companies', id, COMPANY_FIT)).toEqual(before);
    } finally {
      undo();
      await empty.close();
    }
  });

  it('sees a newly published version on the very next call', async () => {
    const other = await startTestPortal();
    const undo = useFunctionEnv(other.env);
    try {
      const id = await createCompany(other.hs, COMPANIES.stretch);
      expect(valueOf(await score('company', id)).company?.tier).toBe('stretch');
      const strict = StrategySchema.parse({
        ...loadExampleStrategy(),
        thresholds: { fit: 90, stretch: 60 },
      });
      await other.publish(strict);
      const value = valueOf(await score('company', id));
      expect([value.strategy.version, value.company?.tier, value.written]).toEqual([
        2,
        'off_strategy',
        true,
      ]);
    } finally {
      undo();
      await other.close();
    }
  });
});

describe('score_record refuses bad input with invalid_input and writes nothing', () => {
  it.each([
    ['an objectId as a parameter', { objectType: 'company', objectId: '42' }, undefined],
    ['a missing objectType', {}, 'objectType'],
    ['an unknown objectType', { objectType: 'contact' }, 'objectType'],
    ['an extra key', { objectType: 'deal', token: 'x' }, undefined],
    ['a user as a parameter', { objectType: 'deal', user: { id: '9100001' } }, undefined],
    ['no parameters at all', undefined, 'objectType'],
  ])('%s', async (_, parameters, path) => {
    const answer = ScoreRecordResponse.parse(
      await main({ parameters, propertiesToSend: { hs_object_id: '42' }, secrets: {} }),
    );
    answers.push(answer);
    expect(answer.ok ? null : answer.error).toMatchObject({
      code: 'invalid_input',
      ...(path === undefined ? {} : { path }),
      message: expect.stringMatching(/^The request is not valid: /),
    });
  });

  it('an oversized payload is refused before it is parsed', async () => {
    const parameters = { objectType: 'deal', padding: 'x'.repeat(20_000) };
    const answer = ScoreRecordResponse.parse(await main(hubspotContext(parameters)));
    expect(answer.ok ? null : answer.error.message).toBe(
      `The request is not valid: parameters are ${JSON.stringify(parameters).length} characters long; at most 16384 are accepted.`,
    );
  });

  it('without the record HubSpot says the card is on (hs_object_id), no record is read', async () => {
    const answer = ScoreRecordResponse.parse(await main(hubspotContext({ objectType: 'company' })));
    expect(answer.ok ? null : answer.error).toEqual({
      code: 'invalid_input',
      path: 'propertiesToSend.hs_object_id',
      message:
        'The request is not valid: Strategy Fit acts only on the company this card is on, and HubSpot did not say which (propertiesToSend hs_object_id). Open the card on a company record.',
    });
  });

  it('the id of another object type is record_not_found, and that record is untouched', async () => {
    const companyId = await createCompany(portal.hs, COMPANIES.dream);
    const before = await readBack(portal.hs, 'companies', companyId, COMPANY_FIT);
    const answer = await score('deal', companyId);
    expect(answer.ok ? null : answer.error).toMatchObject({
      code: 'record_not_found',
      recordId: companyId,
    });
    expect(await readBack(portal.hs, 'companies', companyId, COMPANY_FIT)).toEqual(before);
  });
});

describe('score_record when HubSpot fails', () => {
  it('HubSpot unreachable (connection refused): hubspot_unavailable', async () => {
    const undo = useFunctionEnv({ ...portal.env, HUBSPOT_API_BASE_URL: await closedOrigin() });
    try {
      const answer = await score('deal', '123');
      expect(answer.ok ? null : answer.error.code).toBe('hubspot_unavailable');
    } finally {
      undo();
    }
  });

  it('rate limited: hubspot_rate_limited at once, not after the 10-second window', async () => {
    const id = await createCompany(portal.hs, COMPANIES.dream);
    portal.sandbox.control.setRateLimit({ perTenSeconds: 1 });
    const answer = await score('company', id);
    expect(answer.ok ? null : answer.error.code).toBe('hubspot_rate_limited');
  });

  it('a write-back that keeps failing fails the call (the score is not claimed as written)', async () => {
    const id = await createCompany(portal.hs, COMPANIES.dream);
    portal.sandbox.control.setFaults({
      schedule: [{ request: 1, fault: 'serverError', count: 50 }],
      paths: ['/crm/objects/2026-09/companies/batch/update'],
      serverErrorStatuses: [503],
    });
    const answer = await score('company', id);
    expect(answer.ok ? null : answer.error.code).toBe('hubspot_unavailable');
  });

  it('no token: hubspot_unauthorized, and nothing is called', async () => {
    const undo = useFunctionEnv({ HUBSPOT_API_BASE_URL: portal.env.HUBSPOT_API_BASE_URL });
    try {
      const { result, sent } = await observeRequests(() => score('deal', '123'));
      expect(result.ok ? null : result.error.code).toBe('hubspot_unauthorized');
      expect(sent).toEqual([]);
    } finally {
      undo();
    }
  });
});

describe('score_record round trips (sandbox latency 25 ms per call)', () => {
  it('a deal: at most 5 sequential round trips cold (the current version is read with its history), 3 when warm', async () => {
    const slow = await startTestPortal({ latencyMs: 25 });
    const undo = useFunctionEnv(slow.env);
    try {
      const companyId = await createCompany(slow.hs, COMPANIES.fit);
      const dealId = await createDeal(slow.hs, focusDeal(), {
        companyId,
        lineItems: [{ name: 'Seats', price: '1000', quantity: '60', discount: '0' }],
      });
      const cold = await observeRequests(() => score('deal', dealId));
      expect(cold.result.ok).toBe(true);
      expect(cold.roundTrips).toBeLessThanOrEqual(5);
      const warm = await observeRequests(() => score('deal', dealId));
      expect(warm.result.ok && !warm.result.value.written).toBe(true);
      expect(warm.roundTrips).toBe(2);
      await writeRecords(slow.hs, 'deals', [{ id: dealId, properties: { amount: '90000' } }]);
      const changed = await observeRequests(() => score('deal', dealId));
      expect(changed.roundTrips).toBe(3);
      expect(changed.sent.map((r) => `${r.method} ${r.path.split('?')[0]}`)).toMatchInlineSnapshot(`
        [
          "POST /crm/associations/2026-09/deals/companies/batch/read",
          "POST /crm/associations/2026-09/deals/line_items/batch/read",
          "POST /crm/objects/2026-09/deals/batch/read",
          "GET /crm/objects/2026-09/2-1000001",
          "POST /crm/objects/2026-09/deals/batch/read",
          "POST /crm/objects/2026-09/companies/batch/read",
          "POST /crm/objects/2026-09/line_items/batch/read",
          "POST /crm/objects/2026-09/deals/batch/update",
        ]
      `);
    } finally {
      undo();
      await slow.close();
    }
  });
});

describe('the access token', () => {
  it('appears in no log line of this file', () => {
    expect(logs.length).toBeGreaterThan(2);
    for (const line of logs) expect(line).not.toContain(portal.sandbox.token);
  });

  it('appears in no answer of this file', () => {
    expect(answers.length).toBeGreaterThan(20);
    for (const answer of answers)
      expect(JSON.stringify(answer)).not.toContain(portal.sandbox.token);
  });
});
