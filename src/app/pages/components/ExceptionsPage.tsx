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
import { errorView } from '../view-model/page-error.ts';
import { DecisionControls } from './DecisionControls.tsx';
import { PartialTag } from './PartialNote.tsx';

/** Requested exceptions with the rep's reason; managers approve (until a day) or reject them. */
export const ExceptionsPage = () => {
  const { review, portalId, decisions } = useReviewPage();
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
      {!view.canDecide && (
        <Alert title="Read only" variant="info" testId="queue-read-only">
          Only the strategy managers named in the published strategy can approve or reject
          exceptions. You see the queue as it stands.
        </Alert>
      )}
      {decisions.done !== null && (
        <Alert title="Decision saved" variant="success" testId="decision-done">
          {decisions.done}
        </Alert>
      )}
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
              {view.canDecide && <TableHeader>Decision</TableHeader>}
            </TableRow>
          </TableHead>
          <TableBody>
            {view.rows.map((r) => {
              const error = decisions.errors[r.dealId];
              const pending =
                decisions.pending?.dealId === r.dealId ? decisions.pending.decision : null;
              return (
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
                  {view.canDecide && (
                    <TableCell>
                      <DecisionControls
                        dealId={r.dealId}
                        pending={pending}
                        busy={decisions.pending !== null}
                        onDecide={(decision, expiresOn) =>
                          decisions.decide(r.dealId, decision, expiresOn)
                        }
                      />
                      {error !== undefined && (
                        <Alert
                          title={errorView(error).title}
                          variant="danger"
                          testId={`decision-error-${r.dealId}`}
                        >
                          {`${errorView(error).advice} ${errorView(error).detail}`.trim()}
                        </Alert>
                      )}
                    </TableCell>
                  )}
                </TableRow>
              );
            })}
          </TableBody>
        </Table>
      )}
    </Flex>
  );
};
