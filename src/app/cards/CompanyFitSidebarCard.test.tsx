import { Alert, Flex, List, ScoreCircle, Table, Tag, Text } from '@hubspot/ui-extensions';
import { createRenderer } from '@hubspot/ui-extensions/testing';
import type { SegmentPositioning } from '@strategy-fit/core';
import { ScoreRecordResponse } from '@strategy-fit/core';
import { beforeAll, describe, expect, it } from 'vitest';

import { CompanyFitSidebarCard } from './CompanyFitSidebarCard.tsx';
import type {
  CardFixtures,
  ScoreFixtureName as FixtureName,
} from '../../../test/support/cards/card-fixtures.ts';
import { loadCardFixtures } from '../../../test/support/cards/card-fixtures.ts';
import { allText, listItems, runnerAnswering } from '../../../test/support/cards/helpers.ts';

let fixtures: CardFixtures;
beforeAll(async () => {
  fixtures = await loadCardFixtures();
}, 60_000);

const positioningOf = (name: FixtureName): SegmentPositioning => {
  const answer = ScoreRecordResponse.parse(fixtures[name]);
  const positioning = answer.ok ? answer.value.company?.positioning : null;
  if (positioning === null || positioning === undefined) throw new Error(`${name} has none`);
  return positioning;
};

const renderFixture = (name: FixtureName) => {
  const renderer = createRenderer('crm.record.sidebar');
  const run = runnerAnswering({ score_record: [fixtures[name]] });
  const { mocks } = renderer;
  renderer.render(
    <CompanyFitSidebarCard context={mocks.context} actions={mocks.actions} run={run} />,
  );
  return { ...renderer, run };
};

describe('company sidebar (crm.record.sidebar), the compact variant', () => {
  it('shows score, tier and at most three to-dos, without the explanation tables', async () => {
    const answer = ScoreRecordResponse.parse(fixtures.company_needs_data);
    if (!answer.ok || answer.value.company === null) throw new Error('a company answer');
    const { findByTestId, maybeFind, waitFor } = renderFixture('company_needs_data');
    await waitFor(() => expect(findByTestId(Tag, 'fit-tier').text).toBe('Needs data'));
    expect(findByTestId(ScoreCircle, 'fit-score').props.score).toBe(answer.value.company.fitScore);
    const todos = allText(findByTestId(Flex, 'fit-todos'));
    for (const todo of answer.value.company.todos.slice(0, 3)) expect(todos).toContain(todo.text);
    expect(maybeFind(Table)).toBeNull();
  });

  it('off strategy: the same alert as the record tab, and no positioning', async () => {
    const { findByTestId, maybeFindByTestId, waitFor } = renderFixture('company_off_strategy');
    await waitFor(() => expect(findByTestId(Tag, 'fit-tier').text).toBe('Off strategy'));
    expect(findByTestId(Alert, 'alert-off_strategy').props.variant).toBe('danger');
    expect(maybeFindByTestId(Flex, 'positioning')).toBeNull();
  });

  it('the positioning of the segment, whole when its lists have three items or fewer', async () => {
    const positioning = positioningOf('company_dream');
    const { findByTestId, maybeFindByTestId, waitFor } = renderFixture('company_dream');
    await waitFor(() => expect(findByTestId(Tag, 'fit-tier').text).toBe('Dream'));
    expect(findByTestId(Text, 'positioning-value').text).toBe(positioning.valueProposition);
    expect(listItems(findByTestId(List, 'positioning-differentiators'))).toEqual(
      positioning.differentiators,
    );
    expect(listItems(findByTestId(List, 'positioning-expectations'))).toEqual(
      positioning.expectations,
    );
    expect(maybeFindByTestId(Text, 'positioning-differentiators-more')).toBeNull();
  });

  it('longer lists are shortened to three, the rest is on the record tab', async () => {
    const positioning = positioningOf('company_long_positioning');
    const { findByTestId, waitFor } = renderFixture('company_long_positioning');
    await waitFor(() => expect(findByTestId(Tag, 'fit-tier').text).toBe('Dream'));
    expect(listItems(findByTestId(List, 'positioning-differentiators'))).toEqual(
      positioning.differentiators.slice(0, 3),
    );
    expect(findByTestId(Text, 'positioning-differentiators-more').text).toBe(
      `and ${positioning.differentiators.length - 3} more on the record tab`,
    );
    expect(listItems(findByTestId(List, 'positioning-expectations'))).toEqual(
      positioning.expectations.slice(0, 3),
    );
    expect(findByTestId(Text, 'positioning-expectations-more').text).toBe(
      `and ${positioning.expectations.length - 3} more on the record tab`,
    );
  });
});
