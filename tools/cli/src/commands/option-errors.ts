// How every command answers a bad option value: one sentence per option, naming it, what was
// given and what it takes, read from the option's own zod schema ("--batch is 500, but it takes
// a whole number from 1 to 100."), never the schema library's wording.
import { z } from 'zod';

/** A zod issue, as far as this needs it. */
type OptionIssue = {
  readonly code: string;
  readonly path: readonly PropertyKey[];
  readonly message: string;
};

const kebab = (key: string): string => key.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);

/** The schema an option is checked with, without its default, optionality or transform. */
const inner = (schema: z.ZodType): z.ZodType => {
  if (schema instanceof z.ZodDefault || schema instanceof z.ZodOptional) {
    return inner(schema.unwrap() as z.ZodType);
  }
  if (schema instanceof z.ZodPipe) return inner(schema.in as z.ZodType);
  return schema;
};

/** A bound zod reports for `.int()` alone (a safe integer) is no bound for people. */
const bound = (n: number | null | undefined): number | null =>
  n === null || n === undefined || Math.abs(n) >= Number.MAX_SAFE_INTEGER ? null : n;

const numberWords = (schema: z.ZodNumber): string => {
  const what = schema.isInt ? 'a whole number' : 'a number';
  const min = bound(schema.minValue);
  const max = bound(schema.maxValue);
  if (min !== null && max !== null) return `${what} from ${min} to ${max}`;
  if (min !== null) return `${what} of at least ${min}`;
  if (max !== null) return `${what} of at most ${max}`;
  return what;
};

/** What an option's schema takes, in words; null when the schema cannot say. */
export const acceptedWords = (schema: z.ZodType): string | null => {
  const s = inner(schema);
  if (s instanceof z.ZodNumber) return numberWords(s);
  if (s instanceof z.ZodEnum) return `one of: ${s.options.join(', ')}`;
  if (s instanceof z.ZodString) return 'a non-empty text';
  return null;
};

const given = (value: unknown): string => {
  if (value === undefined) return 'missing';
  if (typeof value === 'string') return `“${value}”`;
  return String(value);
};

const sentence = (text: string): string => {
  const trimmed = text.trim().replace(/\.$/, '');
  return `${trimmed.charAt(0).toUpperCase()}${trimmed.slice(1)}.`;
};

/**
 * One sentence per rejected option: "--format is “pdf”, but it takes one of: table, json, csv,
 * html." A refinement's own message (a custom or format check) says what the option takes, as a
 * noun phrase ("an ISO date or date-time, e.g. 2026-11-01"); a rule across options is its message.
 */
export const optionErrors = (
  schema: z.ZodObject,
  options: Readonly<Record<string, unknown>>,
  issues: readonly OptionIssue[],
): string => {
  const shape: Readonly<Record<string, z.ZodType>> = schema.shape;
  const sentences = issues.map((issue) => {
    const key = issue.path[0];
    if (typeof key !== 'string') return sentence(issue.message);
    const option = `--${kebab(key)}`;
    const field = shape[key];
    const refined = issue.code === 'custom' || issue.code === 'invalid_format';
    const takes = refined ? issue.message : field === undefined ? null : acceptedWords(field);
    return takes === null
      ? sentence(`${option} is ${given(options[key])}: ${issue.message}`)
      : sentence(`${option} is ${given(options[key])}, but it takes ${takes}`);
  });
  return [...new Set(sentences)].join(' ');
};
