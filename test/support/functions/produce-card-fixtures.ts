// Card fixtures made by the real functions against a sandbox, not by hand: the cards' tests
// import `produceCardFixtures()` in `beforeAll` and answer their serverless spy with these.
// Each answer is checked against the contract and against the state its name promises, so a
// change in scoring shows up here rather than as a silently different card test.
import { ExceptionResponse, ScoreRecordResponse } from '@strategy-fit/core';
import type { Strategy } from '@strategy-fit/core';

import { createRuntime } from '../../../src/app/functions/src/lib/runtime.ts';
import type { Runtime } from '../../../src/app/functions/src/lib/runtime.ts';
import { invokeDecideException, invokeRequestException, invokeScoreRecord } from './invoke.ts';
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
  REP,
  setDecision,
  startTestPortal,
  writeReason,
} from './test-portal.ts';
import type { TestPortal } from './test-portal.ts';

/** `score_record` answers, one per state a card shows. */
export const SCORE_FIXTURE_NAMES = [
  'company_dream',
  'company_fit',
  'company_stretch',
  'company_needs_data',
  'company_off_strategy',
  'company_refused',
  'company_no_positioning',
  'company_long_positioning',
  'deal_fit_focus',
  'deal_off_strategy',
  'deal_refused',
  'deal_price_competition',
  'deal_exception_requested',
  'deal_exception_approved',
  'deal_no_company',
  'deal_offer_outside',
  'deal_competitors',
  'deal_existing_retained',
  'deal_existing_fit',
  'deal_no_positioning',
  'no_strategy',
  'error_unavailable',
] as const;

/** `request_exception` / `decide_exception` answers, for the exception form's tests. */
export const EXCEPTION_FIXTURE_NAMES = [
  'exception_request_answer',
  'exception_request_not_verified',
  'exception_request_too_short',
  'exception_approve_answer',
  'exception_reject_answer',
  'exception_decide_not_allowed',
  'exception_request_retained',
] as const;

export type ScoreFixtureName = (typeof SCORE_FIXTURE_NAMES)[number];
export type ExceptionFixtureName = (typeof EXCEPTION_FIXTURE_NAMES)[number];
export type FixtureName = ScoreFixtureName | ExceptionFixtureName;

export type CardFixtures = Record<ScoreFixtureName, ScoreRecordResponse> &
  Record<ExceptionFixtureName, ExceptionResponse>;

type Expectation = (answer: unknown) => string | null;

const scored =
  (check: (v: Extract<ScoreRecordResponse, { ok: true }>['value']) => boolean): Expectation =>
  (answer) => {
    const parsed = ScoreRecordResponse.safeParse(answer);
    if (!parsed.success) return 'is outside the contract';
    if (!parsed.data.ok) return `failed: ${parsed.data.error.code} ${parsed.data.error.message}`;
    return check(parsed.data.value) ? null : 'is not in the expected state';
  };

const failed =
  (schema: typeof ScoreRecordResponse | typeof ExceptionResponse, code: string): Expectation =>
  (answer) => {
    const parsed = schema.safeParse(answer);
    if (!parsed.success) return 'is outside the contract';
    return !parsed.data.ok && parsed.data.error.code === code ? null : `is not a ${code} error`;
  };

const exception =
  (status: string): Expectation =>
  (answer) => {
    const parsed = ExceptionResponse.safeParse(answer);
    if (!parsed.success) return 'is outside the contract';
    if (!parsed.data.ok) return `failed: ${parsed.data.error.code} ${parsed.data.error.message}`;
    return parsed.data.value.exception.status === status ? null : `is not ${status}`;
  };

/** SCORING §10: tiers whose records show their segment's positioning. */
const SELLING: readonly string[] = ['dream', 'fit', 'stretch', 'needs_data'];

type Scored = Extract<ScoreRecordResponse, { ok: true }>['value'];
type DealOf = NonNullable<Scored['deal']>;

/** A deal with none of §10–§12's extras: no competitor, no offer judged outside, new business. */
const plain = (d: DealOf): boolean =>
  d.competitors.length === 0 && d.business === 'new' && (d.offers?.outside.length ?? 0) === 0;

