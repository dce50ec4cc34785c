import { z } from 'zod';

import { PortalPart } from '../portal/portal-tally.ts';
import { SimulationPart } from '../review/create-simulation-accumulator.ts';
import { StrategyProblem } from '../strategy/check-strategy.ts';
import { StrategySchema } from '../strategy/strategy-schema.ts';
import { functionResponse } from './schema.ts';
import { SetupStatus } from './setup.ts';

// The contract between the settings page (the strategy editor) and its app functions:
// strategy_editor_load, strategy_validate, strategy_simulate, strategy_publish,
// strategy_rollback and strategy_publish_confirm (docs/strategy-editor.md); setup's is in
// setup.ts. Both sides parse with these schemas.

const Version = z.number().int().min(1).describe('A published strategy version number');
const Count = z.number().int().min(0);

/**
 * The editor's functions take a whole strategy (up to 65,536 characters as compact JSON, SCORING
 * §1) with the user and a cursor, so they accept larger parameters than the cards' functions.
 */
export const MAX_EDITOR_PARAMETERS_CHARS = 80_000;

/** The newest versions `strategy_editor_load` lists; `historyTotal` counts them all. */
export const MAX_HISTORY = 50;

/** One published version, as the history lists it (without its strategy). */
export const VersionSummary = z.strictObject({
  version: Version,
  status: z.enum(['current', 'superseded']).describe('The highest version is current'),
  strategyName: z.string(),
  publishedByLabel: z
    .string()
    .describe('Who published, by name (or “CLI (token holder)”); never an id or an email'),
  publishedAt: z.string().describe('ISO instant'),
  source: z.enum(['publish', 'rollback']),
  rolledBackFrom: Version.nullable().describe('For a rollback: the version published again'),
});
export type VersionSummary = z.output<typeof VersionSummary>;

/** A property the pickers offer: what the editor needs of HubSpot's definition. */
export const EditorProperty = z.strictObject({
  name: z.string(),
  label: z.string(),
  type: z.string().describe('HubSpot type: string, number, date, datetime, enumeration, bool, …'),
  fieldType: z.string().describe('HubSpot field type: text, select, checkbox, booleancheckbox, …'),
  options: z.array(z.strictObject({ label: z.string(), value: z.string() })).optional(),
  optionsTruncated: z.boolean().optional().describe('More options exist than are listed'),
});
export type EditorProperty = z.output<typeof EditorProperty>;

/**
 * A manager of the published version, by name. The strategy the editor holds names them by `ref`
 * in `managers.userIds` (no user ids reach the page); the publish resolves refs, and emails typed
 * for new managers, to HubSpot users.
 */
export const EditorManager = z.strictObject({
  ref: z.string().regex(/^manager:[0-9]{1,3}$/),
  name: z.string(),
});
export type EditorManager = z.output<typeof EditorManager>;

export const EditorTeam = z.strictObject({ id: z.string(), name: z.string() });
export type EditorTeam = z.output<typeof EditorTeam>;

/**
 * A product of the portal's product library, for the offers picker (SCORING §10: a line item is
 * in the offer when its SKU, else its product id, is one of the segment's offers).
 */
export const EditorProduct = z.strictObject({
  id: z.string().describe('HubSpot product id (hs_product_id on line items)'),
  name: z.string(),
  sku: z.string().nullable().describe('hs_sku; null when the product has none'),
});
export type EditorProduct = z.output<typeof EditorProduct>;

/** The products the offers picker lists at most; `truncated` says when the library has more. */
export const MAX_PRODUCTS = 500;

/**
 * A strategy to start the first version from: one of the examples (examples/strategies/, the one
 * source), without managers (version 1 must name whoever approves it, SCORING §14).
 */
export const StrategyTemplate = z.strictObject({
  id: z.string().describe('The example file, e.g. 02-b2b-saas'),
  name: z.string(),
  description: z.string(),
  strategy: StrategySchema,
  portalIssues: z
    .number()
    .int()
    .min(0)
    .describe(
      'Problems on this portal (properties it lacks, options it has not): fixed in the editor',
    ),
});
export type StrategyTemplate = z.output<typeof StrategyTemplate>;

/**
 * A version prepared by `strategy_publish` or `strategy_rollback`: a record of the strategy store
 * that a manager approves in HubSpot's own record page (HubSpot records who), before
 * `strategy_publish_confirm` makes it the current version.
 */
export const PendingVersion = z.strictObject({
  recordId: z.string().regex(/^[1-9][0-9]{0,18}$/),
  objectTypeId: z.string().describe('The strategy store, to link to the record in HubSpot'),
  targetVersion: Version.describe('The number it gets if it is published now'),
  basedOnVersion: Version.nullable(),
  source: z.enum(['publish', 'rollback']),
  approvalProperty: z.string().describe('The property a manager sets on the record to approve'),
});
export type PendingVersion = z.output<typeof PendingVersion>;

