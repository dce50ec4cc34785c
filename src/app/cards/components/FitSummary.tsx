import { Flex, ScoreCircle, Tag, Text } from '@hubspot/ui-extensions';

import type { SummaryView } from '../view-model/summary.ts';

type Props = {
  summary: SummaryView;
  /** Deals: dream or fit and all three questions pass. */
  focus?: boolean;
  /** Deals: existing business (SCORING §12). */
  existingCustomer?: boolean;
  /** The reason is already the body of an alert above. */
  hideReason?: boolean;
};

/** Score, tier, segment and the one-line reason: the head of every card. */
export const FitSummary = ({ summary, focus, existingCustomer, hideReason }: Props) => (
  <Flex direction="row" gap="md" align="center" testId="fit-summary">
    <ScoreCircle score={summary.score} testId="fit-score" />
    <Flex direction="column" gap="xs">
      <Flex direction="row" gap="xs" align="center" wrap="wrap">
        <Tag variant={summary.tier.variant} testId="fit-tier">
          {summary.tier.label}
        </Tag>
        {focus === true && (
          <Tag variant="success" testId="deal-focus">
            Focus deal
          </Tag>
        )}
        {existingCustomer === true && (
          <Tag variant="default" testId="deal-existing">
            Existing customer
          </Tag>
        )}
        {summary.segmentName !== null && (
          <Text format={{ fontWeight: 'demibold' }} testId="fit-segment">
            {summary.segmentName}
          </Text>
        )}
      </Flex>
      {hideReason !== true && <Text testId="fit-reason">{summary.reason}</Text>}
    </Flex>
  </Flex>
);
