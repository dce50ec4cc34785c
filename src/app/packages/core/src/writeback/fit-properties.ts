import { z } from 'zod';

import { Business, DreamGroup, FitWarning, Tier } from '../enums.ts';
import { DREAM_QUESTIONS } from '../scoring/compile-strategy.ts';
import { competitorIdsOf } from '../scoring/deal-competitors.ts';
import { TIER_WORDS } from '../scoring/reason.ts';
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

const WARNING_LABELS: Record<FitWarning, string> = {
  price_competition: 'Price competition',
  deal_size_outside_segment: 'Deal size outside segment',
  missing_company: 'Missing company',
  offer_outside_segment: 'Offer outside segment',
};

const BUSINESS_LABELS: Record<Business, string> = { new: 'New', existing: 'Existing' };

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
    options: options(Tier.options.map((t) => [t, TIER_WORDS[t]])),
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
    name: 'strategy_fit_competitors',
    label: 'Strategy fit competitors',
    description:
      'Ids of the strategy’s competitors named on the deal, sorted and ;-joined; other for a value no competitor lists (SCORING §11).',
    type: 'string',
    fieldType: 'text',
    objects: [...DEALS],
    writtenByScoring: true,
  },
  {
    ...common,
    name: 'strategy_fit_business',
    label: 'Strategy fit business',
    description:
      'New or existing business, by the strategy’s existing-customer criteria (SCORING §12).',
    type: 'enumeration',
    fieldType: 'select',
    options: options(Business.options.map((b) => [b, BUSINESS_LABELS[b]])),
    objects: [...DEALS],
    writtenByScoring: true,
  },
  {
    ...common,
    name: 'strategy_fit_open_questions',
    label: 'Strategy fit open questions',
    description:
      'The dream-customer questions still unanswered (unknown) on the deal. An extension of SCORING §8 for the focus board of the strategy review (docs/strategy.md).',
    type: 'enumeration',
    fieldType: 'checkbox',
    options: options(DreamGroup.options.map((g) => [g, DREAM_QUESTIONS[g]])),
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
    description: 'Who approved or rejected the exception, by name.',
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
    name: 'strategy_fit_exception_requested_by',
    label: 'Strategy exception requested by',
    description: 'Who asked for the exception (as HubSpot recorded their edit of the reason).',
    type: 'string',
    fieldType: 'text',
    objects: [...DEALS],
    writtenByScoring: false,
  },
  {
    ...common,
    name: 'strategy_fit_exception_seq',
    label: 'Strategy exception event',
    description:
      'The number of the exception event these values reflect (the Strategy Fit exception events of this deal).',
    type: 'number',
    fieldType: 'number',
    objects: [...DEALS],
    writtenByScoring: false,
  },
  {
    ...common,
    name: 'strategy_fit_exception_at',
    label: 'Strategy exception changed at',
    description: 'When the request or decision these values reflect was made in HubSpot.',
    type: 'datetime',
    fieldType: 'date',
    objects: [...DEALS],
    writtenByScoring: false,
  },
  {
    ...common,
    name: 'strategy_fit_exception_reason_input',
    label: 'Exception: reason',
    description:
      'A rep writes why this off-strategy deal deserves an exception (10 to 1,000 characters), then asks on the Strategy Fit card. HubSpot records who wrote it.',
    type: 'string',
    fieldType: 'textarea',
    objects: [...DEALS],
    writtenByScoring: false,
  },
  {
    ...common,
    name: 'strategy_fit_exception_decision_input',
    label: 'Exception: decision',
    description:
      "A strategy manager sets approve or reject, then confirms on the Strategy Fit card. HubSpot records who set it; only a manager's decision counts.",
    type: 'enumeration',
    fieldType: 'select',
    options: options([
      ['approve', 'Approve'],
      ['reject', 'Reject'],
    ]),
    objects: [...DEALS],
    writtenByScoring: false,
  },
  {
    ...common,
    name: 'strategy_fit_exception_expires_input',
    label: 'Exception: approved until',
    description:
      'The last day an approval is valid, set by the deciding manager (at most 365 days ahead; 90 days when empty).',
    type: 'date',
    fieldType: 'date',
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

/**
 * SCORING §8: a deal's fit properties in HubSpot's string encoding (warnings as `a;b`, canonical
 * order; competitors sorted; open dream-test questions in their order).
 */
export const dealFitProperties = (d: DealScore, stamp: FitStamp): Record<string, string> => ({
  ...companyFitProperties(d, stamp),
  strategy_fit_focus: bool(d.focus),
  strategy_fit_warnings: FitWarning.options.filter((w) => d.warnings.includes(w)).join(';'),
  strategy_fit_discount_percent: d.discountPercent === null ? '' : String(d.discountPercent),
  strategy_fit_competitors: competitorIdsOf(d.competitors).join(';'),
  strategy_fit_business: d.business,
  strategy_fit_open_questions: (d.dreamTest ?? [])
    .filter((g) => g.outcome === 'unknown')
    .map((g) => g.group)
    .join(';'),
});
