// The strategy as the manager edits it: a StrategyInput that may be invalid at any moment (the
// core's parseStrategy says where), changed only through these pure actions.
import { DEFAULT_EXISTING_CUSTOMER_CRITERIA } from '@strategy-fit/core';
import type { CriterionInput, DreamGroup, Strategy, StrategyInput } from '@strategy-fit/core';

export type Draft = StrategyInput;
export type SegmentDraft = Draft['segments'][number];
export type ExclusionDraft = NonNullable<Draft['exclusions']>[number];
export type CompetitorDraft = NonNullable<Draft['competitors']>[number];
export type PositioningDraft = NonNullable<SegmentDraft['positioning']>;
export type ExistingCustomersDraft = NonNullable<Draft['existingCustomers']>;
type DreamDraft = NonNullable<Draft['dreamCustomer']>;

/**
 * Which list of criteria: a segment's, an exclusion's, a dream-customer question's, or the one
 * that says which deals are existing business (SCORING §12).
 */
export type CriteriaRef =
  | { readonly kind: 'segment'; readonly index: number }
  | { readonly kind: 'exclusion'; readonly index: number }
  | { readonly kind: 'dream'; readonly group: DreamGroup }
  | { readonly kind: 'existing' };

/** The top-level fields edited one at a time; `undefined` removes an optional one. */
export type StrategyPatch = {
  name?: string;
  description?: string | undefined;
  thresholds?: { fit?: number; stretch?: number };
  dealChecks?: Draft['dealChecks'];
  dreamCapacityPerOwner?: number | undefined;
  managers?: { userIds?: string[]; teamIds?: string[] };
  /** SCORING §11: the deal property naming the competitors; `undefined` removes it. */
  competitorProperty?: string | undefined;
  /** SCORING §12; `undefined` removes it (the defaults: retain, dealtype EQ existingbusiness). */
  existingCustomers?: ExistingCustomersDraft | undefined;
  /** SCORING §13: the share of dream and fit companies above which the guard warns. */
  maxAcceptedPercent?: number | undefined;
  /** SCORING §15: the days of closed deals the review counts. */
  evidenceWindowDays?: number | undefined;
};

export type DraftAction =
  | { type: 'reset'; draft: Draft }
  | { type: 'set'; patch: StrategyPatch }
  | { type: 'add_segment' }
  | { type: 'set_segment'; index: number; patch: Partial<SegmentDraft> }
  | { type: 'remove_segment'; index: number }
  | { type: 'move_segment'; index: number; by: -1 | 1 }
  | { type: 'add_exclusion' }
  | { type: 'set_exclusion'; index: number; patch: Partial<ExclusionDraft> }
  | { type: 'remove_exclusion'; index: number }
  | { type: 'set_dream_test'; enabled: boolean }
  | { type: 'add_competitor' }
  | { type: 'set_competitor'; index: number; patch: Partial<CompetitorDraft> }
  | { type: 'remove_competitor'; index: number }
  | { type: 'use_existing_criteria'; own: boolean }
  | { type: 'add_criterion'; ref: CriteriaRef }
  | { type: 'set_criterion'; ref: CriteriaRef; index: number; criterion: CriterionInput }
  | { type: 'remove_criterion'; ref: CriteriaRef; index: number };

/** A copy without the keys whose value is `undefined` (optional fields removed, not null). */
export const compact = <T extends object>(value: T): T =>
  Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;

/** A new criterion of a list: no property chosen yet (the editor says what is missing). */
export const newCriterion = (object: 'company' | 'deal'): CriterionInput => ({
  property: '',
  object,
  operator: 'HAS_PROPERTY',
});

/** Which object a list's criteria read by default (SCORING §1, §12). */
export const defaultObject = (ref: CriteriaRef): 'company' | 'deal' =>
  ref.kind === 'dream' || ref.kind === 'existing' ? 'deal' : 'company';

/** Lists of criteria that may read a deal or a company (segments and exclusions read the company). */
export const readsDeals = (ref: CriteriaRef): boolean =>
  ref.kind === 'dream' || ref.kind === 'existing';

/**
 * A segment's positioning from what the manager typed: nothing at all removes it (SCORING §10: a
 * segment without positioning shows nothing extra); lists drop their empty lines.
 */
export const positioningFrom = (typed: {
  valueProposition: string;
  differentiators: readonly string[];
  expectations: readonly string[];
}): PositioningDraft | undefined => {
  const differentiators = typed.differentiators.map((l) => l.trim()).filter((l) => l !== '');
  const expectations = typed.expectations.map((l) => l.trim()).filter((l) => l !== '');
  if (typed.valueProposition === '' && differentiators.length + expectations.length === 0) {
    return undefined;
  }
  return compact({
    valueProposition: typed.valueProposition,
    differentiators: differentiators.length === 0 ? undefined : differentiators,
    expectations: expectations.length === 0 ? undefined : expectations,
  });
};

/** The lines of a one-per-line text input, without empty ones. */
export const linesOf = (text: string): string[] =>
  text
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '');

