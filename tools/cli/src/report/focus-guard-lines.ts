// The focus guard (SCORING §13) as the CLI prints it: one line per warning, in the spec's words,
// and what the guard counted. `simulate`, `strategy publish`, `strategy validate` and the report's
// table print these lines.
import type { FocusGuardFigure, FocusWarning } from '@strategy-fit/core';

import { formatShare, plural } from './format.ts';

/** One line per warning: "Focus guard: <the spec's message>". Warnings, never errors. */
export const focusWarningLines = (warnings: readonly FocusWarning[]): string[] =>
  warnings.map((w) => `Focus guard: ${w.message}`);

/** What the guard counted, in one sentence. */
export const focusGuardSummary = (g: FocusGuardFigure, verb = 'are'): string =>
  g.companies === 0
    ? `No scored company yet; the guard warns above ${g.maxAcceptedPercent}% dream or fit.`
    : `${formatShare(g.acceptedShare)} of ${plural(g.companies, 'scored company', 'scored companies')} ${verb} dream or fit; the guard warns above ${g.maxAcceptedPercent}%.`;

/** The warnings, then what was counted; with no warning, one calm line. */
export const focusGuardLines = (g: FocusGuardFigure, verb = 'are'): string[] =>
  g.warnings.length === 0
    ? [`Focus guard: ok. ${focusGuardSummary(g, verb)}`]
    : [...focusWarningLines(g.warnings), `  ${focusGuardSummary(g, verb)}`];
