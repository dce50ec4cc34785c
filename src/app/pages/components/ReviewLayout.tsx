import { Divider, Flex, Text } from '@hubspot/ui-extensions';
import { PageHeader, PageLink, PageTitle } from '@hubspot/ui-extensions/pages';
import type { ReactNode } from 'react';

import { useReviewPage } from '../hooks/review-context.tsx';
import { focusGuardViewOf } from '../view-model/focus-guard.ts';
import { namesOf } from '../view-model/names.ts';
import { FocusGuardBanner } from './FocusGuardBanner.tsx';
import { PartialNote } from './PartialNote.tsx';
import { NoStrategyState, PageErrorState, ReviewLoading } from './ReviewStates.tsx';

export const ROUTES = [
  { to: '/', label: 'Overview' },
  { to: '/pipeline', label: 'Off-strategy pipeline' },
  { to: '/exceptions', label: 'Exceptions' },
  { to: '/focus', label: 'Focus board' },
  { to: '/evidence', label: 'Evidence' },
  { to: '/market', label: 'Competitors and customers' },
  { to: '/criteria', label: 'Criterion evidence' },
  { to: '/rescore', label: 'Rescore' },
] as const;

/** Every route's frame: title, navigation, the strategy stamp, the partial note, the states. */
export const ReviewLayout = ({ children }: { children: ReactNode }) => {
  const { review, reload, filters } = useReviewPage();
  return (
    <Flex direction="column" gap="md">
      <PageTitle>Strategy review</PageTitle>
      <PageHeader>
        <PageHeader.PrimaryAction>
          <PageHeader.PageLink to="/rescore">Rescore stale records</PageHeader.PageLink>
        </PageHeader.PrimaryAction>
      </PageHeader>
      <Flex direction="row" gap="md" wrap="wrap" testId="review-nav">
        {ROUTES.map((r) => (
          <PageLink key={r.to} to={r.to}>
            {r.label}
          </PageLink>
        ))}
      </Flex>
      <Divider />
      {review.status === 'loading' && <ReviewLoading progress={review.progress} />}
      {review.status === 'error' &&
        (review.error.code === 'strategy_not_published' ? (
          <NoStrategyState onRetry={reload} />
        ) : (
          <PageErrorState error={review.error} onRetry={reload} />
        ))}
      {review.status === 'ready' && (
        <Flex direction="column" gap="md">
          <Text variant="microcopy" testId="review-stamp">
            {`Strategy v${review.value.strategy.version} · ${review.value.strategy.name} · computed ${review.value.computedAt.slice(0, 16).replace('T', ' ')} UTC`}
            {filters.ownerId !== undefined || filters.pipelineId !== undefined
              ? ` · filtered: ${[
                  filters.ownerId === undefined
                    ? null
                    : `owner ${namesOf(review.value).owner(filters.ownerId)}`,
                  filters.pipelineId === undefined
                    ? null
                    : `pipeline ${namesOf(review.value).pipeline(filters.pipelineId)}`,
                ]
                  .filter((x) => x !== null)
                  .join(', ')}`
              : ''}
            {review.refreshing ? ' · refreshing…' : ''}
          </Text>
          {review.value.review.completeness.partial && (
            <PartialNote
              reasons={review.value.review.completeness.reasons}
              reads={review.value.reads}
            />
          )}
          <FocusGuardBanner view={focusGuardViewOf(review.value)} />
          {children}
        </Flex>
      )}
    </Flex>
  );
};
