import { z } from 'zod';

import { OPERATORS } from '../criteria/operators.ts';
import type { ValueKind } from '../criteria/operators.ts';
import { CriterionObject, Operator, Priority } from '../enums.ts';
import { isIsoDate, readDateMs } from '../values/read-value.ts';
import type { StrategyIssueCode } from './issue-messages.ts';

/** SCORING §1: a slug is `[a-z0-9][a-z0-9-]{0,62}`. */
export const SLUG_PATTERN = /^[a-z0-9][a-z0-9-]{0,62}$/;
/** A HubSpot internal property name (lower-case letters, digits, underscores). */
export const PROPERTY_NAME_PATTERN = /^[a-z][a-z0-9_]*$/;
/** SCORING §1: the compact JSON of a strategy must fit one HubSpot text property. */
export const MAX_STRATEGY_CHARS = 65_536;

const Slug = z.string().regex(SLUG_PATTERN);
const PropertyName = z.string().regex(PROPERTY_NAME_PATTERN);
const Text = (max: number) => z.string().min(1).max(max);
// Not `.int()`: its issue aborts the checks of every enclosing object, which would hide the other
// issues of a strategy (all issues are reported at once). The JSON Schema still says "integer".
const Int = (min: number, max?: number) => {
  const n = z.number().multipleOf(1).min(min);
  return max === undefined ? n : n.max(max);
};

type Ctx = z.core.$RefinementCtx<unknown>;
type Json = Record<string, unknown>;

const isRecord = (v: unknown): v is Json =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/** Adds an issue whose wording comes from the message table (STYLE §14). */
export const addIssue = (
  ctx: Ctx,
  code: StrategyIssueCode,
  path: PropertyKey[],
  params: Record<string, unknown> = {},
): void => {
  ctx.addIssue({
    code: 'custom',
    path,
    message: code,
    params: { ...params, code },
    input: undefined,
  });
};

const kindOf = (v: unknown): ValueKind | null => {
  if (typeof v === 'number') return Number.isFinite(v) ? 'number' : null;
  if (typeof v === 'boolean') return 'boolean';
  if (typeof v !== 'string') return null;
  return isIsoDate(v) ? 'date' : 'string';
};

/** Whether an operand fits an operator: numbers/dates for ordered comparisons, strings for tokens, … */
const fits = (operand: unknown, kinds: readonly ValueKind[]): boolean => {
  const kind = kindOf(operand);
  if (kind === null) return false;
  if (kinds.includes(kind)) return true;
  // A date-looking string is still a string where strings are allowed (EQ "2025-01-01").
  return kind === 'date' && kinds.includes('string');
};

const OPERAND_KEYS = ['value', 'values', 'highValue'] as const;
const NEEDED_KEYS: Record<string, readonly (typeof OPERAND_KEYS)[number][]> = {
  value: ['value'],
  values: ['values'],
  range: ['value', 'highValue'],
  days: ['value'],
  none: [],
};

const checkValueKind = (
  ctx: Ctx,
  c: Json,
  operator: Operator,
  key: 'value' | 'highValue',
): boolean => {
  const spec = OPERATORS[operator];
  const operand = c[key];
  // Lists and objects are reported as a wrong type by the schema itself.
  if (!['string', 'number', 'boolean'].includes(typeof operand)) return false;
  const days = spec.operands === 'days';
  const ok = days ? typeof operand === 'number' && operand >= 0 : fits(operand, spec.valueKinds);
  if (!ok) {
    const kinds = days ? ['days'] : spec.valueKinds;
    addIssue(ctx, 'value_wrong_type', [key], { operator, kinds, input: operand });
  }
  return ok;
};

