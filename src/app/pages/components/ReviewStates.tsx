import { Button, EmptyState, ErrorState, LoadingSpinner, Text } from '@hubspot/ui-extensions';

import type { ReadProgress } from '../hooks/useStrategyReview.ts';
import { formatNumber } from '../view-model/format.ts';
import type { PageError } from '../view-model/page-error.ts';
import { errorView } from '../view-model/page-error.ts';

/** An error by its code: what went wrong, what the manager can do, and Retry where it may help. */
export const PageErrorState = ({
  error,
  onRetry,
  testId = 'review-error',
}: {
  error: PageError;
  onRetry: () => void;
  testId?: string;
}) => {
  const view = errorView(error);
  return (
    <ErrorState title={view.title} testId={testId}>
      <Text>{view.advice}</Text>
      {view.detail !== '' && <Text variant="microcopy">{view.detail}</Text>}
      {view.retry && (
        <Button onClick={onRetry} testId={`${testId}-retry`}>
          Retry
        </Button>
      )}
    </ErrorState>
  );
};

/** `strategy_not_published`: nothing to review until a manager publishes a strategy. */
export const NoStrategyState = ({ onRetry }: { onRetry: () => void }) => (
  <EmptyState title="No strategy published yet" imageName="target" testId="review-no-strategy">
    <Text>
      The review compares the team’s companies and deals with the sales manager’s strategy. Publish
      a strategy in the Strategy Fit settings first.
    </Text>
    <Button onClick={onRetry} testId="review-no-strategy-retry">
      Check again
    </Button>
  </EmptyState>
);

/** Reading the review, with how far it has come once a chunk is in. */
export const ReviewLoading = ({ progress }: { progress: ReadProgress | null }) => (
  <LoadingSpinner
    label={
      progress === null
        ? 'Reading the portal’s scores…'
        : `Reading the portal’s scores… ${formatNumber(progress.deals)} deals and ${formatNumber(progress.companies)} companies so far`
    }
    showLabel
    layout="centered"
    testId="review-loading"
  />
);
