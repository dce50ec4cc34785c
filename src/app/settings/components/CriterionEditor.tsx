import { Button, Checkbox, Flex, Input, NumberInput, Select, Text } from '@hubspot/ui-extensions';
import { Operator } from '@strategy-fit/core';
import type { CriterionInput, EditorProperty } from '@strategy-fit/core';

import {
  changeObject,
  changeOperator,
  changeProperty,
  numberOrNothing,
  offeredOperators,
  OPERATOR_WORDS,
  operandInput,
} from '../view-model/criterion.ts';
import { compact } from '../view-model/draft.ts';
import type { IssueIndex } from '../view-model/issues.ts';
import { CriterionPortalFigures } from './CriterionPortalFigures.tsx';
import { OperandInputs } from './OperandInputs.tsx';

export type PortalProperties = {
  readonly company: readonly EditorProperty[];
  readonly deal: readonly EditorProperty[];
};

type Props = {
  criterion: CriterionInput;
  /** Its JSON path, e.g. `segments[0].criteria[2]`: issues and test ids use it. */
  path: string;
  defaultObject: 'company' | 'deal';
  /** SCORING §14: only the dream-customer test reads deals; segments and exclusions judge the company. */
  readsDeals: boolean;
  properties: PortalProperties;
  issues: IssueIndex;
  readOnly: boolean;
  /** Weight and required matter in segments only (SCORING §5). */
  weighted: boolean;
  onChange: (criterion: CriterionInput) => void;
  onRemove: () => void;
};

const COMPANY_OPTION = { label: 'Company', value: 'company' };
const OBJECT_OPTIONS = [COMPANY_OPTION, { label: 'Deal', value: 'deal' }];
/** A segment or exclusion criterion that reads the deal (refused): shown so it can be switched. */
const REFUSED_OBJECT_OPTIONS = [
  COMPANY_OPTION,
  { label: 'Deal (not allowed in segments and exclusions)', value: 'deal' },
];

/** One criterion: record, property (the portal's), operator (by the property's type), operands. */
export const CriterionEditor = (props: Props) => {
  const { criterion, path, properties, issues, readOnly, onChange } = props;
  const object = criterion.object ?? props.defaultObject;
  const list = properties[object];
  const property = list.find((p) => p.name === criterion.property);
  const propertyOptions = list.map((p) => ({ label: `${p.label} (${p.name})`, value: p.name }));
  if (criterion.property !== '' && property === undefined) {
    propertyOptions.unshift({
      label: `${criterion.property} (not a ${object} property of this portal)`,
      value: criterion.property,
    });
  }
  const operators = offeredOperators(property);
  const operatorOptions = operators.map((o) => ({
    label: `${OPERATOR_WORDS[o]} (${o})`,
    value: o,
  }));
  if (!operators.includes(criterion.operator)) {
    operatorOptions.unshift({
      label: `${OPERATOR_WORDS[criterion.operator]} (${criterion.operator}, does not fit this property)`,
      value: criterion.operator,
    });
  }
  // Segments and exclusions read the company only: no record to choose, unless one reads a deal.
  const choosesObject = props.readsDeals || object === 'deal';
  return (
    <Flex direction="column" gap="xs" testId={path}>
      <Flex direction="row" gap="sm" wrap>
        {choosesObject && (
          <Select
            name={`${path}.object`}
            label="Record"
            options={props.readsDeals ? OBJECT_OPTIONS : REFUSED_OBJECT_OPTIONS}
            value={object}
            readOnly={readOnly}
            onChange={(v) => onChange(changeObject(criterion, v === 'deal' ? 'deal' : 'company'))}
            {...issues.field(`${path}.object`)}
            testId={`${path}.object`}
          />
        )}
        <Select
          name={`${path}.property`}
          label="Property"
          placeholder="Choose a property"
          options={propertyOptions}
          value={criterion.property === '' ? undefined : criterion.property}
          readOnly={readOnly}
          onChange={(v) => {
            const name = String(v);
            onChange(
              changeProperty(
                criterion,
                name,
                list.find((p) => p.name === name),
              ),
            );
          }}
          {...issues.field(`${path}.property`)}
          testId={`${path}.property`}
        />
        <Select
          name={`${path}.operator`}
          label="Operator"
          options={operatorOptions}
          value={criterion.operator}
          readOnly={readOnly}
          onChange={(v) => {
            const parsed = Operator.safeParse(v);
            if (parsed.success) onChange(changeOperator(criterion, parsed.data));
          }}
          {...issues.field(`${path}.operator`)}
          testId={`${path}.operator`}
        />
        <OperandInputs
          key={`${object}|${criterion.property}|${criterion.operator}`}
          criterion={criterion}
          input={operandInput(criterion, property)}
          path={path}
          issues={issues}
          readOnly={readOnly}
          onChange={onChange}
        />
      </Flex>
      <Flex direction="row" gap="sm" wrap align="end">
        {props.weighted && (
          <NumberInput
            name={`${path}.weight`}
            label="Weight (1–10)"
            min={1}
            max={10}
            value={criterion.weight ?? 1}
            readOnly={readOnly}
            onChange={(n) => onChange(compact({ ...criterion, weight: numberOrNothing(n) }))}
            {...issues.field(`${path}.weight`)}
            testId={`${path}.weight`}
          />
        )}
        {props.weighted && (
          <Checkbox
            name={`${path}.required`}
            checked={criterion.required ?? false}
            readOnly={readOnly}
            onChange={(checked) => onChange({ ...criterion, required: checked })}
            description="A miss disqualifies the segment"
            testId={`${path}.required`}
          >
            Required
          </Checkbox>
        )}
        <Input
          name={`${path}.label`}
          label="Label shown to reps (optional)"
          value={criterion.label ?? ''}
          readOnly={readOnly}
          onInput={(t) => onChange(compact({ ...criterion, label: t === '' ? undefined : t }))}
          {...issues.field(`${path}.label`)}
          testId={`${path}.label`}
        />
        {!readOnly && (
          <Button
            variant="transparent"
            size="sm"
            onClick={props.onRemove}
            testId={`${path}.remove`}
          >
            Remove criterion
          </Button>
        )}
      </Flex>
      {issues.exact(path).length > 0 && (
        <Text variant="microcopy" testId={`${path}.issues`}>
          {issues
            .exact(path)
            .map((i) => i.message)
            .join(' ')}
        </Text>
      )}
      <CriterionPortalFigures path={path} />
    </Flex>
  );
};
