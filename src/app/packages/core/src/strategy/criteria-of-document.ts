// The criteria of a strategy document found where they belong, even when the document as a whole
// does not parse: so one pass can report the schema's issues and the portal's together (the
// portal check reads every criterion that can be read on its own).
import { DreamCriterionSchema, SegmentCriterionSchema } from './strategy-schema.ts';
import type { Criterion } from './strategy-schema.ts';

/**
 * Segments and exclusions judge the company; the dream-customer test and the existing-customer
 * criteria (SCORING §12) read the deal unless a criterion says company.
 */
export type CriterionPlace = 'segment' | 'dream' | 'existing';

/** A criterion as written, where it is: its JSON path and the kind of list it is in. */
export type PlacedValue = { path: (string | number)[]; place: CriterionPlace; value: unknown };

/** A criterion that parses on its own, where it is. */
export type PlacedCriterion = {
  path: (string | number)[];
  place: CriterionPlace;
  criterion: Criterion;
};

const isRecord = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

const listAt = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);

const DREAM_GROUPS = ['need', 'abilityToPay', 'urgency'] as const;

/** Every entry of every criteria list of a document, parsed or not, in document order. */
export const criterionValuesOf = (document: unknown): PlacedValue[] => {
  if (!isRecord(document)) return [];
  const found: PlacedValue[] = [];
  for (const list of ['segments', 'exclusions'] as const) {
    listAt(document[list]).forEach((item, i) => {
      if (!isRecord(item)) return;
      listAt(item.criteria).forEach((value, j) =>
        found.push({ path: [list, i, 'criteria', j], place: 'segment', value }),
      );
    });
  }
  const dream = document.dreamCustomer;
  if (isRecord(dream)) {
    for (const group of DREAM_GROUPS) {
      listAt(dream[group]).forEach((value, j) =>
        found.push({ path: ['dreamCustomer', group, j], place: 'dream', value }),
      );
    }
  }
  const existing = document.existingCustomers;
  if (isRecord(existing)) {
    listAt(existing.criteria).forEach((value, j) =>
      found.push({ path: ['existingCustomers', 'criteria', j], place: 'existing', value }),
    );
  }
  return found;
};

/** The criteria of a document that parse on their own (with their defaults), in document order. */
export const readableCriteriaOf = (document: unknown): PlacedCriterion[] =>
  criterionValuesOf(document).flatMap(({ path, place, value }) => {
    const schema = place === 'segment' ? SegmentCriterionSchema : DreamCriterionSchema;
    const parsed = schema.safeParse(value);
    return parsed.success ? [{ path, place, criterion: parsed.data }] : [];
  });
