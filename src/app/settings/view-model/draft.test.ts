import { parseStrategy, StrategySchema } from '@strategy-fit/core';
import { describe, expect, it } from 'vitest';

import {
  criteriaOf,
  criteriaPath,
  draftFromStrategy,
  draftReducer,
  linesOf,
  positioningFrom,
  starterDraft,
} from './draft.ts';
import type { CriteriaRef, Draft } from './draft.ts';

const strategy = StrategySchema.parse({
  schemaVersion: 1,
  name: 'Test',
  segments: [
    {
      id: 'a',
      name: 'A',
      priority: 'dream',
      criteria: [{ property: 'industry', operator: 'EQ', value: 'X' }],
    },
    {
      id: 'b',
      name: 'B',
      priority: 'core',
      criteria: [{ property: 'country', operator: 'EQ', value: 'Y' }],
    },
  ],
});

describe('the draft', () => {
  it('starts from a deep copy of the published strategy, which parses as it is', () => {
    const draft = draftFromStrategy(strategy);
    expect(parseStrategy(draft)).toEqual({ ok: true, value: strategy });
    const renamed = draftReducer(draft, { type: 'set', patch: { name: 'New' } });
    expect([renamed.name, draft.name, strategy.name]).toEqual(['New', 'Test', 'Test']);
  });

  it('an empty portal starts from a segment to fill in; the core says what is missing', () => {
    const parsed = parseStrategy(starterDraft());
    expect(parsed.ok ? [] : parsed.error.map((i) => i.path)).toEqual([
      'name',
      'segments[0].name',
      'segments[0].criteria[0].property',
    ]);
  });

  it('adds, moves and removes segments, with free ids', () => {
    let d: Draft = draftFromStrategy(strategy);
    d = draftReducer(d, { type: 'add_segment' });
    expect(d.segments.map((s) => s.id)).toEqual(['a', 'b', 'segment-3']);
    d = draftReducer(d, { type: 'move_segment', index: 2, by: -1 });
    expect(d.segments.map((s) => s.id)).toEqual(['a', 'segment-3', 'b']);
    expect(draftReducer(d, { type: 'move_segment', index: 0, by: -1 })).toBe(d);
    d = draftReducer(d, { type: 'remove_segment', index: 0 });
    expect(d.segments.map((s) => s.id)).toEqual(['segment-3', 'b']);
  });

  it('optional fields set to nothing are removed, not left as undefined', () => {
    let d = draftReducer(draftFromStrategy(strategy), {
      type: 'set',
      patch: { dealChecks: { maxDiscountPercent: 20 }, dreamCapacityPerOwner: 5 },
    });
    expect([d.dealChecks, d.dreamCapacityPerOwner]).toEqual([{ maxDiscountPercent: 20 }, 5]);
    d = draftReducer(d, {
      type: 'set',
      patch: { dealChecks: { maxDiscountPercent: undefined }, dreamCapacityPerOwner: undefined },
    });
    expect('dealChecks' in d || 'dreamCapacityPerOwner' in d).toBe(false);
    d = draftReducer(d, { type: 'set_segment', index: 0, patch: { dealAmount: { min: 5 } } });
    d = draftReducer(d, { type: 'set_segment', index: 0, patch: { dealAmount: undefined } });
    expect(Object.keys(d.segments[0] ?? {})).not.toContain('dealAmount');
  });

  it.each<[CriteriaRef, string, 'company' | 'deal']>([
    [{ kind: 'segment', index: 1 }, 'segments[1].criteria', 'company'],
    [{ kind: 'exclusion', index: 0 }, 'exclusions[0].criteria', 'company'],
    [{ kind: 'dream', group: 'urgency' }, 'dreamCustomer.urgency', 'deal'],
  ])('criteria of %j live at %s; new ones read the %s', (ref, path, object) => {
    let d = draftReducer(draftFromStrategy(strategy), { type: 'add_exclusion' });
    d = draftReducer(d, { type: 'set_dream_test', enabled: true });
    const before = criteriaOf(d, ref).length;
    d = draftReducer(d, { type: 'add_criterion', ref });
    expect(criteriaPath(ref)).toBe(path);
    expect(criteriaOf(d, ref)).toHaveLength(before + 1);
    expect(criteriaOf(d, ref).at(-1)).toEqual({ property: '', object, operator: 'HAS_PROPERTY' });
    d = draftReducer(d, { type: 'remove_criterion', ref, index: before });
    expect(criteriaOf(d, ref)).toHaveLength(before);
  });

  it('the dream-customer test is added with a question each and removed whole', () => {
    const on = draftReducer(draftFromStrategy(strategy), { type: 'set_dream_test', enabled: true });
    expect(Object.keys(on.dreamCustomer ?? {})).toEqual(['need', 'abilityToPay', 'urgency']);
    const off = draftReducer(on, { type: 'set_dream_test', enabled: false });
    expect('dreamCustomer' in off).toBe(false);
  });
});