const EXPECT: Record<FixtureName, Expectation> = {
  company_dream: scored((v) => v.company?.tier === 'dream' && v.company.positioning !== null),
  company_fit: scored((v) => v.company?.tier === 'fit' && v.company.positioning !== null),
  company_stretch: scored((v) => v.company?.tier === 'stretch' && v.company.positioning !== null),
  company_needs_data: scored(
    (v) => v.company?.tier === 'needs_data' && v.company.positioning !== null,
  ),
  company_off_strategy: scored(
    (v) => v.company?.tier === 'off_strategy' && v.company.positioning === null,
  ),
  company_refused: scored((v) => v.company?.tier === 'refused' && v.company.positioning === null),
  company_long_positioning: scored(
    (v) =>
      v.company?.tier === 'dream' &&
      (v.company.positioning?.differentiators.length ?? 0) > 3 &&
      (v.company.positioning?.expectations.length ?? 0) > 3,
  ),
  company_no_positioning: scored(
    (v) =>
      v.company !== null &&
      SELLING.includes(v.company.tier) &&
      v.company.segmentId !== null &&
      v.company.positioning === null,
  ),
  deal_fit_focus: scored(
    (v) =>
      v.deal?.tier === 'fit' &&
      v.deal.focus &&
      v.deal.positioning !== null &&
      v.deal.warnings.length === 0 &&
      plain(v.deal),
  ),
  deal_off_strategy: scored(
    (v) =>
      v.deal?.tier === 'off_strategy' &&
      v.deal.exception.status === 'none' &&
      v.deal.positioning === null &&
      plain(v.deal),
  ),
  deal_refused: scored((v) => v.deal?.tier === 'refused' && v.deal.positioning === null),
  deal_price_competition: scored(
    (v) =>
      v.deal?.warnings.includes('price_competition') === true &&
      (v.deal.positioning?.differentiators.length ?? 0) > 0,
  ),
  deal_exception_requested: scored(
    (v) => v.deal?.exception.status === 'requested' && v.managerNames.length > 0,
  ),
  deal_exception_approved: scored((v) => v.deal?.exception.active === true),
  deal_no_company: scored((v) => v.deal?.companyId === null && v.company === null),
  deal_offer_outside: scored(
    (v) =>
      v.deal?.warnings.includes('offer_outside_segment') === true &&
      v.deal.offers !== null &&
      v.deal.offers.outside.length === 2 &&
      v.deal.offers.notJudged === 1 &&
      v.deal.positioning !== null,
  ),
  deal_competitors: scored((v) => {
    const c = v.deal?.competitors ?? [];
    return (
      c.some((x) => x.competitorId !== 'other' && x.targetsSegment) &&
      c.some((x) => x.competitorId !== 'other' && !x.targetsSegment) &&
      c.some((x) => x.competitorId === 'other')
    );
  }),
  deal_existing_retained: scored(
    (v) =>
      v.deal?.business === 'existing' &&
      v.deal.retained &&
      v.deal.offStrategy &&
      v.deal.exception.status === 'none',
  ),
  deal_existing_fit: scored(
    (v) => v.deal?.business === 'existing' && !v.deal.retained && v.deal.tier === 'fit',
  ),
  deal_no_positioning: scored(
    (v) =>
      v.deal !== null &&
      SELLING.includes(v.deal.tier) &&
      v.deal.segmentId !== null &&
      v.deal.positioning === null &&
      v.deal.warnings.includes('price_competition'),
  ),
  no_strategy: failed(ScoreRecordResponse, 'strategy_not_published'),
  error_unavailable: failed(ScoreRecordResponse, 'hubspot_unavailable'),
  exception_request_answer: exception('requested'),
  exception_request_not_verified: failed(ExceptionResponse, 'not_verified'),
  exception_request_too_short: failed(ExceptionResponse, 'invalid_input'),
  exception_approve_answer: exception('approved'),
  exception_reject_answer: exception('rejected'),
  exception_decide_not_allowed: failed(ExceptionResponse, 'not_allowed'),
  exception_request_retained: failed(ExceptionResponse, 'exception_not_allowed'),
};

const score = (rt: Runtime, objectType: 'company' | 'deal', objectId: string) =>
  invokeScoreRecord(rt, hubspotContext({ objectType }, { hs_object_id: objectId }), true);

/** The rep writes `reason` on the deal in HubSpot's UI (or not), then asks on the card. */
const requestFor = (portal: TestPortal, dealId: string, reason: string | null) => {
  if (reason !== null) writeReason(portal, REP, dealId, reason);
  return invokeRequestException(portal.runtime, hubspotContext({}, { hs_object_id: dealId }), true);
};

