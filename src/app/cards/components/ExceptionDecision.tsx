import { Flex, LoadingButton, Text } from '@hubspot/ui-extensions';
import { CrmPropertyList } from '@hubspot/ui-extensions/crm';
import {
  approvalExpiryBounds,
  EXCEPTION_INPUT_PROPERTIES,
  EXCEPTION_VALIDITY_DAYS,
} from '@strategy-fit/core';
import { useState } from 'react';

import { whoDecides } from '../view-model/exception.ts';

/**
 * A strategy manager's decision on the open request (SCORING §7): set in HubSpot's own property
 * editor on this deal, so HubSpot records who decided; the buttons confirm what the manager set.
 * The expiry's bounds are the core's, the ones `decide_exception` enforces.
 */
export const ExceptionDecision = ({
  managerNames,
  pending,
  onDecide,
}: {
  managerNames: readonly string[];
  pending: 'approve' | 'reject' | null;
  onDecide: (decision: 'approve' | 'reject') => void;
}) => {
  const [bounds] = useState(() => approvalExpiryBounds(Date.now()));
  const busy = pending !== null;
  return (
    <Flex direction="column" gap="sm" testId="exception-decision">
      <Text format={{ fontWeight: 'demibold' }}>The strategy manager’s decision</Text>
      <Text>
        {whoDecides(managerNames)} Set “Exception: decision” below, and for an approval “Exception:
        approved until” (from {bounds.earliest} to {bounds.latest}; {EXCEPTION_VALIDITY_DAYS} days,
        until {bounds.default}, when empty). HubSpot records who sets them. Then confirm; if the
        field already showed your choice, set it again first.
      </Text>
      <CrmPropertyList
        properties={[EXCEPTION_INPUT_PROPERTIES.decision, EXCEPTION_INPUT_PROPERTIES.expires]}
        testId="exception-decision-fields"
      />
      <Flex direction="row" gap="sm">
        <LoadingButton
          variant="primary"
          loading={pending === 'approve'}
          disabled={busy}
          onClick={() => onDecide('approve')}
          testId="exception-approve"
        >
          Confirm approval
        </LoadingButton>
        <LoadingButton
          variant="destructive"
          loading={pending === 'reject'}
          disabled={busy}
          onClick={() => onDecide('reject')}
          testId="exception-reject"
        >
          Confirm rejection
        </LoadingButton>
      </Flex>
    </Flex>
  );
};
