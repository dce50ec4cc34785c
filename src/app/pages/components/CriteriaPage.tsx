import { Flex, Heading, Tag, Text } from '@hubspot/ui-extensions';

import { useReviewPage } from '../hooks/review-context.tsx';
import { criteriaOf } from '../view-model/criteria.ts';
import { PartialTag } from './PartialNote.tsx';
import { ReviewFilters } from './ReviewFilters.tsx';
import { TextTable } from './TextTable.tsx';

/**
 * Criterion evidence (SCORING §15): do we know what customers expect, or only think so? Each
 * segment criterion's win rate when the company matches, misses or is unknown, with its flag.
 */
export const CriteriaPage = () => {
  const { review } = useReviewPage();
  if (review.status !== 'ready') return null;
  const view = criteriaOf(review.value);
  return (
    <Flex direction="column" gap="md" testId="criteria">
      <ReviewFilters />
      <Flex direction="row" gap="sm" align="center">
        <Heading>Do we know what customers expect, or only think so?</Heading>
        <PartialTag partial={view.partial} testId="partial-criteria" />
      </Flex>
      <Text variant="microcopy" testId="evidence-window">
        {view.evidenceWindow}
      </Text>
      <Text testId="criteria-counted">{view.counted}</Text>
      <Text variant="microcopy" testId="criteria-note">
        {view.note}
      </Text>
      {view.segments.length === 0 && (
        <Text testId="criteria-none">None: the strategy has no segment criteria.</Text>
      )}
      {view.segments.map((s) => (
        <Flex key={s.key} direction="column" gap="xs">
          <Text format={{ fontWeight: 'bold' }}>{s.name}</Text>
          <TextTable
            headers={[
              'Criterion',
              'Match: win rate',
              'Miss: win rate',
              'Unknown: win rate',
              'Match ÷ miss',
              'Flag',
            ]}
            rows={s.rows.map((r) => ({
              key: r.key,
              cells: [
                r.label,
                r.match,
                r.miss,
                r.unknown,
                r.ratio,
                r.flag === null ? (
                  ''
                ) : (
                  <Tag
                    variant={r.flag.code === 'inverse' ? 'error' : 'warning'}
                    testId={`flag-${r.key}`}
                  >
                    {r.flag.label}
                  </Tag>
                ),
              ],
            }))}
            testId={`criteria-${s.key}`}
          />
        </Flex>
      ))}
    </Flex>
  );
};
