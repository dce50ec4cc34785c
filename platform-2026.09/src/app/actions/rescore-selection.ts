// What "Rescore selected" does with the records a user selected on an index page: one
// `score_record` call per record (the function the cards call, with the same rules and writes),
// one at a time and paced, so 100 records cost about 600 requests spread over about 50 s.

/** HubSpot's object type ids of the records the action is offered on. */
export const OBJECT_TYPES: Readonly<Record<string, 'company' | 'deal'>> = {
  '0-2': 'company',
  companies: 'company',
  '0-3': 'deal',
  deals: 'deal',
};

/** At most two calls a second: about 12 requests a second, 120 per 10 s of the app's 190. */
export const CALL_SPACING_MS = 500;

/** More than this many selected records are better rescored from the app page or the CLI. */
export const MAX_SELECTED = 200;

export type SelectionRun = {
  readonly status: 'idle' | 'running' | 'stopping' | 'stopped' | 'done';
  readonly done: number;
  readonly written: number;
  readonly failed: readonly { id: string; code: string; message: string }[];
};

export const IDLE: SelectionRun = { status: 'idle', done: 0, written: 0, failed: [] };
