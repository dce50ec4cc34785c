import { Text } from '@hubspot/ui-extensions';

import type { IssueIndex } from '../view-model/issues.ts';

/** The issues of exactly one path, under the part of the page they are about (a list…). */
export const IssueText = ({ issues, path }: { issues: IssueIndex; path: string }) => {
  const here = issues.exact(path);
  if (here.length === 0) return null;
  return (
    <Text variant="microcopy" testId={`${path === '' ? 'strategy' : path}.issues`}>
      {here.map((i) => i.message).join(' ')}
    </Text>
  );
};
