import { Flex, Heading, Tag, Text } from '@hubspot/ui-extensions';

import type { CompetitorView } from '../view-model/competitors.ts';

/** One competitor: its name, whether it goes after this segment, how we win (SCORING §11). */
const Competitor = ({ view }: { view: CompetitorView }) => (
  <Flex direction="column" gap="flush" testId={view.testId}>
    <Flex direction="row" gap="xs" align="center" wrap="wrap">
      <Text format={{ fontWeight: 'demibold' }}>{view.name}</Text>
      {!view.listed && <Tag variant="default">Other</Tag>}
    </Flex>
    {view.targets !== null && <Text format={{ fontWeight: 'demibold' }}>{view.targets}</Text>}
    {view.howWeWin !== null && <Text>{view.howWeWin}</Text>}
    {view.note !== null && <Text variant="microcopy">{view.note}</Text>}
  </Flex>
);

/** Every competitor on the deal, with how we win against it; nothing when there is none. */
export const DealCompetitors = ({ competitors }: { competitors: readonly CompetitorView[] }) =>
  competitors.length === 0 ? null : (
    <Flex direction="column" gap="sm" testId="competitors">
      <Heading>Competitors on this deal</Heading>
      {competitors.map((c) => (
        <Competitor key={c.testId} view={c} />
      ))}
    </Flex>
  );
