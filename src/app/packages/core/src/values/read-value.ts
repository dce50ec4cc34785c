/** One day in milliseconds. */
export const DAY_MS = 86_400_000;
/** The largest instant a JavaScript date can hold (ECMA-262 §21.4.1.1). */
const MAX_EPOCH_MS = 8.64e15;

/** SCORING §3: null, absent, "" or only whitespace is missing. */
export const isMissing = (raw: string | null | undefined): raw is null | undefined | '' =>
  raw === null || raw === undefined || raw.trim() === '';

/** SCORING §3: the rules of JavaScript `Number()` after trimming; NaN or infinite is unparseable (null). */
export const readNumber = (text: string): number | null => {
  const n = Number(text.trim());
  return Number.isFinite(n) ? n : null;
};

/** SCORING §3: "true" / "false", case-insensitive; anything else is unparseable (null). */
export const readBoolean = (text: string): boolean | null => {
  const t = text.trim().toLowerCase();
  return t === 'true' ? true : t === 'false' ? false : null;
};

/** The digit at `i`, or -1. */
const digitAt = (s: string, i: number): number => {
  const d = s.charCodeAt(i) - 48;
  return d >= 0 && d <= 9 ? d : -1;
};

/** Two digits at `i` as a number, or -1. */
const twoDigits = (s: string, i: number): number => {
  const a = digitAt(s, i);
  const b = digitAt(s, i + 1);
  return a < 0 || b < 0 ? -1 : a * 10 + b;
};

/** Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant's days_from_civil). */
const daysFromCivil = (year: number, month: number, day: number): number => {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + day - 1;
  return era * 146_097 + yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy - 719_468;
};

const daysInMonth = (year: number, month: number): number => {
  if (month === 2) return year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
};

/** `YYYY-MM-DD` at the start of `s` as epoch days, or null. */
const readDay = (s: string): number | null => {
  const hi = twoDigits(s, 0);
  const lo = twoDigits(s, 2);
  const month = twoDigits(s, 5);
  const day = twoDigits(s, 8);
  if (hi < 0 || lo < 0 || month < 1 || month > 12 || day < 1) return null;
  if (s.charCodeAt(4) !== 45 || s.charCodeAt(7) !== 45) return null;
  const year = hi * 100 + lo;
  return day > daysInMonth(year, month) ? null : daysFromCivil(year, month, day);
};

/** The offset of a zone designator (`Z`, `+02:00`, `-0530`, `+02`) in ms, or null when malformed. */
const readOffsetMs = (s: string, i: number): number | null => {
  if (i === s.length) return 0;
  const c = s.charCodeAt(i);
  if ((c === 90 || c === 122) && i + 1 === s.length) return 0; // Z or z
  if (c !== 43 && c !== 45) return null; // + or -
  const hours = twoDigits(s, i + 1);
  let j = i + 3;
  if (s.charCodeAt(j) === 58) j += 1; // :
  const minutes = j === s.length ? 0 : twoDigits(s, j);
  if (j !== s.length) j += 2;
  if (hours < 0 || hours > 23 || minutes < 0 || minutes > 59 || j !== s.length) return null;
  return (c === 45 ? -1 : 1) * (hours * 60 + minutes) * 60_000;
};

/** `THH:MM[:SS[.fff…]][zone]` from position 10 as ms into the day, minus the offset; or null. */
const readTime = (s: string): number | null => {
  const t = s.charCodeAt(10);
  if (t !== 84 && t !== 116) return null; // T or t
  const hours = twoDigits(s, 11);
  const minutes = twoDigits(s, 14);
  if (hours < 0 || hours > 23 || s.charCodeAt(13) !== 58 || minutes < 0 || minutes > 59)
    return null;
  let i = 16;
  let seconds = 0;
  let ms = 0;
  if (s.charCodeAt(i) === 58) {
    seconds = twoDigits(s, i + 1);
    if (seconds < 0 || seconds > 59) return null;
    i += 3;
    if (s.charCodeAt(i) === 46) {
      const start = i + 1;
      i = start;
      let scale = 100;
      for (let d = digitAt(s, i); d >= 0 && i - start < 9; d = digitAt(s, ++i)) {
        ms += d * scale; // milliseconds: the first three fraction digits; the rest are dropped
        scale /= 10;
      }
      if (i === start) return null;
      ms = Math.floor(ms);
    }
  }
  const offset = readOffsetMs(s, i);
  return offset === null ? null : ((hours * 60 + minutes) * 60 + seconds) * 1000 + ms - offset;
};

