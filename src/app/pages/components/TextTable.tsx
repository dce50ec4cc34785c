import {
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableHeader,
  TableRow,
} from '@hubspot/ui-extensions';
import type { ReactNode } from 'react';

/** One row of a `TextTable`: its key and one cell per header, in order. */
export type TextTableRow = { key: string; cells: readonly ReactNode[] };

/**
 * A header row and one row per item: the shape of every table on the review page (the view models
 * say what each cell reads; a table only lays them out).
 */
export const TextTable = ({
  headers,
  rows,
  testId,
}: {
  headers: readonly string[];
  rows: readonly TextTableRow[];
  testId: string;
}) => (
  <Table testId={testId}>
    <TableHead>
      <TableRow>
        {headers.map((h, i) => (
          <TableHeader key={`${i}:${h}`}>{h}</TableHeader>
        ))}
      </TableRow>
    </TableHead>
    <TableBody>
      {rows.map((r) => (
        <TableRow key={r.key}>
          {r.cells.map((c, i) => (
            <TableCell key={i}>{c}</TableCell>
          ))}
        </TableRow>
      ))}
    </TableBody>
  </Table>
);
