// POST /crm/v3/objects/{type}/search and /crm/objects/2026-09/{type}/search: HubSpot's filter groups (OR of ANDs), operators, one sort,
// paging by offset with the 10,000-result cap. Filters are compiled once per request to a table of
// matches per dictionary value, then the rows are scanned.
import type { ObjectTypeInfo } from '../catalogue/object-types.ts';
import { MESSAGES, validationFailure } from '../errors.ts';
import type { Filter, PropertyDefinition, SearchRequest } from '../schema.ts';
import { err, ok, type CrmStore, type Result } from '../store/crm-store.ts';
import { toComparableNumber, type Column, type ObjectTable } from '../store/object-table.ts';

/** HubSpot's search limits (changelog 2024-08 "expanded filtering"; search guide). */
export const SEARCH_LIMITS = {
  filterGroups: 5,
  filtersPerGroup: 10,
  filters: 25,
  pageSize: 200,
  defaultPageSize: 10,
  totalResults: 10_000,
  queryLength: 3_000,
} as const;

export type SearchPage = { total: number; rows: number[]; nextAfter: string | undefined };

type RowTest = (row: number) => boolean;

const NUMERIC_TYPES = new Set(['number', 'date', 'datetime']);

export function searchObjects(
  store: CrmStore,
  info: ObjectTypeInfo,
  request: SearchRequest,
): Result<SearchPage> {
  const limits = checkLimits(request);
  if (!limits.ok) return limits;
  const table = store.table(info);
  const groups: RowTest[][] = [];
  for (const group of request.filterGroups ?? []) {
    const tests: RowTest[] = [];
    for (const filter of group.filters) {
      const compiled = compileFilter(store, info, table, filter);
      if (!compiled.ok) return compiled;
      tests.push(compiled.value);
    }
    groups.push(tests);
  }
  const query = compileQuery(table, info, request.query);
  const sort = compileSort(store, info, table, request.sorts?.[0]);
  if (!sort.ok) return sort;
  const matches: number[] = [];
  for (let row = 0; row < table.size; row += 1) {
    if (!table.isLive(row)) continue;
    if (groups.length > 0 && !groups.some((tests) => tests.every((test) => test(row)))) continue;
    if (query !== undefined && !query(row)) continue;
    matches.push(row);
  }
  if (sort.value !== undefined) matches.sort(sort.value);
  const after = request.after === undefined || request.after === '' ? 0 : Number(request.after);
  const limit = request.limit ?? SEARCH_LIMITS.defaultPageSize;
  const end = Math.min(after + limit, matches.length, SEARCH_LIMITS.totalResults);
  const nextAfter =
    end < Math.min(matches.length, SEARCH_LIMITS.totalResults) ? String(end) : undefined;
  return ok({ total: matches.length, rows: matches.slice(after, end), nextAfter });
}

function checkLimits(request: SearchRequest): Result<true> {
  const groups = request.filterGroups ?? [];
  if (groups.length > SEARCH_LIMITS.filterGroups) {
    return err(validationFailure(MESSAGES.searchTooManyGroups(SEARCH_LIMITS.filterGroups)));
  }
  if (groups.some((g) => g.filters.length > SEARCH_LIMITS.filtersPerGroup)) {
    return err(
      validationFailure(MESSAGES.searchTooManyFiltersInGroup(SEARCH_LIMITS.filtersPerGroup)),
    );
  }
  if (groups.reduce((n, g) => n + g.filters.length, 0) > SEARCH_LIMITS.filters) {
    return err(validationFailure(MESSAGES.searchTooManyFilters(SEARCH_LIMITS.filters)));
  }
  const limit = request.limit ?? SEARCH_LIMITS.defaultPageSize;
  if (limit < 1 || limit > SEARCH_LIMITS.pageSize) {
    return err(validationFailure(MESSAGES.searchLimit(SEARCH_LIMITS.pageSize)));
  }
  if ((request.query ?? '').length > SEARCH_LIMITS.queryLength) {
    return err(validationFailure(MESSAGES.searchQueryTooLong()));
  }
  if (request.after !== undefined && request.after !== '') {
    if (!/^\d+$/.test(request.after))
      return err(
        validationFailure(MESSAGES.invalidJson(`after "${request.after}" is not a paging cursor`)),
      );
    if (Number(request.after) >= SEARCH_LIMITS.totalResults) {
      return err(validationFailure(MESSAGES.searchPagingCap()));
    }
  }
  return ok(true);
}

