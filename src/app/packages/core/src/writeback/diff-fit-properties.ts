import type { PropertyBag } from '../facts/schema.ts';
import { readDateMs, readNumber, splitMultiSelect } from '../values/read-value.ts';
import { FIT_PROPERTIES } from './fit-properties.ts';
import type { FitStamp } from './fit-properties.ts';

const SCORED_AT = 'strategy_fit_scored_at';
const VERSION = 'strategy_fit_version';
const TYPES = new Map(FIT_PROPERTIES.map((p) => [p.name, `${p.type}/${p.fieldType}`]));

/** Missing, null and "" are the same; otherwise the trimmed value. */
const norm = (v: string | null | undefined): string => (v ?? '').trim();

const sameValue = (name: string, current: string | null | undefined, next: string): boolean => {
  const a = norm(current);
  const b = norm(next);
  if (a === '' || b === '') return a === b;
  switch (TYPES.get(name)) {
    case 'number/number': {
      const x = readNumber(a);
      return x !== null && x === readNumber(b);
    }
    case 'bool/booleancheckbox':
      return a.toLowerCase() === b.toLowerCase();
    case 'enumeration/checkbox': {
      const x = splitMultiSelect(a).sort();
      const y = splitMultiSelect(b).sort();
      return x.length === y.length && x.every((v, i) => v === y[i]);
    }
    default:
      return a === b;
  }
};

/** True when the record carries a newer strategy version than the one about to be written. */
export const scoredByNewerVersion = (
  current: PropertyBag,
  next: Readonly<Record<string, string>>,
): boolean => {
  const stored = readNumber(norm(current[VERSION]));
  const writing = readNumber(norm(next[VERSION]));
  return stored !== null && writing !== null && stored > writing;
};

/**
 * SCORING §8: the fit properties that must be written, or null when nothing but `scored_at`
 * would change (`scored_at` changes only when something else does), and null for a record
 * scored by a newer strategy version than `next` carries: a run never writes an older version
 * over a newer one (issue 14). Pure; applying the result and diffing again gives null.
 */
export const diffFitProperties = (
  current: PropertyBag,
  next: Readonly<Record<string, string>>,
): Record<string, string> | null => {
  if (scoredByNewerVersion(current, next)) return null;
  const changed: Record<string, string> = {};
  let any = false;
  for (const [name, value] of Object.entries(next)) {
    if (name === SCORED_AT || sameValue(name, current[name], value)) continue;
    changed[name] = value;
    any = true;
  }
  if (!any) return null;
  const scoredAt = next[SCORED_AT];
  if (scoredAt !== undefined) changed[SCORED_AT] = scoredAt;
  return changed;
};

/**
 * True when the record carries exactly this stamp: the run's strategy version and its `scored_at`
 * (the same instant, however HubSpot writes the date back). A run's "now" is pinned, so a record
 * that carries its stamp was written by that run.
 */
export const carriesStamp = (current: PropertyBag, stamp: FitStamp): boolean => {
  const version = readNumber(norm(current[VERSION]));
  const at = readDateMs(norm(current[SCORED_AT]));
  return version === stamp.version && at !== null && at === readDateMs(stamp.scoredAt);
};