/** `user` sets the decision on the deal in HubSpot's UI, then confirms on the card. */
const decideFor = (
  portal: TestPortal,
  dealId: string,
  decision: 'approve' | 'reject',
  user: typeof REP,
) => {
  setDecision(portal, user, dealId, decision);
  return invokeDecideException(
    portal.runtime,
    hubspotContext({ requestSeq: 1, decision }, { hs_object_id: dealId }),
    true,
  );
};

const REASON = 'Lighthouse logo in a new region; the retail board asked for a pilot';

/** A company in the example's Healthcare providers segment, which has no positioning (fit). */
const HEALTHCARE = {
  name: 'Harbor Health Network',
  industry: 'HOSPITAL_HEALTH_CARE',
  numberofemployees: '300',
  country: 'United States',
};

/** Line items by SKU (SCORING §10): one in the Mid-market tech offer, two outside, one unjudged. */
const MIXED_OFFER: Record<string, string>[] = [
  { name: 'Platform licence (annual)', price: '12000', quantity: '1', hs_sku: 'PLAT-ANNUAL' },
  { name: 'Enterprise seat', price: '1200', quantity: '10', hs_sku: 'SEAT-ENT' },
  { name: 'Data connector', price: '1800', quantity: '1', hs_sku: 'ADD-CONNECT' },
  { name: 'Custom workshop', price: '2000', quantity: '1' },
];

/**
 * The example strategy with a longer positioning for Enterprise SaaS (the sidebar shortens lists
 * over three items): published last, after every other answer is in.
 */
const withLongPositioning = (strategy: Strategy): Strategy => ({
  ...strategy,
  segments: strategy.segments.map((s) =>
    s.positioning === undefined || s.id !== 'enterprise-saas'
      ? s
      : {
          ...s,
          positioning: {
            ...s.positioning,
            differentiators: [
              ...(s.positioning.differentiators ?? []),
              'Forecast accuracy reported every week',
              'One price for the platform, seats as you grow',
            ],
            expectations: [
              ...(s.positioning.expectations ?? []),
              'A sandbox portal for their admins',
              'Data processing agreement under EU law',
            ],
          },
        },
  ),
});

/** Forecastly targets Mid-market tech, Pipewise does not; "Big Four consultancy" is listed by none. */
const COMPETITORS = 'Forecastly;Pipewise;Big Four consultancy';

/**
 * Starts a sandbox, sets it up, creates companies and deals that land in each state, runs the
 * real handlers (as HubSpot would call them, with `propertiesToSend.hs_object_id`) and returns
 * their answers, checked. Takes a few seconds; the sandbox is closed before it returns.
 *
 * @example
 * let fixtures: CardFixtures;
 * beforeAll(async () => { fixtures = await produceCardFixtures(); });
 */
