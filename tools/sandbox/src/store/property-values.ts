// Checks one written property value against its definition and returns the value as stored,
// the way HubSpot normalises it (dates, booleans, multi-checkbox order), or the issue to report.
import { MESSAGES, type PropertyIssue } from '../errors.ts';
import type { PropertyDefinition } from '../schema.ts';
import { formatDate, formatInstant, parseInstant } from './time.ts';

/** HubSpot's limit for a string property value written through the CRM APIs. */
export const MAX_STRING_LENGTH = 65_536;

const NUMBER = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;

export type ValueCheck = { ok: true; value: string | null } | { ok: false; issue: PropertyIssue };

const issue = (name: string, error: string, message: string): ValueCheck => ({
  ok: false,
  issue: { name, error, message },
});

/** The stored form of `raw` for `definition`; `null` clears the value (an empty string does). */
export function checkValue(
  definition: PropertyDefinition,
  raw: string,
  isOwner: (id: string) => boolean,
): ValueCheck {
  const name = definition.name;
  if (raw === '') return { ok: true, value: null };
  switch (definition.type) {
    case 'string':
    case 'phone_number':
      return raw.length > MAX_STRING_LENGTH
        ? issue(name, 'INVALID_STRING_LENGTH', MESSAGES.tooLong(name, raw.length))
        : { ok: true, value: raw };
    case 'number': {
      const text = raw.trim();
      return NUMBER.test(text) && Number.isFinite(Number(text))
        ? { ok: true, value: text }
        : issue(name, 'INVALID_DECIMAL', MESSAGES.invalidNumber(raw));
    }
    case 'bool': {
      const text = raw.trim().toLowerCase();
      return text === 'true' || text === 'false'
        ? { ok: true, value: text }
        : issue(name, 'INVALID_OPTION', MESSAGES.invalidOption(raw, ['true', 'false']));
    }
    case 'date':
      return checkDate(name, raw);
    case 'datetime': {
      const ms = parseInstant(raw);
      return Number.isNaN(ms)
        ? issue(name, 'INVALID_LONG', MESSAGES.invalidDatetime(raw))
        : { ok: true, value: formatInstant(ms) };
    }
    case 'enumeration':
      return checkEnumeration(definition, raw, isOwner);
    default:
      definition.type satisfies never;
      return { ok: true, value: raw };
  }
}

function checkDate(name: string, raw: string): ValueCheck {
  const ms = parseInstant(raw);
  if (Number.isNaN(ms)) return issue(name, 'INVALID_DATE', MESSAGES.invalidDate(raw));
  const sinceMidnight = ((ms % 86_400_000) + 86_400_000) % 86_400_000;
  if (sinceMidnight !== 0) {
    const d = new Date(ms);
    const time = `${d.getUTCHours()}:${d.getUTCMinutes()}:${d.getUTCSeconds()}.${d.getUTCMilliseconds()}`;
    return issue(name, 'INVALID_DATE', MESSAGES.notMidnight(raw, time));
  }
  return { ok: true, value: formatDate(ms) };
}

function checkEnumeration(
  definition: PropertyDefinition,
  raw: string,
  isOwner: (id: string) => boolean,
): ValueCheck {
  const name = definition.name;
  if (name === 'hubspot_owner_id') {
    const id = raw.trim();
    return isOwner(id)
      ? { ok: true, value: id }
      : issue(name, 'INVALID_OWNER_ID', MESSAGES.invalidOwner(raw));
  }
  // Pipelines and stages are checked by the deal rules, which know both values.
  if (definition.externalOptions) return { ok: true, value: raw.trim() };
  const { allowed, labels } = optionsOf(definition);
  if (definition.fieldType !== 'checkbox') {
    return allowed.has(raw)
      ? { ok: true, value: raw }
      : issue(name, 'INVALID_OPTION', MESSAGES.invalidOption(raw, labels));
  }
  const chosen = raw
    .split(';')
    .map((part) => part.trim())
    .filter((part) => part !== '');
  const unknown = chosen.find((part) => !allowed.has(part));
  if (unknown !== undefined) {
    return issue(name, 'INVALID_OPTION', MESSAGES.invalidOption(unknown, labels));
  }
  return { ok: true, value: chosen.length === 0 ? null : [...new Set(chosen)].join(';') };
}

const optionCache = new WeakMap<PropertyDefinition, { allowed: Set<string>; labels: string[] }>();

/** Allowed values and labels of an enumeration, computed once per definition object. */
function optionsOf(definition: PropertyDefinition): { allowed: Set<string>; labels: string[] } {
  let cached = optionCache.get(definition);
  if (cached === undefined) {
    cached = {
      allowed: new Set(definition.options.map((option) => option.value)),
      labels: definition.options.map((option) => option.label),
    };
    optionCache.set(definition, cached);
  }
  return cached;
}