/** SCORING §2: each operator has exactly the operands it needs, of the right kind. */
const checkOperands = (c: Json, ctx: Ctx): void => {
  const parsed = Operator.safeParse(c.operator);
  if (!parsed.success) return;
  const operator = parsed.data;
  const spec = OPERATORS[operator];
  const needed = NEEDED_KEYS[spec.operands] ?? [];
  for (const key of OPERAND_KEYS) {
    if (!needed.includes(key) && c[key] !== undefined)
      addIssue(ctx, 'operator_takes_no_value', [key], { operator, key });
  }
  if (needed.includes('values')) {
    const values = c.values;
    if (!Array.isArray(values) || values.length === 0) {
      if (values === undefined || Array.isArray(values))
        addIssue(ctx, 'operator_needs_values', ['values'], { operator });
      return;
    }
    values.forEach((v, i) => {
      const primitive = typeof v === 'string' || typeof v === 'number';
      if (primitive && !fits(v, spec.valueKinds)) {
        addIssue(ctx, 'value_wrong_type', ['values', i], {
          operator,
          kinds: spec.valueKinds,
          input: v,
        });
      }
    });
    return;
  }
  if (needed.includes('value') && c.value === undefined)
    addIssue(ctx, 'operator_needs_value', ['value'], { operator });
  if (needed.includes('highValue') && c.highValue === undefined)
    addIssue(ctx, 'operator_needs_high_value', ['highValue'], { operator });
  const lowOk =
    c.value !== undefined && needed.includes('value') && checkValueKind(ctx, c, operator, 'value');
  const highOk =
    c.highValue !== undefined &&
    needed.includes('highValue') &&
    checkValueKind(ctx, c, operator, 'highValue');
  if (lowOk && highOk) checkRange(ctx, c.value, c.highValue);
};

const checkRange = (ctx: Ctx, low: unknown, high: unknown): void => {
  const lowKind = kindOf(low);
  const highKind = kindOf(high);
  if (lowKind !== highKind) {
    addIssue(ctx, 'range_mixed_kinds', ['highValue'], { low, high });
    return;
  }
  const lowN = typeof low === 'string' ? readDateMs(low) : Number(low);
  const highN = typeof high === 'string' ? readDateMs(high) : Number(high);
  if (lowN !== null && highN !== null && lowN > highN) {
    addIssue(ctx, 'range_reversed', ['highValue'], { low, high });
  }
};

const criterionShape = (defaultObject: CriterionObject) => ({
  property: PropertyName.describe('HubSpot internal property name, e.g. numberofemployees'),
  object: CriterionObject.default(defaultObject).describe(
    `Which record the property is read from (default: ${defaultObject})`,
  ),
  operator: Operator.describe('How the property is compared (HubSpot search operator names)'),
  value: z
    .union([z.string().min(1), z.number(), z.boolean()])
    .optional()
    .describe(
      'The value to compare with (EQ, NEQ, GT, GTE, LT, LTE, CONTAINS_TOKEN, NOT_CONTAINS_TOKEN), the low end (BETWEEN), or a number of days (WITHIN_*). Dates as YYYY-MM-DD or ISO date-time.',
    ),
  values: z
    .array(z.union([z.string().min(1), z.number()]))
    .optional()
    .describe(
      'The values to compare with (IN, NOT_IN); for checkbox properties use the option values',
    ),
  highValue: z
    .union([z.number(), z.string().min(1)])
    .optional()
    .describe('The high end of a BETWEEN range (inclusive), same kind as value'),
  weight: Int(1, 10)
    .default(1)
    .describe('How much this criterion counts in the segment score, 1..10 (default 1)'),
  required: z
    .boolean()
    .default(false)
    .describe('A miss on a required criterion disqualifies the segment (default false)'),
  label: Text(120).optional().describe('Human wording shown in explanations'),
});

const withOperandChecks = <T extends z.ZodType>(schema: T): T =>
  schema.superRefine((value, ctx) => checkOperands(value as Json, ctx as Ctx), {
    when: (payload) => isRecord(payload.value),
  });

/** JSON Schema ids of the two criterion shapes. */
export const SEGMENT_CRITERION_ID = 'SegmentCriterion';
export const DREAM_CRITERION_ID = 'DreamCriterion';

/** A criterion of a segment or exclusion: judged on the company unless `object` says otherwise. */
export const SegmentCriterionSchema = withOperandChecks(
  z.strictObject(criterionShape('company')).meta({
    id: SEGMENT_CRITERION_ID,
    title: 'Criterion (segment or exclusion)',
    description: 'One test of a company property. object defaults to company.',
  }),
);

/** A criterion of the dream-customer test: reads the deal unless `object` says company. */
export const DreamCriterionSchema = withOperandChecks(
  z.strictObject(criterionShape('deal')).meta({
    id: DREAM_CRITERION_ID,
    title: 'Criterion (dream-customer test)',
    description: 'One test of a deal (default) or company property.',
  }),
);

/** A criterion after parsing (defaults applied); the same shape in segments, exclusions and the dream test. */
export type Criterion = z.output<typeof SegmentCriterionSchema>;
export type CriterionInput = z.input<typeof SegmentCriterionSchema>;

