import { Accordion, Flex, Heading, Text } from '@hubspot/ui-extensions';

import type { Explanation } from '../view-model/explanation.ts';
import { ExplanationTable } from './ExplanationTable.tsx';

/**
 * Why the record got its tier: the exclusion that refused it, or the segment the tier is about,
 * then every other segment, collapsed.
 */
export const SegmentExplanations = ({ explanation }: { explanation: Explanation }) => {
  const { primary, others, exclusion } = explanation;
  return (
    <Flex direction="column" gap="sm" testId="explanation">
      {exclusion !== null && (
        <>
          <Heading>Why it is refused</Heading>
          <Text>{exclusion.reason}</Text>
          <ExplanationTable rows={exclusion.rows} testId="explanation-exclusion" />
        </>
      )}
      {primary !== null && (
        <>
          <Heading>{primary.title}</Heading>
          <Text variant="microcopy" testId="explanation-primary-summary">
            {primary.summary}
          </Text>
          <ExplanationTable rows={primary.rows} testId="explanation-primary" />
        </>
      )}
      {others.length > 0 && (
        <>
          <Text format={{ fontWeight: 'demibold' }}>Other segments</Text>
          {others.map((s) => (
            <Accordion
              key={s.segmentId}
              title={`${s.title}: ${s.disqualified ? 'disqualified' : `${s.score}%`}`}
              testId={`segment-${s.segmentId}`}
            >
              <Flex direction="column" gap="xs">
                <Text variant="microcopy">{s.summary}</Text>
                <ExplanationTable rows={s.rows} testId={`explanation-segment-${s.segmentId}`} />
              </Flex>
            </Accordion>
          ))}
        </>
      )}
    </Flex>
  );
};
