// Test fixtures, built through the schemas so the defaults in tests are the real ones (STYLE §30).
import { StrategySchema } from '../../../src/app/packages/core/src/strategy/strategy-schema.ts';
import type {
  CriterionInput,
  Strategy,
  StrategyInput,
} from '../../../src/app/packages/core/src/strategy/strategy-schema.ts';
import type {
  PropertyBag,
  PropertyDefinitions,
  RecordFacts,
} from '../../../src/app/packages/core/src/facts/schema.ts';
import { compileStrategy } from '../../../src/app/packages/core/src/scoring/compile-strategy.ts';
import type { CompiledStrategy } from '../../../src/app/packages/core/src/scoring/compile-strategy.ts';

/** "Now" in every test: 2026-01-15T12:00:00Z. */
export const NOW_MS = Date.UTC(2026, 0, 15, 12);
export const DAY_MS = 86_400_000;

export const strategy = (input: StrategyInput): Strategy => StrategySchema.parse(input);

type SegmentInput = StrategyInput['segments'][number];

/** A segment with defaults for what a test does not care about. */
export const segment = (
  id: string,
  criteria: CriterionInput[],
  extra: Partial<SegmentInput> = {},
): SegmentInput => ({ id, name: extra.name ?? id, priority: 'core', criteria, ...extra });

/** A strategy of the given segments (and anything else). */
export const strategyOf = (
  segments: SegmentInput[],
  extra: Partial<StrategyInput> = {},
): Strategy => strategy({ schemaVersion: 1, name: 'Test strategy', segments, ...extra });

/** A compiled strategy with one segment of the given criteria. */
export const compiledWith = (
  criteria: CriterionInput[],
  extra: Partial<StrategyInput> = {},
): CompiledStrategy => compileStrategy(strategyOf([segment('seg', criteria)], extra));

/** HubSpot-like definitions of the company properties the tests use. */
export const COMPANY_DEFINITIONS: PropertyDefinitions = {
  industry: {
    name: 'industry',
    label: 'Industry',
    type: 'enumeration',
    fieldType: 'select',
    options: [
      { label: 'Computer Software', value: 'COMPUTER_SOFTWARE' },
      { label: 'Financial Services', value: 'FINANCIAL_SERVICES' },
      { label: 'Gambling & Casinos', value: 'GAMBLING_CASINOS' },
      { label: 'Tobacco', value: 'TOBACCO' },
    ],
  },
  numberofemployees: {
    name: 'numberofemployees',
    label: 'Number of Employees',
    type: 'number',
    fieldType: 'number',
  },
  annualrevenue: {
    name: 'annualrevenue',
    label: 'Annual Revenue',
    type: 'number',
    fieldType: 'number',
  },
  country: { name: 'country', label: 'Country/Region', type: 'string', fieldType: 'text' },
  web_technologies: {
    name: 'web_technologies',
    label: 'Web Technologies',
    type: 'enumeration',
    fieldType: 'checkbox',
    options: [
      { label: 'Salesforce', value: 'salesforce' },
      { label: 'HubSpot', value: 'hubspot' },
      { label: 'Shopify', value: 'shopify' },
    ],
  },
  is_public: {
    name: 'is_public',
    label: 'Is Public',
    type: 'bool',
    fieldType: 'booleancheckbox',
    options: [
      { label: 'Yes', value: 'true' },
      { label: 'No', value: 'false' },
    ],
  },
  createdate: { name: 'createdate', label: 'Create Date', type: 'datetime', fieldType: 'date' },
};

/** Company facts at NOW_MS. */
export const company = (
  properties: PropertyBag,
  definitions: PropertyDefinitions = COMPANY_DEFINITIONS,
  id = '101',
): RecordFacts => ({ id, properties, definitions, nowMs: NOW_MS });

/** Deal facts at NOW_MS. */
export const deal = (
  properties: PropertyBag,
  definitions: PropertyDefinitions = {},
  id = '901',
): RecordFacts => ({
  id,
  properties,
  definitions,
  nowMs: NOW_MS,
});