const DealAmountSchema = z
  .strictObject({
    min: z
      .number()
      .min(0)
      .optional()
      .describe('Smallest deal amount that fits the segment (inclusive)'),
    max: z
      .number()
      .min(0)
      .optional()
      .describe('Largest deal amount that fits the segment (inclusive)'),
  })
  .superRefine(
    (band, ctx) => {
      const b = band as Json;
      if (typeof b.min === 'number' && typeof b.max === 'number' && b.min > b.max) {
        addIssue(ctx as Ctx, 'range_reversed', ['max'], { low: b.min, high: b.max });
      }
    },
    { when: (payload) => isRecord(payload.value) },
  )
  .describe(
    'The deal amounts that fit this segment; outside it a deal gets the warning deal_size_outside_segment',
  );

/** SCORING §10: what reps are told to sell in a segment. */
export const PositioningSchema = z
  .strictObject({
    valueProposition: Text(300).describe('Why us, in the customer’s words (1..300 characters)'),
    differentiators: z
      .array(Text(200))
      .max(10)
      .optional()
      .describe('What sets us apart in this segment: 0..10, each 1..200 characters'),
    expectations: z
      .array(Text(200))
      .max(10)
      .optional()
      .describe('What these customers expect from us: 0..10, each 1..200 characters'),
  })
  .meta({
    id: 'Positioning',
    title: 'Positioning',
    description:
      'Shown to reps on cards of dream, fit, stretch and needs-data records of the segment.',
  });
export type Positioning = z.output<typeof PositioningSchema>;

export const SegmentSchema = z
  .strictObject({
    id: Slug.describe('Stable id, written to strategy_fit_segment: 1..63 of a-z, 0-9 and -'),
    name: Text(120).describe('Name shown to reps'),
    priority: Priority.describe('dream, core or opportunistic; breaks score ties in that order'),
    description: z.string().max(2000).optional(),
    criteria: z.array(SegmentCriterionSchema).min(1).max(30).describe('1..30 criteria'),
    dealAmount: DealAmountSchema.optional(),
    positioning: PositioningSchema.optional(),
    offers: z
      .array(Text(100))
      .min(1)
      .max(100)
      .optional()
      .describe(
        'The product SKUs (or product ids) we offer this segment, 1..100; a deal with a line item outside them gets the warning offer_outside_segment',
      ),
  })
  .meta({
    id: 'Segment',
    title: 'Segment',
    description: 'A kind of company the team wants to sell to.',
  });
export type Segment = z.output<typeof SegmentSchema>;

export const ExclusionSchema = z
  .strictObject({
    id: Slug.describe('Stable id: 1..63 of a-z, 0-9 and -'),
    reason: Text(200).describe('Shown to reps when a company is refused'),
    criteria: z
      .array(SegmentCriterionSchema)
      .min(1)
      .max(10)
      .describe('1..10 criteria; the exclusion matches when all of them match'),
  })
  .meta({ id: 'Exclusion', title: 'Exclusion', description: 'Customers we refuse.' });
export type Exclusion = z.output<typeof ExclusionSchema>;

const DreamGroupSchema = (question: string) =>
  z
    .array(DreamCriterionSchema)
    .min(1)
    .max(10)
    .describe(`${question} 1..10 criteria; passes when all match`);

export const DreamCustomerSchema = z
  .strictObject({
    need: DreamGroupSchema('Do they need us?'),
    abilityToPay: DreamGroupSchema('Can they pay?'),
    urgency: DreamGroupSchema('Should they buy now?'),
  })
  .describe('The dream-customer test: three questions asked of each deal');

export const DealChecksSchema = z
  .strictObject({
    maxDiscountPercent: z
      .number()
      .min(0)
      .max(100)
      .optional()
      .describe('Above this discount (percent, 0..100) a deal gets the warning price_competition'),
    discountProperty: PropertyName.optional().describe(
      'Deal property holding the discount in percent, used when the deal has no line items',
    ),
  })
  .describe('Checks on each deal');

export const ManagersSchema = z
  .strictObject({
    userIds: z.array(z.string().min(1)).default([]).describe('HubSpot user ids of managers'),
    teamIds: z
      .array(z.string().min(1))
      .default([])
      .describe('HubSpot team ids whose members are managers'),
  })
  .describe('Who may publish, roll back and decide exceptions');

