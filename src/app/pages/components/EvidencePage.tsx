import { Alert, Flex, Heading, Link, Tag, Text } from '@hubspot/ui-extensions';

import { useReviewPage } from '../hooks/review-context.tsx';
import type { EvidenceRow } from '../view-model/evidence.ts';
import { evidenceOf } from '../view-model/evidence.ts';
import { formatNumber } from '../view-model/format.ts';
import { PartialTag } from './PartialNote.tsx';
import { TextTable } from './TextTable.tsx';

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
  <TextTable
    headers={[
      by,
      'Closed',
      'Won',
      'Win rate',
      ...(lift ? ['Lift'] : []),
      'Median cycle',
      'Average amount',
      'Average discount',
    ]}
    rows={rows.map((r) => ({
      key: r.key,
      cells: [
        r.label,
        r.closed,
        r.won,
        r.winRate,
        ...(lift ? [r.lift] : []),
        r.cycle,
        r.amount,
        r.discount,
      ],
    }))}
    testId={testId}
  />
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
        <TextTable
          headers={['Won deal', 'Amount', 'Closed', 'Owner', 'Company', 'Its tier today']}
          rows={view.falseNegatives.rows.slice(0, 50).map((d) => ({
            key: d.dealId,
            cells: [
              <Link href={d.url}>{d.name}</Link>,
              d.amount,
              d.closedOn,
              d.owner,
              d.company,
              d.companyTier,
            ],
          }))}
          testId="false-negatives"
        />
      )}
      <Flex direction="row" gap="sm" align="center">
        <Heading>Dream capacity per owner</Heading>
        <PartialTag partial={view.capacity.partial} testId="partial-capacity" />
      </Flex>
      <Text testId="capacity-summary">{view.capacity.summary}</Text>
      <TextTable
        headers={['Owner', 'Scored accounts', 'Dream accounts', 'Dream share', ' ']}
        rows={view.capacity.rows.map((o) => ({
          key: o.key,
          cells: [
            o.owner,
            o.scored,
            o.dream,
            o.share,
            o.flag === null ? '' : <Tag variant="error">{o.flag}</Tag>,
          ],
        }))}
        testId="capacity"
      />
    </Flex>
  );
};
