import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningSandbox } from '@strategy-fit/sandbox';

import { countRecords } from './count-records.ts';
import type { HubSpot } from './create-client.ts';
import { ensureFitProperties } from './ensure-fit-properties.ts';
import {
  REVIEW_DEAL_PROPERTIES,
  reviewOwnerName,
  stageIndex,
  stageOf,
  toReviewCompany,
  toReviewDeal,
} from './review-records.ts';
import {
  connect,
  recordRequests,
  startTestSandbox,
  value,
} from '../../../../../test/support/hubspot/sandbox.ts';
import { writeRecords } from './write-records.ts';

const pipelines = [
  {
    id: 'default',
    stages: [
      { id: 'open1', label: 'Qualified', isClosed: false, isWon: false },
      { id: 'won', label: 'Closed won', isClosed: true, isWon: true },
    ],
  },
  { id: 'other', stages: [{ id: 'won', label: 'Signed', isClosed: true, isWon: true }] },
];
const NOW_MS = Date.parse('2026-11-02T00:00:00Z');

describe('the review’s view of HubSpot records', () => {
  it('a stage is found by pipeline and id, else by id alone (the first pipeline wins)', () => {
    const stages = stageIndex(pipelines);
    expect(stageOf(stages, 'other', 'won')?.label).toBe('Signed');
    expect(stageOf(stages, null, 'won')?.label).toBe('Closed won');
    expect(stageOf(stages, 'default', 'nope')).toBeNull();
    expect(stageOf(stages, 'default', null)).toBeNull();
  });

  it('a company: its stored tier, segment and version; unknown or empty values are null', () => {
    expect(
      toReviewCompany({
        id: '7',
        properties: {
          name: ' Brightloop ',
          hubspot_owner_id: '70110003',
          strategy_fit_tier: 'fit',
          strategy_fit_segment: 'midmarket',
          strategy_fit_version: '3',
        },
      }),
    ).toEqual({
      id: '7',
      name: 'Brightloop',
      ownerId: '70110003',
      tier: 'fit',
      segmentId: 'midmarket',
      version: 3,
      criteria: null,
    });
    expect(
      toReviewCompany({
        id: '8',
        properties: { strategy_fit_tier: 'great', strategy_fit_version: '2.5' },
      }),
    ).toMatchObject({ name: null, tier: null, version: null });
  });

  it('a deal: closed and won from its stage, close date only when closed, its exception', () => {
    const deal = toReviewDeal(
      {
        id: '9',
        properties: {
          dealname: 'Pilot',
          amount: '1200.5',
          pipeline: 'other',
          dealstage: 'won',
          createdate: '2026-01-01T00:00:00Z',
          closedate: '2026-02-01T00:00:00Z',
          strategy_fit_tier: 'off_strategy',
          strategy_fit_off_strategy: 'true',
          strategy_fit_reason: 'No segment fits',
          strategy_fit_exception: 'approved',
          strategy_fit_exception_expires: '2027-01-01',
          strategy_fit_version: '1',
        },
      },
      { stages: stageIndex(pipelines), companyId: '7', nowMs: NOW_MS },
    );
    expect(deal).toMatchObject({
      amount: 1200.5,
      stageLabel: 'Signed',
      isClosed: true,
      isWon: true,
      closedAtMs: Date.parse('2026-02-01T00:00:00Z'),
      offStrategy: true,
      companyId: '7',
      exception: { status: 'approved', active: true },
    });
    const open = toReviewDeal(
      { id: '10', properties: { dealstage: 'open1', closedate: '2026-02-01T00:00:00Z' } },
      { stages: stageIndex(pipelines), companyId: null, nowMs: NOW_MS },
    );
    expect(open).toMatchObject({ isClosed: false, isWon: false, closedAtMs: null, tier: null });
  });

  it('a deal’s SCORING §15 fields: focus, warnings, open questions, competitors, business, lost reason', () => {
    const stored = toReviewDeal(
      {
        id: '11',
        properties: {
          dealstage: 'open1',
          strategy_fit_version: '2',
          strategy_fit_focus: 'TRUE',
          strategy_fit_warnings: 'offer_outside_segment;price_competition;unknown_warning',
          strategy_fit_open_questions: 'urgency;need',
          strategy_fit_competitors: 'other;acme',
          strategy_fit_business: 'existing',
          closed_lost_reason: '  Price too high ',
        },
      },
      { stages: stageIndex(pipelines), companyId: '7', nowMs: NOW_MS },
    );
    expect(stored).toMatchObject({
      focus: true,
      warnings: ['price_competition', 'offer_outside_segment'],
      openQuestions: ['need', 'urgency'],
      competitors: ['other', 'acme'],
      business: 'existing',
      closedLostReason: 'Price too high',
    });
    // Scored before §11 (no version: never scored) or without the new fields.
    const never = toReviewDeal(
      { id: '12', properties: { dealstage: 'open1', strategy_fit_business: 'maybe' } },
      { stages: stageIndex(pipelines), companyId: null, nowMs: NOW_MS },
    );
    expect(never).toMatchObject({
      focus: false,
      warnings: [],
      openQuestions: [],
      competitors: null,
      business: null,
      closedLostReason: null,
    });
    expect(REVIEW_DEAL_PROPERTIES).toEqual(
      expect.arrayContaining([
        'strategy_fit_focus',
        'strategy_fit_warnings',
        'strategy_fit_open_questions',
        'strategy_fit_competitors',
        'strategy_fit_business',
        'closed_lost_reason',
      ]),
    );
  });

  it('an owner’s name: first and last, else null — never the email (issue 10)', () => {
    expect(reviewOwnerName({ id: '1', firstName: 'Maya', lastName: 'Okafor' })).toBe('Maya Okafor');
    expect(
      reviewOwnerName({ id: '1', firstName: '', lastName: '', email: 'm@x.example' }),
    ).toBeNull();
    expect(reviewOwnerName({ id: '1' })).toBeNull();
  });
});

describe('countRecords', () => {
  let sandbox: RunningSandbox;
  let hs: HubSpot;
  beforeAll(async () => {
    sandbox = await startTestSandbox();
    hs = connect(sandbox).hs;
    value(await ensureFitProperties(hs));
  });
  afterAll(() => sandbox.close());

  it('is the search total, from one search of one record', async () => {
    value(
      await writeRecords(hs, 'companies', [
        { id: '1001', properties: { strategy_fit_version: '2' } },
      ]),
    );
    const { result, sent } = await recordRequests(() =>
      countRecords(hs, 'companies', { kind: 'staleVersion', version: 2 }),
    );
    expect(value(result)).toBe(59);
    expect(sent).toHaveLength(1);
    expect(sent[0]?.body).toMatchObject({ limit: 1 });
  });
});