/** How a filter reads one property: through a column of codes or an array of numbers. */
type Accessor =
  | { kind: 'column'; column: Column | undefined; definition: PropertyDefinition }
  | { kind: 'numbers'; values: readonly number[] };

function accessorFor(
  store: CrmStore,
  info: ObjectTypeInfo,
  table: ObjectTable,
  name: string,
): Accessor | undefined {
  if (name === 'hs_object_id') return { kind: 'numbers', values: table.ids };
  if (name === info.createdateProperty) return { kind: 'numbers', values: table.createdAt };
  if (name === info.lastmodifiedProperty) return { kind: 'numbers', values: table.updatedAt };
  const definition = store.property(info, name);
  if (definition === undefined) return undefined;
  return { kind: 'column', column: table.column(name), definition };
}

function compileFilter(
  store: CrmStore,
  info: ObjectTypeInfo,
  table: ObjectTable,
  filter: Filter,
): Result<RowTest> {
  const accessor = accessorFor(store, info, table, filter.propertyName);
  if (accessor === undefined) {
    return err(validationFailure(MESSAGES.searchUnknownProperty(filter.propertyName)));
  }
  const operands = operandsOf(filter);
  if (!operands.ok) return operands;
  if (accessor.kind === 'numbers') return numberArrayTest(accessor.values, filter, operands.value);
  const column = accessor.column;
  const numeric = NUMERIC_TYPES.has(accessor.definition.type);
  const multi =
    accessor.definition.type === 'enumeration' && accessor.definition.fieldType === 'checkbox';
  const whenMissing = matchesMissing(filter.operator);
  const numberTest = numeric ? numericValueTest(filter, operands.value) : undefined;
  const textTest = numeric ? undefined : textValueTest(filter, operands.value, multi);
  if (numberTest !== undefined && !numberTest.ok) return numberTest;
  if (textTest !== undefined && !textTest.ok) return textTest;
  if (column === undefined) return ok(() => whenMissing);
  const byCode = new Uint8Array(column.dict.length);
  if (numberTest !== undefined) {
    const values = column.numericValues();
    for (let code = 0; code < byCode.length; code += 1)
      byCode[code] = numberTest.value(values[code] ?? Number.NaN) ? 1 : 0;
  } else if (textTest !== undefined) {
    const values = column.lowerValues();
    for (let code = 0; code < byCode.length; code += 1)
      byCode[code] = textTest.value(values[code] ?? '') ? 1 : 0;
  }
  const codes = column.codes;
  return ok((row) => {
    const code = codes[row] ?? -1;
    return code < 0 ? whenMissing : byCode[code] === 1;
  });
}

/** Negative operators also match records without a value (HubSpot search is "must not"). */
function matchesMissing(operator: Filter['operator']): boolean {
  return (
    operator === 'NEQ' ||
    operator === 'NOT_IN' ||
    operator === 'NOT_HAS_PROPERTY' ||
    operator === 'NOT_CONTAINS_TOKEN'
  );
}

type Operands = { value?: string; highValue?: string; values?: string[] };

