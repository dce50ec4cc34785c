// The SCORING §13 and §15 sections of the review as terminal text (render-report-table.ts puts
// the focus guard at the top and the rest after the §9 figures), readable at 100 columns: the
// numbers are never wrapped; long labels and heads wrap onto more lines.
import Table from 'cli-table3';

import type { AdditionSection, FigureTable } from './addition-sections.ts';

/** The terminal width the report keeps to. */
export const COLUMNS = 100;

/** Words wrapped to `width` columns, each line indented. */
export const wrapText = (text: string, width: number, indent: string): string[] => {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/).filter(Boolean)) {
    if (line !== '' && indent.length + line.length + 1 + word.length > width) {
      lines.push(`${indent}${line}`);
      line = word;
    } else line = line === '' ? word : `${line} ${word}`;
  }
  if (line !== '') lines.push(`${indent}${line}`);
  return lines;
};

const longestWord = (text: string): number =>
  Math.max(0, ...text.split(/\s+/).map((w) => [...w].length));

const table = (t: FigureTable): string[] => {
  const title = `  ${t.title}`;
  if (t.rows.length === 0) return [title, `    ${t.none}`];
  // Value columns: as wide as their longest text (never wrapped) or the head's longest word.
  const values = t.head
    .slice(1)
    .map(
      (h, i) =>
        Math.max(longestWord(h), ...t.rows.map((r) => [...(r.cells[i]?.text ?? '')].length)) + 2,
    );
  const naturalLabel =
    Math.max(...[t.head[0] ?? '', ...t.rows.map((r) => r.label)].map((x) => [...x].length)) + 2;
  const room = COLUMNS - values.reduce((s, w) => s + w, 0) - (t.head.length + 1);
  const out = new Table({
    head: [...t.head],
    style: { head: [], border: [] },
    colAligns: t.head.map((_, i) => (i === 0 ? 'left' : 'right')),
    colWidths: [Math.max(12, Math.min(naturalLabel, room)), ...values],
    wordWrap: true,
  });
  for (const row of t.rows) out.push([row.label, ...row.cells.map((c) => c.text)]);
  return [title, out.toString()];
};

/** One section: title, partial note, notes, tables. */
export const additionSectionText = (s: AdditionSection): string =>
  [
    s.title,
    ...(s.completeness.partial
      ? wrapText(`Partial: ${s.completeness.reasons.join('; ')}`, COLUMNS, '  ')
      : []),
    ...s.notes.flatMap((n) => wrapText(n, COLUMNS, '  ')),
    ...s.tables.flatMap(table),
  ].join('\n');
