import { Alert, List, Tag, Text } from '@hubspot/ui-extensions';
import type { ReviewReads } from '@strategy-fit/core';

import { formatNumber } from '../view-model/format.ts';

const readLine = (what: string, r: ReviewReads['companies']): string =>
  `${what}: ${formatNumber(r.read)}${r.total === null ? '' : ` of ${formatNumber(r.total)}`} read${r.complete ? '' : ' (stopped early)'}`;

/** The page-wide note when any figure is partial: why, and how much was read. */
export const PartialNote = ({
  reasons,
  reads,
}: {
  reasons: readonly string[];
  reads: ReviewReads;
}) => (
  <Alert title="Some figures are partial" variant="warning" testId="review-partial">
    <Text>
      Strategy Fit reads the portal within a few seconds (HubSpot stops an app function after about
      ten). Figures marked “Partial” count only what was read; exact counts from HubSpot’s search
      stand beside them where available.
    </Text>
    <List variant="unordered-styled" testId="review-partial-reasons">
      {reasons.map((r) => (
        <Text key={r}>{r}</Text>
      ))}
      <Text>{readLine('Companies', reads.companies)}</Text>
      <Text>{readLine('Deals', reads.deals)}</Text>
    </List>
  </Alert>
);

/** A marker beside a figure that counts only part of the records. */
export const PartialTag = ({ partial, testId }: { partial: boolean; testId: string }) =>
  partial ? (
    <Tag variant="warning" testId={testId}>
      Partial
    </Tag>
  ) : null;
