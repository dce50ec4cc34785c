import {
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
import { criteriaOf } from '../view-model/criteria.ts';
import { PartialTag } from './PartialNote.tsx';
import { ReviewFilters } from './ReviewFilters.tsx';

/**
 * Criterion evidence (SCORING §15): do we know what customers expect, or only think so? Each
 * segment criterion's win rate when the company matches, misses or is unknown, with its flag.
 */
export const CriteriaPage = () => {
  const { review } = useReviewPage();
  if (review.status !== 'ready') return null;
  const view = criteriaOf(review.value);
  return (
    <Flex direction="column" gap="md" testId="criteria">
      <ReviewFilters />
      <Flex direction="row" gap="sm" align="center">
        <Heading>Do we know what customers expect, or only think so?</Heading>
        <PartialTag partial={view.partial} testId="partial-criteria" />
      </Flex>
      <Text variant="microcopy" testId="evidence-window">
        {view.evidenceWindow}
      </Text>
      <Text testId="criteria-counted">{view.counted}</Text>
      <Text variant="microcopy" testId="criteria-note">
        {view.note}
      </Text>
      {view.segments.length === 0 && (
        <Text testId="criteria-none">None: the strategy has no segment criteria.</Text>
      )}
      {view.segments.map((s) => (
        <Flex key={s.key} direction="column" gap="xs">
          <Text format={{ fontWeight: 'bold' }}>{s.name}</Text>
          <Table testId={`criteria-${s.key}`}>
            <TableHead>
              <TableRow>
                <TableHeader>Criterion</TableHeader>
                <TableHeader>Match: win rate</TableHeader>
                <TableHeader>Miss: win rate</TableHeader>
                <TableHeader>Unknown: win rate</TableHeader>
                <TableHeader>Match ÷ miss</TableHeader>
                <TableHeader>Flag</TableHeader>
              </TableRow>
            </TableHead>
            <TableBody>
              {s.rows.map((r) => (
                <TableRow key={r.key}>
                  <TableCell>{r.label}</TableCell>
                  <TableCell>{r.match}</TableCell>
                  <TableCell>{r.miss}</TableCell>
                  <TableCell>{r.unknown}</TableCell>
                  <TableCell>{r.ratio}</TableCell>
                  <TableCell>
                    {r.flag === null ? (
                      ''
                    ) : (
                      <Tag
                        variant={r.flag.code === 'inverse' ? 'error' : 'warning'}
                        testId={`flag-${r.key}`}
                      >
                        {r.flag.label}
                      </Tag>
                    )}
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </Flex>
      ))}
    </Flex>
  );
};
