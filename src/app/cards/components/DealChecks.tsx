import {
  Alert,
  Flex,
  Heading,
  StatusTag,
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableHeader,
  TableRow,
} from '@hubspot/ui-extensions';

import type { DreamRow, WarningView } from '../view-model/deal-card.ts';

/** The dream-customer test: do they need us, can they pay, should they buy now (SCORING §7). */
export const DreamTestTable = ({ rows }: { rows: readonly DreamRow[] }) => (
  <Flex direction="column" gap="xs" testId="dream-test">
    <Heading>Dream-customer test</Heading>
    <Table bordered density="condensed" testId="dream-test-table">
      <TableHead>
        <TableRow>
          <TableHeader>Question</TableHeader>
          <TableHeader>Answer</TableHeader>
          <TableHeader>Why</TableHeader>
        </TableRow>
      </TableHead>
      <TableBody>
        {rows.map((r) => (
          <TableRow key={r.group}>
            <TableCell>{r.question}</TableCell>
            <TableCell>
              <StatusTag variant={r.variant} testId={`dream-${r.group}`}>
                {r.answer}
              </StatusTag>
            </TableCell>
            <TableCell>{r.detail}</TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  </Flex>
);

/** Price competition and deal size (SCORING §7). */
export const DealWarnings = ({ warnings }: { warnings: readonly WarningView[] }) =>
  warnings.length === 0 ? null : (
    <Flex direction="column" gap="sm">
      {warnings.map((w) => (
        <Alert key={w.code} variant="warning" title={w.title} testId={`warning-${w.code}`}>
          {w.body}
        </Alert>
      ))}
    </Flex>
  );
