import { Alert, Text } from '@hubspot/ui-extensions';

import type { FocusGuardView } from '../view-model/focus-guard.ts';

/** The focus guard (SCORING §13) at the top of every route: its warnings, else what it counted. */
export const FocusGuardBanner = ({ view }: { view: FocusGuardView }) =>
  view.warnings.length === 0 ? (
    <Text variant="microcopy" testId="focus-guard-ok">
      {view.summary}
    </Text>
  ) : (
    <Alert title="This strategy may not be a focus" variant="warning" testId="focus-guard">
      {view.warnings.map((w) => (
        <Text key={w.code} testId={`focus-warning-${w.code}`}>
          {w.message}
        </Text>
      ))}
      <Text variant="microcopy">{view.summary}</Text>
    </Alert>
  );
