import { z } from 'zod';

import {
  Business,
  CriterionObject,
  DreamGroup,
  DreamOutcome,
  ExceptionStatus,
  FitWarning,
  Operator,
  Outcome,
  Priority,
  Tier,
} from '../enums.ts';
import { LineItemFacts, RecordFacts } from '../facts/schema.ts';

const Percent = z.number().int().min(0).max(100);

/** One evaluated criterion, as explanations show it (SCORING §6.6). */
export const CriterionResult = z.object({
  property: z.string(),
  object: CriterionObject,
  label: z.string().describe('The criterion label, else the property label, else its name'),
  operator: Operator,
  expected: z
    .string()
    .describe('Human wording of what the criterion wants, e.g. "one of Computer Software"'),
  actual: z
    .string()
    .nullable()
    .describe('The value read (option labels where known, truncated), null when missing'),
  outcome: Outcome,
  weight: z.number().int(),
  required: z.boolean(),
});
export type CriterionResult = z.output<typeof CriterionResult>;

/** One segment, judged on a company (SCORING §5). */
export const SegmentResult = z.object({
  segmentId: z.string(),
  name: z.string(),
  priority: Priority,
  score: Percent,
  potential: Percent,
  confidence: z.number().min(0).max(1).describe('Share of the weight whose outcome is known'),
  disqualified: z.boolean(),
  criteria: z.array(CriterionResult),
});
export type SegmentResult = z.output<typeof SegmentResult>;

/** One exclusion, judged on a company (SCORING §6.1). */
export const ExclusionResult = z.object({
  exclusionId: z.string(),
  reason: z.string(),
  matched: z.boolean(),
  criteria: z.array(CriterionResult),
});
export type ExclusionResult = z.output<typeof ExclusionResult>;

/** A property with no value whose value could raise the score. */
export const MissingProperty = z.object({
  property: z.string(),
  object: CriterionObject,
  label: z.string(),
});
export type MissingProperty = z.output<typeof MissingProperty>;

/** A value that could not be read as the strategy needs (SCORING §4): shown to reps, never an error. */
export const DataQualityFinding = z.object({
  object: z.enum(['company', 'deal', 'line_item']),
  recordId: z.string(),
  property: z.string(),
  label: z.string(),
  value: z.string().describe('The raw value, truncated'),
  expected: z.enum(['number', 'date', 'boolean']),
  message: z.string(),
});
export type DataQualityFinding = z.output<typeof DataQualityFinding>;

/** The kinds of "questions for the rep" (SCORING §7). */
export const TodoKind = z.enum([
  'add_property',
  'correct_property',
  'answer_question',
  'add_deal_amount',
  'associate_company',
]);
export type TodoKind = z.output<typeof TodoKind>;

/** A short to-do for the rep: "Add the Number of Employees to reach Fit". */
export const Todo = z.object({
  kind: TodoKind,
  text: z.string(),
  property: z.string().nullable(),
  object: CriterionObject.nullable(),
  targetTier: Tier.nullable().describe('The tier the record could reach once this is done'),
  question: DreamGroup.nullable(),
});
export type Todo = z.output<typeof Todo>;

/** A company's figures (SCORING §6): what the write-back, deals and reviews need. */
export const CompanyEvaluation = z.object({
  tier: Tier,
  fitScore: Percent,
  segmentId: z.string().nullable(),
  exclusionId: z.string().nullable().describe('The exclusion that refused the company'),
  offStrategy: z.boolean(),
  reason: z.string(),
});
export type CompanyEvaluation = z.output<typeof CompanyEvaluation>;

/** SCORING §10: what reps are told to sell to the record's segment (cards show it). */
export const SegmentPositioning = z.object({
  segmentId: z.string(),
  segmentName: z.string(),
  valueProposition: z.string(),
  differentiators: z.array(z.string()).describe('What sets us apart in this segment; [] when none'),
  expectations: z.array(z.string()).describe('What these customers expect from us; [] when none'),
});
export type SegmentPositioning = z.output<typeof SegmentPositioning>;

/** A company's full, explained result (SCORING §6.6). */
export const CompanyScore = CompanyEvaluation.extend({
  companyId: z.string(),
  segments: z.array(SegmentResult),
  exclusions: z.array(ExclusionResult),
  missing: z.array(MissingProperty),
  dataQuality: z.array(DataQualityFinding),
  todos: z.array(Todo),
  positioning: SegmentPositioning.nullable().describe(
    "The segment's positioning for dream, fit, stretch and needs_data; null otherwise or when the segment has none (SCORING §10)",
  ),
});
export type CompanyScore = z.output<typeof CompanyScore>;

