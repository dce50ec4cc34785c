import {
  Alert,
  Flex,
  Heading,
  Link,
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableHeader,
  TableRow,
  Tag,
  Text,
} from '@hubspot/ui-extensions';

import { useReviewPage } from '../hooks/review-context.tsx';
import type { EvidenceRow } from '../view-model/evidence.ts';
import { evidenceOf } from '../view-model/evidence.ts';
import { formatNumber } from '../view-model/format.ts';
import { PartialTag } from './PartialNote.tsx';

const EvidenceTable = ({
  by,
  rows,
  lift,
  testId,
}: {
  by: string;
  rows: readonly EvidenceRow[];
  lift: boolean;
  testId: string;
}) => (
  <Table testId={testId}>
    <TableHead>
      <TableRow>
        <TableHeader>{by}</TableHeader>
        <TableHeader>Closed</TableHeader>
        <TableHeader>Won</TableHeader>
        <TableHeader>Win rate</TableHeader>
        {lift && <TableHeader>Lift</TableHeader>}
        <TableHeader>Median cycle</TableHeader>
        <TableHeader>Average amount</TableHeader>
        <TableHeader>Average discount</TableHeader>
      </TableRow>
    </TableHead>
    <TableBody>
      {rows.map((r) => (
        <TableRow key={r.key}>
          <TableCell>{r.label}</TableCell>
          <TableCell>{r.closed}</TableCell>
          <TableCell>{r.won}</TableCell>
          <TableCell>{r.winRate}</TableCell>
          {lift && <TableCell>{r.lift}</TableCell>}
          <TableCell>{r.cycle}</TableCell>
          <TableCell>{r.amount}</TableCell>
          <TableCell>{r.discount}</TableCell>
        </TableRow>
      ))}
    </TableBody>
  </Table>
);

/** Strategy evidence (SCORING §9): does the strategy win? Lift, miscalibration, false negatives, capacity. */
export const EvidencePage = () => {
  const { review, portalId } = useReviewPage();
  if (review.status !== 'ready') return null;
  const view = evidenceOf(review.value, portalId);
  return (
    <Flex direction="column" gap="md" testId="evidence">
      {view.warning !== null && (
        <Alert title="The strategy may be miscalibrated" variant="danger" testId="miscalibration">
          {view.warning}
        </Alert>
      )}
      <Flex direction="row" gap="sm" align="center">
        <Heading>Does the strategy win?</Heading>
        <PartialTag partial={view.partial} testId="partial-evidence" />
      </Flex>
      <Text testId="lift-sentence">{view.liftSentence}</Text>
      <Text variant="microcopy" testId="calibration">
        {view.calibration}
      </Text>
      <Heading>By tier</Heading>
      <EvidenceTable by="Tier" rows={view.byTier} lift testId="evidence-tier" />
      <Heading>By segment</Heading>
      <EvidenceTable by="Segment" rows={view.bySegment} lift={false} testId="evidence-segment" />
      {view.unscoredClosed > 0 && (
        <Text variant="microcopy">{`${formatNumber(view.unscoredClosed)} closed deals were never scored and count nowhere above.`}</Text>
      )}
      <Flex direction="row" gap="sm" align="center">
        <Heading>False negatives</Heading>
        <PartialTag partial={view.falseNegatives.partial} testId="partial-false-negatives" />
      </Flex>
      <Text testId="false-negatives-summary">{view.falseNegatives.summary}</Text>
      {view.falseNegatives.rows.length > 0 && (
        <Table testId="false-negatives">
          <TableHead>
            <TableRow>
              <TableHeader>Won deal</TableHeader>
              <TableHeader>Amount</TableHeader>
              <TableHeader>Closed</TableHeader>
              <TableHeader>Owner</TableHeader>
              <TableHeader>Company</TableHeader>
              <TableHeader>Its tier today</TableHeader>
            </TableRow>
          </TableHead>
          <TableBody>
            {view.falseNegatives.rows.slice(0, 50).map((d) => (
              <TableRow key={d.dealId}>
                <TableCell>
                  <Link href={d.url}>{d.name}</Link>
                </TableCell>
                <TableCell>{d.amount}</TableCell>
                <TableCell>{d.closedOn}</TableCell>
                <TableCell>{d.owner}</TableCell>
                <TableCell>{d.company}</TableCell>
                <TableCell>{d.companyTier}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
      <Flex direction="row" gap="sm" align="center">
        <Heading>Dream capacity per owner</Heading>
        <PartialTag partial={view.capacity.partial} testId="partial-capacity" />
      </Flex>
      <Text testId="capacity-summary">{view.capacity.summary}</Text>
      <Table testId="capacity">
        <TableHead>
          <TableRow>
            <TableHeader>Owner</TableHeader>
            <TableHeader>Scored accounts</TableHeader>
            <TableHeader>Dream accounts</TableHeader>
            <TableHeader>Dream share</TableHeader>
            <TableHeader> </TableHeader>
          </TableRow>
        </TableHead>
        <TableBody>
          {view.capacity.rows.map((o) => (
            <TableRow key={o.key}>
              <TableCell>{o.owner}</TableCell>
              <TableCell>{o.scored}</TableCell>
              <TableCell>{o.dream}</TableCell>
              <TableCell>{o.share}</TableCell>
              <TableCell>{o.flag === null ? '' : <Tag variant="error">{o.flag}</Tag>}</TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </Flex>
  );
};
