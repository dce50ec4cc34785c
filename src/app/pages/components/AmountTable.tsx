import { Text } from '@hubspot/ui-extensions';

import type { AmountRow } from '../view-model/focus-board.ts';
import { TextTable } from './TextTable.tsx';

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
    <TextTable
      headers={[by, 'Open deals', 'Amount']}
      rows={rows.map((r) => ({ key: r.key, cells: [r.label, r.deals, r.amount] }))}
      testId={testId}
    />
  );
