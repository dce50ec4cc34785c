// @strategy-fit/walk: one walk through a portal for every bulk job (docs/architecture.md). A job
// names its phases (which records, block by block) and what each block feeds: scoring and its
// diff-only writes, the simulation, or the review. The CLI checkpoints the walk's cursor to a
// file; an app function answers it to its page and gives the walk a time budget.
export { definePhase, walk } from './walk.ts';
export type { Block, Phase, PhaseSpec, WalkCursor, WalkEnd, WalkOptions } from './walk.ts';
export { BLOCK_SIZE, recordBlocks } from './read-blocks.ts';
export type { BlockOptions, Selection, WalkRecord } from './read-blocks.ts';
export { readDealContext, readDealLinks } from './deal-context.ts';
export type { CompanyStore, DealContext, DealLinkKinds, DealLinks } from './deal-context.ts';
export { COMPANY_MEMORY_LIMIT, createCompanyMemory } from './company-memory.ts';
export type { CompanyMemory } from './company-memory.ts';
export { scorePage } from './score-page.ts';
export type { ScoringPage, ScoringSetup } from './score-page.ts';
export { failedBlock, scoreCompanyBlock, scoreDealBlock } from './score-block.ts';
export type { BlockOutcome, FailedRecord, ScoringRun } from './score-block.ts';
export { scorePhases, selectionWhere } from './score-phases.ts';
export type { ScoredBlock, ScoreSelection } from './score-phases.ts';
export { reviewCompanyProperties, reviewDealFilters, reviewPhases } from './review-phases.ts';
export type { ReviewContext, ReviewedBlock, ReviewFilters } from './review-phases.ts';
export { OPEN_DEALS, simulatePhases } from './simulate-phases.ts';
export type { SimulatedBlock, SimulationContext } from './simulate-phases.ts';
export { countStale, CONFIRM_LIMIT } from './count-stale.ts';
