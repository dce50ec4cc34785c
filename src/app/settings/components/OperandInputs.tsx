import {
  DateInput,
  Flex,
  Input,
  MultiSelect,
  NumberInput,
  Select,
  Text,
} from '@hubspot/ui-extensions';
import type { CriterionInput } from '@strategy-fit/core';
import { useState } from 'react';

import type { OperandInput } from '../view-model/criterion.ts';
import {
  formatList,
  fromDateValue,
  numberOrNothing,
  parseList,
  setOperands,
  toDateValue,
} from '../view-model/criterion.ts';
import type { IssueIndex } from '../view-model/issues.ts';

type Props = {
  criterion: CriterionInput;
  input: OperandInput;
  /** The criterion's JSON path: its operands are at `${path}.value`, `.values`, `.highValue`. */
  path: string;
  issues: IssueIndex;
  readOnly: boolean;
  onChange: (criterion: CriterionInput) => void;
};

/** A comma-separated list typed as text; kept as typed so a trailing comma does not vanish. */
const ListInput = ({
  criterion,
  numbers,
  path,
  issues,
  readOnly,
  onChange,
}: Omit<Props, 'input'> & { numbers: boolean }) => {
  const [text, setText] = useState(formatList(criterion.values));
  const change = (value: string) => {
    setText(value);
    const values = parseList(value, numbers);
    onChange(setOperands(criterion, { values: values.length === 0 ? undefined : values }));
  };
  return (
    <Input
      name={`${path}.values`}
      label={numbers ? 'Numbers (separated by commas)' : 'Values (separated by commas)'}
      value={text}
      readOnly={readOnly}
      onInput={change}
      onChange={change}
      {...issues.field(`${path}.values`)}
      testId={`${path}.values`}
    />
  );
};

const numberOf = (v: unknown): number | undefined => (typeof v === 'number' ? v : undefined);

/** The inputs of a criterion's operands, by what its operator and property need. */
export const OperandInputs = (props: Props) => {
  const { criterion, input, path, issues, readOnly, onChange } = props;
  const set = (operands: Parameters<typeof setOperands>[1]) =>
    onChange(setOperands(criterion, operands));
  const at = (key: 'value' | 'highValue') => ({
    name: `${path}.${key}`,
    readOnly,
    testId: `${path}.${key}`,
    ...issues.field(`${path}.${key}`),
  });
  switch (input.kind) {
    case 'none':
      return (
        <Text variant="microcopy" testId={`${path}.no-value`}>
          No value needed.
        </Text>
      );
    case 'option':
      return (
        <Select
          {...at('value')}
          label="Value"
          options={[...input.options]}
          value={typeof criterion.value === 'string' ? criterion.value : undefined}
          onChange={(v) => set({ value: String(v) })}
        />
      );
    case 'options':
      return (
        <MultiSelect
          name={`${path}.values`}
          label="Values"
          readOnly={readOnly}
          options={[...input.options]}
          value={(criterion.values ?? []).map(String)}
          onChange={(v) => set({ values: v.length === 0 ? undefined : v.map(String) })}
          {...issues.field(`${path}.values`)}
          testId={`${path}.values`}
        />
      );
    case 'boolean':
      return (
        <Select
          {...at('value')}
          label="Value"
          options={[
            { label: 'Yes', value: true },
            { label: 'No', value: false },
          ]}
          value={typeof criterion.value === 'boolean' ? criterion.value : undefined}
          onChange={(v) => set({ value: v === true || v === 'true' })}
        />
      );
    case 'number':
      return (
        <NumberInput
          {...at('value')}
          label="Number"
          value={numberOf(criterion.value)}
          onChange={(n) => set({ value: numberOrNothing(n) })}
        />
      );
    case 'days':
      return (
        <NumberInput
          {...at('value')}
          label="Days"
          min={0}
          value={numberOf(criterion.value)}
          onChange={(n) => set({ value: numberOrNothing(n) })}
        />
      );
    case 'numbers':
    case 'texts':
      return <ListInput {...props} numbers={input.kind === 'numbers'} />;
    case 'number_range':
      return (
        <Flex direction="row" gap="sm">
          <NumberInput
            {...at('value')}
            label="From"
            value={numberOf(criterion.value)}
            onChange={(n) => set({ value: numberOrNothing(n) })}
          />
          <NumberInput
            {...at('highValue')}
            label="To"
            value={numberOf(criterion.highValue)}
            onChange={(n) => set({ highValue: numberOrNothing(n) })}
          />
        </Flex>
      );
    case 'date':
      return (
        <DateInput
          {...at('value')}
          label="Date"
          format="YYYY-MM-DD"
          value={toDateValue(criterion.value)}
          onChange={(d) => set({ value: fromDateValue(d) })}
        />
      );
    case 'date_range':
      return (
        <Flex direction="row" gap="sm">
          <DateInput
            {...at('value')}
            label="From"
            format="YYYY-MM-DD"
            value={toDateValue(criterion.value)}
            onChange={(d) => set({ value: fromDateValue(d) })}
          />
          <DateInput
            {...at('highValue')}
            label="To"
            format="YYYY-MM-DD"
            value={toDateValue(criterion.highValue)}
            onChange={(d) => set({ highValue: fromDateValue(d) })}
          />
        </Flex>
      );
    case 'text':
      return (
        <Input
          {...at('value')}
          label="Text"
          value={
            typeof criterion.value === 'string' ? criterion.value : String(criterion.value ?? '')
          }
          onInput={(t) => set({ value: t === '' ? undefined : t })}
          onChange={(t) => set({ value: t === '' ? undefined : t })}
        />
      );
    default:
      return input satisfies never;
  }
};
