import { Button, EmptyState, ErrorState, LoadingSpinner, Text } from '@hubspot/ui-extensions';
import type { ScoreRecordValue } from '@strategy-fit/core';
import type { ReactNode } from 'react';

import type { ScoreState } from '../hooks/useScoreRecord.ts';
import type { CardError } from '../view-model/card-error.ts';
import { errorView } from '../view-model/card-error.ts';

/** An error by its code: what went wrong, what the rep can do, and Retry where it may help. */
export const CardErrorState = ({ error, onRetry }: { error: CardError; onRetry: () => void }) => {
  const view = errorView(error);
  return (
    <ErrorState title={view.title} testId="fit-error">
      <Text>{view.advice}</Text>
      {view.detail !== '' && <Text variant="microcopy">{view.detail}</Text>}
      {view.retry && (
        <Button onClick={onRetry} testId="fit-retry">
          Retry
        </Button>
      )}
    </ErrorState>
  );
};

/** `strategy_not_published`: nothing to score with until a manager publishes a strategy. */
export const NoStrategyState = ({ onRetry }: { onRetry: () => void }) => (
  <EmptyState title="No strategy published yet" imageName="target" testId="fit-no-strategy">
    <Text>
      Strategy Fit scores companies and deals against the sales manager’s strategy. A manager must
      publish one first, in the Strategy Fit app settings.
    </Text>
    <Button onClick={onRetry} testId="fit-retry">
      Check again
    </Button>
  </EmptyState>
);

/** Loading, error and "no strategy" states; the ready state is the card's own. */
export const ScoreGate = ({
  state,
  onRetry,
  children,
}: {
  state: ScoreState;
  onRetry: () => void;
  children: (value: ScoreRecordValue, refreshing: boolean) => ReactNode;
}) => {
  switch (state.status) {
    case 'loading':
      return (
        <LoadingSpinner
          label="Scoring this record against the strategy…"
          showLabel
          layout="centered"
          testId="fit-loading"
        />
      );
    case 'error':
      return state.error.code === 'strategy_not_published' ? (
        <NoStrategyState onRetry={onRetry} />
      ) : (
        <CardErrorState error={state.error} onRetry={onRetry} />
      );
    case 'ready':
      return children(state.value, state.refreshing);
    default:
      return state satisfies never;
  }
};
