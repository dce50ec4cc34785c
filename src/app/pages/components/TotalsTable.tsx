import type { TotalRow } from '../view-model/pipeline.ts';
import { TextTable } from './TextTable.tsx';

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
  <TextTable
    headers={[by, 'Unapproved (deals)', 'Approved exceptions (deals)']}
    rows={rows.map((r) => ({ key: r.key, cells: [r.label, r.unapproved, r.approved] }))}
    testId={testId}
  />
);
