import {
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableHeader,
  TableRow,
  Text,
} from '@hubspot/ui-extensions';

import type { AmountRow } from '../view-model/focus-board.ts';

/** Deals and amount per owner, question or reason; without rows it says `none`, never a bare header. */
export const AmountTable = ({
  by,
  rows,
  none,
  testId,
}: {
  by: string;
  rows: readonly AmountRow[];
  none: string;
  testId: string;
}) =>
  rows.length === 0 ? (
    <Text testId={`${testId}-none`}>{none}</Text>
  ) : (
    <Table testId={testId}>
      <TableHead>
        <TableRow>
          <TableHeader>{by}</TableHeader>
          <TableHeader>Open deals</TableHeader>
          <TableHeader>Amount</TableHeader>
        </TableRow>
      </TableHead>
      <TableBody>
        {rows.map((r) => (
          <TableRow key={r.key}>
            <TableCell>{r.label}</TableCell>
            <TableCell>{r.deals}</TableCell>
            <TableCell>{r.amount}</TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
