import type { FormSubmitExtensionEvent } from '@hubspot/ui-extensions';
import { Flex, Form, LoadingButton, TextArea } from '@hubspot/ui-extensions';
import { EXCEPTION_NOTE_MIN_CHARS } from '@strategy-fit/core';
import { useState } from 'react';

import { reasonProblem } from '../view-model/exception-form.ts';

/**
 * A rep's request for an exception: a written reason, checked as they type against the
 * contract's rule (at least 10 characters), sent only when it passes.
 */
export const ExceptionRequestForm = ({
  pending,
  onRequest,
}: {
  pending: boolean;
  onRequest: (reason: string) => void;
}) => {
  const [reason, setReason] = useState('');
  const [checked, setChecked] = useState(false);
  const problem = reasonProblem(reason);
  const showProblem = checked && problem !== null;
  // HubSpot hands the form's values to onSubmit; the typed state is the fallback.
  const submit = (event?: FormSubmitExtensionEvent<Record<string, string | number>>) => {
    const sent = event?.targetValue['reason'];
    const text = typeof sent === 'string' ? sent : reason;
    setReason(text);
    setChecked(true);
    if (reasonProblem(text) === null && !pending) onRequest(text);
  };
  return (
    <Form onSubmit={submit} testId="exception-form">
      <Flex direction="column" gap="sm">
        <TextArea
          name="reason"
          label="Why does this deal deserve an exception?"
          description={`At least ${EXCEPTION_NOTE_MIN_CHARS} characters (${reason.trim().length} so far). A strategy manager reads it before deciding.`}
          required
          rows={3}
          maxLength={2000}
          onInput={(value) => setReason(value)}
          onChange={(value) => setReason(value)}
          onBlur={() => setChecked(reason !== '')}
          error={showProblem}
          validationMessage={showProblem ? problem : undefined}
          testId="exception-reason"
        />
        <LoadingButton type="submit" variant="primary" loading={pending} testId="exception-submit">
          Request exception
        </LoadingButton>
      </Flex>
    </Form>
  );
};
