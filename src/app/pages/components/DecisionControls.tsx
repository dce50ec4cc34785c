import type { DateInputEventsPayload } from '@hubspot/ui-extensions';
import { DateInput, Flex, LoadingButton } from '@hubspot/ui-extensions';
import { EXCEPTION_VALIDITY_DAYS } from '@strategy-fit/core';
import { useState } from 'react';

import type { Decision } from '../hooks/useDecisions.ts';
import type { CalendarDay } from '../view-model/calendar.ts';
import { expiryProblem, isoDay, utcDay } from '../view-model/calendar.ts';

/** A manager approves a queued exception until a day (90 days by default) or rejects it. */
export const DecisionControls = ({
  dealId,
  pending,
  busy,
  onDecide,
}: {
  dealId: string;
  pending: Decision | null;
  busy: boolean;
  onDecide: (decision: Decision, expiresOn?: string) => void;
}) => {
  const [today] = useState(() => utcDay(Date.now()));
  const [tomorrow] = useState(() => utcDay(Date.now(), 1));
  const [expires, setExpires] = useState<CalendarDay | null>(() =>
    utcDay(Date.now(), EXCEPTION_VALIDITY_DAYS),
  );
  const problem = expiryProblem(expires, today);
  return (
    <Flex direction="column" gap="xs" testId={`decision-${dealId}`}>
      <DateInput
        name={`expiresOn-${dealId}`}
        label="Approved until"
        format="YYYY-MM-DD"
        value={expires ?? undefined}
        min={tomorrow}
        onChange={(day: DateInputEventsPayload | null) =>
          setExpires(day === null ? null : { year: day.year, month: day.month, date: day.date })
        }
        error={problem !== null}
        validationMessage={problem ?? undefined}
        testId={`expiry-${dealId}`}
      />
      <Flex direction="row" gap="xs">
        <LoadingButton
          variant="primary"
          size="xs"
          loading={pending === 'approve'}
          disabled={busy || problem !== null || expires === null}
          onClick={() => {
            if (expires !== null) onDecide('approve', isoDay(expires));
          }}
          testId={`approve-${dealId}`}
        >
          Approve
        </LoadingButton>
        <LoadingButton
          variant="destructive"
          size="xs"
          loading={pending === 'reject'}
          disabled={busy}
          onClick={() => onDecide('reject')}
          testId={`reject-${dealId}`}
        >
          Reject
        </LoadingButton>
      </Flex>
    </Flex>
  );
};
