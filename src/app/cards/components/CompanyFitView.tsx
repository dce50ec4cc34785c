import { Divider, Flex } from '@hubspot/ui-extensions';

import type { CompanyCardView } from '../view-model/company-card.ts';
import { CardFooter } from './CardFooter.tsx';
import { FitAlerts } from './FitAlerts.tsx';
import { FitSummary } from './FitSummary.tsx';
import { PositioningSection } from './PositioningSection.tsx';
import { DataQualityAlert, TodoList } from './RecordNotes.tsx';
import { SegmentExplanations } from './SegmentExplanations.tsx';

type Props = { view: CompanyCardView; refreshing: boolean; onRescore: () => void };

/** The sidebar shows at most this many items of a list; the record tab has them all. */
const SIDEBAR_LIMIT = 3;

/** The company record tab: the full, explained score. */
export const CompanyFitView = ({ view, refreshing, onRescore }: Props) => (
  <Flex direction="column" gap="md">
    <FitAlerts alerts={view.alert === null ? [] : [view.alert]} />
    <FitSummary summary={view.summary} hideReason={view.alert !== null} />
    {view.positioning !== null && <PositioningSection view={view.positioning} />}
    <TodoList title="What would raise the tier" todos={view.todos} />
    <DataQualityAlert findings={view.dataQuality} />
    <Divider />
    <SegmentExplanations explanation={view.explanation} />
    <Divider />
    <CardFooter summary={view.summary} refreshing={refreshing} onRescore={onRescore} />
  </Flex>
);

/**
 * The company sidebar: score, tier, alert, the positioning and the first to-dos, lists shortened
 * to three items; the tab has the rest.
 */
export const CompanySidebarView = ({ view, refreshing, onRescore }: Props) => (
  <Flex direction="column" gap="sm">
    <FitAlerts alerts={view.alert === null ? [] : [view.alert]} />
    <FitSummary summary={view.summary} hideReason={view.alert !== null} />
    {view.positioning !== null && (
      <PositioningSection view={view.positioning} limit={SIDEBAR_LIMIT} />
    )}
    <TodoList title="What would raise the tier" todos={view.todos} limit={SIDEBAR_LIMIT} />
    <CardFooter summary={view.summary} refreshing={refreshing} onRescore={onRescore} />
  </Flex>
);