/**
 * SCORING §3: `YYYY-MM-DD`, an ISO date-time, or epoch milliseconds (all digits), as epoch
 * milliseconds; anything else is unparseable (null). A date-time without an offset is UTC.
 */
export const readDateMs = (text: string): number | null => {
  const s = text.trim();
  if (s.length === 0) return null;
  let allDigits = true;
  for (let i = 0; i < s.length && allDigits; i++) allDigits = digitAt(s, i) >= 0;
  if (allDigits) {
    const n = Number(s);
    return n <= MAX_EPOCH_MS ? n : null;
  }
  if (s.length < 10) return null;
  const days = readDay(s);
  if (days === null) return null;
  if (s.length === 10) return days * DAY_MS;
  const time = readTime(s);
  if (time === null) return null;
  const instant = days * DAY_MS + time;
  return Math.abs(instant) <= MAX_EPOCH_MS ? instant : null;
};

/** True when a criterion value is a date the strategy may compare with: `YYYY-MM-DD` or an ISO date-time. */
export const isIsoDate = (text: string): boolean =>
  text === text.trim() && text.length >= 10 && digitAt(text, 4) < 0 && readDateMs(text) !== null;

/** SCORING §3: a HubSpot enumeration with fieldType checkbox holds `;`-separated choices. */
export const isMultiSelect = (
  definition: { type: string; fieldType: string } | undefined,
): boolean =>
  definition !== undefined &&
  definition.type === 'enumeration' &&
  definition.fieldType === 'checkbox';

/** Splits a multi-select value on `;` into its trimmed, non-empty, distinct elements. */
export const splitMultiSelect = (text: string): string[] => {
  const parts: string[] = [];
  for (const part of text.split(';')) {
    const p = part.trim();
    if (p !== '' && !parts.includes(p)) parts.push(p);
  }
  return parts;
};

/**
 * A present HubSpot value, read lazily: its lower-cased text, number and date are each computed
 * at most once (SCORING §3), however many criteria compare it.
 */
export class Reading {
  /** The value trimmed, case kept: what explanations show and numbers and dates are read from. */
  readonly raw: string;
  /** The elements of a multi-select value, or null when the value is not split. */
  readonly parts: readonly Reading[] | null;
  private lower: string | undefined = undefined;
  private num: number | null | undefined = undefined;
  private date: number | null | undefined = undefined;

  /** `trimmed` is the value without surrounding whitespace, never empty. */
  constructor(trimmed: string, multiSelect: boolean) {
    this.raw = trimmed;
    this.parts = multiSelect ? splitMultiSelect(trimmed).map((p) => new Reading(p, false)) : null;
  }

  /** Trimmed and lower-cased: what string comparisons use. */
  get text(): string {
    this.lower ??= this.raw.toLowerCase();
    return this.lower;
  }

  /** The value as a number (`Number()` rules), or null when unparseable. */
  get number(): number | null {
    if (this.num === undefined) {
      const n = Number(this.raw);
      this.num = Number.isFinite(n) ? n : null;
    }
    return this.num;
  }

  /** The value as epoch milliseconds, or null when it is not a date. */
  get dateMs(): number | null {
    if (this.date === undefined) this.date = readDateMs(this.raw);
    return this.date;
  }
}

/** Reads one raw HubSpot value: null when missing, else a reading of it (SCORING §3). */
export const readPropertyValue = (
  raw: string | null | undefined,
  multiSelect: boolean,
): Reading | null => {
  if (raw === null || raw === undefined) return null;
  const trimmed = raw.trim();
  return trimmed === '' ? null : new Reading(trimmed, multiSelect);
};

/** Shortens a value shown to people to at most `max` characters, ending with "…" when cut. */
export const truncate = (text: string, max = 80): string =>
  text.length <= max ? text : `${text.slice(0, max - 1)}…`;
