import { z } from 'zod';

import { FitWarning, Tier } from '../enums.ts';
import type { CompanyEvaluation, DealScore } from '../scoring/schema.ts';

/** The HubSpot property group all Strategy Fit properties live in (SCORING §8). */
export const FIT_PROPERTY_GROUP = {
  name: 'strategy_fit',
  label: 'Strategy Fit',
  displayOrder: -1,
} as const;

/** A property Strategy Fit creates on companies and/or deals, as HubSpot's properties API takes it. */
export const FitPropertyDefinition = z.object({
  name: z.string(),
  label: z.string(),
  description: z.string(),
  groupName: z.literal(FIT_PROPERTY_GROUP.name),
  type: z.enum(['number', 'string', 'enumeration', 'bool', 'datetime', 'date']),
  fieldType: z.enum([
    'number',
    'text',
    'textarea',
    'select',
    'checkbox',
    'booleancheckbox',
    'date',
  ]),
  options: z
    .array(z.object({ label: z.string(), value: z.string(), displayOrder: z.number().int() }))
    .optional(),
  objects: z.array(z.enum(['companies', 'deals'])),
  /** False for the exception properties: only the exception workflow writes them. */
  writtenByScoring: z.boolean(),
});
export type FitPropertyDefinition = z.output<typeof FitPropertyDefinition>;

const TIER_LABELS: Record<Tier, string> = {
  dream: 'Dream',
  fit: 'Fit',
  stretch: 'Stretch',
  needs_data: 'Needs data',
  off_strategy: 'Off strategy',
  refused: 'Refused',
};
const WARNING_LABELS: Record<FitWarning, string> = {
  price_competition: 'Price competition',
  deal_size_outside_segment: 'Deal size outside segment',
  missing_company: 'Missing company',
};

const options = (pairs: readonly (readonly [string, string])[]) =>
  pairs.map(([value, label], displayOrder) => ({ label, value, displayOrder }));
const YES_NO = options([
  ['true', 'Yes'],
  ['false', 'No'],
]);
const BOTH = ['companies', 'deals'] as const;
const DEALS = ['deals'] as const;
const common = { groupName: FIT_PROPERTY_GROUP.name } as const;