describe('the draft: the seed’s selling parts (SCORING §10–§13, §15)', () => {
  const base = draftFromStrategy(strategy);

  it('positioning typed as nothing is removed; list lines drop empty ones', () => {
    expect(
      positioningFrom({ valueProposition: '', differentiators: [' ', ''], expectations: [] }),
    ).toBeUndefined();
    expect(
      positioningFrom({ valueProposition: 'Fast', differentiators: ['a', ' '], expectations: [] }),
    ).toEqual({ valueProposition: 'Fast', differentiators: ['a'] });
    expect(linesOf(' one\n\n two \n')).toEqual(['one', 'two']);
    const positioned = draftReducer(base, {
      type: 'set_segment',
      index: 0,
      patch: { positioning: { valueProposition: 'Fast' }, offers: ['SKU-1'] },
    });
    expect(parseStrategy(positioned).ok).toBe(true);
  });

  it('adds competitors with free ids, edits and removes them (the last one removes the list)', () => {
    const one = draftReducer(base, { type: 'add_competitor' });
    const two = draftReducer(one, { type: 'add_competitor' });
    expect(two.competitors?.map((c) => c.id)).toEqual(['competitor-1', 'competitor-2']);
    const named = draftReducer(two, {
      type: 'set_competitor',
      index: 1,
      patch: { name: 'Rival', howWeWin: undefined, targets: ['a'] },
    });
    expect(named.competitors?.[1]).toEqual({ id: 'competitor-2', name: 'Rival', targets: ['a'] });
    const none = draftReducer(draftReducer(named, { type: 'remove_competitor', index: 0 }), {
      type: 'remove_competitor',
      index: 0,
    });
    expect('competitors' in none).toBe(false);
  });

  it('existing business: own criteria start from the default (deal type), and go back to it', () => {
    const own = draftReducer(base, { type: 'use_existing_criteria', own: true });
    expect(own.existingCustomers?.criteria?.[0]).toMatchObject({
      property: 'dealtype',
      object: 'deal',
    });
    expect(parseStrategy(own).ok).toBe(true);
    const back = draftReducer(own, { type: 'use_existing_criteria', own: false });
    expect('existingCustomers' in back).toBe(false);
  });

  it('the competitor property, focus guard and evidence window are set and removed', () => {
    const set = draftReducer(base, {
      type: 'set',
      patch: { competitorProperty: 'competitor', maxAcceptedPercent: 30, evidenceWindowDays: 180 },
    });
    expect([set.competitorProperty, set.focusGuard, set.evidenceWindowDays]).toEqual([
      'competitor',
      { maxAcceptedPercent: 30 },
      180,
    ]);
    const removed = draftReducer(set, {
      type: 'set',
      patch: {
        competitorProperty: undefined,
        maxAcceptedPercent: undefined,
        evidenceWindowDays: undefined,
      },
    });
    expect(removed).toEqual(base);
  });
});
