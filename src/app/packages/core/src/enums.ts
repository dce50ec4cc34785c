import { z } from 'zod';

/** The tier of a company or deal (SCORING §6.3), best first. */
export const Tier = z.enum(['dream', 'fit', 'stretch', 'needs_data', 'off_strategy', 'refused']);
export type Tier = z.output<typeof Tier>;

/** Tiers from lowest to highest rank: `refused` ranks lowest, `dream` highest. */
export const TIERS_BY_RANK: readonly Tier[] = [...Tier.options].reverse();

/** The rank of a tier: `refused` 0 … `dream` 5; a higher rank is a better tier. */
export const tierRank = (tier: Tier): number => TIERS_BY_RANK.indexOf(tier);

/** The outcome of one criterion (SCORING §4). */
export const Outcome = z.enum(['match', 'miss', 'unknown']);
export type Outcome = z.output<typeof Outcome>;

/** Criterion operators, named as HubSpot's CRM search filter operators (SCORING §2). */
export const Operator = z.enum([
  'EQ',
  'NEQ',
  'IN',
  'NOT_IN',
  'GT',
  'GTE',
  'LT',
  'LTE',
  'BETWEEN',
  'HAS_PROPERTY',
  'NOT_HAS_PROPERTY',
  'CONTAINS_TOKEN',
  'NOT_CONTAINS_TOKEN',
  'WITHIN_NEXT_DAYS',
  'WITHIN_LAST_DAYS',
]);
export type Operator = z.output<typeof Operator>;

/** Segment priority; ties between segments go dream > core > opportunistic (SCORING §6.2). */
export const Priority = z.enum(['dream', 'core', 'opportunistic']);
export type Priority = z.output<typeof Priority>;

/** Deal warnings written to `strategy_fit_warnings`, in their canonical order (SCORING §7, §8, §10). */
export const FitWarning = z.enum([
  'price_competition',
  'deal_size_outside_segment',
  'missing_company',
  'offer_outside_segment',
]);
export type FitWarning = z.output<typeof FitWarning>;

/** The state of an exception request on a deal (SCORING §7). */
export const ExceptionStatus = z.enum(['requested', 'approved', 'rejected']);
export type ExceptionStatus = z.output<typeof ExceptionStatus>;

/** SCORING §12: whether a deal is new or existing business, written to `strategy_fit_business`. */
export const Business = z.enum(['new', 'existing']);
export type Business = z.output<typeof Business>;

/** Which record a criterion reads. */
export const CriterionObject = z.enum(['company', 'deal']);
export type CriterionObject = z.output<typeof CriterionObject>;

/** The three questions of the dream-customer test (SCORING §7), in their order. */
export const DreamGroup = z.enum(['need', 'abilityToPay', 'urgency']);
export type DreamGroup = z.output<typeof DreamGroup>;

/** The result of one dream-customer question. */
export const DreamOutcome = z.enum(['pass', 'fail', 'unknown']);
export type DreamOutcome = z.output<typeof DreamOutcome>;