/** The first free id `base-1`, `base-2`, … among `taken`. */
export const freeId = (base: string, taken: readonly string[]): string => {
  for (let n = taken.length + 1; ; n += 1) {
    const id = `${base}-${n}`;
    if (!taken.includes(id)) return id;
  }
};

/** What an empty portal starts from: one segment to fill in (the editor marks what is missing). */
export const starterDraft = (): Draft => ({
  schemaVersion: 1,
  name: '',
  thresholds: { fit: 70, stretch: 40 },
  segments: [{ id: 'segment-1', name: '', priority: 'core', criteria: [newCriterion('company')] }],
  exclusions: [],
  managers: { userIds: [], teamIds: [] },
});

/** The published strategy as a draft: a deep copy, so editing never touches the loaded answer. */
export const draftFromStrategy = (strategy: Strategy): Draft => structuredClone(strategy);

const DREAM_GROUPS: readonly DreamGroup[] = ['need', 'abilityToPay', 'urgency'];

const emptyDreamTest = (): DreamDraft => ({
  need: [newCriterion('deal')],
  abilityToPay: [newCriterion('deal')],
  urgency: [newCriterion('deal')],
});

/** The criteria of a list (empty when the list does not exist). */
export const criteriaOf = (draft: Draft, ref: CriteriaRef): readonly CriterionInput[] => {
  switch (ref.kind) {
    case 'segment':
      return draft.segments[ref.index]?.criteria ?? [];
    case 'exclusion':
      return draft.exclusions?.[ref.index]?.criteria ?? [];
    case 'dream':
      return draft.dreamCustomer?.[ref.group] ?? [];
    case 'existing':
      return draft.existingCustomers?.criteria ?? [];
    default:
      return ref satisfies never;
  }
};

/** The JSON path of a list of criteria, in the notation of the core's issues. */
export const criteriaPath = (ref: CriteriaRef): string => {
  switch (ref.kind) {
    case 'segment':
      return `segments[${ref.index}].criteria`;
    case 'exclusion':
      return `exclusions[${ref.index}].criteria`;
    case 'dream':
      return `dreamCustomer.${ref.group}`;
    case 'existing':
      return 'existingCustomers.criteria';
    default:
      return ref satisfies never;
  }
};

const replaceAt = <T>(list: readonly T[], index: number, item: T): T[] =>
  list.map((x, i) => (i === index ? item : x));
const removeAt = <T>(list: readonly T[], index: number): T[] => list.filter((_, i) => i !== index);

const withCriteria = (
  draft: Draft,
  ref: CriteriaRef,
  change: (list: readonly CriterionInput[]) => CriterionInput[],
): Draft => {
  switch (ref.kind) {
    case 'segment': {
      const segment = draft.segments[ref.index];
      if (segment === undefined) return draft;
      const next = { ...segment, criteria: change(segment.criteria) };
      return { ...draft, segments: replaceAt(draft.segments, ref.index, next) };
    }
    case 'exclusion': {
      const exclusions = draft.exclusions ?? [];
      const exclusion = exclusions[ref.index];
      if (exclusion === undefined) return draft;
      const next = { ...exclusion, criteria: change(exclusion.criteria) };
      return { ...draft, exclusions: replaceAt(exclusions, ref.index, next) };
    }
    case 'dream': {
      const dream = draft.dreamCustomer;
      if (dream === undefined) return draft;
      return { ...draft, dreamCustomer: { ...dream, [ref.group]: change(dream[ref.group]) } };
    }
    case 'existing': {
      const existing = draft.existingCustomers;
      if (existing?.criteria === undefined) return draft;
      return { ...draft, existingCustomers: { ...existing, criteria: change(existing.criteria) } };
    }
    default:
      return ref satisfies never;
  }
};

/** Sets or removes an optional top-level field (`undefined` removes it). */
const setOptional = <K extends keyof Draft>(
  draft: Draft,
  key: K,
  value: Draft[K] | undefined,
): Draft => compact({ ...draft, [key]: value });

const applyPatch = (draft: Draft, patch: StrategyPatch): Draft => {
  const next: Draft = { ...draft };
  if ('name' in patch && patch.name !== undefined) next.name = patch.name;
  if ('description' in patch) {
    if (patch.description === undefined || patch.description === '') delete next.description;
    else next.description = patch.description;
  }
  if (patch.thresholds !== undefined)
    next.thresholds = { ...draft.thresholds, ...patch.thresholds };
  if ('dealChecks' in patch) {
    const checks = patch.dealChecks === undefined ? {} : compact(patch.dealChecks);
    if (Object.keys(checks).length === 0) delete next.dealChecks;
    else next.dealChecks = checks;
  }
  if ('dreamCapacityPerOwner' in patch) {
    if (patch.dreamCapacityPerOwner === undefined) delete next.dreamCapacityPerOwner;
    else next.dreamCapacityPerOwner = patch.dreamCapacityPerOwner;
  }
  if (patch.managers !== undefined) {
    next.managers = { userIds: [], teamIds: [], ...draft.managers, ...patch.managers };
  }
  let out = next;
  if ('competitorProperty' in patch) {
    const name = patch.competitorProperty === '' ? undefined : patch.competitorProperty;
    out = setOptional(out, 'competitorProperty', name);
  }
  if ('existingCustomers' in patch) {
    out = setOptional(out, 'existingCustomers', patch.existingCustomers);
  }
  if ('maxAcceptedPercent' in patch) {
    const percent = patch.maxAcceptedPercent;
    out = setOptional(
      out,
      'focusGuard',
      percent === undefined ? undefined : { maxAcceptedPercent: percent },
    );
  }
  if ('evidenceWindowDays' in patch) {
    out = setOptional(out, 'evidenceWindowDays', patch.evidenceWindowDays);
  }
  return out;
};