const ThresholdsSchema = z
  .strictObject({
    fit: Int(1, 100).default(70).describe('Score (0..100) from which a company fits (default 70)'),
    stretch: Int(0, 99)
      .default(40)
      .describe('Score (0..100) from which a company is a stretch; below fit (default 40)'),
  })
  .superRefine(
    (t, ctx) => {
      const v = t as Json;
      if (typeof v.fit === 'number' && typeof v.stretch === 'number' && v.stretch >= v.fit) {
        addIssue(ctx as Ctx, 'stretch_not_below_fit', ['stretch'], {
          fit: v.fit,
          stretch: v.stretch,
        });
      }
    },
    { when: (payload) => isRecord(payload.value) },
  )
  .prefault({})
  .describe('Score thresholds for the tiers');

/** SCORING §11: the id reserved for values of the competitor property that match no competitor. */
export const OTHER_COMPETITOR_ID = 'other';

/** SCORING §11: a competitor, how we win against it and which of our segments it goes after. */
export const CompetitorSchema = z
  .strictObject({
    id: Slug.describe('Stable id, written to strategy_fit_competitors; "other" is reserved'),
    name: Text(120).describe('Name shown to reps and managers'),
    values: z
      .array(Text(120))
      .min(1)
      .max(20)
      .optional()
      .describe(
        'Values of competitorProperty that mean this competitor, 1..20 (default: its name); trimmed, case-insensitive, unique across competitors',
      ),
    targets: z
      .array(Slug)
      .max(50)
      .optional()
      .describe('Ids of our segments this competitor goes after'),
    howWeWin: Text(500)
      .optional()
      .describe('Shown to reps on deals where this competitor is present'),
  })
  .meta({
    id: 'Competitor',
    title: 'Competitor',
    description: 'How a competitor acts and whom it targets.',
  });
export type Competitor = z.output<typeof CompetitorSchema>;

/** SCORING §12: whether an existing customer's deal needs an exception when it is off strategy. */
export const ExistingCustomerPolicy = z.enum(['retain', 'score']);
export type ExistingCustomerPolicy = z.output<typeof ExistingCustomerPolicy>;

/** SCORING §12: HubSpot's default deal type property says existing business. */
export const DEFAULT_EXISTING_CUSTOMER_CRITERIA: readonly CriterionInput[] = [
  { property: 'dealtype', operator: 'EQ', value: 'existingbusiness' },
];

/** SCORING §12: which deals are existing business, and what happens to them off strategy. */
export const ExistingCustomersSchema = z
  .strictObject({
    policy: ExistingCustomerPolicy.default('retain').describe(
      'retain (default): an off-strategy existing-business deal keeps its tier but needs no exception and is not unapproved off-strategy pipeline; score: treated like new business',
    ),
    criteria: z
      .array(DreamCriterionSchema)
      .min(1)
      .max(5)
      .default(() => DEFAULT_EXISTING_CUSTOMER_CRITERIA.map((c) => DreamCriterionSchema.parse(c)))
      .describe(
        'A deal is existing business when all of these match (1..5; read the deal unless object says company); default: dealtype EQ existingbusiness',
      ),
  })
  .describe(
    'Existing customers (default when absent: policy retain, dealtype EQ existingbusiness)',
  );
export type ExistingCustomers = z.output<typeof ExistingCustomersSchema>;

/** SCORING §13: the share of dream and fit companies above which a strategy is "not a focus". */
export const FocusGuardSchema = z
  .strictObject({
    maxAcceptedPercent: Int(1, 100)
      .default(50)
      .describe(
        'Warn when more than this percent of companies are dream or fit (1..100, default 50)',
      ),
  })
  .describe('The focus guard (default when absent: 50 %)');
export type FocusGuard = z.output<typeof FocusGuardSchema>;

/** SCORING §15: the review counts deals closed in the last this many days unless the strategy says otherwise. */
export const DEFAULT_EVIDENCE_WINDOW_DAYS = 365;
/** SCORING §1, §15: the days an evidence window may span (strategy and review filter alike). */
export const EVIDENCE_WINDOW_DAYS = { min: 30, max: 3650 } as const;

const checkUniqueIds = (list: unknown, key: string, ctx: Ctx): void => {
  if (!Array.isArray(list)) return;
  const seen = new Map<string, number>();
  list.forEach((item, i) => {
    if (!isRecord(item) || typeof item.id !== 'string') return;
    const first = seen.get(item.id);
    if (first === undefined) seen.set(item.id, i);
    else addIssue(ctx, 'duplicate_id', [key, i, 'id'], { id: item.id, list: key, index: first });
  });
};

const segmentIdsOf = (segments: unknown): Set<string> =>
  new Set(
    (Array.isArray(segments) ? segments : []).flatMap((s) =>
      isRecord(s) && typeof s.id === 'string' ? [s.id] : [],
    ),
  );

