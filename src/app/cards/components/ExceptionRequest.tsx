import { Flex, LoadingButton, Text } from '@hubspot/ui-extensions';
import { CrmPropertyList } from '@hubspot/ui-extensions/crm';
import {
  EXCEPTION_INPUT_PROPERTIES,
  EXCEPTION_NOTE_MAX_CHARS,
  EXCEPTION_NOTE_MIN_CHARS,
} from '@strategy-fit/core';

import { whoDecides } from '../view-model/exception.ts';

/**
 * A rep's request (SCORING §7): the reason is written in HubSpot's own property editor on this
 * deal, so HubSpot records who wrote it; the button asks `request_exception` to record it.
 */
export const ExceptionRequest = ({
  managerNames,
  pending,
  onRequest,
}: {
  managerNames: readonly string[];
  pending: boolean;
  onRequest: () => void;
}) => (
  <Flex direction="column" gap="sm" testId="exception-request">
    <Text>
      Write why this deal deserves an exception in “Exception: reason” ({EXCEPTION_NOTE_MIN_CHARS}{' '}
      to {EXCEPTION_NOTE_MAX_CHARS.toLocaleString('en-US')} characters). HubSpot saves it as yours;
      then ask. {whoDecides(managerNames)}
    </Text>
    <CrmPropertyList properties={[EXCEPTION_INPUT_PROPERTIES.reason]} testId="exception-reason" />
    <LoadingButton
      variant="primary"
      loading={pending}
      onClick={onRequest}
      testId="exception-submit"
    >
      Request exception
    </LoadingButton>
  </Flex>
);
