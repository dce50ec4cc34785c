import {
  BarChart,
  Flex,
  Heading,
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableHeader,
  TableRow,
  Tag,
  Text,
} from '@hubspot/ui-extensions';

import { useReviewPage } from '../hooks/review-context.tsx';
import { marketOf } from '../view-model/market.ts';
import type { MarketView } from '../view-model/market.ts';
import { PartialTag } from './PartialNote.tsx';
import { ReviewFilters } from './ReviewFilters.tsx';

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
          <Table testId="competitors">
            <TableHead>
              <TableRow>
                <TableHeader>Competitor</TableHeader>
                <TableHeader>Closed</TableHeader>
                <TableHeader>Won</TableHeader>
                <TableHeader>Win rate</TableHeader>
                <TableHeader>Open deals</TableHeader>
                <TableHeader>Open amount</TableHeader>
                <TableHeader> </TableHeader>
              </TableRow>
            </TableHead>
            <TableBody>
              {view.rows.map((r) => (
                <TableRow key={r.key}>
                  <TableCell>{r.name}</TableCell>
                  <TableCell>{r.closed}</TableCell>
                  <TableCell>{r.won}</TableCell>
                  <TableCell>{r.winRate}</TableCell>
                  <TableCell>{r.openDeals}</TableCell>
                  <TableCell>{r.openAmount}</TableCell>
                  <TableCell>{r.losing ? <Tag variant="error">We lose</Tag> : ''}</TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
          {view.segmentColumns.length > 0 && (
            <>
              <Text format={{ fontWeight: 'bold' }}>Win rate per competitor and segment</Text>
              <Text variant="microcopy">“Targets” marks the segments a competitor goes after.</Text>
              <Table testId="competitor-segments">
                <TableHead>
                  <TableRow>
                    <TableHeader>Competitor</TableHeader>
                    {view.segmentColumns.map((c) => (
                      <TableHeader key={c.key}>{c.name}</TableHeader>
                    ))}
                  </TableRow>
                </TableHead>
                <TableBody>
                  {view.rows.map((r) => (
                    <TableRow key={r.key}>
                      <TableCell>{r.name}</TableCell>
                      {r.segments.map((s) => (
                        <TableCell key={s.key}>
                          {s.text}
                          {s.targeted ? <Tag variant="info">Targets</Tag> : ''}
                        </TableCell>
                      ))}
                    </TableRow>
                  ))}
                </TableBody>
              </Table>
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
        <Table testId="where-we-lose">
          <TableHead>
            <TableRow>
              <TableHeader>Competitor</TableHeader>
              <TableHeader>Lost</TableHeader>
              <TableHeader>Our win rate</TableHeader>
              <TableHeader>Where we lost</TableHeader>
            </TableRow>
          </TableHead>
          <TableBody>
            {view.whereWeLose.map((l) => (
              <TableRow key={l.key}>
                <TableCell>{l.name}</TableCell>
                <TableCell>{l.lost}</TableCell>
                <TableCell>{l.winRate}</TableCell>
                <TableCell>{l.segments}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
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
          <Table testId={`lost-reasons-${s.key || 'none'}`}>
            <TableHead>
              <TableRow>
                <TableHeader>Reason</TableHeader>
                <TableHeader>Lost deals</TableHeader>
                <TableHeader>Amount</TableHeader>
              </TableRow>
            </TableHead>
            <TableBody>
              {s.reasons.map((r) => (
                <TableRow key={r.key}>
                  <TableCell>{r.reason}</TableCell>
                  <TableCell>{r.deals}</TableCell>
                  <TableCell>{r.amount}</TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
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
    <Table testId="discount-bands">
      <TableHead>
        <TableRow>
          <TableHeader>Segment</TableHeader>
          {view.columns.map((c) => (
            <TableHeader key={c.key}>{c.label}</TableHeader>
          ))}
        </TableRow>
      </TableHead>
      <TableBody>
        {view.rows.map((r) => (
          <TableRow key={r.key}>
            <TableCell>{r.name}</TableCell>
            {r.cells.map((c, i) => (
              <TableCell key={view.columns[i]?.key ?? i}>{c}</TableCell>
            ))}
          </TableRow>
        ))}
      </TableBody>
    </Table>
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
