import { Accordion, Button, Flex, Input, Text } from '@hubspot/ui-extensions';

import type { Draft, DraftAction } from '../view-model/draft.ts';
import type { IssueIndex } from '../view-model/issues.ts';
import { CriteriaList } from './CriteriaList.tsx';
import type { PortalProperties } from './CriterionEditor.tsx';
import { IssueText } from './IssueText.tsx';

/** Customers we refuse: each with the reason reps see, matched when all its criteria match. */
export const ExclusionsEditor = ({
  draft,
  properties,
  issues,
  readOnly,
  dispatch,
}: {
  draft: Draft;
  properties: PortalProperties;
  issues: IssueIndex;
  readOnly: boolean;
  dispatch: (action: DraftAction) => void;
}) => {
  const exclusions = draft.exclusions ?? [];
  return (
    <Flex direction="column" gap="sm" testId="exclusions">
      <Text variant="microcopy">
        A company that matches every criterion of an exclusion is refused, whatever its segments
        say. Reps see the reason.
      </Text>
      {exclusions.length === 0 && <Text testId="exclusions.none">No exclusions.</Text>}
      {exclusions.map((exclusion, index) => {
        const path = `exclusions[${index}]`;
        const set = (patch: { id?: string; reason?: string }) =>
          dispatch({ type: 'set_exclusion', index, patch });
        return (
          <Accordion
            key={index}
            title={exclusion.reason === '' ? '(no reason yet)' : exclusion.reason}
            defaultOpen={issues.at(path).length > 0 || exclusion.reason === ''}
            testId={path}
          >
            <Flex direction="column" gap="sm">
              <Flex direction="row" gap="sm" wrap>
                <Input
                  name={`${path}.reason`}
                  label="Reason (shown to reps)"
                  required
                  value={exclusion.reason}
                  readOnly={readOnly}
                  onInput={(reason) => set({ reason })}
                  {...issues.field(`${path}.reason`)}
                  testId={`${path}.reason`}
                />
                <Input
                  name={`${path}.id`}
                  label="Id"
                  required
                  value={exclusion.id}
                  readOnly={readOnly}
                  onInput={(id) => set({ id })}
                  {...issues.field(`${path}.id`)}
                  testId={`${path}.id`}
                />
              </Flex>
              <CriteriaList
                listRef={{ kind: 'exclusion', index }}
                criteria={exclusion.criteria}
                properties={properties}
                issues={issues}
                readOnly={readOnly}
                weighted={false}
                dispatch={dispatch}
              />
              <IssueText issues={issues} path={path} />
              {!readOnly && (
                <Button
                  size="sm"
                  variant="destructive"
                  onClick={() => dispatch({ type: 'remove_exclusion', index })}
                  testId={`${path}.remove`}
                >
                  Remove exclusion
                </Button>
              )}
            </Flex>
          </Accordion>
        );
      })}
      <IssueText issues={issues} path="exclusions" />
      {!readOnly && (
        <Button onClick={() => dispatch({ type: 'add_exclusion' })} testId="exclusions.add">
          Add exclusion
        </Button>
      )}
    </Flex>
  );
};
