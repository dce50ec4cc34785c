import type { Priority, Tier } from '../enums.ts';

/** Words for tiers in sentences reps read. */
export const TIER_WORDS: Readonly<Record<Tier, string>> = {
  dream: 'Dream',
  fit: 'Fit',
  stretch: 'Stretch',
  needs_data: 'Needs data',
  off_strategy: 'Off strategy',
  refused: 'Refused',
};

/** SCORING §7: the reason of a deal without a company. */
export const NO_COMPANY_REASON = 'no associated company';

/** The reason of a dream, fit or stretch company: "Matches Enterprise SaaS (dream segment) at 92%". */
export const matchReason = (tier: Tier, name: string, priority: Priority, score: number): string =>
  `${tier === 'stretch' ? 'Partly matches' : 'Matches'} ${name} (${priority} segment) at ${score}%`;

/** An unknown criterion as the needs_data reason lists it. */
export type UnknownLabel = {
  readonly label: string;
  readonly weight: number;
  readonly unreadable: boolean;
};

const MAX_LISTED = 3;

/** Labels of unknown properties, heaviest first (then document order), each once, at most three. */
export const listUnknowns = (unknowns: readonly UnknownLabel[]): string => {
  const sorted = [...unknowns].sort((a, b) => b.weight - a.weight);
  const labels: string[] = [];
  for (const u of sorted) {
    const text = u.unreadable ? `${u.label} (unreadable)` : u.label;
    if (!labels.includes(text)) labels.push(text);
  }
  const shown = labels.slice(0, MAX_LISTED).join(', ');
  return labels.length > MAX_LISTED ? `${shown} and ${labels.length - MAX_LISTED} more` : shown;
};

/** The reason of a needs_data company: "Could reach Mid-market at up to 80% — missing: Number of Employees". */
export const needsDataReason = (
  name: string,
  potential: number,
  unknowns: readonly UnknownLabel[],
): string => `Could reach ${name} at up to ${potential}% — missing: ${listUnknowns(unknowns)}`;

/** The reason of an off_strategy company. */
export const offStrategyReason = (name: string, score: number, stretch: number): string =>
  `Off strategy: the best match, ${name}, scores ${score}% (stretch needs ${stretch}%)`;

/** A label inside a sentence: capitalised words lower-cased, acronyms kept ("ERP System" → "ERP system"). */
const inSentence = (label: string): string =>
  label.replace(/(?<![\p{L}\p{N}])\p{Lu}\p{Ll}+(?![\p{L}\p{N}])/gu, (word) => word.toLowerCase());

/** "the European machine builders"; a name that already starts with "the" keeps its own. */
const theSegment = (name: string): string => (/^the\s/i.test(name) ? name : `the ${name}`);

/** The criterion that ruled a company out (SCORING §14), in words. */
export type RuledOut = {
  /** The property's label (HubSpot label, else its internal name). */
  readonly property: string;
  /** The value read, as people see it; null when the property has none. */
  readonly actual: string | null;
  /** What the segment demands, from the operator table: "need Machinery", "rule out Retail". */
  readonly need: string;
};

/**
 * The reason of an off_strategy company whose every segment is disqualified (SCORING §14): the
 * required criterion that missed in the best-priority segment. "Off strategy: industry is Retail;
 * the European machine builders need Machinery".
 */
export const ruledOutReason = (segmentName: string, r: RuledOut): string =>
  `Off strategy: ${inSentence(r.property)} is ${r.actual ?? 'empty'}; ${theSegment(segmentName)} ${r.need}`;
