import {
  StatusTag,
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableHeader,
  TableRow,
  Text,
} from '@hubspot/ui-extensions';

import type { CriterionRow } from '../view-model/explanation.ts';

/** Criterion by criterion: matched, missed or unknown, what the record has against what is wanted. */
export const ExplanationTable = ({
  rows,
  testId,
}: {
  rows: readonly CriterionRow[];
  testId: string;
}) => (
  <Table bordered density="condensed" testId={testId}>
    <TableHead>
      <TableRow>
        <TableHeader>Criterion</TableHeader>
        <TableHeader>Result</TableHeader>
        <TableHeader>Actual</TableHeader>
        <TableHeader>Expected</TableHeader>
        <TableHeader align="right">Weight</TableHeader>
        <TableHeader>Required</TableHeader>
      </TableRow>
    </TableHead>
    <TableBody>
      {rows.map((r) => (
        <TableRow key={r.key}>
          <TableCell>{r.label}</TableCell>
          <TableCell>
            <StatusTag variant={r.outcomeVariant} testId={`${testId}-outcome-${r.key}`}>
              {r.outcomeLabel}
            </StatusTag>
          </TableCell>
          <TableCell>{r.actual}</TableCell>
          <TableCell>{r.expected}</TableCell>
          <TableCell align="right">{r.weight}</TableCell>
          <TableCell>
            {r.required ? <Text format={{ fontWeight: 'demibold' }}>Required</Text> : ''}
          </TableCell>
        </TableRow>
      ))}
    </TableBody>
  </Table>
);