/** A new competitor: a free id, its name to fill in. */
const newCompetitor = (taken: readonly string[]): CompetitorDraft => ({
  id: freeId('competitor', taken),
  name: '',
});

/** Applies one edit; never changes `draft` itself. */
export const draftReducer = (draft: Draft, action: DraftAction): Draft => {
  switch (action.type) {
    case 'reset':
      return action.draft;
    case 'set':
      return applyPatch(draft, action.patch);
    case 'add_segment': {
      const id = freeId(
        'segment',
        draft.segments.map((s) => s.id),
      );
      const segment: SegmentDraft = {
        id,
        name: '',
        priority: 'core',
        criteria: [newCriterion('company')],
      };
      return { ...draft, segments: [...draft.segments, segment] };
    }
    case 'set_segment': {
      const segment = draft.segments[action.index];
      if (segment === undefined) return draft;
      const next = compact({ ...segment, ...action.patch });
      return { ...draft, segments: replaceAt(draft.segments, action.index, next) };
    }
    case 'remove_segment':
      return { ...draft, segments: removeAt(draft.segments, action.index) };
    case 'move_segment': {
      const to = action.index + action.by;
      const moving = draft.segments[action.index];
      const other = draft.segments[to];
      if (moving === undefined || other === undefined) return draft;
      const segments = replaceAt(replaceAt(draft.segments, to, moving), action.index, other);
      return { ...draft, segments };
    }
    case 'add_exclusion': {
      const exclusions = draft.exclusions ?? [];
      const id = freeId(
        'exclusion',
        exclusions.map((x) => x.id),
      );
      return {
        ...draft,
        exclusions: [...exclusions, { id, reason: '', criteria: [newCriterion('company')] }],
      };
    }
    case 'set_exclusion': {
      const exclusions = draft.exclusions ?? [];
      const exclusion = exclusions[action.index];
      if (exclusion === undefined) return draft;
      const next = compact({ ...exclusion, ...action.patch });
      return { ...draft, exclusions: replaceAt(exclusions, action.index, next) };
    }
    case 'remove_exclusion':
      return { ...draft, exclusions: removeAt(draft.exclusions ?? [], action.index) };
    case 'set_dream_test': {
      if (!action.enabled) {
        const next = { ...draft };
        delete next.dreamCustomer;
        return next;
      }
      return draft.dreamCustomer === undefined
        ? { ...draft, dreamCustomer: emptyDreamTest() }
        : draft;
    }
    case 'add_competitor': {
      const competitors = draft.competitors ?? [];
      const next = newCompetitor(competitors.map((c) => c.id));
      return { ...draft, competitors: [...competitors, next] };
    }
    case 'set_competitor': {
      const competitors = draft.competitors ?? [];
      const competitor = competitors[action.index];
      if (competitor === undefined) return draft;
      const next = compact({ ...competitor, ...action.patch });
      return { ...draft, competitors: replaceAt(competitors, action.index, next) };
    }
    case 'remove_competitor': {
      const competitors = removeAt(draft.competitors ?? [], action.index);
      return setOptional(draft, 'competitors', competitors.length === 0 ? undefined : competitors);
    }
    case 'use_existing_criteria': {
      // SCORING §12: without criteria of its own, existing business is `dealtype EQ existingbusiness`.
      const existing = draft.existingCustomers ?? {};
      if (!action.own) {
        const rest = compact({ ...existing, criteria: undefined });
        return setOptional(
          draft,
          'existingCustomers',
          Object.keys(rest).length === 0 ? undefined : rest,
        );
      }
      if (existing.criteria !== undefined) return draft;
      const criteria = DEFAULT_EXISTING_CUSTOMER_CRITERIA.map((c) => ({
        ...c,
        object: 'deal' as const,
      }));
      return { ...draft, existingCustomers: { ...existing, criteria } };
    }
    case 'add_criterion':
      return withCriteria(draft, action.ref, (list) => [
        ...list,
        newCriterion(defaultObject(action.ref)),
      ]);
    case 'set_criterion':
      return withCriteria(draft, action.ref, (list) =>
        replaceAt(list, action.index, compact(action.criterion)),
      );
    case 'remove_criterion':
      return withCriteria(draft, action.ref, (list) => removeAt(list, action.index));
    default:
      return action satisfies never;
  }
};

export { DREAM_GROUPS };
