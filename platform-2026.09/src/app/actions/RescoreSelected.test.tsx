import { Alert, Button, ProgressBar } from '@hubspot/ui-extensions';
import { createRenderer } from '@hubspot/ui-extensions/testing';
import { produceCardFixtures } from '../../../../test/support/functions/produce-card-fixtures.ts';
import type { CardFixtures } from '../../../../test/support/functions/produce-card-fixtures.ts';
import { beforeAll, describe, expect, it, vi } from 'vitest';

import { RescoreSelected } from './RescoreSelected.tsx';

let fixtures: CardFixtures;
beforeAll(async () => {
  fixtures = await produceCardFixtures();
}, 60_000);

const renderAction = (objectTypeId: string, objectIds: number[], answers: unknown[]) => {
  const renderer = createRenderer('crm.bulkActions');
  const { mocks } = renderer;
  mocks.context.crm.objectTypeId = objectTypeId;
  mocks.context.crm.objectIds = objectIds;
  let n = 0;
  const run = vi.fn(async () => answers[Math.min(n++, answers.length - 1)]);
  renderer.render(
    <RescoreSelected context={mocks.context} actions={mocks.actions} run={run} spacingMs={0} />,
  );
  return { ...renderer, run };
};

describe('Rescore selected (crm-bulk-action, 2026.09)', () => {
  it('calls score_record for each selected company, with progress, and lists what failed', async () => {
    const r = renderAction(
      '0-2',
      [11, 12, 13],
      [fixtures.company_dream, fixtures.error_unavailable, fixtures.company_fit],
    );
    r.findByTestId(Button, 'selection-start').trigger('onClick');
    await r.waitFor(() =>
      expect(r.findByTestId(Button, 'selection-start').text).toBe('Rescore again'),
    );
    expect(
      r.run.mock.calls.map(
        (c: unknown[]) => (c[1] as { parameters: { objectId: string } }).parameters.objectId,
      ),
    ).toEqual(['11', '12', '13']);
    expect(r.findByTestId(ProgressBar, 'selection-progress').props.value).toBe(3);
    expect(r.findByTestId(Alert, 'selection-failed').props.title).toBe('1 could not be rescored');
    expect(r.mocks.actions.addAlert.callCount).toBe(1);
  });

  it('is not offered on other objects', () => {
    const r = renderAction('0-1', [1], [fixtures.company_dream]);
    expect(r.maybeFindByTestId(Button, 'selection-start')).toBeNull();
  });
});