/** The values of a competitor that mean it (SCORING §11: default its name), with their paths. */
const competitorValues = (c: Json, i: number): { value: string; path: PropertyKey[] }[] => {
  if (Array.isArray(c.values)) {
    return c.values.flatMap((v, j) =>
      typeof v === 'string' ? [{ value: v, path: ['competitors', i, 'values', j] }] : [],
    );
  }
  return typeof c.name === 'string' ? [{ value: c.name, path: ['competitors', i, 'name'] }] : [];
};

/** SCORING §11: targets name existing segments, values are unique across competitors, `other` is reserved. */
const checkCompetitors = (v: Json, ctx: Ctx): void => {
  if (!Array.isArray(v.competitors)) return;
  const segments = segmentIdsOf(v.segments);
  // Without any segment, every target would be unknown: the one issue is the empty list.
  const checkTargets = segments.size > 0;
  const seen = new Map<string, { index: number; name: string }>();
  v.competitors.forEach((c, i) => {
    if (!isRecord(c)) return;
    if (c.id === OTHER_COMPETITOR_ID)
      addIssue(ctx, 'reserved_id', ['competitors', i, 'id'], { id: c.id });
    if (checkTargets && Array.isArray(c.targets)) {
      c.targets.forEach((t, j) => {
        if (typeof t === 'string' && SLUG_PATTERN.test(t) && !segments.has(t)) {
          addIssue(ctx, 'unknown_segment', ['competitors', i, 'targets', j], {
            id: t,
            known: [...segments],
          });
        }
      });
    }
    const name = typeof c.name === 'string' ? c.name : String(c.id);
    for (const { value, path } of competitorValues(c, i)) {
      const key = value.trim().toLowerCase();
      const first = seen.get(key);
      if (first === undefined) seen.set(key, { index: i, name });
      else if (first.index !== i)
        addIssue(ctx, 'duplicate_competitor_value', path, {
          input: value,
          other: first.name,
          index: first.index,
        });
    }
  });
};

/** The strategy document (SCORING §1): the single source of its types. */
export const StrategySchema = z
  .strictObject({
    $schema: z
      .string()
      .optional()
      .describe('Path or URL of this JSON Schema, for editors; ignored by scoring'),
    schemaVersion: z.literal(1).describe('Always 1'),
    name: Text(120).describe('Name of the strategy, 1..120 characters'),
    description: z.string().max(2000).optional(),
    thresholds: ThresholdsSchema,
    segments: z.array(SegmentSchema).min(1).max(50).describe('1..50 segments, ids unique'),
    exclusions: z
      .array(ExclusionSchema)
      .max(50)
      .default([])
      .describe('0..50 exclusions, ids unique'),
    dreamCustomer: DreamCustomerSchema.optional(),
    dealChecks: DealChecksSchema.optional(),
    dreamCapacityPerOwner: Int(1)
      .optional()
      .describe('At most this many dream-tier companies per owner (strategy review)'),
    managers: ManagersSchema.optional(),
    competitors: z
      .array(CompetitorSchema)
      .max(30)
      .optional()
      .describe('0..30 competitors, ids unique (SCORING §11)'),
    competitorProperty: PropertyName.optional().describe(
      'Deal property naming the competitors on a deal (a checkbox enumeration is split on ;)',
    ),
    existingCustomers: ExistingCustomersSchema.optional(),
    focusGuard: FocusGuardSchema.optional(),
    evidenceWindowDays: Int(EVIDENCE_WINDOW_DAYS.min, EVIDENCE_WINDOW_DAYS.max)
      .optional()
      .describe(
        'The strategy review counts deals closed in the last this many days (30..3650, default 365)',
      ),
  })
  .superRefine(
    (s, ctx) => {
      const v = s as Json;
      checkUniqueIds(v.segments, 'segments', ctx as Ctx);
      checkUniqueIds(v.exclusions, 'exclusions', ctx as Ctx);
      checkUniqueIds(v.competitors, 'competitors', ctx as Ctx);
      checkCompetitors(v, ctx as Ctx);
    },
    { when: (payload) => isRecord(payload.value) },
  )
  .meta({
    id: 'Strategy',
    title: 'Strategy Fit strategy',
    description:
      "The sales manager's strategy: segments to win, customers to refuse, the dream-customer test.",
  });

/** A parsed strategy (defaults applied). */
export type Strategy = z.output<typeof StrategySchema>;
/** A strategy as people write it. */
export type StrategyInput = z.input<typeof StrategySchema>;
