import { Flex, Input, NumberInput, Select, Text, TextArea } from '@hubspot/ui-extensions';
import { DEFAULT_EVIDENCE_WINDOW_DAYS, FocusGuardSchema } from '@strategy-fit/core';
import type { EditorProperty } from '@strategy-fit/core';

import { numberOrNothing } from '../view-model/criterion.ts';
import type { Draft, DraftAction } from '../view-model/draft.ts';
import type { IssueIndex } from '../view-model/issues.ts';
import { IssueText } from './IssueText.tsx';

/** What the core assumes without a focus guard (SCORING §13), shown until the manager sets one. */
const DEFAULT_MAX_ACCEPTED_PERCENT = FocusGuardSchema.parse({}).maxAcceptedPercent;

type Props = {
  draft: Draft;
  issues: IssueIndex;
  readOnly: boolean;
  dispatch: (action: DraftAction) => void;
};

/** The strategy's name and description. */
export const NameEditor = ({ draft, issues, readOnly, dispatch }: Props) => (
  <Flex direction="column" gap="sm" testId="general">
    <Input
      name="name"
      label="Strategy name"
      required
      value={draft.name}
      readOnly={readOnly}
      onInput={(name) => dispatch({ type: 'set', patch: { name } })}
      {...issues.field('name')}
      testId="name"
    />
    <TextArea
      name="description"
      label="Description (optional)"
      value={draft.description ?? ''}
      readOnly={readOnly}
      rows={2}
      onInput={(description) => dispatch({ type: 'set', patch: { description } })}
      {...issues.field('description')}
      testId="description"
    />
  </Flex>
);

/** Tier thresholds, the deal checks, dream capacity per owner, the focus guard and the evidence window. */
export const RulesEditor = ({
  draft,
  issues,
  readOnly,
  dispatch,
  dealProperties,
}: Props & { dealProperties: readonly EditorProperty[] }) => {
  const thresholds = draft.thresholds ?? {};
  const checks = draft.dealChecks ?? {};
  const discountOptions = dealProperties
    .filter((p) => p.type === 'number')
    .map((p) => ({ label: `${p.label} (${p.name})`, value: p.name }));
  if (
    checks.discountProperty !== undefined &&
    !discountOptions.some((o) => o.value === checks.discountProperty)
  ) {
    discountOptions.unshift({
      label: `${checks.discountProperty} (not a number property of deals here)`,
      value: checks.discountProperty,
    });
  }
  return (
    <Flex direction="column" gap="sm" testId="rules">
      <Text format={{ fontWeight: 'demibold' }}>Tier thresholds (scores 0–100)</Text>
      <Flex direction="row" gap="sm" wrap>
        <NumberInput
          name="thresholds.fit"
          label="Fit from"
          min={1}
          max={100}
          value={thresholds.fit ?? 70}
          readOnly={readOnly}
          onChange={(n) =>
            dispatch({ type: 'set', patch: { thresholds: { fit: numberOrNothing(n) ?? 70 } } })
          }
          {...issues.field('thresholds.fit')}
          testId="thresholds.fit"
        />
        <NumberInput
          name="thresholds.stretch"
          label="Stretch from"
          min={0}
          max={99}
          value={thresholds.stretch ?? 40}
          readOnly={readOnly}
          onChange={(n) =>
            dispatch({ type: 'set', patch: { thresholds: { stretch: numberOrNothing(n) ?? 40 } } })
          }
          {...issues.field('thresholds.stretch')}
          testId="thresholds.stretch"
        />
      </Flex>
      <IssueText issues={issues} path="thresholds" />
      <Text format={{ fontWeight: 'demibold' }}>Deal checks</Text>
      <Flex direction="row" gap="sm" wrap>
        <NumberInput
          name="dealChecks.maxDiscountPercent"
          label="Largest discount before “price competition” (%)"
          min={0}
          max={100}
          value={checks.maxDiscountPercent}
          readOnly={readOnly}
          onChange={(n) =>
            dispatch({
              type: 'set',
              patch: { dealChecks: { ...checks, maxDiscountPercent: numberOrNothing(n) } },
            })
          }
          {...issues.field('dealChecks.maxDiscountPercent')}
          testId="dealChecks.maxDiscountPercent"
        />
        <Select
          name="dealChecks.discountProperty"
          label="Deal property holding the discount (when a deal has no line items)"
          placeholder="None"
          options={[{ label: 'None', value: '' }, ...discountOptions]}
          value={checks.discountProperty ?? ''}
          readOnly={readOnly}
          onChange={(v) =>
            dispatch({
              type: 'set',
              patch: {
                dealChecks: { ...checks, discountProperty: v === '' ? undefined : String(v) },
              },
            })
          }
          {...issues.field('dealChecks.discountProperty')}
          testId="dealChecks.discountProperty"
        />
      </Flex>
      <Text format={{ fontWeight: 'demibold' }}>Focus</Text>
      <NumberInput
        name="dreamCapacityPerOwner"
        label="Dream companies per owner, at most (optional)"
        min={1}
        value={draft.dreamCapacityPerOwner}
        readOnly={readOnly}
        onChange={(n) =>
          dispatch({ type: 'set', patch: { dreamCapacityPerOwner: numberOrNothing(n) } })
        }
        {...issues.field('dreamCapacityPerOwner')}
        testId="dreamCapacityPerOwner"
      />
      <Flex direction="row" gap="sm" wrap>
        <NumberInput
          name="focusGuard.maxAcceptedPercent"
          label="Focus guard: warn when more than this % of companies are dream or fit"
          min={1}
          max={100}
          value={draft.focusGuard?.maxAcceptedPercent ?? DEFAULT_MAX_ACCEPTED_PERCENT}
          readOnly={readOnly}
          onChange={(n) =>
            dispatch({ type: 'set', patch: { maxAcceptedPercent: numberOrNothing(n) } })
          }
          {...issues.field('focusGuard.maxAcceptedPercent')}
          testId="focusGuard.maxAcceptedPercent"
        />
        <NumberInput
          name="evidenceWindowDays"
          label="Evidence window: the review counts deals closed in the last … days"
          min={30}
          max={3650}
          value={draft.evidenceWindowDays ?? DEFAULT_EVIDENCE_WINDOW_DAYS}
          readOnly={readOnly}
          onChange={(n) =>
            dispatch({ type: 'set', patch: { evidenceWindowDays: numberOrNothing(n) } })
          }
          {...issues.field('evidenceWindowDays')}
          testId="evidenceWindowDays"
        />
      </Flex>
      <IssueText issues={issues} path="focusGuard" />
    </Flex>
  );
};
