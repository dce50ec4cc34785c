import {
  Alert,
  EmptyState,
  Flex,
  Heading,
  Link,
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableHeader,
  TableRow,
  Text,
} from '@hubspot/ui-extensions';

import { useReviewPage } from '../hooks/review-context.tsx';
import { queueOf } from '../view-model/exceptions.ts';
import { PartialTag } from './PartialNote.tsx';

/**
 * Requested exceptions with the rep's reason and who asked. Managers decide on the deal itself:
 * HubSpot records who sets the decision there, which a page cannot show (docs/security.md).
 */
export const ExceptionsPage = () => {
  const { review, portalId } = useReviewPage();
  if (review.status !== 'ready') return null;
  const view = queueOf(review.value, portalId);
  return (
    <Flex direction="column" gap="md" testId="exceptions">
      <Flex direction="row" gap="sm" align="center">
        <Heading>{`Exceptions queue (${view.total})`}</Heading>
        <PartialTag partial={view.partial} testId="partial-queue" />
      </Flex>
      {view.partial && (
        <Text variant="microcopy" testId="queue-partial-reasons">
          {view.reasons.join(' ')}
        </Text>
      )}
      <Alert title="Decide on the deal" variant="info" testId="queue-decide-on-deal">
        A strategy manager opens the deal, sets “Exception: decision” on its Strategy Fit card and
        confirms there. HubSpot records who set it, and only a manager’s decision counts.
      </Alert>
      {view.rows.length === 0 ? (
        <EmptyState title="No exceptions waiting" imageName="task" testId="queue-empty">
          <Text>Reps request an exception on an off-strategy deal’s card, with their reason.</Text>
        </EmptyState>
      ) : (
        <Table testId="queue">
          <TableHead>
            <TableRow>
              <TableHeader>Deal</TableHeader>
              <TableHeader>Amount</TableHeader>
              <TableHeader>Owner · stage</TableHeader>
              <TableHeader>Why off strategy</TableHeader>
              <TableHeader>The rep’s reason</TableHeader>
              <TableHeader>Requested by</TableHeader>
            </TableRow>
          </TableHead>
          <TableBody>
            {view.rows.map((r) => (
              <TableRow key={r.dealId}>
                <TableCell>
                  <Link href={r.url} testId={`queue-link-${r.dealId}`}>
                    {r.name}
                  </Link>
                </TableCell>
                <TableCell>{r.amount}</TableCell>
                <TableCell>{`${r.owner} · ${r.stage}`}</TableCell>
                <TableCell>{`${r.tier}: ${r.offReason}`}</TableCell>
                <TableCell>
                  <Text testId={`queue-note-${r.dealId}`}>{r.note}</Text>
                </TableCell>
                <TableCell>
                  <Text
                    testId={`queue-by-${r.dealId}`}
                  >{`${r.requestedBy}, ${r.requestedOn}`}</Text>
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
    </Flex>
  );
};
