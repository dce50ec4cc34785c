import { Alert, Flex, Heading, List, Text } from '@hubspot/ui-extensions';

import { firstItems } from '../view-model/first-items.ts';
import type { FindingView, TodoView } from '../view-model/record-notes.ts';

/** The to-dos that would raise the tier (SCORING §7 "questions for the rep"). */
export const TodoList = ({
  title,
  todos,
  limit,
}: {
  title: string;
  todos: readonly TodoView[];
  limit?: number;
}) => {
  if (todos.length === 0) return null;
  const { shown, more } = firstItems(todos, limit);
  return (
    <Flex direction="column" gap="xs" testId="fit-todos">
      <Heading>{title}</Heading>
      <List variant="unordered-styled">
        {shown.map((t) => (
          <Text key={t.key}>{t.text}</Text>
        ))}
      </List>
      {more !== null && <Text variant="microcopy">{more}</Text>}
    </Flex>
  );
};

/** Values the strategy could not read (SCORING §4): shown to reps, never an error. */
export const DataQualityAlert = ({ findings }: { findings: readonly FindingView[] }) =>
  findings.length === 0 ? null : (
    <Alert
      variant="warning"
      title={findings.length === 1 ? 'A value could not be read' : 'Some values could not be read'}
      testId="fit-data-quality"
    >
      <List variant="unordered">
        {findings.map((f) => (
          <Text key={f.key}>{f.text}</Text>
        ))}
      </List>
    </Alert>
  );
