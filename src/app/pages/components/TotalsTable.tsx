import {
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableHeader,
  TableRow,
} from '@hubspot/ui-extensions';

import type { TotalRow } from '../view-model/pipeline.ts';

/** Off-strategy totals of one grouping: unapproved and approved amounts (and deal counts). */
export const TotalsTable = ({
  by,
  rows,
  testId,
}: {
  by: string;
  rows: readonly TotalRow[];
  testId: string;
}) => (
  <Table testId={testId}>
    <TableHead>
      <TableRow>
        <TableHeader>{by}</TableHeader>
        <TableHeader>Unapproved (deals)</TableHeader>
        <TableHeader>Approved exceptions (deals)</TableHeader>
      </TableRow>
    </TableHead>
    <TableBody>
      {rows.map((r) => (
        <TableRow key={r.key}>
          <TableCell>{r.label}</TableCell>
          <TableCell>{r.unapproved}</TableCell>
          <TableCell>{r.approved}</TableCell>
        </TableRow>
      ))}
    </TableBody>
  </Table>
);
