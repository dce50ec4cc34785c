import { Flex, Text, Toggle } from '@hubspot/ui-extensions';
import { DREAM_QUESTIONS } from '@strategy-fit/core';

import type { Draft, DraftAction } from '../view-model/draft.ts';
import { DREAM_GROUPS } from '../view-model/draft.ts';
import type { IssueIndex } from '../view-model/issues.ts';
import { CriteriaList } from './CriteriaList.tsx';
import type { PortalProperties } from './CriterionEditor.tsx';
import { IssueText } from './IssueText.tsx';

/** The dream-customer test: three questions asked of each deal (SCORING §7). */
export const DreamCustomerEditor = ({
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
  const dream = draft.dreamCustomer;
  return (
    <Flex direction="column" gap="sm" testId="dreamCustomer">
      <Toggle
        name="dreamCustomer.enabled"
        label="Ask the dream-customer test of every deal"
        checked={dream !== undefined}
        readOnly={readOnly}
        onChange={(enabled) => dispatch({ type: 'set_dream_test', enabled })}
        testId="dreamCustomer.enabled"
      />
      {dream === undefined ? (
        <Text variant="microcopy">
          Without it, a deal is a focus deal when its company is dream or fit.
        </Text>
      ) : (
        DREAM_GROUPS.map((group) => (
          <Flex key={group} direction="column" gap="xs" testId={`dreamCustomer.${group}.group`}>
            <Text format={{ fontWeight: 'demibold' }}>
              {DREAM_QUESTIONS[group]} (all must match)
            </Text>
            <CriteriaList
              listRef={{ kind: 'dream', group }}
              criteria={dream[group]}
              properties={properties}
              issues={issues}
              readOnly={readOnly}
              weighted={false}
              dispatch={dispatch}
            />
          </Flex>
        ))
      )}
      <IssueText issues={issues} path="dreamCustomer" />
    </Flex>
  );
};