function operandsOf(filter: Filter): Result<Operands> {
  const needs = (field: 'value' | 'highValue' | 'values'): Result<Operands> =>
    err(validationFailure(MESSAGES.searchOperatorValue(filter.operator, field)));
  switch (filter.operator) {
    case 'HAS_PROPERTY':
    case 'NOT_HAS_PROPERTY':
      return ok({});
    case 'IN':
    case 'NOT_IN':
      return filter.values === undefined || filter.values.length === 0
        ? needs('values')
        : ok({ values: filter.values });
    case 'BETWEEN':
      if (filter.value === undefined) return needs('value');
      return filter.highValue === undefined
        ? needs('highValue')
        : ok({ value: filter.value, highValue: filter.highValue });
    case 'EQ':
    case 'NEQ':
    case 'LT':
    case 'LTE':
    case 'GT':
    case 'GTE':
    case 'CONTAINS_TOKEN':
    case 'NOT_CONTAINS_TOKEN':
      return filter.value === undefined ? needs('value') : ok({ value: filter.value });
    default:
      filter.operator satisfies never;
      return needs('value');
  }
}

function parseNumber(filter: Filter, text: string | undefined): Result<number> {
  const n = toComparableNumber(text ?? '');
  return Number.isNaN(n)
    ? err(validationFailure(MESSAGES.searchNotNumber(filter.propertyName, text ?? '')))
    : ok(n);
}

/** A test on the numeric reading of a stored value (NaN never matches a comparison). */
function numericValueTest(filter: Filter, operands: Operands): Result<(value: number) => boolean> {
  const op = filter.operator;
  if (op === 'HAS_PROPERTY') return ok(() => true);
  if (op === 'NOT_HAS_PROPERTY') return ok(() => false);
  if (op === 'CONTAINS_TOKEN' || op === 'NOT_CONTAINS_TOKEN') {
    const text = textValueTest(filter, operands, false);
    if (!text.ok) return text;
    return ok((value) => text.value(String(value)));
  }
  if (op === 'IN' || op === 'NOT_IN') {
    const numbers: number[] = [];
    for (const text of operands.values ?? []) {
      const n = parseNumber(filter, text);
      if (!n.ok) return n;
      numbers.push(n.value);
    }
    const set = new Set(numbers);
    return ok(op === 'IN' ? (value) => set.has(value) : (value) => !set.has(value));
  }
  const low = parseNumber(filter, operands.value);
  if (!low.ok) return low;
  const a = low.value;
  switch (op) {
    case 'EQ':
      return ok((value) => value === a);
    case 'NEQ':
      return ok((value) => value !== a);
    case 'LT':
      return ok((value) => value < a);
    case 'LTE':
      return ok((value) => value <= a);
    case 'GT':
      return ok((value) => value > a);
    case 'GTE':
      return ok((value) => value >= a);
    case 'BETWEEN': {
      const high = parseNumber(filter, operands.highValue);
      if (!high.ok) return high;
      const b = high.value;
      return ok((value) => value >= a && value <= b);
    }
    default:
      op satisfies never;
      return ok(() => false);
  }
}

/** A test on the lower-cased stored text; multi-checkbox values compare per chosen option. */
function textValueTest(
  filter: Filter,
  operands: Operands,
  multi: boolean,
): Result<(value: string) => boolean> {
  const op = filter.operator;
  const one = (operands.value ?? '').toLowerCase();
  const parts = (value: string): string[] => (multi ? value.split(';') : [value]);
  switch (op) {
    case 'HAS_PROPERTY':
      return ok(() => true);
    case 'NOT_HAS_PROPERTY':
      return ok(() => false);
    case 'EQ':
      return ok((value) => parts(value).includes(one));
    case 'NEQ':
      return ok((value) => !parts(value).includes(one));
    case 'IN':
    case 'NOT_IN': {
      const set = new Set((operands.values ?? []).map((v) => v.toLowerCase()));
      const any = (value: string): boolean => parts(value).some((part) => set.has(part));
      return ok(op === 'IN' ? any : (value) => !any(value));
    }
    case 'LT':
      return ok((value) => value < one);
    case 'LTE':
      return ok((value) => value <= one);
    case 'GT':
      return ok((value) => value > one);
    case 'GTE':
      return ok((value) => value >= one);
    case 'BETWEEN': {
      const high = (operands.highValue ?? '').toLowerCase();
      return ok((value) => value >= one && value <= high);
    }
    case 'CONTAINS_TOKEN':
    case 'NOT_CONTAINS_TOKEN': {
      const contains = tokenTest(one);
      return ok(op === 'CONTAINS_TOKEN' ? contains : (value) => !contains(value));
    }
    default:
      op satisfies never;
      return ok(() => false);
  }
}

