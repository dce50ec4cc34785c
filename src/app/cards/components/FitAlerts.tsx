import { Alert, Flex } from '@hubspot/ui-extensions';

import type { AlertView } from '../view-model/summary.ts';

/** The alerts a rep cannot miss (off strategy, refused, no company), most serious first. */
export const FitAlerts = ({ alerts }: { alerts: readonly AlertView[] }) =>
  alerts.length === 0 ? null : (
    <Flex direction="column" gap="sm">
      {alerts.map((a) => (
        <Alert key={a.kind} title={a.title} variant={a.variant} testId={`alert-${a.kind}`}>
          {a.body}
        </Alert>
      ))}
    </Flex>
  );