/** Every property of SCORING §8, as data: the adapter's setup creates them from this list. */
export const FIT_PROPERTIES: readonly FitPropertyDefinition[] = [
  {
    ...common,
    name: 'strategy_fit_score',
    label: 'Strategy fit score',
    description: 'How well the record fits the best segment of the strategy, 0..100.',
    type: 'number',
    fieldType: 'number',
    objects: [...BOTH],
    writtenByScoring: true,
  },
  {
    ...common,
    name: 'strategy_fit_tier',
    label: 'Strategy fit tier',
    description: 'Dream, fit, stretch, needs data, off strategy or refused.',
    type: 'enumeration',
    fieldType: 'select',
    options: options(Tier.options.map((t) => [t, TIER_LABELS[t]])),
    objects: [...BOTH],
    writtenByScoring: true,
  },
  {
    ...common,
    name: 'strategy_fit_segment',
    label: 'Strategy fit segment',
    description: 'Id of the segment the record was matched to; empty when none.',
    type: 'string',
    fieldType: 'text',
    objects: [...BOTH],
    writtenByScoring: true,
  },
  {
    ...common,
    name: 'strategy_fit_off_strategy',
    label: 'Off strategy',
    description: 'Yes when the tier is off strategy or refused.',
    type: 'bool',
    fieldType: 'booleancheckbox',
    options: YES_NO,
    objects: [...BOTH],
    writtenByScoring: true,
  },
  {
    ...common,
    name: 'strategy_fit_reason',
    label: 'Strategy fit reason',
    description: 'One line explaining the tier.',
    type: 'string',
    fieldType: 'text',
    objects: [...BOTH],
    writtenByScoring: true,
  },
  {
    ...common,
    name: 'strategy_fit_version',
    label: 'Strategy version',
    description: 'The published strategy version that produced the score.',
    type: 'number',
    fieldType: 'number',
    objects: [...BOTH],
    writtenByScoring: true,
  },
  {
    ...common,
    name: 'strategy_fit_scored_at',
    label: 'Strategy fit scored at',
    description: 'When the score last changed.',
    type: 'datetime',
    fieldType: 'date',
    objects: [...BOTH],
    writtenByScoring: true,
  },
  {
    ...common,
    name: 'strategy_fit_focus',
    label: 'Focus deal',
    description: 'Yes when the tier is dream or fit and the dream-customer test passes.',
    type: 'bool',
    fieldType: 'booleancheckbox',
    options: YES_NO,
    objects: [...DEALS],
    writtenByScoring: true,
  },
  {
    ...common,
    name: 'strategy_fit_warnings',
    label: 'Strategy fit warnings',
    description: 'Price competition, deal size outside the segment, missing company.',
    type: 'enumeration',
    fieldType: 'checkbox',
    options: options(FitWarning.options.map((w) => [w, WARNING_LABELS[w]])),
    objects: [...DEALS],
    writtenByScoring: true,
  },
  {
    ...common,
    name: 'strategy_fit_discount_percent',
    label: 'Strategy fit discount %',
    description:
      'The deal discount the price-competition check saw (line items, else the discount property); empty when unknown. An extension of SCORING §8 for the strategy evidence (docs/strategy.md).',
    type: 'number',
    fieldType: 'number',
    objects: [...DEALS],
    writtenByScoring: true,
  },
  {
    ...common,
    name: 'strategy_fit_exception',
    label: 'Strategy exception',
    description: 'An exception for an off-strategy deal: requested, approved or rejected.',
    type: 'enumeration',
    fieldType: 'select',
    options: options([
      ['requested', 'Requested'],
      ['approved', 'Approved'],
      ['rejected', 'Rejected'],
    ]),
    objects: [...DEALS],
    writtenByScoring: false,
  },
  {
    ...common,
    name: 'strategy_fit_exception_note',
    label: 'Strategy exception reason',
    description: "The rep's written reason for the exception.",
    type: 'string',
    fieldType: 'text',
    objects: [...DEALS],
    writtenByScoring: false,
  },
  {
    ...common,
    name: 'strategy_fit_exception_by',
    label: 'Strategy exception decided by',
    description: "The approver's HubSpot user id or email.",
    type: 'string',
    fieldType: 'text',
    objects: [...DEALS],
    writtenByScoring: false,
  },
  {
    ...common,
    name: 'strategy_fit_exception_expires',
    label: 'Strategy exception expires',
    description: 'The last day the approved exception is valid.',
    type: 'date',
    fieldType: 'date',
    objects: [...DEALS],
    writtenByScoring: false,
  },
  {
    ...common,
    name: 'strategy_fit_exception_log',
    label: 'Strategy exception history',
    description:
      'Who requested, approved or rejected the exception, and when: one line each, newest last. An extension of SCORING §8 written by the app functions (docs/functions.md).',
    type: 'string',
    fieldType: 'textarea',
    objects: [...DEALS],
    writtenByScoring: false,
  },
];

/** SCORING §8 properties that scoring writes on one object type (the exception's are not). */
export const writtenFitProperties = (objectType: 'companies' | 'deals'): string[] =>
  FIT_PROPERTIES.filter((p) => p.writtenByScoring && p.objects.includes(objectType)).map(
    (p) => p.name,
  );

/** The strategy version and the moment of scoring, written with every score. */
export type FitStamp = { version: number; scoredAt: string };

const bool = (b: boolean): string => (b ? 'true' : 'false');

/** SCORING §8: a company's fit properties in HubSpot's string encoding. */
export const companyFitProperties = (
  e: Pick<CompanyEvaluation, 'fitScore' | 'tier' | 'segmentId' | 'offStrategy' | 'reason'>,
  stamp: FitStamp,
): Record<string, string> => ({
  strategy_fit_score: String(e.fitScore),
  strategy_fit_tier: e.tier,
  strategy_fit_segment: e.segmentId ?? '',
  strategy_fit_off_strategy: bool(e.offStrategy),
  strategy_fit_reason: e.reason,
  strategy_fit_version: String(stamp.version),
  strategy_fit_scored_at: stamp.scoredAt,
});

/** SCORING §8: a deal's fit properties in HubSpot's string encoding (warnings as `a;b`, canonical order). */
export const dealFitProperties = (d: DealScore, stamp: FitStamp): Record<string, string> => ({
  ...companyFitProperties(d, stamp),
  strategy_fit_focus: bool(d.focus),
  strategy_fit_warnings: FitWarning.options.filter((w) => d.warnings.includes(w)).join(';'),
  strategy_fit_discount_percent: d.discountPercent === null ? '' : String(d.discountPercent),
});
