import {
  Accordion,
  Button,
  Flex,
  Input,
  NumberInput,
  Select,
  Text,
  TextArea,
} from '@hubspot/ui-extensions';
import { Priority } from '@strategy-fit/core';
import type { EditorProduct } from '@strategy-fit/core';

import { numberOrNothing } from '../view-model/criterion.ts';
import type { Draft, DraftAction, SegmentDraft } from '../view-model/draft.ts';
import { compact } from '../view-model/draft.ts';
import type { IssueIndex } from '../view-model/issues.ts';
import { CriteriaList } from './CriteriaList.tsx';
import type { PortalProperties } from './CriterionEditor.tsx';
import { IssueText } from './IssueText.tsx';
import { SegmentSellingEditor } from './SegmentSellingEditor.tsx';

const PRIORITY_WORDS: Readonly<Record<Priority, string>> = {
  dream: 'Dream: the customers we most want',
  core: 'Core: our bread and butter',
  opportunistic: 'Opportunistic: welcome when they come',
};

type Props = {
  draft: Draft;
  properties: PortalProperties;
  /** The portal's product library, for the offers. */
  products: { list: readonly EditorProduct[]; truncated: boolean };
  issues: IssueIndex;
  readOnly: boolean;
  dispatch: (action: DraftAction) => void;
};

const SegmentEditor = ({
  segment,
  index,
  count,
  properties,
  products,
  issues,
  readOnly,
  dispatch,
}: Omit<Props, 'draft'> & { segment: SegmentDraft; index: number; count: number }) => {
  const path = `segments[${index}]`;
  const set = (patch: Partial<SegmentDraft>) => dispatch({ type: 'set_segment', index, patch });
  const band = segment.dealAmount ?? {};
  const setBand = (patch: { min?: number | undefined; max?: number | undefined }) => {
    const next = compact({ ...band, ...patch });
    set({ dealAmount: Object.keys(next).length === 0 ? undefined : next });
  };
  const hasIssues = issues.at(path).length > 0;
  return (
    <Accordion
      title={`${segment.name === '' ? '(unnamed segment)' : segment.name} · ${segment.priority}${hasIssues ? ' · needs attention' : ''}`}
      defaultOpen={hasIssues || segment.name === ''}
      testId={path}
    >
      <Flex direction="column" gap="sm">
        <Flex direction="row" gap="sm" wrap>
          <Input
            name={`${path}.name`}
            label="Name"
            required
            value={segment.name}
            readOnly={readOnly}
            onInput={(name) => set({ name })}
            {...issues.field(`${path}.name`)}
            testId={`${path}.name`}
          />
          <Input
            name={`${path}.id`}
            label="Id (written to strategy_fit_segment)"
            required
            value={segment.id}
            readOnly={readOnly}
            onInput={(id) => set({ id })}
            {...issues.field(`${path}.id`)}
            testId={`${path}.id`}
          />
          <Select
            name={`${path}.priority`}
            label="Priority"
            options={Priority.options.map((p) => ({ label: PRIORITY_WORDS[p], value: p }))}
            value={segment.priority}
            readOnly={readOnly}
            onChange={(v) => {
              const parsed = Priority.safeParse(v);
              if (parsed.success) set({ priority: parsed.data });
            }}
            {...issues.field(`${path}.priority`)}
            testId={`${path}.priority`}
          />
        </Flex>
        <TextArea
          name={`${path}.description`}
          label="Description (optional)"
          value={segment.description ?? ''}
          readOnly={readOnly}
          rows={2}
          onInput={(t) => set({ description: t === '' ? undefined : t })}
          {...issues.field(`${path}.description`)}
          testId={`${path}.description`}
        />
        <Flex direction="row" gap="sm" wrap>
          <NumberInput
            name={`${path}.dealAmount.min`}
            label="Smallest fitting deal amount (optional)"
            min={0}
            value={band.min}
            readOnly={readOnly}
            onChange={(n) => setBand({ min: numberOrNothing(n) })}
            {...issues.field(`${path}.dealAmount.min`)}
            testId={`${path}.dealAmount.min`}
          />
          <NumberInput
            name={`${path}.dealAmount.max`}
            label="Largest fitting deal amount (optional)"
            min={0}
            value={band.max}
            readOnly={readOnly}
            onChange={(n) => setBand({ max: numberOrNothing(n) })}
            {...issues.field(`${path}.dealAmount.max`)}
            testId={`${path}.dealAmount.max`}
          />
        </Flex>
        <Text format={{ fontWeight: 'demibold' }}>Criteria</Text>
        <CriteriaList
          listRef={{ kind: 'segment', index }}
          criteria={segment.criteria}
          properties={properties}
          issues={issues}
          readOnly={readOnly}
          weighted
          dispatch={dispatch}
        />
        <SegmentSellingEditor
          segment={segment}
          path={path}
          index={index}
          products={products.list}
          productsTruncated={products.truncated}
          issues={issues}
          readOnly={readOnly}
          dispatch={dispatch}
        />
        <IssueText issues={issues} path={path} />
        {!readOnly && (
          <Flex direction="row" gap="sm">
            <Button
              size="sm"
              disabled={index === 0}
              onClick={() => dispatch({ type: 'move_segment', index, by: -1 })}
              testId={`${path}.up`}
            >
              Move up
            </Button>
            <Button
              size="sm"
              disabled={index === count - 1}
              onClick={() => dispatch({ type: 'move_segment', index, by: 1 })}
              testId={`${path}.down`}
            >
              Move down
            </Button>
            <Button
              size="sm"
              variant="destructive"
              onClick={() => dispatch({ type: 'remove_segment', index })}
              testId={`${path}.remove`}
            >
              Remove segment
            </Button>
          </Flex>
        )}
      </Flex>
    </Accordion>
  );
};

/** The segments: the kinds of company the team wants to sell to, in tie-breaking order. */
export const SegmentsEditor = ({ draft, ...rest }: Props) => (
  <Flex direction="column" gap="sm" testId="segments">
    <Text variant="microcopy">
      A company is scored against every segment; its best segment decides the tier. Ties go to
      dream, then core, then opportunistic, then the order below.
    </Text>
    {draft.segments.map((segment, index) => (
      <SegmentEditor
        key={index}
        segment={segment}
        index={index}
        count={draft.segments.length}
        {...rest}
      />
    ))}
    <IssueText issues={rest.issues} path="segments" />
    {!rest.readOnly && (
      <Button onClick={() => rest.dispatch({ type: 'add_segment' })} testId="segments.add">
        Add segment
      </Button>
    )}
  </Flex>
);