const TOKEN_SEPARATORS = /[\s,;:/\\()[\]{}"'!?|<>=+&#]+/;

/** Token match: the value's words (or the whole value) equal the operand; `*` is a wildcard. */
function tokenTest(operand: string): (value: string) => boolean {
  const trimmed = operand.trim();
  if (trimmed.includes('*')) {
    const pattern = new RegExp(
      `^${trimmed
        .split('*')
        .map((part) => part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
        .join('.*')}$`,
    );
    return (value) =>
      pattern.test(value) || value.split(TOKEN_SEPARATORS).some((t) => pattern.test(t));
  }
  if (/\s/.test(trimmed)) return (value) => value.includes(trimmed);
  return (value) => value === trimmed || value.split(TOKEN_SEPARATORS).includes(trimmed);
}

function numberArrayTest(
  values: readonly number[],
  filter: Filter,
  operands: Operands,
): Result<RowTest> {
  const test = numericValueTest(filter, operands);
  if (!test.ok) return test;
  const check = test.value;
  return ok((row) => check(values[row] ?? Number.NaN));
}

function compileQuery(
  table: ObjectTable,
  info: ObjectTypeInfo,
  query: string | undefined,
): RowTest | undefined {
  const needle = (query ?? '').trim().toLowerCase();
  if (needle === '') return undefined;
  const columns = info.queryProperties
    .map((name) => table.column(name))
    .filter((column): column is Column => column !== undefined);
  const tables = columns.map((column) => {
    const lower = column.lowerValues();
    const byCode = new Uint8Array(column.dict.length);
    for (let code = 0; code < byCode.length; code += 1)
      byCode[code] = (lower[code] ?? '').includes(needle) ? 1 : 0;
    return { codes: column.codes, byCode };
  });
  return (row) =>
    tables.some(({ codes, byCode }) => {
      const code = codes[row] ?? -1;
      return code >= 0 && byCode[code] === 1;
    });
}

type Comparator = (a: number, b: number) => number;

function compileSort(
  store: CrmStore,
  info: ObjectTypeInfo,
  table: ObjectTable,
  sort: NonNullable<SearchRequest['sorts']>[number] | undefined,
): Result<Comparator | undefined> {
  if (sort === undefined) return ok(undefined);
  const descending =
    typeof sort === 'string' ? sort.startsWith('-') : sort.direction === 'DESCENDING';
  const name = typeof sort === 'string' ? sort.replace(/^-/, '') : sort.propertyName;
  const accessor = accessorFor(store, info, table, name);
  if (accessor === undefined) return err(validationFailure(MESSAGES.searchUnknownProperty(name)));
  const direction = descending ? -1 : 1;
  const ids = table.ids;
  const byId = (a: number, b: number): number => (ids[a] ?? 0) - (ids[b] ?? 0);
  if (accessor.kind === 'numbers') {
    const values = accessor.values;
    return ok((a, b) => direction * ((values[a] ?? 0) - (values[b] ?? 0)) || byId(a, b));
  }
  const column = accessor.column;
  if (column === undefined) return ok(byId);
  const numeric = NUMERIC_TYPES.has(accessor.definition.type);
  const codes = column.codes;
  const numbers = column.numericValues();
  const lower = column.lowerValues();
  // Records without a value sort last in both directions.
  return ok((a, b) => {
    const ca = codes[a] ?? -1;
    const cb = codes[b] ?? -1;
    if (ca < 0 || cb < 0) return ca < 0 && cb < 0 ? byId(a, b) : ca < 0 ? 1 : -1;
    const order = numeric
      ? (numbers[ca] ?? 0) - (numbers[cb] ?? 0)
      : compareText(lower[ca] ?? '', lower[cb] ?? '');
    return direction * order || byId(a, b);
  });
}

const compareText = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);