/** The open pending versions `strategy_editor_load` lists at most (newest first). */
export const MAX_PENDING = 5;

/**
 * A version prepared and not yet published, as the settings page shows it after a reload: only
 * those based on the current version (an older one can never be confirmed), whose record the app
 * alone wrote. Names only, never a user id or an email (issue 10).
 */
export const LoadedPendingVersion = z.strictObject({
  pending: PendingVersion.describe('What strategy_publish answered; confirm it with its recordId'),
  strategyName: z.string(),
  preparedAt: z.string().describe('ISO instant'),
  rolledBackFrom: Version.nullable().describe('For a rollback: the version prepared again'),
  changeCount: Count.nullable().describe(
    'Changes against the current version (diffStrategies, top level); null for a first version',
  ),
  approval: z
    .strictObject({
      set: z.boolean().describe('“Approval” was set in HubSpot’s UI after it was prepared'),
      byName: z.string().nullable().describe('Who set it, by name; null when not set'),
    })
    .describe('What HubSpot recorded; whether it publishes is checked by the confirmation'),
});
export type LoadedPendingVersion = z.output<typeof LoadedPendingVersion>;

/** `strategy_editor_load` input: nothing (it answers the same to everyone). */
export const StrategyEditorLoadParams = z.strictObject({});
export type StrategyEditorLoadParams = z.input<typeof StrategyEditorLoadParams>;

/** `strategy_editor_load` answer: everything the editor shows before the first edit. */
export const StrategyEditorLoadValue = z.strictObject({
  current: z
    .strictObject({ summary: VersionSummary, strategy: StrategySchema })
    .nullable()
    .describe('The published strategy; null when none is published yet'),
  history: z.array(VersionSummary).describe('Newest first, at most MAX_HISTORY'),
  historyTotal: Count,
  properties: z.strictObject({
    company: z.array(EditorProperty),
    deal: z.array(EditorProperty),
    truncated: z.boolean().describe('The portal has more properties than are listed'),
  }),
  people: z.strictObject({
    managers: z.array(EditorManager).describe('The published version’s managers, by name'),
    teams: z.array(EditorTeam),
    truncated: z.boolean(),
  }),
  products: z.strictObject({
    list: z.array(EditorProduct).describe('The product library, by name, at most MAX_PRODUCTS'),
    truncated: z.boolean(),
  }),
  setup: SetupStatus.describe('What setup still has to create: the page offers it first'),
  templates: z
    .array(StrategyTemplate)
    .describe('Where a first version can start; empty once a version is published'),
  pending: z
    .array(LoadedPendingVersion)
    .max(MAX_PENDING)
    .describe('Versions prepared on the current one and waiting for approval, newest first'),
});
export type StrategyEditorLoadValue = z.output<typeof StrategyEditorLoadValue>;
export const StrategyEditorLoadResponse = functionResponse(StrategyEditorLoadValue);
export type StrategyEditorLoadResponse = z.output<typeof StrategyEditorLoadResponse>;

/** One problem of a strategy: from the schema (parseStrategy) or from the portal (properties). */
export const EditorIssue = StrategyProblem;
export type EditorIssue = z.output<typeof EditorIssue>;

/** `strategy_validate` input: the strategy as the editor holds it (checked, never trusted). */
export const StrategyValidateParams = z.strictObject({ strategy: z.unknown() });
export type StrategyValidateParams = z.input<typeof StrategyValidateParams>;

export const StrategyValidateValue = z.strictObject({
  valid: z.boolean(),
  issues: z.array(EditorIssue),
  portalChecked: z
    .boolean()
    .describe(
      'The properties of every criterion that could be read were checked against the portal',
    ),
});
export type StrategyValidateValue = z.output<typeof StrategyValidateValue>;
export const StrategyValidateResponse = functionResponse(StrategyValidateValue);
export type StrategyValidateResponse = z.output<typeof StrategyValidateResponse>;

/** Where a simulation goes on: opaque to the page, which sends back what it got. */
export const SimulationCursor = z.strictObject({
  phase: z.enum(['openDeals', 'companies']).describe('Open deals first, then every company'),
  page: z
    .string()
    .min(1)
    .max(200)
    .nullable()
    .describe("HubSpot's paging cursor within the phase; null: its start"),
  publishedVersion: Version.nullable().describe(
    'The version the simulation compares with; null: none is published (a first version)',
  ),
  companiesDone: Count,
  totalCompanies: Count.nullable(),
});
export type SimulationCursor = z.output<typeof SimulationCursor>;

