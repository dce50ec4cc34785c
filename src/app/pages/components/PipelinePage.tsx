import {
  EmptyState,
  Flex,
  Heading,
  Link,
  StatusTag,
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableHeader,
  TableRow,
  Text,
} from '@hubspot/ui-extensions';

import { useState } from 'react';

import { useReviewPage } from '../hooks/review-context.tsx';
import { formatNumber } from '../view-model/format.ts';
import { pipelineOf } from '../view-model/pipeline.ts';
import { PartialTag } from './PartialNote.tsx';
import { ReviewFilters } from './ReviewFilters.tsx';
import { TotalsTable } from './TotalsTable.tsx';

/** Deals per table page. */
export const PAGE_SIZE = 25;

/** Off-strategy open pipeline (SCORING §9): each deal with a link, totals, owner and pipeline filters. */
export const PipelinePage = () => {
  const { review, portalId } = useReviewPage();
  const [page, setPage] = useState(1);
  if (review.status !== 'ready') return null;
  const view = pipelineOf(review.value, portalId);
  const pageCount = Math.max(1, Math.ceil(view.rows.length / PAGE_SIZE));
  const current = Math.min(page, pageCount);
  const shown = view.rows.slice((current - 1) * PAGE_SIZE, current * PAGE_SIZE);
  return (
    <Flex direction="column" gap="md" testId="pipeline">
      <ReviewFilters onChange={() => setPage(1)} />
      <Flex direction="row" gap="sm" align="center">
        <Heading>Off-strategy open pipeline</Heading>
        <PartialTag partial={view.partial} testId="partial-pipeline" />
      </Flex>
      <Text testId="pipeline-summary">
        {`Unapproved: ${view.unapproved} · approved exceptions: ${view.approved} · all: ${view.total}`}
      </Text>
      {view.rows.length === 0 ? (
        <EmptyState title="No off-strategy open deals" imageName="deals" testId="pipeline-empty">
          <Text>Every open deal in this selection fits the strategy.</Text>
        </EmptyState>
      ) : (
        <Table
          paginated
          pageCount={pageCount}
          page={current}
          onPageChange={setPage}
          testId="pipeline-deals"
        >
          <TableHead>
            <TableRow>
              <TableHeader>Deal</TableHeader>
              <TableHeader>Amount</TableHeader>
              <TableHeader>Owner</TableHeader>
              <TableHeader>Stage</TableHeader>
              <TableHeader>Reason</TableHeader>
              <TableHeader>Exception</TableHeader>
            </TableRow>
          </TableHead>
          <TableBody>
            {shown.map((d) => (
              <TableRow key={d.dealId}>
                <TableCell>
                  <Link href={d.url} testId={`deal-link-${d.dealId}`}>
                    {d.name}
                  </Link>
                </TableCell>
                <TableCell>{d.amount}</TableCell>
                <TableCell>{d.owner}</TableCell>
                <TableCell>{d.stage}</TableCell>
                <TableCell>{d.reason}</TableCell>
                <TableCell>
                  <StatusTag variant={d.status.variant} testId={`deal-status-${d.dealId}`}>
                    {d.status.label}
                  </StatusTag>
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
      {view.omitted > 0 && (
        <Text variant="microcopy" testId="pipeline-omitted">
          {`${formatNumber(view.omitted)} smaller deals are not listed; every total counts them.`}
        </Text>
      )}
      <Heading>By owner</Heading>
      <TotalsTable by="Owner" rows={view.byOwner} testId="totals-owner" />
      <Heading>By stage</Heading>
      <TotalsTable by="Pipeline · stage" rows={view.byStage} testId="totals-stage" />
      <Heading>By reason</Heading>
      <TotalsTable by="Reason" rows={view.byReason} testId="totals-reason" />
    </Flex>
  );
};
