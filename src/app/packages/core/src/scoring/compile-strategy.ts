import { compileCriterion } from '../criteria/compile-criterion.ts';
import type { CompiledCriterion } from '../criteria/compile-criterion.ts';
import { DreamGroup, Priority } from '../enums.ts';
import type { Exclusion, Segment, Strategy } from '../strategy/strategy-schema.ts';
import { buildPlan } from './fast-plan.ts';
import type { FastPlan } from './fast-plan.ts';

export type CompiledSegment = {
  readonly segment: Segment;
  /** 0 dream, 1 core, 2 opportunistic: lower wins ties (SCORING §6.2). */
  readonly priorityRank: number;
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

/** A strategy prepared for scoring: build it once per strategy version with `compileStrategy`. */
export type CompiledStrategy = {
  readonly strategy: Strategy;
  readonly segments: readonly CompiledSegment[];
  readonly exclusions: readonly CompiledExclusion[];
  /** null when the strategy has no dream-customer test. */
  readonly dreamGroups: readonly CompiledDreamGroup[] | null;
  /** @internal The fast path of `evaluateCompany`; holds caches and scratch space. */
  readonly plan: FastPlan;
};

/** The three questions of the dream-customer test, as reps read them (SCORING §7). */
export const DREAM_QUESTIONS: Readonly<Record<DreamGroup, string>> = {
  need: 'Do they need us?',
  abilityToPay: 'Can they pay?',
  urgency: 'Should they buy now?',
};

/**
 * Compiles a parsed strategy once per version: operands parsed, criteria grouped by property.
 *
 * @example
 * const compiled = compileStrategy(parsed.value);
 * const evaluation = evaluateCompany(compiled, facts);
 */
export const compileStrategy = (strategy: Strategy): CompiledStrategy => {
  const segments = strategy.segments.map((segment) => ({
    segment,
    priorityRank: Priority.options.indexOf(segment.priority),
    criteria: segment.criteria.map(compileCriterion),
  }));
  const exclusions = strategy.exclusions.map((exclusion) => ({
    exclusion,
    criteria: exclusion.criteria.map(compileCriterion),
  }));
  const dream = strategy.dreamCustomer;
  const dreamGroups = dream
    ? DreamGroup.options.map((group) => ({
        group,
        question: DREAM_QUESTIONS[group],
        criteria: dream[group].map(compileCriterion),
      }))
    : null;
  return { strategy, segments, exclusions, dreamGroups, plan: buildPlan(segments, exclusions) };
};
