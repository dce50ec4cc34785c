import fc from 'fast-check';
import { describe, expect, it } from 'vitest';

import type { CompanyEvaluation, DealScore } from '../scoring/schema.ts';
import { diffFitProperties } from './diff-fit-properties.ts';
import {
  companyFitProperties,
  dealFitProperties,
  FIT_PROPERTIES,
  FIT_PROPERTY_GROUP,
} from './fit-properties.ts';

const stamp = { version: 7, scoredAt: '2026-01-15T12:00:00.000Z' };
const evaluation: CompanyEvaluation = {
  tier: 'dream',
  fitScore: 92,
  segmentId: 'enterprise-saas',
  exclusionId: null,
  offStrategy: false,
  reason: 'Matches Enterprise SaaS (dream segment) at 92%',
};

describe('SCORING §8 what is written back to HubSpot', () => {
  it('every property of §8, in the strategy_fit group, with its type and objects', () => {
    expect(FIT_PROPERTY_GROUP.name).toBe('strategy_fit');
    expect(
      FIT_PROPERTIES.map(
        (p) =>
          `${p.name} ${p.type}/${p.fieldType} ${p.objects.join(',')}${p.writtenByScoring ? '' : ' (not by scoring)'}`,
      ),
    ).toMatchInlineSnapshot(`
      [
        "strategy_fit_score number/number companies,deals",
        "strategy_fit_tier enumeration/select companies,deals",
        "strategy_fit_segment string/text companies,deals",
        "strategy_fit_off_strategy bool/booleancheckbox companies,deals",
        "strategy_fit_reason string/text companies,deals",
        "strategy_fit_version number/number companies,deals",
        "strategy_fit_scored_at datetime/date companies,deals",
        "strategy_fit_focus bool/booleancheckbox deals",
        "strategy_fit_warnings enumeration/checkbox deals",
        "strategy_fit_discount_percent number/number deals",
        "strategy_fit_competitors string/text deals",
        "strategy_fit_business enumeration/select deals",
        "strategy_fit_open_questions enumeration/checkbox deals",
        "strategy_fit_exception enumeration/select deals (not by scoring)",
        "strategy_fit_exception_note string/text deals (not by scoring)",
        "strategy_fit_exception_by string/text deals (not by scoring)",
        "strategy_fit_exception_expires date/date deals (not by scoring)",
        "strategy_fit_exception_requested_by string/text deals (not by scoring)",
        "strategy_fit_exception_seq number/number deals (not by scoring)",
        "strategy_fit_exception_at datetime/date deals (not by scoring)",
        "strategy_fit_exception_reason_input string/textarea deals (not by scoring)",
        "strategy_fit_exception_decision_input enumeration/select deals (not by scoring)",
        "strategy_fit_exception_expires_input date/date deals (not by scoring)",
      ]
    `);
    expect(
      FIT_PROPERTIES.every(
        (p) => p.groupName === 'strategy_fit' && p.label !== '' && p.description !== '',
      ),
    ).toBe(true);
  });

  it('enumerations carry their options: tiers, warnings and exception states', () => {
    const options = (name: string) =>
      FIT_PROPERTIES.find((p) => p.name === name)?.options?.map((o) => o.value);
    expect(options('strategy_fit_tier')).toEqual([
      'dream',
      'fit',
      'stretch',
      'needs_data',
      'off_strategy',
      'refused',
    ]);
    expect(options('strategy_fit_warnings')).toEqual([
      'price_competition',
      'deal_size_outside_segment',
      'missing_company',
      'offer_outside_segment',
    ]);
    expect(options('strategy_fit_business')).toEqual(['new', 'existing']);
    expect(options('strategy_fit_open_questions')).toEqual(['need', 'abilityToPay', 'urgency']);
    expect(options('strategy_fit_exception')).toEqual(['requested', 'approved', 'rejected']);
    expect(options('strategy_fit_off_strategy')).toEqual(['true', 'false']);
  });

  it("company values in HubSpot's string encoding", () => {
    expect(companyFitProperties(evaluation, stamp)).toEqual({
      strategy_fit_score: '92',
      strategy_fit_tier: 'dream',
      strategy_fit_segment: 'enterprise-saas',
      strategy_fit_off_strategy: 'false',
      strategy_fit_reason: 'Matches Enterprise SaaS (dream segment) at 92%',
      strategy_fit_version: '7',
      strategy_fit_scored_at: '2026-01-15T12:00:00.000Z',
    });
  });

  it('the segment is "" when null', () => {
    const refused = {
      ...evaluation,
      tier: 'refused',
      fitScore: 0,
      segmentId: null,
      offStrategy: true,
    } as const;
    expect(companyFitProperties(refused, stamp)).toMatchObject({
      strategy_fit_segment: '',
      strategy_fit_off_strategy: 'true',
    });
  });

  it('deal values add focus and the warnings as a;b in canonical order; the exception properties are never written', () => {
    const score = {
      ...evaluation,
      focus: true,
      warnings: ['deal_size_outside_segment', 'price_competition'],
      discountPercent: null,
      dreamTest: null,
      competitors: [],
      business: 'new',
    } as unknown as DealScore;
    const props = dealFitProperties(score, stamp);
    expect(props).toMatchObject({
      strategy_fit_focus: 'true',
      strategy_fit_warnings: 'price_competition;deal_size_outside_segment',
    });
    expect(Object.keys(props).some((k) => k.startsWith('strategy_fit_exception'))).toBe(false);
    expect(props['strategy_fit_discount_percent']).toBe('');
    expect(dealFitProperties({ ...score, discountPercent: 12.5 }, stamp)).toMatchObject({
      strategy_fit_discount_percent: '12.5',
    });
    const notByScoring = FIT_PROPERTIES.filter((p) => !p.writtenByScoring).map((p) => p.name);
    expect(notByScoring).toEqual([
      'strategy_fit_exception',
      'strategy_fit_exception_note',
      'strategy_fit_exception_by',
      'strategy_fit_exception_expires',
      'strategy_fit_exception_requested_by',
      'strategy_fit_exception_seq',
      'strategy_fit_exception_at',
      'strategy_fit_exception_reason_input',
      'strategy_fit_exception_decision_input',
      'strategy_fit_exception_expires_input',
    ]);
  });
});

