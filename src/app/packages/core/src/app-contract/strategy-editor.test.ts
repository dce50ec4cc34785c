import { describe, expect, it } from 'vitest';

import { createSimulationAccumulator } from '../review/create-simulation-accumulator.ts';
import {
  PublishOutcome,
  StrategyEditorLoadParams,
  StrategyPublishParams,
  StrategyRollbackParams,
  StrategySimulateParams,
  StrategySimulateValue,
} from './strategy-editor.ts';

const user = { id: '9100001', email: 'maya@example.com', teamIds: [] };
const summary = {
  version: 4,
  status: 'current' as const,
  strategyName: 'B2B',
  publishedBy: '9100002',
  publishedByLabel: 'Sam Lee',
  publishedAt: '2026-11-27T10:00:00.000Z',
  source: 'publish' as const,
  rolledBackFrom: null,
};

describe('the settings page ↔ function contract', () => {
  it('every function takes the card user; unknown keys are refused', () => {
    expect(StrategyEditorLoadParams.safeParse({ user }).success).toBe(true);
    expect(StrategyEditorLoadParams.safeParse({}).success).toBe(false);
    expect(StrategyEditorLoadParams.safeParse({ user, token: 'x' }).success).toBe(false);
  });

  it('publish names the version it was based on; rollback may', () => {
    expect(StrategyPublishParams.safeParse({ user, strategy: {}, basedOnVersion: 3 }).success).toBe(
      true,
    );
    expect(StrategyPublishParams.safeParse({ user, strategy: {} }).success).toBe(false);
    expect(StrategyPublishParams.safeParse({ user, strategy: {}, basedOnVersion: 0 }).success).toBe(
      false,
    );
    expect(StrategyRollbackParams.safeParse({ user, version: 2 }).success).toBe(true);
    expect(StrategyRollbackParams.safeParse({ user, version: 2.5 }).success).toBe(false);
  });

  it('a simulation cursor is what the previous chunk answered', () => {
    const cursor = {
      phase: 'companies',
      page: '1101',
      publishedVersion: 3,
      companiesDone: 100,
      totalCompanies: 250,
    };
    expect(StrategySimulateParams.safeParse({ user, strategy: {}, cursor }).success).toBe(true);
    expect(
      StrategySimulateParams.safeParse({ user, strategy: {}, cursor: { ...cursor, extra: 1 } })
        .success,
    ).toBe(false);
    const value = {
      publishedVersion: 3,
      part: createSimulationAccumulator().part(),
      chunk: { companies: 100, openDeals: 40, elapsedMs: 812 },
      progress: { companiesDone: 100, totalCompanies: 250 },
      cursor,
    };
    expect(StrategySimulateValue.parse(value)).toEqual(value);
  });

  it('a publish either published, found problems (at least one), or met a newer version', () => {
    expect(PublishOutcome.safeParse({ outcome: 'published', version: summary }).success).toBe(true);
    expect(PublishOutcome.safeParse({ outcome: 'invalid', issues: [] }).success).toBe(false);
    expect(
      PublishOutcome.safeParse({ outcome: 'conflict', basedOnVersion: 3, current: summary })
        .success,
    ).toBe(true);
  });
});