export async function produceCardFixtures(): Promise<CardFixtures> {
  const portal = await startTestPortal({ publish: false });
  try {
    const rt = portal.runtime;
    const { hs } = portal;
    const dreamId = await createCompany(hs, COMPANIES.dream);
    const no_strategy = await score(rt, 'company', dreamId);
    await portal.publish();

    const ids = {
      fit: await createCompany(hs, COMPANIES.fit),
      stretch: await createCompany(hs, COMPANIES.stretch),
      needs_data: await createCompany(hs, COMPANIES.needs_data),
      off_strategy: await createCompany(hs, COMPANIES.off_strategy),
      refused: await createCompany(hs, COMPANIES.refused),
      healthcare: await createCompany(hs, HEALTHCARE),
    };
    const deals = {
      focus: await createDeal(hs, focusDeal(), { companyId: ids.fit }),
      off: await createDeal(hs, plainDeal('Grocery POS pilot'), { companyId: ids.off_strategy }),
      refused: await createDeal(hs, plainDeal('Smokestack CRM'), { companyId: ids.refused }),
      price: await createDeal(hs, plainDeal('Brightloop renewal', '35000'), {
        companyId: ids.fit,
        lineItems: [{ name: 'Seats', price: '1000', quantity: '50', discount: '300' }],
      }),
      requested: await createDeal(hs, plainDeal('Grocery analytics'), {
        companyId: ids.off_strategy,
      }),
      approved: await createDeal(hs, plainDeal('Grocery loyalty app'), {
        companyId: ids.off_strategy,
      }),
      rejected: await createDeal(hs, plainDeal('Grocery kiosks'), { companyId: ids.off_strategy }),
      none: await createDeal(hs, plainDeal('Orphan opportunity')),
      offer: await createDeal(hs, plainDeal('Brightloop platform and seats', '30000'), {
        companyId: ids.fit,
        lineItems: MIXED_OFFER,
      }),
      competitors: await createDeal(
        hs,
        { ...plainDeal('Brightloop forecasting', '25000'), competitors: COMPETITORS },
        { companyId: ids.fit },
      ),
      retained: await createDeal(
        hs,
        { ...plainDeal('Corner Grocers renewal', '20000'), dealtype: 'existingbusiness' },
        { companyId: ids.off_strategy },
      ),
      existingFit: await createDeal(
        hs,
        { ...plainDeal('Brightloop renewal 2027', '30000'), dealtype: 'existingbusiness' },
        { companyId: ids.fit },
      ),
      healthcare: await createDeal(hs, plainDeal('Harbor Health rollout', '40000'), {
        companyId: ids.healthcare,
        lineItems: [{ name: 'Seats', price: '1000', quantity: '50', discount: '300' }],
      }),
    };

    const exception_request_not_verified = await requestFor(portal, deals.requested, null);
    const exception_request_too_short = await requestFor(portal, deals.requested, 'Because.');
    const exception_request_answer = await requestFor(portal, deals.requested, REASON);
    await requestFor(portal, deals.approved, REASON);
    await requestFor(portal, deals.rejected, REASON);
    const exception_decide_not_allowed = await decideFor(portal, deals.approved, 'reject', REP);
    const exception_approve_answer = await decideFor(portal, deals.approved, 'approve', MANAGER);
    const exception_reject_answer = await decideFor(portal, deals.rejected, 'reject', MANAGER);
    // The card offers no request on a retained deal; asked anyway, the function refuses (§12).
    const exception_request_retained = await requestFor(portal, deals.retained, REASON);

    const unavailable = createRuntime({
      accessToken: portal.sandbox.token,
      basePath: await closedOrigin(),
    });
    const answers: Omit<CardFixtures, 'company_long_positioning'> = {
      company_dream: await score(rt, 'company', dreamId),
      company_fit: await score(rt, 'company', ids.fit),
      company_stretch: await score(rt, 'company', ids.stretch),
      company_needs_data: await score(rt, 'company', ids.needs_data),
      company_off_strategy: await score(rt, 'company', ids.off_strategy),
      company_refused: await score(rt, 'company', ids.refused),
      company_no_positioning: await score(rt, 'company', ids.healthcare),
      deal_fit_focus: await score(rt, 'deal', deals.focus),
      deal_off_strategy: await score(rt, 'deal', deals.off),
      deal_refused: await score(rt, 'deal', deals.refused),
      deal_price_competition: await score(rt, 'deal', deals.price),
      deal_exception_requested: await score(rt, 'deal', deals.requested),
      deal_exception_approved: await score(rt, 'deal', deals.approved),
      deal_no_company: await score(rt, 'deal', deals.none),
      deal_offer_outside: await score(rt, 'deal', deals.offer),
      deal_competitors: await score(rt, 'deal', deals.competitors),
      deal_existing_retained: await score(rt, 'deal', deals.retained),
      deal_existing_fit: await score(rt, 'deal', deals.existingFit),
      deal_no_positioning: await score(rt, 'deal', deals.healthcare),
      no_strategy,
      error_unavailable: await score(unavailable, 'deal', deals.focus),
      exception_request_answer,
      exception_request_not_verified,
      exception_request_too_short,
      exception_approve_answer,
      exception_reject_answer,
      exception_decide_not_allowed,
      exception_request_retained,
    };
    // Last: a new version with a longer positioning, for the sidebar's shortened lists.
    await portal.publish(withLongPositioning(loadExampleStrategy()));
    const fixtures: CardFixtures = {
      ...answers,
      company_long_positioning: await score(rt, 'company', dreamId),
    };
    const wrong = [...SCORE_FIXTURE_NAMES, ...EXCEPTION_FIXTURE_NAMES].flatMap((name) => {
      const problem = EXPECT[name](fixtures[name]);
      return problem === null ? [] : [`${name} ${problem}`];
    });
    if (wrong.length > 0) throw new Error(`card fixtures are wrong: ${wrong.join('; ')}`);
    return fixtures;
  } finally {
    await portal.close();
  }
}
