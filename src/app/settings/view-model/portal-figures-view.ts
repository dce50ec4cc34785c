// What the portal holds, next to each criterion of the editor (issue 13): how many companies (or
// open deals) it matches, misses or cannot judge, the values it never matches, and a warning when
// it matches none or all. Pure; keyed by the criterion's JSON path, as the editor names it.
import { formatAmount, plural } from '@strategy-fit/core';
import type { PortalCriterionFigures, PortalHolds } from '@strategy-fit/core';

export type CriterionFiguresView = {
  /** "Matches 164 companies, misses 196, unknown for 40." */
  readonly counts: string;
  /** "Never matches: USA — 30 companies, France — 24, …"; null when none is listed. */
  readonly unmatched: string | null;
  /** Why it is pointed out; null when it is not. */
  readonly warning: string | null;
};

/** Values shown next to a criterion (the function counts more). */
const SHOWN = 5;

const what = (c: PortalCriterionFigures, n: number): string =>
  c.object === 'company' ? plural(n, 'company', 'companies') : plural(n, 'open deal', 'open deals');

export const criterionFiguresView = (c: PortalCriterionFigures): CriterionFiguresView => {
  const shown = c.unmatchedValues.slice(0, SHOWN);
  const more = c.unmatchedValues.slice(SHOWN).reduce((n, v) => n + v.count, 0) + c.otherUnmatched;
  const values = shown.map((v, i) =>
    i === 0 ? `${v.value} — ${what(c, v.count)}` : `${v.value} — ${formatAmount(v.count)}`,
  );
  const record = c.object === 'company' ? 'company' : 'open deal';
  return {
    counts: `In this portal: matches ${what(c, c.match)}, misses ${formatAmount(c.miss)}, unknown for ${formatAmount(c.unknown)}.`,
    unmatched:
      values.length === 0
        ? null
        : `Never matches: ${values.join(', ')}${more > 0 ? `, and ${formatAmount(more)} more` : ''}.`,
    warning:
      c.flag === 'matches_none'
        ? `It matches no ${record} of this portal.`
        : c.flag === 'matches_all'
          ? `It matches every ${record} of this portal: it sets nothing apart.`
          : null,
  };
};

/** Every criterion's figures by its JSON path. */
export const portalFiguresView = (holds: PortalHolds): ReadonlyMap<string, CriterionFiguresView> =>
  new Map(holds.criteria.map((c) => [c.path, criterionFiguresView(c)]));