describe('SCORING §8 write-back of §10–§12', () => {
  const competitor = (competitorId: string, value: string) => ({
    competitorId,
    name: null,
    value,
    howWeWin: null,
    targetsSegment: false,
  });
  const group = (g: 'need' | 'abilityToPay' | 'urgency', outcome: 'pass' | 'fail' | 'unknown') => ({
    group: g,
    question: g,
    outcome,
    criteria: [],
  });
  const score = {
    ...evaluation,
    focus: false,
    warnings: ['offer_outside_segment', 'price_competition'],
    discountPercent: 4,
    dreamTest: [
      group('need', 'unknown'),
      group('abilityToPay', 'pass'),
      group('urgency', 'unknown'),
    ],
    competitors: [
      competitor('pipewise', 'Pipewise'),
      competitor('other', 'Excel'),
      competitor('forecastly', 'Forecastly'),
      competitor('other', 'In-house'),
    ],
    business: 'existing',
  } as unknown as DealScore;

  it('strategy_fit_competitors: the matched competitor ids, ;-joined, sorted; an unmatched value adds other', () => {
    expect(dealFitProperties(score, stamp).strategy_fit_competitors).toBe(
      'forecastly;other;pipewise',
    );
    expect(dealFitProperties({ ...score, competitors: [] }, stamp).strategy_fit_competitors).toBe(
      '',
    );
  });

  it('strategy_fit_business: new or existing; offer_outside_segment is a warning like the others', () => {
    expect(dealFitProperties(score, stamp)).toMatchObject({
      strategy_fit_business: 'existing',
      strategy_fit_warnings: 'price_competition;offer_outside_segment',
    });
  });

  it('strategy_fit_open_questions: the unanswered dream-test questions in their order (extension)', () => {
    expect(dealFitProperties(score, stamp).strategy_fit_open_questions).toBe('need;urgency');
    expect(
      dealFitProperties({ ...score, dreamTest: null }, stamp).strategy_fit_open_questions,
    ).toBe('');
  });

  it('a deal whose competitors, business or open questions change is written again; the same ones are not', () => {
    const next = dealFitProperties(score, stamp);
    const stored = { ...next, strategy_fit_scored_at: '2025-12-01T00:00:00.000Z' };
    expect(diffFitProperties(stored, next)).toBeNull();
    expect(
      diffFitProperties({ ...stored, strategy_fit_open_questions: 'urgency;need' }, next),
    ).toBeNull();
    expect(diffFitProperties({ ...stored, strategy_fit_business: 'new' }, next)).toEqual({
      strategy_fit_business: 'existing',
      strategy_fit_scored_at: stamp.scoredAt,
    });
    expect(diffFitProperties({ ...stored, strategy_fit_competitors: 'pipewise' }, next)).toEqual({
      strategy_fit_competitors: 'forecastly;other;pipewise',
      strategy_fit_scored_at: stamp.scoredAt,
    });
  });
});

