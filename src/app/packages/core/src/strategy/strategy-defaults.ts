import {
  DEFAULT_EVIDENCE_WINDOW_DAYS,
  ExistingCustomersSchema,
  FocusGuardSchema,
} from './strategy-schema.ts';
import type { ExistingCustomers, FocusGuard, Strategy } from './strategy-schema.ts';

// An absent optional part means its defaults, taken from the schema itself (SCORING §12, §13, §15).
const DEFAULT_EXISTING_CUSTOMERS: ExistingCustomers = ExistingCustomersSchema.parse({});
const DEFAULT_FOCUS_GUARD: FocusGuard = FocusGuardSchema.parse({});

/** SCORING §12: the strategy's existing-customer settings; absent means policy retain, dealtype EQ existingbusiness. */
export const existingCustomersOf = (strategy: Strategy): ExistingCustomers =>
  strategy.existingCustomers ?? DEFAULT_EXISTING_CUSTOMERS;

/** SCORING §13: the strategy's focus guard; absent means 50 %. */
export const focusGuardOf = (strategy: Strategy): FocusGuard =>
  strategy.focusGuard ?? DEFAULT_FOCUS_GUARD;

/** SCORING §15: the days of the review's evidence window; absent means 365. */
export const evidenceWindowDaysOf = (strategy: Strategy): number =>
  strategy.evidenceWindowDays ?? DEFAULT_EVIDENCE_WINDOW_DAYS;
