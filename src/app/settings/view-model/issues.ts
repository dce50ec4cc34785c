// Where the editor shows each issue: at the field its JSON path names (the core's paths, zod
// notation), and every issue once more in the list at the top, so none is ever hidden.
import { parseStrategy } from '@strategy-fit/core';
import type { EditorIssue, Strategy } from '@strategy-fit/core';

import type { Draft } from './draft.ts';

/** The draft checked by the core, as the manager types: every schema issue, or the strategy. */
export const checkDraft = (
  draft: Draft,
): { strategy: Strategy | null; issues: readonly EditorIssue[] } => {
  const parsed = parseStrategy(draft);
  return parsed.ok
    ? { strategy: parsed.value, issues: [] }
    : { strategy: null, issues: parsed.error.map((i) => ({ source: 'schema' as const, ...i })) };
};

/** The props an input takes to show the issues at its path (and inside it: list items). */
export type FieldIssue = { error: boolean; validationMessage?: string };

export type IssueIndex = {
  readonly all: readonly EditorIssue[];
  /** The issues of exactly this path and of its list items (`values[1]` belongs to `values`). */
  at(path: string): readonly EditorIssue[];
  /** The issues of exactly this path (a list's own, not its items'). */
  exact(path: string): readonly EditorIssue[];
  /** An input's error props for a path. */
  field(path: string): FieldIssue;
};

/** Indexes issues by path; the same issue twice (schema and a check of the same draft) counts once. */
export const indexIssues = (issues: readonly EditorIssue[]): IssueIndex => {
  const seen = new Set<string>();
  const all = issues.filter((i) => {
    const key = `${i.source}\u0000${i.code}\u0000${i.path}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
  const at = (path: string) =>
    all.filter((i) => i.path === path || (path !== '' && i.path.startsWith(`${path}[`)));
  return {
    all,
    at,
    exact: (path) => all.filter((i) => i.path === path),
    field(path) {
      const here = at(path);
      return here.length === 0
        ? { error: false }
        : { error: true, validationMessage: here.map((i) => i.message).join(' ') };
    },
  };
};

/**
 * How the list at the top names a path: `segments[2].criteria[0].values` reads
 * "Segment 3 › criterion 1 › values".
 */
export const describePath = (path: string): string => {
  if (path === '') return 'The strategy';
  const words: string[] = [];
  for (const part of path.split('.')) {
    const m = /^([A-Za-z$]+)((?:\[\d+\])*)$/.exec(part);
    if (m === null) {
      words.push(part);
      continue;
    }
    const [, key = '', indexes = ''] = m;
    const numbers = [...indexes.matchAll(/\[(\d+)\]/g)].map((x) => Number(x[1]) + 1);
    const name = LIST_WORDS[key];
    if (name !== undefined && numbers.length > 0) {
      words.push(`${name} ${numbers[0]}`);
      for (const n of numbers.slice(1)) words.push(`item ${n}`);
    } else {
      const word = KEY_WORDS[key] ?? key;
      words.push(numbers.length === 0 ? word : `${word} ${numbers.join(', ')}`);
    }
  }
  return words.join(' › ');
};

const LIST_WORDS: Readonly<Record<string, string>> = {
  segments: 'Segment',
  exclusions: 'Exclusion',
  criteria: 'criterion',
  need: 'criterion',
  abilityToPay: 'criterion',
  urgency: 'criterion',
  values: 'value',
  competitors: 'Competitor',
  offers: 'offer',
  differentiators: 'differentiator',
  expectations: 'expectation',
  targets: 'target',
};

const KEY_WORDS: Readonly<Record<string, string>> = {
  dreamCustomer: 'Dream-customer test',
  dealChecks: 'Deal checks',
  thresholds: 'Thresholds',
  managers: 'Managers',
  dealAmount: 'deal amount',
  positioning: 'positioning',
  valueProposition: 'value proposition',
  howWeWin: 'how we win',
  competitorProperty: 'Competitor property',
  existingCustomers: 'Existing customers',
  focusGuard: 'Focus guard',
  maxAcceptedPercent: 'largest share of dream and fit',
  evidenceWindowDays: 'Evidence window',
};
