// The criteria "what the portal holds" counts (issue 13): every criterion of the segments, the
// exclusions, the dream-customer test and the existing-customer test, with its JSON path, in
// document order. Segments and exclusions judge companies, the other two deals (SCORING §7, §12).
import type { CompiledCriterion } from '../criteria/compile-criterion.ts';
import type { CompiledStrategy } from '../scoring/compile-strategy.ts';

export type PortalSection = 'segments' | 'exclusions' | 'dreamCustomer' | 'existingCustomers';

/** One criterion as the portal figures name it. */
export type PortalCriterion = {
  /** JSON path in the strategy, e.g. `segments[0].criteria[2]`. */
  readonly path: string;
  readonly section: PortalSection;
  /** The segment's or exclusion's name, the dream-test question, or "Existing customers". */
  readonly group: string;
  readonly compiled: CompiledCriterion;
  /** Whether its text values are counted (a text comparison: SCORING §3, trimmed, any case). */
  readonly countsValues: boolean;
};

/** A comparison of text (EQ, IN, CONTAINS_TOKEN and their negations on text operands). */
const comparesText = (c: CompiledCriterion): boolean =>
  c.spec.operands !== 'none' && c.spec.operands !== 'days' && c.reads === null;

const entry = (
  path: string,
  section: PortalSection,
  group: string,
  compiled: CompiledCriterion,
): PortalCriterion => ({ path, section, group, compiled, countsValues: comparesText(compiled) });

/** Every criterion of the strategy the portal figures count, in document order. */
export const portalCriteria = (plan: CompiledStrategy): PortalCriterion[] => [
  ...plan.segments.flatMap((s, i) =>
    s.criteria.map((c, k) => entry(`segments[${i}].criteria[${k}]`, 'segments', s.segment.name, c)),
  ),
  ...plan.exclusions.flatMap((e, i) =>
    e.criteria.map((c, k) =>
      entry(`exclusions[${i}].criteria[${k}]`, 'exclusions', e.exclusion.reason, c),
    ),
  ),
  ...(plan.dreamGroups ?? []).flatMap((g) =>
    g.criteria.map((c, k) =>
      entry(`dreamCustomer.${g.group}[${k}]`, 'dreamCustomer', g.question, c),
    ),
  ),
  ...plan.existingCustomers.criteria.map((c, k) =>
    entry(`existingCustomers.criteria[${k}]`, 'existingCustomers', 'Existing customers', c),
  ),
];
