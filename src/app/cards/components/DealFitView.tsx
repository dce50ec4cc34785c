import { Divider, Flex, Heading } from '@hubspot/ui-extensions';
import type { ReactNode } from 'react';

import type { DealCardView } from '../view-model/deal-card.ts';
import { CardFooter } from './CardFooter.tsx';
import { DealWarnings, DreamTestTable } from './DealChecks.tsx';
import { DealCompetitors } from './DealCompetitors.tsx';
import { FitAlerts } from './FitAlerts.tsx';
import { FitSummary } from './FitSummary.tsx';
import { PositioningSection } from './PositioningSection.tsx';
import { DataQualityAlert, TodoList } from './RecordNotes.tsx';
import { SegmentExplanations } from './SegmentExplanations.tsx';

type Props = {
  view: DealCardView;
  /** The exception section, wired to its functions by the card. */
  exception: ReactNode;
  refreshing: boolean;
  onRescore: () => void;
};

/**
 * The deal record tab: the company's fit, the deal's own checks, its exception, its competitors
 * and what to sell to its segment.
 */
export const DealFitView = ({ view, exception, refreshing, onRescore }: Props) => (
  <Flex direction="column" gap="md">
    <FitAlerts alerts={view.alerts} />
    <FitSummary
      summary={view.summary}
      focus={view.focus}
      existingCustomer={view.existingCustomer}
      hideReason={view.alerts.length > 0}
    />
    <DealWarnings warnings={view.warnings} />
    {exception}
    <DealCompetitors competitors={view.competitors} />
    {view.positioning !== null && <PositioningSection view={view.positioning} />}
    {view.dreamTest !== null && <DreamTestTable rows={view.dreamTest} />}
    <TodoList title="Next steps" todos={view.todos} />
    <DataQualityAlert findings={view.dataQuality} />
    {view.explanation !== null && (
      <>
        <Divider />
        <Heading>How the company fits</Heading>
        <SegmentExplanations explanation={view.explanation} />
      </>
    )}
    <Divider />
    <CardFooter summary={view.summary} refreshing={refreshing} onRescore={onRescore} />
  </Flex>
);
