import { Alert, Checkbox, Flex, Text } from '@hubspot/ui-extensions';
import { roundPercent } from '@strategy-fit/core';
import type { FocusGuardFigure } from '@strategy-fit/core';

/**
 * The focus guard of a simulation (SCORING §13: “if everyone is our customer, we have no
 * customers”): its warnings, which the manager acknowledges before the version is prepared, or
 * that it has nothing to say. The core computes them from the simulated tiers.
 */
export const FocusGuardView = ({
  focus,
  acknowledged,
  onAcknowledge,
}: {
  focus: FocusGuardFigure;
  acknowledged: boolean;
  onAcknowledge: (checked: boolean) => void;
}) => {
  const share =
    focus.companies === 0
      ? 'no company was scored'
      : `${roundPercent(focus.dreamOrFit, focus.companies)} % of ${focus.companies} companies are dream or fit (the guard warns above ${focus.maxAcceptedPercent} %), ${focus.refusedOrOffStrategy} refused or off strategy`;
  if (focus.warnings.length === 0) {
    return (
      <Text variant="microcopy" testId="focus-guard.none">
        {`The focus guard has nothing to say: ${share}.`}
      </Text>
    );
  }
  return (
    <Alert
      title={`The focus guard: ${focus.warnings.length === 1 ? 'one warning' : `${focus.warnings.length} warnings`}`}
      variant="warning"
      testId="focus-guard"
    >
      <Flex direction="column" gap="xs">
        {focus.warnings.map((w) => (
          <Text key={w.code} testId={`focus-guard.${w.code}`}>
            {w.message}
          </Text>
        ))}
        <Text variant="microcopy">{`In this simulation ${share}. Warnings never stop a version: a manager decides.`}</Text>
        <Checkbox
          name="focus-guard.acknowledged"
          checked={acknowledged}
          onChange={(checked) => onAcknowledge(checked)}
          testId="focus-guard.acknowledge"
        >
          I have read these warnings and want to prepare this version anyway.
        </Checkbox>
      </Flex>
    </Alert>
  );
};
