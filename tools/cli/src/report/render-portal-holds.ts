// What the portal holds for a strategy (issue 13), for a terminal: per criterion how many
// companies (or open deals) match, miss or are unknown, the values it never matches, and which
// criteria match no record or every record.
import Table from 'cli-table3';
import type { PortalCriterionFigures, PortalHolds } from '@strategy-fit/core';

import { formatCount, plural, truncate } from './format.ts';

const SECTION: Record<PortalCriterionFigures['section'], string> = {
  segments: 'Segment',
  exclusions: 'Exclusion',
  dreamCustomer: 'Dream test',
  existingCustomers: 'Existing',
};

const records = (c: PortalCriterionFigures, n: number): string =>
  c.object === 'company' ? plural(n, 'company', 'companies') : plural(n, 'open deal', 'open deals');

/** "Deutschland — 23 companies; USA — 12; … and 4 more". */
export const unmatchedWords = (c: PortalCriterionFigures): string => {
  const [first, ...rest] = c.unmatchedValues;
  if (first === undefined)
    return c.otherUnmatched > 0 ? `${formatCount(c.otherUnmatched)} others` : '';
  const listed = [
    `${first.value} — ${records(c, first.count)}`,
    ...rest.map((v) => `${v.value} — ${formatCount(v.count)}`),
  ].join('; ');
  return c.otherUnmatched > 0 ? `${listed}; ${formatCount(c.otherUnmatched)} others` : listed;
};

/** Why a criterion is pointed out, or null. */
export const flagWords = (c: PortalCriterionFigures): string | null => {
  switch (c.flag) {
    case 'matches_none':
      return `matches no ${c.object === 'company' ? 'company' : 'open deal'} of the portal`;
    case 'matches_all':
      return `matches every ${c.object === 'company' ? 'company' : 'open deal'}: it sets nothing apart`;
    case null:
      return null;
    default:
      return c.flag satisfies never;
  }
};

/**
 * The figures as terminal text: one table row per criterion, then the criteria pointed out.
 *
 * @example
 * process.stdout.write(renderPortalHolds(holds));
 */
export const renderPortalHolds = (holds: PortalHolds): string => {
  const t = new Table({
    head: ['Where', 'Criterion', 'Match', 'Miss', 'Unknown', 'Values it never matches'],
    style: { head: [], border: [] },
    colAligns: ['left', 'left', 'right', 'right', 'right', 'left'],
    colWidths: [null, null, null, null, null, 60],
    wordWrap: true,
  });
  for (const c of holds.criteria) {
    t.push([
      `${SECTION[c.section]}: ${truncate(c.group, 28)}`,
      truncate(`${c.label} (${c.expected})`, 48),
      formatCount(c.match),
      formatCount(c.miss),
      formatCount(c.unknown),
      unmatchedWords(c) || '·',
    ]);
  }
  const flagged = holds.criteria.flatMap((c) => {
    const words = flagWords(c);
    return words === null ? [] : [`  ${c.path} (${c.label}) ${words}.`];
  });
  return `${[
    `What the portal holds: ${plural(holds.companies, 'company', 'companies')} and ${plural(holds.deals, 'open deal', 'open deals')} read (deal criteria count open deals)`,
    t.toString(),
    ...(flagged.length === 0 ? [] : ['Pointed out:', ...flagged]),
  ].join('\n')}\n`;
};
