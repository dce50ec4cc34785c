import { Flex, Heading, Text } from '@hubspot/ui-extensions';

import { useReviewPage } from '../hooks/review-context.tsx';
import { focusBoardOf } from '../view-model/focus-board.ts';
import { AmountTable } from './AmountTable.tsx';
import { PartialTag } from './PartialNote.tsx';
import { ReviewFilters } from './ReviewFilters.tsx';

/**
 * The focus board (SCORING §15): where the best resources should go this week; and the existing
 * customers kept outside the strategy (§12, policy retain).
 */
export const FocusPage = () => {
  const { review } = useReviewPage();
  if (review.status !== 'ready') return null;
  const view = focusBoardOf(review.value);
  return (
    <Flex direction="column" gap="md" testId="focus-board">
      <ReviewFilters />
      <Flex direction="row" gap="sm" align="center">
        <Heading>Where the best resources should go this week</Heading>
        <PartialTag partial={view.partial} testId="partial-focus-board" />
      </Flex>
      {view.groups.map((g) => (
        <Flex key={g.id} direction="column" gap="xs">
          <Text format={{ fontWeight: 'bold' }}>{g.title}</Text>
          <Text testId={`${g.id}-total`}>{g.total}</Text>
          <AmountTable
            by={g.id === 'unanswered' ? 'Question' : 'Owner'}
            rows={g.rows}
            none={g.none}
            testId={g.id}
          />
        </Flex>
      ))}
      <Flex direction="row" gap="sm" align="center">
        <Heading>Existing customers outside the strategy</Heading>
        <PartialTag partial={view.existing.partial} testId="partial-existing" />
      </Flex>
      {view.existing.retained ? (
        <Flex direction="column" gap="xs">
          <Text testId="existing-total">
            {`${view.existing.total}: open deals of existing customers the strategy would not pick, kept deliberately (not off-strategy pipeline).`}
          </Text>
          <AmountTable
            by="Reason"
            rows={view.existing.byReason}
            none="None: every open existing-customer deal fits the strategy."
            testId="existing-reason"
          />
          {view.existing.byOwner.length > 0 && (
            <AmountTable
              by="Owner"
              rows={view.existing.byOwner}
              none="None."
              testId="existing-owner"
            />
          )}
        </Flex>
      ) : (
        <Text testId="existing-scored">
          None set apart: the strategy scores existing customers as prospects (existingCustomers
          policy “score”), so their off-strategy deals are in the off-strategy pipeline.
        </Text>
      )}
    </Flex>
  );
};
