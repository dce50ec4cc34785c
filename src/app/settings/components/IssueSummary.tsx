import { Alert, Flex, Text } from '@hubspot/ui-extensions';
import type { EditorIssue } from '@strategy-fit/core';

import { describePath } from '../view-model/issues.ts';

/** Every issue of the draft in one list (each is also shown at its field). */
export const IssueSummary = ({ issues }: { issues: readonly EditorIssue[] }) => {
  if (issues.length === 0) return null;
  return (
    <Alert
      title={
        issues.length === 1
          ? '1 problem to fix before publishing'
          : `${issues.length} problems to fix before publishing`
      }
      variant="warning"
      testId="issue-summary"
    >
      <Flex direction="column" gap="flush">
        {issues.map((i) => (
          <Text
            key={`${i.source}-${i.code}-${i.path}`}
            testId={`issue-${i.path === '' ? 'strategy' : i.path}`}
          >
            {`${describePath(i.path)}: ${i.message}`}
          </Text>
        ))}
      </Flex>
    </Alert>
  );
};
