import { BarChart, Flex, Heading, Tag, Text } from '@hubspot/ui-extensions';

import { useReviewPage } from '../hooks/review-context.tsx';
import { marketOf } from '../view-model/market.ts';
import type { MarketView } from '../view-model/market.ts';
import { PartialTag } from './PartialNote.tsx';
import { ReviewFilters } from './ReviewFilters.tsx';
import { TextTable } from './TextTable.tsx';

const Competitors = ({ view }: { view: MarketView['competitors'] }) => {
  const charted = view.rows.filter((r) => r.winPercent !== null);
  return (
    <Flex direction="column" gap="sm">
      <Flex direction="row" gap="sm" align="center">
        <Heading>Competitors</Heading>
        <PartialTag partial={view.partial} testId="partial-competitors" />
      </Flex>
      <Text testId="competitors-overall">{view.overall}</Text>
      {view.rows.length === 0 ? (
        <Text testId="competitors-none">
          None: the strategy names no competitor and no closed deal names one.
        </Text>
      ) : (
        <>
          {charted.length > 0 && (
            <BarChart
              data={charted.map((r) => ({ competitor: r.name, 'Win rate %': r.winPercent ?? 0 }))}
              axes={{
                x: { field: 'competitor', fieldType: 'category', label: 'Competitor' },
                y: {
                  field: 'Win rate %',
                  fieldType: 'linear',
                  label: 'Our win rate against it (%)',
                },
              }}
              options={{ showDataLabels: true, showTooltips: true }}
              testId="chart-competitors"
            />
          )}
          <TextTable
            headers={['Competitor', 'Closed', 'Won', 'Win rate', 'Open deals', 'Open amount', ' ']}
            rows={view.rows.map((r) => ({
              key: r.key,
              cells: [
                r.name,
                r.closed,
                r.won,
                r.winRate,
                r.openDeals,
                r.openAmount,
                r.losing ? <Tag variant="error">We lose</Tag> : '',
              ],
            }))}
            testId="competitors"
          />
          {view.segmentColumns.length > 0 && (
            <>
              <Text format={{ fontWeight: 'bold' }}>Win rate per competitor and segment</Text>
              <Text variant="microcopy">“Targets” marks the segments a competitor goes after.</Text>
              <TextTable
                headers={['Competitor', ...view.segmentColumns.map((c) => c.name)]}
                rows={view.rows.map((r) => ({
                  key: r.key,
                  cells: [
                    r.name,
                    ...r.segments.map((c) => (
                      <>
                        {c.text}
                        {c.targeted ? <Tag variant="info">Targets</Tag> : ''}
                      </>
                    )),
                  ],
                }))}
                testId="competitor-segments"
              />
            </>
          )}
        </>
      )}
      <Text format={{ fontWeight: 'bold' }}>Where we lose, and to whom</Text>
      {view.whereWeLose.length === 0 ? (
        <Text testId="where-we-lose-none">
          {`None: no competitor with ${view.minClosedDeals} or more closed deals beats our overall win rate.`}
        </Text>
      ) : (
        <TextTable
          headers={['Competitor', 'Lost', 'Our win rate', 'Where we lost']}
          rows={view.whereWeLose.map((l) => ({
            key: l.key,
            cells: [l.name, l.lost, l.winRate, l.segments],
          }))}
          testId="where-we-lose"
        />
      )}
    </Flex>
  );
};

const CustomersSay = ({ view }: { view: MarketView['customersSay'] }) => (
  <Flex direction="column" gap="sm">
    <Flex direction="row" gap="sm" align="center">
      <Heading>What customers say</Heading>
      <PartialTag partial={view.partial} testId="partial-customers-say" />
    </Flex>
    <Text variant="microcopy">
      The five most frequent lost reasons per segment (HubSpot’s closed-lost reason).
    </Text>
    {view.segments.map((s) => (
      <Flex key={s.key} direction="column" gap="xs" testId={`lost-${s.key || 'none'}`}>
        <Text format={{ fontWeight: 'bold' }}>{`${s.name}: ${s.lost} lost`}</Text>
        {s.reasons.length === 0 ? (
          <Text>None: no lost deal gave a reason.</Text>
        ) : (
          <TextTable
            headers={['Reason', 'Lost deals', 'Amount']}
            rows={s.reasons.map((r) => ({ key: r.key, cells: [r.reason, r.deals, r.amount] }))}
            testId={`lost-reasons-${s.key || 'none'}`}
          />
        )}
        <Text variant="microcopy">
          {`Lost without a reason: ${s.withoutReason}${s.other === null ? '' : ` · other reasons: ${s.other}`}`}
        </Text>
      </Flex>
    ))}
  </Flex>
);

const DiscountBands = ({ view }: { view: MarketView['discountBands'] }) => (
  <Flex direction="column" gap="sm">
    <Flex direction="row" gap="sm" align="center">
      <Heading>Price the customer accepts</Heading>
      <PartialTag partial={view.partial} testId="partial-discount-bands" />
    </Flex>
    <Text variant="microcopy">Win rate of closed deals by discount, per segment.</Text>
    <TextTable
      headers={['Segment', ...view.columns.map((c) => c.label)]}
      rows={view.rows.map((r) => ({ key: r.key, cells: [r.name, ...r.cells] }))}
      testId="discount-bands"
    />
  </Flex>
);

/** Competitors, what customers say and discount bands (SCORING §15), over the evidence window. */
export const MarketPage = () => {
  const { review } = useReviewPage();
  if (review.status !== 'ready') return null;
  const view = marketOf(review.value);
  return (
    <Flex direction="column" gap="md" testId="market">
      <ReviewFilters />
      <Text variant="microcopy" testId="evidence-window">
        {view.evidenceWindow}
      </Text>
      <Competitors view={view.competitors} />
      <CustomersSay view={view.customersSay} />
      <DiscountBands view={view.discountBands} />
    </Flex>
  );
};
