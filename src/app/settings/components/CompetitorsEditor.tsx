import {
  Accordion,
  Button,
  Flex,
  Input,
  MultiSelect,
  Select,
  Text,
  TextArea,
} from '@hubspot/ui-extensions';
import type { EditorProperty } from '@strategy-fit/core';

import type { CompetitorDraft, Draft, DraftAction } from '../view-model/draft.ts';
import { linesOf } from '../view-model/draft.ts';
import type { IssueIndex } from '../view-model/issues.ts';
import { IssueText } from './IssueText.tsx';

type Props = {
  draft: Draft;
  dealProperties: readonly EditorProperty[];
  issues: IssueIndex;
  readOnly: boolean;
  dispatch: (action: DraftAction) => void;
};

/** Deal properties that can name a competitor: text and enumerations (a checkbox is split on ;). */
const competitorPropertyOptions = (
  properties: readonly EditorProperty[],
  chosen: string | undefined,
): { label: string; value: string }[] => {
  const options = properties
    .filter((p) => p.type === 'string' || p.type === 'enumeration')
    .map((p) => ({ label: `${p.label} (${p.name})`, value: p.name }));
  if (chosen !== undefined && !options.some((o) => o.value === chosen)) {
    options.unshift({
      label: `${chosen} (not a text or choice property of deals here)`,
      value: chosen,
    });
  }
  return [{ label: 'None', value: '' }, ...options];
};

const CompetitorEditor = ({
  competitor,
  index,
  segments,
  issues,
  readOnly,
  dispatch,
}: {
  competitor: CompetitorDraft;
  index: number;
  segments: readonly { id: string; name: string }[];
  issues: IssueIndex;
  readOnly: boolean;
  dispatch: (action: DraftAction) => void;
}) => {
  const path = `competitors[${index}]`;
  const set = (patch: Partial<CompetitorDraft>) =>
    dispatch({ type: 'set_competitor', index, patch });
  const targets = competitor.targets ?? [];
  const segmentOptions = segments.map((s) => ({
    label: s.name === '' ? s.id : s.name,
    value: s.id,
  }));
  for (const t of targets) {
    if (!segmentOptions.some((o) => o.value === t)) {
      segmentOptions.push({ label: `${t} (no such segment)`, value: t });
    }
  }
  const hasIssues = issues.at(path).length > 0;
  return (
    <Accordion
      title={`${competitor.name === '' ? '(unnamed competitor)' : competitor.name}${hasIssues ? ' · needs attention' : ''}`}
      defaultOpen={hasIssues || competitor.name === ''}
      testId={path}
    >
      <Flex direction="column" gap="sm">
        <Flex direction="row" gap="sm" wrap>
          <Input
            name={`${path}.name`}
            label="Name"
            required
            value={competitor.name}
            readOnly={readOnly}
            onInput={(name) => set({ name })}
            {...issues.field(`${path}.name`)}
            testId={`${path}.name`}
          />
          <Input
            name={`${path}.id`}
            label="Id (written to strategy_fit_competitors)"
            required
            value={competitor.id}
            readOnly={readOnly}
            onInput={(id) => set({ id })}
            {...issues.field(`${path}.id`)}
            testId={`${path}.id`}
          />
        </Flex>
        <TextArea
          name={`${path}.values`}
          label="How deals name it: values of the competitor property, one per line (none: its name)"
          value={(competitor.values ?? []).join('\n')}
          readOnly={readOnly}
          rows={2}
          onChange={(text) => {
            const values = linesOf(text);
            set({ values: values.length === 0 ? undefined : values });
          }}
          {...issues.field(`${path}.values`)}
          testId={`${path}.values`}
        />
        <MultiSelect
          name={`${path}.targets`}
          label="Our segments it goes after"
          options={segmentOptions}
          value={[...targets]}
          readOnly={readOnly}
          onChange={(values) =>
            set({ targets: values.length === 0 ? undefined : values.map(String) })
          }
          {...issues.field(`${path}.targets`)}
          testId={`${path}.targets`}
        />
        <TextArea
          name={`${path}.howWeWin`}
          label="How we win against it (shown to reps on deals where it is present)"
          value={competitor.howWeWin ?? ''}
          readOnly={readOnly}
          rows={2}
          onInput={(text) => set({ howWeWin: text === '' ? undefined : text })}
          {...issues.field(`${path}.howWeWin`)}
          testId={`${path}.howWeWin`}
        />
        <IssueText issues={issues} path={path} />
        {!readOnly && (
          <Button
            size="sm"
            variant="destructive"
            onClick={() => dispatch({ type: 'remove_competitor', index })}
            testId={`${path}.remove`}
          >
            Remove competitor
          </Button>
        )}
      </Flex>
    </Accordion>
  );
};

/** SCORING §11: the competitors, how we win against each and whom they target. */
export const CompetitorsEditor = ({ draft, dealProperties, issues, readOnly, dispatch }: Props) => {
  const competitors = draft.competitors ?? [];
  const segments = draft.segments.map((s) => ({ id: s.id, name: s.name }));
  return (
    <Flex direction="column" gap="sm" testId="competitors">
      <Text variant="microcopy">
        Reps see, on each deal, the competitors it names, how we win against each, and whether the
        competitor goes after this segment too. Values that match no competitor count as “other”.
      </Text>
      <Select
        name="competitorProperty"
        label="The deal property where reps record competitors"
        placeholder="None"
        options={competitorPropertyOptions(dealProperties, draft.competitorProperty)}
        value={draft.competitorProperty ?? ''}
        readOnly={readOnly}
        onChange={(v) =>
          dispatch({ type: 'set', patch: { competitorProperty: v === '' ? undefined : String(v) } })
        }
        {...issues.field('competitorProperty')}
        testId="competitorProperty"
      />
      {competitors.length > 0 && draft.competitorProperty === undefined && (
        <Text variant="microcopy" testId="competitors.no-property">
          Without a competitor property, no deal names a competitor: choose where reps record them.
        </Text>
      )}
      {competitors.map((competitor, index) => (
        <CompetitorEditor
          key={index}
          competitor={competitor}
          index={index}
          segments={segments}
          issues={issues}
          readOnly={readOnly}
          dispatch={dispatch}
        />
      ))}
      <IssueText issues={issues} path="competitors" />
      {!readOnly && (
        <Button onClick={() => dispatch({ type: 'add_competitor' })} testId="competitors.add">
          Add competitor
        </Button>
      )}
    </Flex>
  );
};