/** `strategy_simulate` input: the proposed strategy, and the cursor of the previous chunk. */
export const StrategySimulateParams = z.strictObject({
  strategy: z.unknown(),
  cursor: SimulationCursor.optional(),
});
export type StrategySimulateParams = z.input<typeof StrategySimulateParams>;

/**
 * Why a chunk ended early, in the middle of its pages: HubSpot's rate limit, HubSpot failing or
 * not answering in time, or the function's time budget. The pages done are in the answer and the
 * cursor continues right after them: nothing is lost.
 */
const SimulationInterruption = z.strictObject({
  reason: z.enum(['hubspot_rate_limited', 'hubspot_unavailable', 'time_budget']),
  message: z.string().describe("HubSpot's or the function's explanation"),
  retryAfterMs: z
    .number()
    .int()
    .min(0)
    .max(60_000)
    .optional()
    .describe('Wait this long before asking for the next chunk (a rate limit)'),
});

/**
 * One chunk of a simulation: the part of the simulation its records make (merge with
 * mergeSimulationParts, then simulationMatrixOf) and progress.
 */
export const StrategySimulateValue = z.strictObject({
  publishedVersion: Version.nullable().describe(
    'null: nothing is published, every company is scored for the first time',
  ),
  part: SimulationPart.describe("This chunk's open deals or companies only"),
  portal: PortalPart.describe(
    "What the portal holds for the proposed strategy, this chunk's records only (issue 13)",
  ),
  chunk: z.strictObject({
    companies: Count,
    openDeals: Count,
    elapsedMs: z.number().min(0).describe("The function's own time for this chunk"),
  }),
  progress: z.strictObject({ companiesDone: Count, totalCompanies: Count.nullable() }),
  cursor: SimulationCursor.nullable().describe('null: every company has been simulated'),
  interrupted: SimulationInterruption.optional().describe(
    'Absent when the chunk ended as planned (its budget or the last company)',
  ),
});
export type StrategySimulateValue = z.output<typeof StrategySimulateValue>;
export const StrategySimulateResponse = functionResponse(StrategySimulateValue);
export type StrategySimulateResponse = z.output<typeof StrategySimulateResponse>;

/**
 * `strategy_publish` input: the strategy and the version it was edited from. It prepares a
 * version for a manager's approval in HubSpot; `strategy_publish_confirm` publishes it.
 */
export const StrategyPublishParams = z.strictObject({
  strategy: z.unknown(),
  basedOnVersion: Version.nullable().describe(
    'Must still be the current version (null: none is published yet): no silent overwrite',
  ),
});
export type StrategyPublishParams = z.input<typeof StrategyPublishParams>;

/** `strategy_rollback` input: the version to publish again, and the version the page showed. */
export const StrategyRollbackParams = z.strictObject({
  version: Version,
  basedOnVersion: Version.optional().describe('When given, must still be the current version'),
});
export type StrategyRollbackParams = z.input<typeof StrategyRollbackParams>;

/** `strategy_publish_confirm` input: the prepared version a manager approved in HubSpot. */
export const StrategyPublishConfirmParams = z.strictObject({
  pendingId: z.string().regex(/^[1-9][0-9]{0,18}$/, 'a HubSpot record id (digits)'),
});
export type StrategyPublishConfirmParams = z.input<typeof StrategyPublishConfirmParams>;

/**
 * What a publish, a rollback or a confirmation did: a new version, a version awaiting a manager's
 * approval in HubSpot, or nothing, because the strategy has problems (every issue) or someone else
 * published since the page loaded (who and when).
 */
export const PublishOutcome = z.discriminatedUnion('outcome', [
  z.strictObject({ outcome: z.literal('published'), version: VersionSummary }),
  z.strictObject({
    outcome: z.literal('awaiting_approval'),
    pending: PendingVersion.describe('Approve it in HubSpot, then confirm'),
  }),
  z.strictObject({ outcome: z.literal('invalid'), issues: z.array(EditorIssue).min(1) }),
  z.strictObject({
    outcome: z.literal('conflict'),
    basedOnVersion: Version.nullable(),
    current: VersionSummary.describe('The version published meanwhile'),
  }),
]);
export type PublishOutcome = z.output<typeof PublishOutcome>;
export const StrategyPublishResponse = functionResponse(PublishOutcome);
export type StrategyPublishResponse = z.output<typeof StrategyPublishResponse>;
export const StrategyRollbackResponse = functionResponse(PublishOutcome);
export const StrategyPublishConfirmResponse = functionResponse(PublishOutcome);
export type StrategyPublishConfirmResponse = z.output<typeof StrategyPublishConfirmResponse>;
export type StrategyRollbackResponse = z.output<typeof StrategyRollbackResponse>;
