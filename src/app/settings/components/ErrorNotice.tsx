import { Alert, Button, ErrorState, Flex, Text } from '@hubspot/ui-extensions';

import type { EditorError } from '../view-model/editor-error.ts';
import { errorView } from '../view-model/editor-error.ts';

/** A failed call inside the page: what went wrong, what to do, Retry where it may help. */
export const ErrorNotice = ({
  error,
  onRetry,
  testId,
}: {
  error: EditorError;
  onRetry?: () => void;
  testId: string;
}) => {
  const view = errorView(error);
  return (
    <Alert title={view.title} variant={view.denied ? 'danger' : 'error'} testId={testId}>
      <Flex direction="column" gap="xs">
        <Text>{view.advice}</Text>
        {view.detail !== '' && <Text variant="microcopy">{view.detail}</Text>}
        {view.retry && onRetry !== undefined && (
          <Button size="sm" onClick={onRetry} testId={`${testId}.retry`}>
            Retry
          </Button>
        )}
      </Flex>
    </Alert>
  );
};

/** The page could not load: by code, with Retry where it may help. */
export const LoadError = ({ error, onRetry }: { error: EditorError; onRetry: () => void }) => {
  const view = errorView(error);
  return (
    <ErrorState title={view.title} type={view.denied ? 'lock' : 'error'} testId="load-error">
      <Text>{view.advice}</Text>
      {view.detail !== '' && <Text variant="microcopy">{view.detail}</Text>}
      {view.retry && (
        <Button onClick={onRetry} testId="load-retry">
          Retry
        </Button>
      )}
    </ErrorState>
  );
};
