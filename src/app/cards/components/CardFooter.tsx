import { Flex, LoadingButton, Text } from '@hubspot/ui-extensions';

import type { SummaryView } from '../view-model/summary.ts';

/** The strategy version the score comes from, and the Rescore button. */
export const CardFooter = ({
  summary,
  refreshing,
  onRescore,
}: {
  summary: SummaryView;
  refreshing: boolean;
  onRescore: () => void;
}) => (
  <Flex direction="row" justify="between" align="center" gap="sm" wrap="wrap">
    <Text variant="microcopy" testId="fit-strategy">
      {summary.strategyLabel} · {summary.strategyName}
    </Text>
    <LoadingButton size="sm" loading={refreshing} onClick={onRescore} testId="fit-rescore">
      Rescore
    </LoadingButton>
  </Flex>
);
