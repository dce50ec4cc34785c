// A portal admin's property validation rules, set through HubSpot's property validations API
// (`PUT /crm/property-validations/2026-09/{objectTypeId}/{propertyName}/rule-type/{ruleType}`,
// https://developers.hubspot.com/docs/api-reference/crm-property-validations-v3/guide), and their
// check of a written value. From the 2026-09 API version HubSpot applies the rules to API writes
// (https://developers.hubspot.com/changelog/crm-api-write-validation-enforcement); the v3 object
// routes leave them out, as HubSpot did. The rule types, their property types and arguments are the
// guide's; which of them the sandbox checks, and its refusal texts, are the sandbox's (docs/sandbox.md).
import { z } from 'zod';
import type { PropertyIssue } from '../errors.ts';
import type { PropertyDefinition } from '../schema.ts';
import type { Persistence } from './persistence.ts';

/** Every rule type of the reference (`ruleType` enum of PublicPropertyValidationRule). */
export const RULE_TYPES = [
  'AFTER_DATETIME_DURATION',
  'AFTER_DURATION',
  'ALPHANUMERIC',
  'BEFORE_DATETIME_DURATION',
  'BEFORE_DURATION',
  'DAYS_OF_WEEK',
  'DECIMAL',
  'DOMAIN',
  'EMAIL',
  'EMAIL_ALLOWED_DOMAINS',
  'EMAIL_BLOCKED_DOMAINS',
  'END_DATE',
  'END_DATETIME',
  'FORMAT',
  'MAX_LENGTH',
  'MAX_NUMBER',
  'MIN_LENGTH',
  'MIN_NUMBER',
  'PHONE_NUMBER_WITH_EXPLICIT_COUNTRY_CODE',
  'REGEX',
  'SPECIAL_CHARACTERS',
  'START_DATE',
  'START_DATETIME',
  'URL',
  'URL_ALLOWED_DOMAINS',
  'URL_BLOCKED_DOMAINS',
  'WHITESPACE',
] as const;
export const RuleTypeSchema = z.enum(RULE_TYPES);
export type RuleType = z.output<typeof RuleTypeSchema>;

/** The body of a rule PUT (`PublicPropertyValidationRuleUpdate`). */
export const RuleUpdateSchema = z.looseObject({
  ruleArguments: z.array(z.string()),
  shouldApplyNormalization: z.boolean().optional(),
});

/** A stored rule, in the answer shape (`PublicPropertyValidationRule`). */
export const StoredRuleSchema = z.object({
  ruleType: RuleTypeSchema,
  ruleArguments: z.array(z.string()),
  shouldApplyNormalization: z.boolean().optional(),
});
export type StoredRule = z.output<typeof StoredRuleSchema>;

const TEXT = ['string'] as const;
const NUMBER = ['number'] as const;

/** The rules the sandbox checks on writes: property types, argument check, value check. */
type Checker = {
  types: readonly string[];
  /** Why the arguments are unusable, or null. */
  arguments: (args: readonly string[]) => string | null;
  /** The refusal text for a value that breaks the rule, or null when it keeps it. */
  check: (name: string, value: string, args: readonly string[]) => string | null;
};

const oneCount = (args: readonly string[]): string | null =>
  args.length === 1 && /^\d+$/.test(args[0] ?? '') ? null : 'expects one whole number';
const oneNumber = (args: readonly string[]): string | null =>
  args.length === 1 && Number.isFinite(Number(args[0])) && (args[0] ?? '').trim() !== ''
    ? null
    : 'expects one number';

const ALPHANUMERIC_PATTERNS: Record<string, { pattern: RegExp; allowed: string }> = {
  ALPHANUMERIC: { pattern: /^[\p{L}\p{N}]*$/u, allowed: 'letters and digits' },
  ALPHA_ONLY: { pattern: /^\p{L}*$/u, allowed: 'letters' },
  NUMERIC_ONLY: { pattern: /^\p{N}*$/u, allowed: 'digits' },
};

