// Column-oriented, in-memory storage of one object type's records. Each property is a column of
// dictionary codes (Int32Array, -1 = no value) over a dictionary of distinct string values, so a
// search evaluates a filter once per distinct value and then scans an integer array.
import type { ObjectTypeInfo } from '../catalogue/object-types.ts';
import { formatInstant } from './time.ts';

const INITIAL_CAPACITY = 1024;

/** One property's values for every row of a table. */
export class Column {
  codes: Int32Array;
  readonly dict: string[] = [];
  private readonly index = new Map<string, number>();
  private numbers: number[] = [];
  private lowered: string[] = [];

  constructor(capacity: number) {
    this.codes = new Int32Array(capacity).fill(-1);
  }

  grow(capacity: number): void {
    if (capacity <= this.codes.length) return;
    const next = new Int32Array(capacity).fill(-1);
    next.set(this.codes);
    this.codes = next;
  }

  get(row: number): string | null {
    const code = this.codes[row] ?? -1;
    return code < 0 ? null : (this.dict[code] ?? null);
  }

  set(row: number, value: string | null): void {
    this.codes[row] = value === null ? -1 : this.codeOf(value);
  }

  codeOf(value: string): number {
    const known = this.index.get(value);
    if (known !== undefined) return known;
    const code = this.dict.length;
    this.dict.push(value);
    this.index.set(value, code);
    return code;
  }

  /** The code of a value already in the dictionary, or -1. */
  findCode(value: string): number {
    return this.index.get(value) ?? -1;
  }

  /** Numeric reading of every dictionary value (numbers as such, dates as epoch ms, else NaN). */
  numericValues(): readonly number[] {
    for (let code = this.numbers.length; code < this.dict.length; code += 1) {
      this.numbers.push(toComparableNumber(this.dict[code] ?? ''));
    }
    return this.numbers;
  }

  /** Lower-cased dictionary values, for case-insensitive comparisons. */
  lowerValues(): readonly string[] {
    for (let code = this.lowered.length; code < this.dict.length; code += 1) {
      this.lowered.push((this.dict[code] ?? '').toLowerCase());
    }
    return this.lowered;
  }
}

/** A stored value or filter operand as a number: decimal numbers, epoch ms, or ISO dates. */
export function toComparableNumber(text: string): number {
  const trimmed = text.trim();
  if (trimmed === '') return Number.NaN;
  if (/^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(trimmed)) return Number(trimmed);
  if (/^\d{4}-\d{2}-\d{2}/.test(trimmed)) return Date.parse(trimmed);
  return Number.NaN;
}

/** All records of one object type. Rows are never removed; archiving only marks them. */
export class ObjectTable {
  readonly info: ObjectTypeInfo;
  readonly ids: number[] = [];
  readonly createdAt: number[] = [];
  readonly updatedAt: number[] = [];
  /** Epoch ms of archiving, 0 when live. */
  readonly archivedAt: number[] = [];
  /** Updates of each row since the table was loaded (creation is not one): the write log. */
  readonly writes: number[] = [];
  readonly columns = new Map<string, Column>();
  private capacity = INITIAL_CAPACITY;

  constructor(info: ObjectTypeInfo) {
    this.info = info;
  }

  get size(): number {
    return this.ids.length;
  }

  /** Row of a record id: ids only grow, so `ids` is sorted and a binary search finds it. */
  rowOf(id: number): number | undefined {
    const ids = this.ids;
    let low = 0;
    let high = ids.length - 1;
    while (low <= high) {
      const mid = (low + high) >>> 1;
      const value = ids[mid] ?? 0;
      if (value === id) return mid;
      if (value < id) low = mid + 1;
      else high = mid - 1;
    }
    return undefined;
  }

  /** Appends a record; `id` must be larger than every id in the table. */
  addRow(id: number, createdAtMs: number, updatedAtMs: number, archivedAtMs = 0): number {
    const row = this.ids.length;
    if (row > 0 && (this.ids[row - 1] ?? 0) >= id) throw new Error(`ids must increase: ${id}`);
    if (row >= this.capacity) {
      this.capacity *= 2;
      for (const column of this.columns.values()) column.grow(this.capacity);
    }
    this.ids.push(id);
    this.createdAt.push(createdAtMs);
    this.updatedAt.push(updatedAtMs);
    this.archivedAt.push(archivedAtMs);
    this.writes.push(0);
    return row;
  }

  column(name: string): Column | undefined {
    return this.columns.get(name);
  }

  ensureColumn(name: string): Column {
    let column = this.columns.get(name);
    if (column === undefined) {
      column = new Column(this.capacity);
      this.columns.set(name, column);
    }
    return column;
  }

  isVirtual(name: string): boolean {
    return (
      name === 'hs_object_id' ||
      name === this.info.createdateProperty ||
      name === this.info.lastmodifiedProperty
    );
  }

  /** A property's value as HubSpot returns it (string or null), including the system properties. */
  get(row: number, name: string): string | null {
    if (name === 'hs_object_id') return String(this.ids[row]);
    if (name === this.info.createdateProperty) return formatInstant(this.createdAt[row] ?? 0);
    if (name === this.info.lastmodifiedProperty) return formatInstant(this.updatedAt[row] ?? 0);
    return this.columns.get(name)?.get(row) ?? null;
  }

  /** Every stored (non-system) value of a row. */
  storedValues(row: number): Record<string, string> {
    const values: Record<string, string> = {};
    for (const [name, column] of this.columns) {
      const value = column.get(row);
      if (value !== null) values[name] = value;
    }
    return values;
  }

  isLive(row: number): boolean {
    return this.archivedAt[row] === 0;
  }

  /** Rows whose `name` property equals `value` exactly (used for `idProperty` look-ups). */
  rowsWithValue(name: string, value: string): number[] {
    const column = this.columns.get(name);
    if (column === undefined) return [];
    const code = column.findCode(value);
    if (code < 0) return [];
    const rows: number[] = [];
    const codes = column.codes;
    for (let row = 0; row < this.ids.length; row += 1) if (codes[row] === code) rows.push(row);
    return rows;
  }
}
