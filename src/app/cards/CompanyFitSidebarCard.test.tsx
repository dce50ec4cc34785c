import { Alert, Flex, ScoreCircle, Table, Tag } from '@hubspot/ui-extensions';
import { createRenderer } from '@hubspot/ui-extensions/testing';
import { ScoreRecordResponse } from '@strategy-fit/core';
import { beforeAll, describe, expect, it } from 'vitest';

import { CompanyFitSidebarCard } from './CompanyFitSidebarCard.tsx';
import type {
  CardFixtures,
  ScoreFixtureName as FixtureName,
} from '../../../test/support/cards/card-fixtures.ts';
import { loadCardFixtures } from '../../../test/support/cards/card-fixtures.ts';
import { allText, runnerAnswering } from '../../../test/support/cards/helpers.ts';

let fixtures: CardFixtures;
beforeAll(async () => {
  fixtures = await loadCardFixtures();
}, 60_000);

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

  it('off strategy: the same alert as the record tab', async () => {
    const { findByTestId, waitFor } = renderFixture('company_off_strategy');
    await waitFor(() => expect(findByTestId(Tag, 'fit-tier').text).toBe('Off strategy'));
    expect(findByTestId(Alert, 'alert-off_strategy').props.variant).toBe('danger');
  });
});
