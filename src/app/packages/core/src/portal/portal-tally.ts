// What the portal holds (issue 13): per criterion, how many companies (or open deals) match, miss
// or are unknown, and for a text comparison the portal values it never matches ("Deutschland — 23
// companies"), so a manager sees what a criterion silently leaves out. A plain-JSON part fed the
// records a walk reads (the simulation's pages: no request more), mergeable across chunks, with
// bounded memory: at most VALUE_CAP distinct values per criterion (see `addValue`).
import { z } from 'zod';

import type { CompiledCriterion } from '../criteria/compile-criterion.ts';
import type { RecordFacts } from '../facts/schema.ts';
import { MATCH, MISS } from '../criteria/evaluate-criterion.ts';
import type { CompiledStrategy } from '../scoring/compile-strategy.ts';
import { codeAt, judgeCriteria } from '../scoring/explain.ts';
import { readRecordValues } from '../scoring/record-values.ts';
import { describeExpected, criterionLabel } from '../criteria/describe-criterion.ts';
import { portalCriteria } from './portal-criteria.ts';
import type { PortalCriterion } from './portal-criteria.ts';

/**
 * Distinct values counted per criterion. Values first seen once a criterion holds this many are
 * counted together as `otherValues`; when parts merge beyond it, the least frequent go there.
 */
export const VALUE_CAP = 200;
/** Values shown per criterion (the most frequent first). */
export const TOP_VALUES = 10;

const Count = z.number().int().min(0);

/** A value as first seen (trimmed) and how many records hold it. */
const ValueCount = z.strictObject({ value: z.string(), count: Count });

const CriterionTally = z.strictObject({
  match: Count,
  miss: Count,
  unknown: Count,
  /** Missed values by lower-cased text (SCORING §3 groups case-insensitively). */
  missed: z.record(z.string(), ValueCount),
  otherValues: Count,
});
type CriterionTally = z.output<typeof CriterionTally>;

/** The part of the records read so far: one tally per criterion (`portalCriteria` order). */
export const PortalPart = z.strictObject({
  companies: Count,
  deals: Count.describe('Open deals'),
  criteria: z.array(CriterionTally),
});
export type PortalPart = z.output<typeof PortalPart>;

const emptyTally = (): CriterionTally => ({
  match: 0,
  miss: 0,
  unknown: 0,
  missed: {},
  otherValues: 0,
});

export const emptyPortalPart = (plan: CompiledStrategy): PortalPart => ({
  companies: 0,
  deals: 0,
  criteria: portalCriteria(plan).map(emptyTally),
});

const addValue = (t: CriterionTally, raw: string): void => {
  const key = raw.toLowerCase();
  const known = t.missed[key];
  if (known !== undefined) known.count += 1;
  else if (Object.keys(t.missed).length < VALUE_CAP) t.missed[key] = { value: raw, count: 1 };
  else t.otherValues += 1;
};

type Listed = { criteria: PortalCriterion[]; compiled: CompiledCriterion[]; at: number[] };
/** The criteria of each object with their index in `portalCriteria`, once per plan. */
const listed = new WeakMap<CompiledStrategy, Record<'company' | 'deal', Listed>>();
const criteriaOf = (plan: CompiledStrategy, object: 'company' | 'deal'): Listed => {
  let lists = listed.get(plan);
  if (lists === undefined) {
    const all = portalCriteria(plan);
    const of = (o: 'company' | 'deal'): Listed => {
      const at = all.flatMap((c, k) => (c.compiled.criterion.object === o ? [k] : []));
      const criteria = at.map((k) => all[k] as PortalCriterion);
      return { criteria, compiled: criteria.map((c) => c.compiled), at };
    };
    lists = { company: of('company'), deal: of('deal') };
    listed.set(plan, lists);
  }
  return lists[object];
};

/** Counts one record on the criteria that read its object (each evaluated once). */
const addRecord = (
  part: PortalPart,
  plan: CompiledStrategy,
  object: 'company' | 'deal',
  facts: RecordFacts,
): void => {
  const { criteria, compiled, at } = criteriaOf(plan, object);
  if (criteria.length === 0) return;
  const values = readRecordValues(plan, {
    company: object === 'company' ? facts : null,
    deal: object === 'deal' ? facts : null,
  });
  const judged = judgeCriteria(compiled, values, facts.nowMs);
  criteria.forEach((c, j) => {
    const t = part.criteria[at[j] ?? -1];
    if (t === undefined) return;
    const code = codeAt(judged, j);
    if (code === MATCH) t.match += 1;
    else if (code === MISS) {
      t.miss += 1;
      const reading = values.values[c.compiled.slot];
      if (c.countsValues && reading !== null && reading !== undefined) {
        for (const p of reading.parts ?? [reading]) addValue(t, p.raw);
      }
    } else t.unknown += 1;
  });
};

/** A company read (SCORING §6 criteria of segments and exclusions). */
export const addPortalCompany = (part: PortalPart, plan: CompiledStrategy, facts: RecordFacts) => {
  part.companies += 1;
  addRecord(part, plan, 'company', facts);
};

