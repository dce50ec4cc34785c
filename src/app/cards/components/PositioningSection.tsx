import {
  DescriptionList,
  DescriptionListItem,
  Flex,
  Heading,
  List,
  Text,
} from '@hubspot/ui-extensions';

import { firstItems } from '../view-model/first-items.ts';
import type { PositioningView } from '../view-model/positioning.ts';

/** A bulleted list, shortened to `limit` items in the sidebar ("and 2 more on the record tab"). */
const Points = ({
  items,
  limit,
  testId,
}: {
  items: readonly string[];
  limit: number | undefined;
  testId: string;
}) => {
  const { shown, more } = firstItems(items, limit);
  return (
    <Flex direction="column" gap="flush">
      <List variant="unordered-styled" testId={testId}>
        {shown.map((item, i) => (
          <Text key={`${i}:${item}`}>{item}</Text>
        ))}
      </List>
      {more !== null && (
        <Text variant="microcopy" testId={`${testId}-more`}>
          {more}
        </Text>
      )}
    </Flex>
  );
};

/**
 * The segment's positioning (SCORING §10): why us, what sets us apart, what these customers
 * expect. `limit` shortens the two lists (the sidebar).
 */
export const PositioningSection = ({ view, limit }: { view: PositioningView; limit?: number }) => (
  <Flex direction="column" gap="xs" testId="positioning">
    <Heading>{view.title}</Heading>
    <DescriptionList direction="column">
      <DescriptionListItem label="Value proposition">
        <Text testId="positioning-value">{view.valueProposition}</Text>
      </DescriptionListItem>
      {view.differentiators.length > 0 && (
        <DescriptionListItem label="Differentiators">
          <Points items={view.differentiators} limit={limit} testId="positioning-differentiators" />
        </DescriptionListItem>
      )}
      {view.expectations.length > 0 && (
        <DescriptionListItem label="Expectations">
          <Points items={view.expectations} limit={limit} testId="positioning-expectations" />
        </DescriptionListItem>
      )}
    </DescriptionList>
  </Flex>
);
