import { compileCriterion } from '../criteria/compile-criterion.ts';
import type { CompiledCriterion } from '../criteria/compile-criterion.ts';
import { DreamGroup, Priority } from '../enums.ts';
import type { CriterionObject } from '../enums.ts';
import { existingCustomersOf } from '../strategy/strategy-defaults.ts';
import type {
  Criterion,
  Exclusion,
  ExistingCustomerPolicy,
  Segment,
  Strategy,
} from '../strategy/strategy-schema.ts';

export type CompiledSegment = {
  readonly segment: Segment;
  /** 0 dream, 1 core, 2 opportunistic: lower wins ties (SCORING §6.2). */
  readonly priorityRank: number;
  /** Σ weight of its criteria (SCORING §5). */
  readonly totalWeight: number;
  readonly criteria: readonly CompiledCriterion[];
};

export type CompiledExclusion = {
  readonly exclusion: Exclusion;
  readonly criteria: readonly CompiledCriterion[];
};

export type CompiledDreamGroup = {
  readonly group: DreamGroup;
  readonly question: string;
  readonly criteria: readonly CompiledCriterion[];
};

/** SCORING §12: the existing-customer criteria (defaults applied) and the policy. */
export type CompiledExistingCustomers = {
  readonly policy: ExistingCustomerPolicy;
  readonly criteria: readonly CompiledCriterion[];
};

/** A property some criterion reads; criteria point at it by index (`CompiledCriterion.slot`). */
export type PropertySlot = { readonly object: CriterionObject; readonly property: string };

/**
 * A strategy prepared for scoring, built once per strategy version with `compileStrategy`. It is
 * deeply frozen and holds no state: scoring reads it and never writes into it.
 */
export type CompiledStrategy = {
  /** A frozen copy of the strategy it was compiled from. */
  readonly strategy: Strategy;
  /** Every property the criteria read, once each per record kind. */
  readonly slots: readonly PropertySlot[];
  readonly segments: readonly CompiledSegment[];
  readonly exclusions: readonly CompiledExclusion[];
  /** null when the strategy has no dream-customer test. */
  readonly dreamGroups: readonly CompiledDreamGroup[] | null;
  readonly existingCustomers: CompiledExistingCustomers;
};

/** The three questions of the dream-customer test, as reps read them (SCORING §7). */
export const DREAM_QUESTIONS: Readonly<Record<DreamGroup, string>> = Object.freeze({
  need: 'Do they need us?',
  abilityToPay: 'Can they pay?',
  urgency: 'Should they buy now?',
});

/** A deep, frozen copy of JSON data. */
const frozenCopy = <T>(value: T): T => {
  if (Array.isArray(value)) return Object.freeze(value.map(frozenCopy)) as T;
  if (typeof value !== 'object' || value === null) return value;
  const copy: Record<string, unknown> = {};
  for (const [key, v] of Object.entries(value)) copy[key] = frozenCopy(v);
  return Object.freeze(copy) as T;
};

/** Gives each distinct (object, property) one slot, in the order criteria first read them. */
const slotTable = () => {
  const slots: PropertySlot[] = [];
  const index = new Map<string, number>();
  const compile = (criterion: Criterion): CompiledCriterion => {
    const key = `${criterion.object}\u0000${criterion.property}`;
    let slot = index.get(key);
    if (slot === undefined) {
      slot = slots.length;
      index.set(key, slot);
      slots.push(Object.freeze({ object: criterion.object, property: criterion.property }));
    }
    return compileCriterion(criterion, slot);
  };
  return { slots, compile };
};

/**
 * Compiles a parsed strategy once per version: operands parsed, each property given one slot.
 * The result is immutable; scoring with it never changes it.
 *
 * @example
 * const compiled = compileStrategy(parsed.value);
 * const score = scoreCompany(compiled, facts);
 */
export const compileStrategy = (input: Strategy): CompiledStrategy => {
  const strategy = frozenCopy(input);
  const { slots, compile } = slotTable();
  const segments = strategy.segments.map((segment) =>
    Object.freeze({
      segment,
      priorityRank: Priority.options.indexOf(segment.priority),
      totalWeight: segment.criteria.reduce((sum, c) => sum + c.weight, 0),
      criteria: Object.freeze(segment.criteria.map(compile)),
    }),
  );
  const exclusions = strategy.exclusions.map((exclusion) =>
    Object.freeze({ exclusion, criteria: Object.freeze(exclusion.criteria.map(compile)) }),
  );
  const dream = strategy.dreamCustomer;
  const dreamGroups = dream
    ? Object.freeze(
        DreamGroup.options.map((group) =>
          Object.freeze({
            group,
            question: DREAM_QUESTIONS[group],
            criteria: Object.freeze(dream[group].map(compile)),
          }),
        ),
      )
    : null;
  const existing = frozenCopy(existingCustomersOf(strategy));
  const existingCustomers = Object.freeze({
    policy: existing.policy,
    criteria: Object.freeze(existing.criteria.map(compile)),
  });
  return Object.freeze({
    strategy,
    slots: Object.freeze(slots),
    segments: Object.freeze(segments),
    exclusions: Object.freeze(exclusions),
    dreamGroups,
    existingCustomers,
  });
};
