// The walk of a scoring run: companies, then deals (SCORING §6, §7), every record or a selection.
import type { Result, StrategyFitError } from '@strategy-fit/core';
import type { SearchWhere } from '@strategy-fit/hubspot';

import { recordBlocks } from './read-blocks.ts';
import type { BlockOptions, WalkRecord } from './read-blocks.ts';
import { scoreCompanyBlock, scoreDealBlock } from './score-block.ts';
import type { BlockOutcome, ScoringRun } from './score-block.ts';
import { definePhase } from './walk.ts';
import type { Phase, WalkCursor } from './walk.ts';

/** Which records a run scores: every one, those modified since a moment, or the stale ones. */
export type ScoreSelection =
  { kind: 'all' } | { kind: 'since'; sinceMs: number } | { kind: 'stale' };

/** The search a selection stands for; null: every record (the list API). */
export const selectionWhere = (selection: ScoreSelection, version: number): SearchWhere | null => {
  switch (selection.kind) {
    case 'all':
      return null;
    case 'since':
      return { kind: 'modifiedSince', sinceMs: selection.sinceMs };
    case 'stale':
      return { kind: 'staleVersion', version };
    default:
      return selection satisfies never;
  }
};

/** A scored block, for the job to count and remember: its records and what scoring them did. */
export type ScoredBlock = {
  phase: 'companies' | 'deals';
  records: readonly WalkRecord[];
  outcome: Result<BlockOutcome, StrategyFitError>;
  /** Records a search still selects after the block (a selection's progress). */
  remaining?: number;
};

/** The phases `companies` and `deals` of a scoring run; `commit` sees each block in order. */
export function scorePhases(
  run: ScoringRun,
  selection: ScoreSelection,
  commit: (block: ScoredBlock, next: WalkCursor | null) => Promise<unknown>,
  options: BlockOptions = {},
): Phase[] {
  const where = selectionWhere(selection, run.stamp.version);
  return [
    definePhase({
      name: 'companies',
      read: recordBlocks(
        run.hs,
        { objectType: 'companies', properties: run.reads.companies, where },
        options,
      ),
      process: async (records: WalkRecord[], block): Promise<ScoredBlock> => ({
        phase: 'companies',
        records,
        outcome: await scoreCompanyBlock(run, records),
        ...block,
      }),
      commit,
    }),
    definePhase({
      name: 'deals',
      read: recordBlocks(
        run.hs,
        {
          objectType: 'deals',
          properties: run.reads.deals,
          where,
          links: ['companies', 'line_items'],
        },
        options,
      ),
      process: async (records: WalkRecord[], block): Promise<ScoredBlock> => ({
        phase: 'deals',
        records,
        outcome: await scoreDealBlock(run, records),
        ...block,
      }),
      commit,
    }),
  ];
}