/** An open deal read (the dream-customer and existing-customer criteria, SCORING §7, §12). */
export const addPortalDeal = (part: PortalPart, plan: CompiledStrategy, facts: RecordFacts) => {
  part.deals += 1;
  addRecord(part, plan, 'deal', facts);
};

const byCount = (
  [ka, a]: [string, { count: number }],
  [kb, b]: [string, { count: number }],
): number => b.count - a.count || (ka < kb ? -1 : ka > kb ? 1 : 0);

const mergeTallies = (a: CriterionTally, b: CriterionTally): CriterionTally => {
  const missed: Record<string, { value: string; count: number }> = {};
  for (const [key, v] of [...Object.entries(a.missed), ...Object.entries(b.missed)]) {
    const known = missed[key];
    missed[key] =
      known === undefined ? { ...v } : { value: known.value, count: known.count + v.count };
  }
  const ranked = Object.entries(missed).sort(byCount);
  const dropped = ranked.slice(VALUE_CAP).reduce((n, [, v]) => n + v.count, 0);
  return {
    match: a.match + b.match,
    miss: a.miss + b.miss,
    unknown: a.unknown + b.unknown,
    missed: Object.fromEntries(ranked.slice(0, VALUE_CAP)),
    otherValues: a.otherValues + b.otherValues + dropped,
  };
};

/** Two disjoint reads of the same strategy: the same as one part fed both (within VALUE_CAP). */
export const mergePortalParts = (a: PortalPart, b: PortalPart): PortalPart => ({
  companies: a.companies + b.companies,
  deals: a.deals + b.deals,
  criteria: a.criteria.map((t, k) => {
    const other = b.criteria[k];
    return other === undefined ? t : mergeTallies(t, other);
  }),
});

/** What the portal holds for one criterion, as the CLI and the editor show it. */
export const PortalCriterionFigures = z.strictObject({
  path: z.string(),
  section: z.enum(['segments', 'exclusions', 'dreamCustomer', 'existingCustomers']),
  group: z.string().describe("The segment's or exclusion's name, or the dream-test question"),
  label: z.string(),
  property: z.string(),
  object: z.enum(['company', 'deal']),
  expected: z.string().describe('What the criterion asks, in words'),
  records: Count.describe('Companies (company criteria) or open deals (deal criteria) read'),
  match: Count,
  miss: Count,
  unknown: Count,
  unmatchedValues: z
    .array(ValueCount)
    .describe('The most frequent values the criterion never matches (text comparisons only)'),
  otherUnmatched: Count.describe('Records with other values it never matches, not listed'),
  flag: z
    .enum(['matches_none', 'matches_all'])
    .nullable()
    .describe('It matches no record, or every record read'),
});
export type PortalCriterionFigures = z.output<typeof PortalCriterionFigures>;

export const PortalHolds = z.strictObject({
  companies: Count,
  deals: Count.describe('Open deals'),
  criteria: z.array(PortalCriterionFigures),
});
export type PortalHolds = z.output<typeof PortalHolds>;

const figuresOf = (
  c: PortalCriterion,
  t: CriterionTally,
  records: number,
  definitions: CompanyAndDealDefinitions,
): PortalCriterionFigures => {
  const { criterion } = c.compiled;
  const definition = definitions[criterion.object]?.[criterion.property];
  const ranked = Object.entries(t.missed).sort(byCount);
  const shown = ranked.slice(0, TOP_VALUES).map(([, v]) => v);
  const listed = shown.reduce((n, v) => n + v.count, 0);
  const counted = ranked.reduce((n, [, v]) => n + v.count, 0);
  return {
    path: c.path,
    section: c.section,
    group: c.group,
    label: criterionLabel(criterion, definition),
    property: criterion.property,
    object: criterion.object,
    expected: describeExpected(c.compiled, definition),
    records,
    match: t.match,
    miss: t.miss,
    unknown: t.unknown,
    unmatchedValues: shown,
    otherUnmatched: c.countsValues ? counted - listed + t.otherValues : 0,
    flag:
      records === 0
        ? null
        : t.match === 0
          ? 'matches_none'
          : t.match === records
            ? 'matches_all'
            : null,
  };
};

type CompanyAndDealDefinitions = Partial<
  Record<'company' | 'deal', Readonly<Record<string, RecordFacts['definitions'][string]>>>
>;

/**
 * The figures of a whole read: per criterion (document order) its counts, the values it never
 * matches (the most frequent first) and whether it matches no record or every record. Pure.
 */
export const portalHoldsOf = (
  part: PortalPart,
  plan: CompiledStrategy,
  definitions: CompanyAndDealDefinitions,
): PortalHolds => ({
  companies: part.companies,
  deals: part.deals,
  criteria: portalCriteria(plan).map((c, k) =>
    figuresOf(
      c,
      part.criteria[k] ?? emptyTally(),
      c.compiled.criterion.object === 'company' ? part.companies : part.deals,
      definitions,
    ),
  ),
});