describe('SCORING §8 writes are diff-only', () => {
  const next = companyFitProperties(evaluation, stamp);
  const stored = { ...next, strategy_fit_scored_at: '2025-12-01T00:00:00.000Z' };

  it('a record whose score, tier, segment, flags, reason, warnings and version are unchanged is not written again', () => {
    expect(diffFitProperties(stored, next)).toBeNull();
  });

  it('scored_at changes only when something else does', () => {
    expect(diffFitProperties({ ...stored, strategy_fit_score: '91' }, next)).toEqual({
      strategy_fit_score: '92',
      strategy_fit_scored_at: '2026-01-15T12:00:00.000Z',
    });
  });

  it('missing, null and "" are the same', () => {
    const refused = companyFitProperties({ ...evaluation, segmentId: null }, stamp);
    expect(diffFitProperties({ ...stored, strategy_fit_segment: null }, refused)).toBeNull();
    const withoutSegment: Record<string, string> = { ...stored };
    delete withoutSegment.strategy_fit_segment;
    expect(diffFitProperties(withoutSegment, refused)).toBeNull();
  });

  it('numbers compare as numbers, booleans and checkbox sets as HubSpot stores them', () => {
    expect(
      diffFitProperties(
        {
          ...stored,
          strategy_fit_score: '92.0',
          strategy_fit_version: '7',
          strategy_fit_off_strategy: 'FALSE',
        },
        next,
      ),
    ).toBeNull();
    const deal = {
      ...next,
      strategy_fit_focus: 'false',
      strategy_fit_warnings: 'price_competition;missing_company',
    };
    expect(
      diffFitProperties(
        { ...deal, strategy_fit_warnings: 'missing_company;price_competition' },
        deal,
      ),
    ).toBeNull();
    expect(diffFitProperties({ ...deal, strategy_fit_warnings: 'missing_company' }, deal)).toEqual({
      strategy_fit_warnings: 'price_competition;missing_company',
      strategy_fit_scored_at: stamp.scoredAt,
    });
  });

  it('a version change alone is written', () => {
    expect(diffFitProperties({ ...stored, strategy_fit_version: '6' }, next)).toEqual({
      strategy_fit_version: '7',
      strategy_fit_scored_at: stamp.scoredAt,
    });
  });

  it('a record scored by a newer strategy version is never written with an older one', () => {
    const newer = { ...stored, strategy_fit_version: '8', strategy_fit_tier: 'stretch' };
    expect(diffFitProperties(newer, next)).toBeNull();
    expect(diffFitProperties({ ...newer, strategy_fit_version: ' 8.0 ' }, next)).toBeNull();
    // The same or an older version, or none, is written as before.
    expect(diffFitProperties({ ...newer, strategy_fit_version: '7' }, next)).toEqual({
      strategy_fit_tier: 'dream',
      strategy_fit_scored_at: stamp.scoredAt,
    });
    expect(diffFitProperties({ ...newer, strategy_fit_version: '' }, next)).toMatchObject({
      strategy_fit_version: '7',
    });
  });

  it('applying the diff and diffing again changes nothing (fast-check)', () => {
    const value = fc.oneof(
      fc.constant(null),
      fc.constant(''),
      fc.constantFrom('1', '92', 'dream', 'fit', 'true', 'x;y'),
      fc.string(),
    );
    fc.assert(
      fc.property(fc.dictionary(fc.constantFrom(...Object.keys(next)), value), (current) => {
        const diff = diffFitProperties(current, next);
        const applied = { ...current, ...(diff ?? {}) };
        expect(diffFitProperties(applied, next)).toBeNull();
      }),
    );
  });
});
