import { Button, Flex, Select } from '@hubspot/ui-extensions';

import { useReviewPage } from '../hooks/review-context.tsx';
import type { Filters } from '../hooks/useStrategyReview.ts';
import { filterOptions } from '../view-model/pipeline.ts';

const ALL = '';

/**
 * The review's owner and pipeline filters: they narrow the whole review (`strategy_review` reads
 * only those deals, and the owner's companies), so every route's figures follow them.
 */
export const ReviewFilters = ({ onChange }: { onChange?: (filters: Filters) => void }) => {
  const { review, filters, setFilters } = useReviewPage();
  if (review.status !== 'ready') return null;
  const options = filterOptions(review.value);
  const apply = (next: Filters) => {
    onChange?.(next);
    setFilters(next);
  };
  const set = (key: 'ownerId' | 'pipelineId', value: string) =>
    apply({ ...filters, [key]: value === ALL ? undefined : value });
  return (
    <Flex direction="row" gap="md" align="end">
      <Select
        label="Owner"
        name="ownerId"
        value={filters.ownerId ?? ALL}
        options={[{ label: 'All owners', value: ALL }, ...options.owners]}
        onChange={(v) => set('ownerId', String(v))}
        testId="filter-owner"
      />
      <Select
        label="Pipeline"
        name="pipelineId"
        value={filters.pipelineId ?? ALL}
        options={[{ label: 'All pipelines', value: ALL }, ...options.pipelines]}
        onChange={(v) => set('pipelineId', String(v))}
        testId="filter-pipeline"
      />
      {(filters.ownerId !== undefined || filters.pipelineId !== undefined) && (
        <Button onClick={() => apply({})} testId="filter-clear">
          Clear filters
        </Button>
      )}
    </Flex>
  );
};
