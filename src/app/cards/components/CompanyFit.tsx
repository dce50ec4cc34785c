import type { CrmHostActions } from '@hubspot/ui-extensions';

import type { FunctionRunner } from '@strategy-fit/function-calls';
import { useScoreRecord } from '../hooks/useScoreRecord.ts';
import { companyCardView } from '../view-model/company-card.ts';
import { CompanyFitView, CompanySidebarView } from './CompanyFitView.tsx';
import { CardErrorState, ScoreGate } from './ScoreGate.tsx';

export type CompanyFitProps = {
  actions: Partial<Pick<CrmHostActions, 'refreshObjectProperties'>>;
  run: FunctionRunner;
  /** `tab`: everything; `sidebar`: the compact variant. */
  layout: 'tab' | 'sidebar';
};

/** A company's fit: scores the record with `score_record` and shows the result. */
export const CompanyFit = ({ actions, run, layout }: CompanyFitProps) => {
  const { state, rescore } = useScoreRecord(run, 'company', actions.refreshObjectProperties);
  return (
    <ScoreGate state={state} onRetry={rescore}>
      {(value, refreshing) => {
        if (value.company === null) {
          return (
            <CardErrorState
              error={{ code: 'invalid_response', message: 'The answer has no company score.' }}
              onRetry={rescore}
            />
          );
        }
        const view = companyCardView(value.strategy, value.company);
        return layout === 'tab' ? (
          <CompanyFitView view={view} refreshing={refreshing} onRescore={rescore} />
        ) : (
          <CompanySidebarView view={view} refreshing={refreshing} onRescore={rescore} />
        );
      }}
    </ScoreGate>
  );
};
