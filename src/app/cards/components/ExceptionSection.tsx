import { Alert, Flex, Heading, StatusTag, Text } from '@hubspot/ui-extensions';

import type { ExceptionActionsState } from '../hooks/useExceptionActions.ts';
import { errorView } from '../view-model/card-error.ts';
import type { ExceptionView } from '../view-model/exception.ts';
import { ExceptionDecision } from './ExceptionDecision.tsx';
import { ExceptionRequest } from './ExceptionRequest.tsx';

type Props = {
  view: ExceptionView;
  managerNames: readonly string[];
  actions: ExceptionActionsState & {
    request: () => void;
    decide: (decision: 'approve' | 'reject') => void;
  };
};

/** A deal's exception (SCORING §7): its state, the rep's request, the manager's decision. */
export const ExceptionSection = ({ view, managerNames, actions }: Props) => {
  const failure = actions.error === null ? null : errorView(actions.error);
  const deciding =
    actions.pending === 'approve' || actions.pending === 'reject' ? actions.pending : null;
  return (
    <Flex direction="column" gap="sm" testId="exception">
      <Flex direction="row" gap="sm" align="center">
        <Heading inline>Exception</Heading>
        <StatusTag variant={view.variant} testId="exception-status">
          {view.label}
        </StatusTag>
      </Flex>
      <Text testId="exception-text">{view.text}</Text>
      {view.note !== null && (
        <Text variant="microcopy" testId="exception-note">
          Reason given{view.requestedBy === null ? '' : ` by ${view.requestedBy}`}: “{view.note}”
        </Text>
      )}
      {failure !== null && (
        <Alert variant="danger" title={failure.title} testId="exception-error">
          {failure.detail === '' ? failure.advice : `${failure.detail} ${failure.advice}`}
        </Alert>
      )}
      {view.canDecide && (
        <ExceptionDecision
          managerNames={managerNames}
          pending={deciding}
          onDecide={actions.decide}
        />
      )}
      {view.canRequest && (
        <ExceptionRequest
          managerNames={managerNames}
          pending={actions.pending === 'request'}
          onRequest={actions.request}
        />
      )}
    </Flex>
  );
};
