import { Alert, List, Tag, Text } from '@hubspot/ui-extensions';
import type { ReviewReads } from '@strategy-fit/core';

import { formatNumber } from '../view-model/format.ts';

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
      Strategy Fit reads the whole portal, a few seconds at a time, but this read stopped before its
      end. Figures marked “Partial” count only what was read; Reload reads the portal again.
    </Text>
    <List variant="unordered-styled" testId="review-partial-reasons">
      {reasons.map((r) => (
        <Text key={r}>{r}</Text>
      ))}
      <Text>{`Read ${formatNumber(reads.deals)} deals and ${formatNumber(reads.companies)} companies in ${formatNumber(reads.chunks)} ${reads.chunks === 1 ? 'call' : 'calls'}.`}</Text>
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
