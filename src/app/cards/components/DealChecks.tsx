import {
  Alert,
  Flex,
  Heading,
  List,
  StatusTag,
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableHeader,
  TableRow,
  Text,
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

/** One warning; under price competition, the segment's differentiators (SCORING §10). */
const DealWarning = ({ warning }: { warning: WarningView }) => (
  <Alert variant="warning" title={warning.title} testId={`warning-${warning.code}`}>
    {warning.points === null ? (
      warning.body
    ) : (
      <Flex direction="column" gap="xs">
        <Text>{warning.body}</Text>
        <Text format={{ fontWeight: 'demibold' }}>{warning.points.label}</Text>
        <List variant="unordered-styled" testId={`warning-${warning.code}-points`}>
          {warning.points.items.map((item, i) => (
            <Text key={`${i}:${item}`}>{item}</Text>
          ))}
        </List>
      </Flex>
    )}
  </Alert>
);

/** Price competition, deal size and the offer (SCORING §7, §10). */
export const DealWarnings = ({ warnings }: { warnings: readonly WarningView[] }) =>
  warnings.length === 0 ? null : (
    <Flex direction="column" gap="sm">
      {warnings.map((w) => (
        <DealWarning key={w.code} warning={w} />
      ))}
    </Flex>
  );
