import { Button, Flex, Select, Text } from '@hubspot/ui-extensions';
import { ExistingCustomerPolicy } from '@strategy-fit/core';

import type { Draft, DraftAction, ExistingCustomersDraft } from '../view-model/draft.ts';
import { compact } from '../view-model/draft.ts';
import type { IssueIndex } from '../view-model/issues.ts';
import { CriteriaList } from './CriteriaList.tsx';
import type { PortalProperties } from './CriterionEditor.tsx';
import { IssueText } from './IssueText.tsx';

const POLICY_WORDS: Readonly<Record<ExistingCustomerPolicy, string>> = {
  retain:
    'Keep them: an existing customer’s deal outside the strategy needs no exception and is reviewed apart',
  score: 'Score them like new business (off strategy needs an exception)',
};

/**
 * SCORING §12: which deals are existing business, and whether an existing customer outside the
 * strategy is kept deliberately (retain, the default) or treated like new business (score).
 */
export const ExistingCustomersEditor = ({
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
  const existing = draft.existingCustomers;
  const policy = existing?.policy ?? 'retain';
  const setPolicy = (next: ExistingCustomerPolicy) => {
    const value: ExistingCustomersDraft = compact({ ...existing, policy: next });
    const isDefault = next === 'retain' && value.criteria === undefined;
    dispatch({ type: 'set', patch: { existingCustomers: isDefault ? undefined : value } });
  };
  return (
    <Flex direction="column" gap="sm" testId="existingCustomers">
      <Select
        name="existingCustomers.policy"
        label="Existing customers outside the strategy"
        options={ExistingCustomerPolicy.options.map((p) => ({ label: POLICY_WORDS[p], value: p }))}
        value={policy}
        readOnly={readOnly}
        onChange={(v) => {
          const parsed = ExistingCustomerPolicy.safeParse(v);
          if (parsed.success) setPolicy(parsed.data);
        }}
        {...issues.field('existingCustomers.policy')}
        testId="existingCustomers.policy"
      />
      <Text format={{ fontWeight: 'demibold' }}>
        Which deals are existing business (all must match)
      </Text>
      {existing?.criteria === undefined ? (
        <Flex direction="column" gap="xs">
          <Text testId="existingCustomers.default">
            Deals whose “Deal type” is “Existing Business” (HubSpot’s default deal type property).
          </Text>
          {!readOnly && (
            <Button
              size="sm"
              onClick={() => dispatch({ type: 'use_existing_criteria', own: true })}
              testId="existingCustomers.own"
            >
              Use criteria of my own
            </Button>
          )}
        </Flex>
      ) : (
        <Flex direction="column" gap="xs">
          <CriteriaList
            listRef={{ kind: 'existing' }}
            criteria={existing.criteria}
            properties={properties}
            issues={issues}
            readOnly={readOnly}
            weighted={false}
            dispatch={dispatch}
          />
          {!readOnly && (
            <Button
              size="sm"
              variant="transparent"
              onClick={() => dispatch({ type: 'use_existing_criteria', own: false })}
              testId="existingCustomers.default-criteria"
            >
              Back to the default (the deal type)
            </Button>
          )}
        </Flex>
      )}
      <IssueText issues={issues} path="existingCustomers" />
    </Flex>
  );
};