/** One question of the dream-customer test. */
export const DreamGroupResult = z.object({
  group: DreamGroup,
  question: z.string(),
  outcome: DreamOutcome,
  criteria: z.array(CriterionResult),
});
export type DreamGroupResult = z.output<typeof DreamGroupResult>;

/** A deal's exception, read from its `strategy_fit_exception*` properties (SCORING §7). */
export const ExceptionState = z.object({
  status: z.enum(['none', ...ExceptionStatus.options]),
  active: z
    .boolean()
    .describe('Approved and not expired: the deal counts as an approved exception'),
  expired: z.boolean(),
  note: z.string().nullable(),
  requestedBy: z.string().nullable().describe('who asked, by name'),
  by: z.string().nullable().describe('who decided, by name'),
  seq: z
    .number()
    .int()
    .min(0)
    .describe('the exception event this reflects (0: none); a decision names the request it saw'),
  expiresOn: z
    .string()
    .nullable()
    .describe('YYYY-MM-DD; the approval is valid through this day (UTC)'),
});
export type ExceptionState = z.output<typeof ExceptionState>;

/** A line item outside the segment's offer (SCORING §10). */
export const OfferLineItem = z.object({
  lineItemId: z.string(),
  name: z.string().nullable(),
  sku: z.string().nullable().describe('hs_sku, trimmed; null when missing'),
  productId: z.string().nullable().describe('hs_product_id, trimmed; null when missing'),
});
export type OfferLineItem = z.output<typeof OfferLineItem>;

/** SCORING §10 "never offer everything": the deal's line items judged against its segment's offers. */
export const OfferCheck = z.object({
  segmentId: z.string(),
  judged: z.number().int().min(0).describe('Line items with an SKU or a product id'),
  notJudged: z.number().int().min(0).describe('Line items with neither: not judged'),
  outside: z.array(OfferLineItem).describe('Judged line items outside the offers, in deal order'),
  message: z
    .string()
    .nullable()
    .describe('“Not in the Enterprise SaaS offer: Training day (SKU TRN-1)”; null when none'),
});
export type OfferCheck = z.output<typeof OfferCheck>;

/** One competitor on a deal (SCORING §11). */
export const DealCompetitor = z.object({
  competitorId: z.string().describe('The competitor id; "other" for a value no competitor lists'),
  name: z.string().nullable().describe("The competitor's name; null for other"),
  value: z.string().describe('The value of the competitor property, as the deal has it (trimmed)'),
  howWeWin: z.string().nullable(),
  targetsSegment: z.boolean().describe("The deal's segment is one of the competitor's targets"),
});
export type DealCompetitor = z.output<typeof DealCompetitor>;

/** A deal's full result (SCORING §7). */
export const DealScore = z.object({
  dealId: z.string(),
  companyId: z.string().nullable(),
  tier: Tier,
  fitScore: Percent,
  segmentId: z.string().nullable(),
  exclusionId: z.string().nullable(),
  offStrategy: z.boolean(),
  reason: z.string(),
  focus: z.boolean(),
  dreamTest: z
    .array(DreamGroupResult)
    .nullable()
    .describe('null when the strategy has no dream-customer test'),
  amount: z.number().nullable(),
  discountPercent: z.number().nullable().describe('Rounded to 2 decimals; null when unknown'),
  warnings: z.array(FitWarning),
  exception: ExceptionState,
  todos: z.array(Todo),
  dataQuality: z.array(DataQualityFinding),
  positioning: SegmentPositioning.nullable().describe(
    "The company's segment's positioning (SCORING §10), as on the company's score",
  ),
  offers: OfferCheck.nullable().describe(
    "The line items judged against the segment's offers; null when not judged: no segment, a segment without offers, refused or off strategy (SCORING §10)",
  ),
  competitors: z.array(DealCompetitor).describe('SCORING §11; [] without competitorProperty'),
  business: Business.describe(
    'SCORING §12: existing when every existing-customer criterion matches',
  ),
  retained: z
    .boolean()
    .describe(
      'SCORING §12 policy retain: an off-strategy existing-business deal; it keeps its tier, needs no exception and is not unapproved off-strategy pipeline',
    ),
});
export type DealScore = z.output<typeof DealScore>;

/**
 * Everything scoring knows about a deal: the deal, its company (SCORING §7) with the company's
 * score (`scoreCompany`), its line items, now.
 */
export const DealFacts = z.object({
  deal: RecordFacts,
  company: z.object({ facts: RecordFacts, score: CompanyScore }).nullable(),
  lineItems: z.array(LineItemFacts),
  nowMs: z.number(),
});
export type DealFacts = z.output<typeof DealFacts>;
