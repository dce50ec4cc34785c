// The strategy as the manager edits it: a StrategyInput that may be invalid at any moment (the
// core's parseStrategy says where), changed only through these pure actions.
import type { CriterionInput, DreamGroup, Strategy, StrategyInput } from '@strategy-fit/core';

export type Draft = StrategyInput;
export type SegmentDraft = Draft['segments'][number];
export type ExclusionDraft = NonNullable<Draft['exclusions']>[number];
type DreamDraft = NonNullable<Draft['dreamCustomer']>;

/** Which list of criteria: a segment's, an exclusion's, or a dream-customer question's. */
export type CriteriaRef =
  | { readonly kind: 'segment'; readonly index: number }
  | { readonly kind: 'exclusion'; readonly index: number }
  | { readonly kind: 'dream'; readonly group: DreamGroup };

/** The top-level fields edited one at a time; `undefined` removes an optional one. */
export type StrategyPatch = {
  name?: string;
  description?: string | undefined;
  thresholds?: { fit?: number; stretch?: number };
  dealChecks?: Draft['dealChecks'];
  dreamCapacityPerOwner?: number | undefined;
  managers?: { userIds?: string[]; teamIds?: string[] };
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

/** Which object a list's criteria read by default (SCORING §1). */
export const defaultObject = (ref: CriteriaRef): 'company' | 'deal' =>
  ref.kind === 'dream' ? 'deal' : 'company';

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
    default:
      return ref satisfies never;
  }
};

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
  return next;
};

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
