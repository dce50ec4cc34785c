import type { DateInputEventsPayload } from '@hubspot/ui-extensions';
import { DateInput, Flex, LoadingButton, Text } from '@hubspot/ui-extensions';
import { EXCEPTION_VALIDITY_DAYS } from '@strategy-fit/core';
import { useState } from 'react';

import type { CalendarDay } from '../view-model/exception-form.ts';
import { expiryProblem, isoDay, utcDay } from '../view-model/exception-form.ts';

/** A strategy manager approves the open request until a chosen day (90 days by default) or rejects it. */
export const ExceptionDecision = ({
  pending,
  onDecide,
}: {
  pending: 'approve' | 'reject' | null;
  onDecide: (decision: 'approve' | 'reject', expiresOn?: string) => void;
}) => {
  const [today] = useState(() => utcDay(Date.now()));
  const [expires, setExpires] = useState<CalendarDay | null>(() =>
    utcDay(Date.now(), EXCEPTION_VALIDITY_DAYS),
  );
  const problem = expiryProblem(expires, today);
  const busy = pending !== null;
  return (
    <Flex direction="column" gap="sm" testId="exception-decision">
      <Text format={{ fontWeight: 'demibold' }}>Your decision as strategy manager</Text>
      <DateInput
        name="expiresOn"
        label="Approved until"
        description="The approval counts through this day; after it the deal is unapproved again."
        format="YYYY-MM-DD"
        value={expires ?? undefined}
        min={today}
        onChange={(day: DateInputEventsPayload | null) =>
          setExpires(day === null ? null : { year: day.year, month: day.month, date: day.date })
        }
        error={problem !== null}
        validationMessage={problem ?? undefined}
        testId="exception-expiry"
      />
      <Flex direction="row" gap="sm">
        <LoadingButton
          variant="primary"
          loading={pending === 'approve'}
          disabled={busy || problem !== null || expires === null}
          onClick={() => {
            if (expires !== null) onDecide('approve', isoDay(expires));
          }}
          testId="exception-approve"
        >
          Approve
        </LoadingButton>
        <LoadingButton
          variant="destructive"
          loading={pending === 'reject'}
          disabled={busy}
          onClick={() => onDecide('reject')}
          testId="exception-reject"
        >
          Reject
        </LoadingButton>
      </Flex>
    </Flex>
  );
};