const CHECKERS: Partial<Record<RuleType, Checker>> = {
  MIN_LENGTH: {
    types: TEXT,
    arguments: oneCount,
    check: (name, value, [n = '0']) =>
      [...value].length >= Number(n) ? null : `${name} must be at least ${n} characters long.`,
  },
  MAX_LENGTH: {
    types: TEXT,
    arguments: oneCount,
    check: (name, value, [n = '0']) =>
      [...value].length <= Number(n) ? null : `${name} must be at most ${n} characters long.`,
  },
  ALPHANUMERIC: {
    types: TEXT,
    arguments: (args) =>
      args.length === 1 && (args[0] ?? '') in ALPHANUMERIC_PATTERNS
        ? null
        : 'expects one of ALPHANUMERIC, ALPHA_ONLY, NUMERIC_ONLY',
    check: (name, value, [kind = 'ALPHANUMERIC']) => {
      const rule = ALPHANUMERIC_PATTERNS[kind];
      return rule === undefined || rule.pattern.test(value)
        ? null
        : `${name} may only contain ${rule.allowed}.`;
    },
  },
  MIN_NUMBER: {
    types: NUMBER,
    arguments: oneNumber,
    check: (name, value, [n = '0']) =>
      Number(value) >= Number(n) ? null : `${name} must be at least ${n}.`,
  },
  MAX_NUMBER: {
    types: NUMBER,
    arguments: oneNumber,
    check: (name, value, [n = '0']) =>
      Number(value) <= Number(n) ? null : `${name} must be at most ${n}.`,
  },
  DECIMAL: {
    types: NUMBER,
    arguments: oneCount,
    check: (name, value, [n = '0']) => {
      const decimals = /\.(\d+)$/.exec(value)?.[1]?.replace(/0+$/, '').length ?? 0;
      return decimals <= Number(n) ? null : `${name} may have at most ${n} decimal places.`;
    },
  },
  REGEX: {
    types: TEXT,
    // The pattern, then the admin's "invalid value message" (HubSpot's rule editor has both).
    arguments: (args) => {
      if (args.length < 1 || args.length > 2) return 'expects a pattern and an optional message';
      try {
        new RegExp(args[0] ?? '', 'u');
        return null;
      } catch {
        return 'expects a valid regular expression';
      }
    },
    check: (name, value, [pattern = '', message]) =>
      new RegExp(`^(?:${pattern})$`, 'u').test(value)
        ? null
        : (message ?? `${name} does not match the required format.`),
  },
};

/** Whether a rule can be set on a property: null when it can, else why not. */
export function ruleProblem(
  definition: PropertyDefinition,
  ruleType: RuleType,
  args: readonly string[],
): string | null {
  const checker = CHECKERS[ruleType];
  if (checker === undefined) return null; // kept and answered, not checked (docs/sandbox.md)
  if (!checker.types.includes(definition.type)) {
    return `A ${ruleType} rule does not apply to ${definition.type} properties such as ${definition.name}.`;
  }
  const problem = checker.arguments(args);
  return problem === null ? null : `The ${ruleType} rule ${problem}.`;
}

/** Every rule of a portal, by object type and property; kept in the definitions store. */
export class ValidationRules {
  private readonly rules = new Map<string, Map<string, StoredRule[]>>();
  private readonly persistence: Persistence;

  constructor(persistence: Persistence) {
    this.persistence = persistence;
    for (const row of persistence.definitions('validation_rule')) {
      this.put(
        row.scope,
        row.name.split('/')[0] ?? row.name,
        StoredRuleSchema.parse(JSON.parse(row.json)),
        false,
      );
    }
  }

  /** Sets a rule, replacing one of the same type (other types stay). */
  put(objectTypeId: string, propertyName: string, rule: StoredRule, persist = true): void {
    const byProperty = this.rules.get(objectTypeId) ?? new Map<string, StoredRule[]>();
    this.rules.set(objectTypeId, byProperty);
    const kept = (byProperty.get(propertyName) ?? []).filter((r) => r.ruleType !== rule.ruleType);
    byProperty.set(propertyName, [...kept, rule]);
    if (persist) {
      this.persistence.saveDefinition(
        'validation_rule',
        objectTypeId,
        `${propertyName}/${rule.ruleType}`,
        JSON.stringify(rule),
      );
    }
  }

  /** The rules of one property (none: []). */
  of(objectTypeId: string, propertyName: string): readonly StoredRule[] {
    return this.rules.get(objectTypeId)?.get(propertyName) ?? [];
  }

  /** The properties of an object type that have rules, with them. */
  all(objectTypeId: string): { propertyName: string; propertyValidationRules: StoredRule[] }[] {
    return [...(this.rules.get(objectTypeId) ?? new Map<string, StoredRule[]>())]
      .filter(([, rules]) => rules.length > 0)
      .map(([propertyName, rules]) => ({ propertyName, propertyValidationRules: [...rules] }));
  }

  /** The first rule a non-empty written value breaks, as a write issue; null when it keeps them. */
  check(
    objectTypeId: string,
    definition: PropertyDefinition,
    value: string | null,
  ): PropertyIssue | null {
    if (value === null || value === '') return null;
    for (const rule of this.of(objectTypeId, definition.name)) {
      const message = CHECKERS[rule.ruleType]?.check(definition.name, value, rule.ruleArguments);
      if (message !== undefined && message !== null) {
        return { name: definition.name, error: rule.ruleType, message };
      }
    }
    return null;
  }
}
