import {
  BarChart,
  EmptyState,
  Flex,
  Heading,
  Statistics,
  StatisticsItem,
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableHeader,
  TableRow,
  Text,
} from '@hubspot/ui-extensions';
import { PageLink } from '@hubspot/ui-extensions/pages';

import { useReviewPage } from '../hooks/review-context.tsx';
import { formatAmount, formatNumber } from '../view-model/format.ts';
import type { TierChart } from '../view-model/overview.ts';
import { overviewOf } from '../view-model/overview.ts';
import { PartialTag } from './PartialNote.tsx';

/** One tier distribution: a bar chart and the same numbers as a table. */
const TierDistribution = ({
  id,
  title,
  chart,
  valueLabel,
  format,
}: {
  id: string;
  title: string;
  chart: TierChart;
  valueLabel: string;
  format: (n: number) => string;
}) => (
  <Flex direction="column" gap="sm">
    <Flex direction="row" gap="sm" align="center">
      <Heading>{title}</Heading>
      <PartialTag partial={chart.partial} testId={`partial-${id}`} />
    </Flex>
    <BarChart
      data={chart.bars.map((b) => ({ tier: b.tier, [valueLabel]: b.value }))}
      axes={{
        x: { field: 'tier', fieldType: 'category', label: 'Tier' },
        y: { field: valueLabel, fieldType: 'linear', label: valueLabel },
      }}
      options={{ showDataLabels: true, showTooltips: true }}
      testId={`chart-${id}`}
    />
    <Table bordered={false} flush testId={`table-${id}`}>
      <TableHead>
        <TableRow>
          {chart.bars.map((b) => (
            <TableHeader key={b.tier}>{b.tier}</TableHeader>
          ))}
        </TableRow>
      </TableHead>
      <TableBody>
        <TableRow>
          {chart.bars.map((b) => (
            <TableCell key={b.tier}>{format(b.value)}</TableCell>
          ))}
        </TableRow>
      </TableBody>
    </Table>
  </Flex>
);

/** The index route: headline figures, tier distributions of companies and of open pipeline. */
export const OverviewPage = () => {
  const { review } = useReviewPage();
  if (review.status !== 'ready') return null;
  const view = overviewOf(review.value);
  if (view.state === 'empty_portal') {
    return (
      <EmptyState title="No companies or deals yet" imageName="building" testId="overview-empty">
        <Text>
          This portal has no companies or deals to review. Once the team adds them, their cards
          score them, or a manager rescores them all from the Rescore page.
        </Text>
      </EmptyState>
    );
  }
  if (view.state === 'nothing_scored') {
    return (
      <EmptyState title="Nothing scored yet" imageName="target" testId="overview-nothing-scored">
        <Text>
          {`None of the ${formatNumber(view.stale.companies)} companies and ${formatNumber(view.stale.deals)} deals has been scored with the strategy yet. Rescore them to see the review.`}
        </Text>
        <PageLink to="/rescore">Rescore stale records</PageLink>
      </EmptyState>
    );
  }
  return (
    <Flex direction="column" gap="lg" testId="overview">
      <Statistics testId="headlines">
        {view.headlines.map((h) => (
          <StatisticsItem
            key={h.id}
            id={h.id}
            label={h.partial ? `${h.label} (partial)` : h.label}
            number={h.value}
            testId={`headline-${h.id}`}
          >
            <Text>{h.detail}</Text>
          </StatisticsItem>
        ))}
      </Statistics>
      <TierDistribution
        id="companies"
        title="Companies by tier"
        chart={view.companies}
        valueLabel="Companies"
        format={formatNumber}
      />
      <TierDistribution
        id="open-amount"
        title="Open pipeline by tier"
        chart={view.openAmount}
        valueLabel="Amount"
        format={formatAmount}
      />
      <TierDistribution
        id="open-deals"
        title="Open deals by tier"
        chart={view.openDeals}
        valueLabel="Deals"
        format={formatNumber}
      />
    </Flex>
  );
};
