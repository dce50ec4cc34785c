import type { CrmHostActions } from '@hubspot/ui-extensions';
import type { DealScore, ScoreRecordValue } from '@strategy-fit/core';
import { useCallback } from 'react';

import type { FunctionRunner } from '@strategy-fit/function-calls';
import { useExceptionActions } from '../hooks/useExceptionActions.ts';
import { useScoreRecord } from '../hooks/useScoreRecord.ts';
import { dealCardView } from '../view-model/deal-card.ts';
import { DealFitView } from './DealFitView.tsx';
import { ExceptionSection } from './ExceptionSection.tsx';
import { CardErrorState, ScoreGate } from './ScoreGate.tsx';

export type DealFitProps = {
  actions: Partial<Pick<CrmHostActions, 'refreshObjectProperties'>>;
  run: FunctionRunner;
};

type ReadyProps = DealFitProps & {
  value: ScoreRecordValue;
  deal: DealScore;
  refreshing: boolean;
  rescore: () => void;
};

/** A scored deal, with its exception wired to `request_exception` and `decide_exception`. */
const ReadyDeal = ({ actions, run, value, deal, refreshing, rescore }: ReadyProps) => {
  const { refreshObjectProperties } = actions;
  const onChanged = useCallback(() => {
    refreshObjectProperties?.();
    rescore();
  }, [refreshObjectProperties, rescore]);
  const exceptionActions = useExceptionActions({ run, requestSeq: deal.exception.seq, onChanged });
  const view = dealCardView(value, deal);
  return (
    <DealFitView
      view={view}
      exception={
        view.exception === null ? null : (
          <ExceptionSection
            view={view.exception}
            managerNames={view.managerNames}
            actions={exceptionActions}
          />
        )
      }
      refreshing={refreshing}
      onRescore={rescore}
    />
  );
};

/** A deal's fit: scores the record with `score_record` and shows the result. */
export const DealFit = (props: DealFitProps) => {
  const { state, rescore } = useScoreRecord(
    props.run,
    'deal',
    props.actions.refreshObjectProperties,
  );
  return (
    <ScoreGate state={state} onRetry={rescore}>
      {(value, refreshing) =>
        value.deal === null ? (
          <CardErrorState
            error={{ code: 'invalid_response', message: 'The answer has no deal score.' }}
            onRetry={rescore}
          />
        ) : (
          <ReadyDeal
            {...props}
            value={value}
            deal={value.deal}
            refreshing={refreshing}
            rescore={rescore}
          />
        )
      }
    </ScoreGate>
  );
};
