// The SCORING §13 and §15 sections of the review as CSV rows: section, group (the table), key
// (the row), metric, value — one row per value of every cell, and each row's label.
import type { AdditionSection, Value } from './addition-sections.ts';

export type CsvRow = readonly [
  section: string,
  group: string,
  key: string,
  metric: string,
  value: Value,
];

/** Every value of a section: its completeness, its notes, each table row's label and values. */
export const additionCsvRows = (s: AdditionSection): CsvRow[] => [
  [s.id, 'completeness', '', 'partial', s.completeness.partial],
  ...s.completeness.reasons.map((r): CsvRow => [s.id, 'completeness', '', 'partial_reason', r]),
  ...s.notes.map((n): CsvRow => [s.id, 'note', '', 'note', n]),
  ...s.tables.flatMap((t) =>
    t.rows.flatMap((row): CsvRow[] => [
      [s.id, t.id, row.key, 'label', row.label],
      ...row.cells.flatMap((c) =>
        c.values.map(([metric, v]): CsvRow => [s.id, t.id, row.key, metric, v]),
      ),
    ]),
  ),
];
