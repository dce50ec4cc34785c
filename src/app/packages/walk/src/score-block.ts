// Scoring one block of a walk (score --all/--since/--stale-only, rescore_stale): score the page,
// write the changed records in batches of 100, and count what happened. A record HubSpot refuses
// is a failure of that record; a block whose companies or line items cannot be read, or whose
// write HubSpot refuses as a whole, is an error the job decides about.
import { carriesStamp, ok } from '@strategy-fit/core';
import type { ErrorCode, Result, StrategyFitError } from '@strategy-fit/core';
import { writeRecords } from '@strategy-fit/hubspot';
import type { HubSpot, RawRecord, RecordUpdate } from '@strategy-fit/hubspot';

import { readDealContext } from './deal-context.ts';
import type { CompanyStore, DealLinks } from './deal-context.ts';
import { scorePage } from './score-page.ts';
import type { ScoringSetup } from './score-page.ts';

/** A record that could not be written, with HubSpot's reason. */
export type FailedRecord = {
  objectType: 'companies' | 'deals';
  id: string;
  code: ErrorCode;
  message: string;
};

/** What one block did. */
export type BlockOutcome = {
  scanned: number;
  changed: number;
  unchanged: number;
  failed: FailedRecord[];
};

/** A scoring run: the setup, the properties it reads and, for deals, kept companies. */
export type ScoringRun = ScoringSetup & {
  hs: HubSpot;
  reads: { companies: readonly string[]; deals: readonly string[] };
  /** Companies the run keeps (the CLI's, on disk): their deals need not read them again. */
  companies?: CompanyStore;
  /**
   * A resumed run (the CLI's `--resume`): a record that needs no write and already carries this
   * run's stamp (its version and `scored_at`, "now" pinned by the checkpoint) was written by the
   * interrupted process after its last checkpoint; it counts as changed by this run, not unchanged.
   */
  resumed?: boolean;
};

/** Records written by an interrupted process of this run: its stamp, and nothing to write now. */
const writtenEarlier = (
  run: ScoringRun,
  records: readonly RawRecord[],
  updates: readonly RecordUpdate[],
): number => {
  if (run.resumed !== true) return 0;
  const writing = new Set(updates.map((u) => u.id));
  return records.filter((r) => !writing.has(r.id) && carriesStamp(r.properties, run.stamp)).length;
};

const write = async (
  run: ScoringRun,
  objectType: 'companies' | 'deals',
  records: readonly RawRecord[],
  updates: RecordUpdate[],
): Promise<Result<BlockOutcome, StrategyFitError>> => {
  const scanned = records.length;
  const earlier = writtenEarlier(run, records, updates);
  if (updates.length === 0)
    return ok({ scanned, changed: earlier, unchanged: scanned - earlier, failed: [] });
  const written = await writeRecords(run.hs, objectType, updates);
  if (!written.ok) return written;
  const failed = written.value.failed.map((f) => ({
    objectType,
    id: f.id,
    code: f.error.code,
    message: f.error.message,
  }));
  return ok({
    scanned,
    changed: written.value.written.length + earlier,
    unchanged: scanned - updates.length - earlier,
    failed,
  });
};

/** SCORING §6 + §8: a block of companies. */
export const scoreCompanyBlock = (
  run: ScoringRun,
  records: readonly RawRecord[],
): Promise<Result<BlockOutcome, StrategyFitError>> =>
  write(run, 'companies', records, scorePage(run, { kind: 'companies', records }));

/** SCORING §7 + §8: a block of deals with their companies and line items. */
export async function scoreDealBlock(
  run: ScoringRun,
  records: readonly (RawRecord & DealLinks)[],
): Promise<Result<BlockOutcome, StrategyFitError>> {
  if (records.length === 0) return ok({ scanned: 0, changed: 0, unchanged: 0, failed: [] });
  const context = await readDealContext(run.hs, records, {
    companyProperties: run.reads.companies,
    ...(run.companies === undefined ? {} : { store: run.companies }),
  });
  if (!context.ok) return context;
  return write(
    run,
    'deals',
    records,
    scorePage(run, { kind: 'deals', records, context: context.value }),
  );
}

/** Every record of a block failed with one error (a read or a whole write HubSpot refused). */
export const failedBlock = (
  objectType: 'companies' | 'deals',
  ids: readonly string[],
  error: StrategyFitError,
): BlockOutcome => ({
  scanned: ids.length,
  changed: 0,
  unchanged: 0,
  failed: ids.map((id) => ({ objectType, id, code: error.code, message: error.message })),
});
