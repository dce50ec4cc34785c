import { Button, Flex, Text } from '@hubspot/ui-extensions';
import type { CriterionInput } from '@strategy-fit/core';

import type { CriteriaRef, DraftAction } from '../view-model/draft.ts';
import { criteriaPath, defaultObject, readsDeals } from '../view-model/draft.ts';
import type { IssueIndex } from '../view-model/issues.ts';
import type { PortalProperties } from './CriterionEditor.tsx';
import { CriterionEditor } from './CriterionEditor.tsx';

/** A list of criteria (a segment's, an exclusion's, a dream-customer question's, existing business). */
export const CriteriaList = ({
  listRef,
  criteria,
  properties,
  issues,
  readOnly,
  weighted,
  dispatch,
  addLabel = 'Add criterion',
}: {
  listRef: CriteriaRef;
  criteria: readonly CriterionInput[];
  properties: PortalProperties;
  issues: IssueIndex;
  readOnly: boolean;
  weighted: boolean;
  dispatch: (action: DraftAction) => void;
  addLabel?: string;
}) => {
  const path = criteriaPath(listRef);
  const listIssues = issues.exact(path);
  return (
    <Flex direction="column" gap="sm" testId={path}>
      {criteria.map((criterion, index) => (
        <CriterionEditor
          key={index}
          criterion={criterion}
          path={`${path}[${index}]`}
          defaultObject={defaultObject(listRef)}
          readsDeals={readsDeals(listRef)}
          properties={properties}
          issues={issues}
          readOnly={readOnly}
          weighted={weighted}
          onChange={(next) =>
            dispatch({ type: 'set_criterion', ref: listRef, index, criterion: next })
          }
          onRemove={() => dispatch({ type: 'remove_criterion', ref: listRef, index })}
        />
      ))}
      {listIssues.length > 0 && (
        <Text variant="microcopy" testId={`${path}.issues`}>
          {listIssues.map((i) => i.message).join(' ')}
        </Text>
      )}
      {!readOnly && (
        <Button
          size="sm"
          onClick={() => dispatch({ type: 'add_criterion', ref: listRef })}
          testId={`${path}.add`}
        >
          {addLabel}
        </Button>
      )}
    </Flex>
  );
};
