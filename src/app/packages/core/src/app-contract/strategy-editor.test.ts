import { describe, expect, it } from 'vitest';

import { createSimulationAccumulator } from '../review/create-simulation-accumulator.ts';
import {
  PublishOutcome,
  StrategyEditorLoadParams,
  StrategyPublishConfirmParams,
  StrategyPublishParams,
  StrategyRollbackParams,
  StrategySimulateParams,
  StrategySimulateValue,
  VersionSummary,
} from './strategy-editor.ts';

const summary = {
  version: 4,
  status: 'current' as const,
  strategyName: 'B2B',
  publishedByLabel: 'Sam Lee',
  publishedAt: '2026-11-27T10:00:00.000Z',
  source: 'publish' as const,
  rolledBackFrom: null,
};

const pending = {
  recordId: '4100001',
  objectTypeId: '2-900001',
  targetVersion: 5,
  basedOnVersion: 4,
  source: 'publish' as const,
  approvalProperty: 'approval',
};

describe('the settings page ↔ function contract', () => {
  it('no function takes a user: HubSpot verifies none the page could send; unknown keys are refused', () => {
    expect(StrategyEditorLoadParams.safeParse({}).success).toBe(true);
    const user = { id: '9100001', email: 'maya@example.com', teamIds: [] };
    expect(StrategyEditorLoadParams.safeParse({ user }).success).toBe(false);
    expect(StrategyPublishParams.safeParse({ user, strategy: {}, basedOnVersion: 3 }).success).toBe(
      false,
    );
    expect(StrategyRollbackParams.safeParse({ user, version: 2 }).success).toBe(false);
    expect(StrategyPublishConfirmParams.safeParse({ user, pendingId: '4100001' }).success).toBe(
      false,
    );
  });

  it('publish names the version it was based on (null: none yet); rollback may', () => {
    expect(StrategyPublishParams.safeParse({ strategy: {}, basedOnVersion: 3 }).success).toBe(true);
    expect(StrategyPublishParams.safeParse({ strategy: {}, basedOnVersion: null }).success).toBe(
      true,
    );
    expect(StrategyPublishParams.safeParse({ strategy: {} }).success).toBe(false);
    expect(StrategyPublishParams.safeParse({ strategy: {}, basedOnVersion: 0 }).success).toBe(
      false,
    );
    expect(StrategyRollbackParams.safeParse({ version: 2 }).success).toBe(true);
    expect(StrategyRollbackParams.safeParse({ version: 2.5 }).success).toBe(false);
  });

  it('a confirmation names the prepared record by its HubSpot id, nothing else', () => {
    expect(StrategyPublishConfirmParams.safeParse({ pendingId: '4100001' }).success).toBe(true);
    for (const pendingId of ['', '0', '12a', '-4', '1'.repeat(20)]) {
      expect(StrategyPublishConfirmParams.safeParse({ pendingId }).success).toBe(false);
    }
  });

  it('a version summary names who published, never by id', () => {
    expect(VersionSummary.safeParse(summary).success).toBe(true);
    expect(VersionSummary.safeParse({ ...summary, publishedBy: '9100002' }).success).toBe(false);
  });

  it('a simulation cursor is what the previous chunk answered', () => {
    const cursor = {
      phase: 'companies',
      page: '1101',
      publishedVersion: 3,
      companiesDone: 100,
      totalCompanies: 250,
    };
    expect(StrategySimulateParams.safeParse({ strategy: {}, cursor }).success).toBe(true);
    expect(
      StrategySimulateParams.safeParse({ strategy: {}, cursor: { ...cursor, extra: 1 } }).success,
    ).toBe(false);
    const value = {
      publishedVersion: 3,
      part: createSimulationAccumulator().part(),
      portal: { companies: 100, deals: 0, criteria: [] },
      chunk: { companies: 100, openDeals: 40, elapsedMs: 812 },
      progress: { companiesDone: 100, totalCompanies: 250 },
      cursor,
    };
    expect(StrategySimulateValue.parse(value)).toEqual(value);
  });

  it('a publish published, awaits approval, found problems (at least one), or met a newer version', () => {
    expect(PublishOutcome.safeParse({ outcome: 'published', version: summary }).success).toBe(true);
    expect(PublishOutcome.safeParse({ outcome: 'awaiting_approval', pending }).success).toBe(true);
    expect(
      PublishOutcome.safeParse({
        outcome: 'awaiting_approval',
        pending: { ...pending, recordId: 'x' },
      }).success,
    ).toBe(false);
    expect(PublishOutcome.safeParse({ outcome: 'invalid', issues: [] }).success).toBe(false);
    expect(
      PublishOutcome.safeParse({ outcome: 'conflict', basedOnVersion: 3, current: summary })
        .success,
    ).toBe(true);
  });
});
