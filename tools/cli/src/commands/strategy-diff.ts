// `strategy diff`: the structural diff of two strategies (the core's `diffStrategies`, shared with
// the settings page), rendered as indented lines.
import type { ChangeKind, StrategyChange } from '@strategy-fit/core';

export { describeCriterion, diffCriteria, diffStrategies } from '@strategy-fit/core';
export type { ChangeKind, StrategyChange } from '@strategy-fit/core';

const MARK: Record<ChangeKind, string> = { added: '+', removed: '-', changed: '~' };

/** The diff as indented lines: `+` added, `-` removed, `~` changed. */
export function renderDiff(changes: readonly StrategyChange[], indent = '  '): string {
  return changes
    .map((c) => {
      const line = `${indent}${MARK[c.kind]} ${c.where}: ${c.summary}\n`;
      return line + (c.details === undefined ? '' : renderDiff(c.details, `${indent}    `));
    })
    .join('');
}
