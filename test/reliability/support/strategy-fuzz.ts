// fast-check arbitraries for the strategy fuzzing: arbitrary JSON, and mutations of the valid
// example strategies (a value replaced, a key dropped or added, a list emptied or blown up, text
// made huge); plus a reader of the JSON paths our errors name, to check they point into the input.
import { readFileSync } from 'node:fs';

import fc from 'fast-check';

import { EXAMPLE_STRATEGY, MINIMAL_STRATEGY } from '../../e2e/support/sandbox.ts';

type Json = fc.JsonValue;
type Key = string | number;

const examples: Json[] = [EXAMPLE_STRATEGY, MINIMAL_STRATEGY].map((file): Json => {
  const parsed: Json = JSON.parse(readFileSync(file, 'utf8'));
  return parsed;
});

/** Every path inside a JSON value (the root excluded). */
const pathsOf = (value: Json, prefix: Key[] = []): Key[][] => {
  if (Array.isArray(value)) {
    return value.flatMap((v, i) => [[...prefix, i], ...pathsOf(v, [...prefix, i])]);
  }
  if (value !== null && typeof value === 'object') {
    return Object.entries(value).flatMap(([k, v]) => [
      [...prefix, k],
      ...pathsOf(v ?? null, [...prefix, k]),
    ]);
  }
  return [];
};

const clone = (value: Json): Json => structuredClone(value);

/** The container holding the last key of `path`, and that key. */
const parentOf = (root: Json, path: readonly Key[]): { parent: Json; key: Key } | null => {
  let node: Json = root;
  for (const key of path.slice(0, -1)) {
    if (node === null || typeof node !== 'object') return null;
    node = (Reflect.get(node, key) as Json | undefined) ?? null;
  }
  const key = path.at(-1);
  return key === undefined ? null : { parent: node, key };
};

const setAt = (root: Json, path: readonly Key[], value: Json | undefined): Json => {
  const found = parentOf(root, path);
  if (found === null || found.parent === null || typeof found.parent !== 'object') return root;
  const { parent, key } = found;
  if (Array.isArray(parent)) {
    if (value === undefined) parent.splice(key as number, 1);
    else parent[key as number] = value;
  } else if (value === undefined) Reflect.deleteProperty(parent, key);
  else parent[key as string] = value;
  return root;
};

const getAt = (root: Json, path: readonly Key[]): Json | undefined => {
  const found = parentOf(root, path);
  if (found === null || found.parent === null || typeof found.parent !== 'object') return undefined;
  return Array.isArray(found.parent)
    ? found.parent[found.key as number]
    : found.parent[found.key as string];
};

/** Values a hand-edited or hostile strategy might hold. */
const oddValue: fc.Arbitrary<Json> = fc.oneof(
  fc.jsonValue(),
  fc.constantFrom<Json>(
    null,
    '',
    ' ',
    -1,
    0,
    1.5,
    1e308,
    -0,
    'x'.repeat(70_000),
    '1,000',
    'NaN',
    '__proto__',
    [],
    {},
    [null],
    { constructor: null },
  ),
);

type Mutation =
  | { kind: 'replace'; path: Key[]; value: Json }
  | { kind: 'drop'; path: Key[] }
  | { kind: 'addKey'; path: Key[]; key: string; value: Json }
  | { kind: 'repeat'; path: Key[]; times: number }
  | { kind: 'huge'; path: Key[] };

const mutation = (example: Json): fc.Arbitrary<Mutation> => {
  const paths = pathsOf(example);
  const path = fc.constantFrom(...paths);
  return fc.oneof(
    fc.record({ kind: fc.constant('replace' as const), path, value: oddValue }),
    fc.record({ kind: fc.constant('drop' as const), path }),
    fc.record({
      kind: fc.constant('addKey' as const),
      path: fc.constantFrom<Key[]>([], ...paths),
      key: fc.oneof(fc.string(), fc.constantFrom('__proto__', 'constructor', 'prototype', 'id')),
      value: oddValue,
    }),
    fc.record({
      kind: fc.constant('repeat' as const),
      path,
      times: fc.integer({ min: 2, max: 60 }),
    }),
    fc.record({ kind: fc.constant('huge' as const), path }),
  );
};

const apply = (root: Json, m: Mutation): Json => {
  switch (m.kind) {
    case 'replace':
      return setAt(root, m.path, m.value);
    case 'drop':
      return setAt(root, m.path, undefined);
    case 'addKey': {
      const target = m.path.length === 0 ? root : getAt(root, m.path);
      if (target !== null && typeof target === 'object' && !Array.isArray(target)) {
        Object.defineProperty(target, m.key, {
          value: m.value,
          enumerable: true,
          writable: true,
          configurable: true,
        });
      }
      return root;
    }
    case 'repeat': {
      const found = parentOf(root, m.path);
      if (found !== null && Array.isArray(found.parent)) {
        const item = found.parent[found.key as number];
        if (item !== undefined) {
          found.parent.push(...Array.from({ length: m.times }, () => clone(item)));
        }
      }
      return root;
    }
    case 'huge': {
      const current = getAt(root, m.path);
      return typeof current === 'string' ? setAt(root, m.path, current.repeat(5_000)) : root;
    }
    default:
      return m satisfies never;
  }
};

/** A valid example strategy with one to four mutations applied. */
export const mutatedStrategy: fc.Arbitrary<Json> = fc
  .integer({ min: 0, max: examples.length - 1 })
  .chain((i) => {
    const example = examples[i] ?? null;
    return fc
      .array(mutation(example), { minLength: 1, maxLength: 4 })
      .map((ms) => ms.reduce((root, m) => apply(root, m), clone(example)));
  });

/** Anything a strategy file or a function parameter could hold. */
export const anyStrategyInput: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 3, arbitrary: mutatedStrategy },
  { weight: 1, arbitrary: fc.jsonValue() },
  { weight: 1, arbitrary: fc.string() },
);

/** The keys of a path as the errors write it: `segments[2].criteria[0].values`, `["odd key"]`. */
export function parsePath(path: string): Key[] | null {
  const keys: Key[] = [];
  const token = /(?:^|\.)([A-Za-z_$][A-Za-z0-9_$]*)|\[(\d+)\]|\[("(?:[^"\\]|\\.)*")\]/y;
  let at = 0;
  while (at < path.length) {
    token.lastIndex = at;
    const m = token.exec(path);
    if (m === null) return null;
    if (m[1] !== undefined) keys.push(m[1]);
    else if (m[2] !== undefined) keys.push(Number(m[2]));
    else keys.push(String(JSON.parse(m[3] ?? '""')));
    at = token.lastIndex;
  }
  return keys;
}

/** Whether a path's container exists in `input` (the last key may be the missing field). */
export function pointsInto(input: unknown, path: string): boolean {
  const keys = parsePath(path);
  if (keys === null) return false;
  let node: unknown = input;
  for (const key of keys.slice(0, -1)) {
    if (node === null || typeof node !== 'object') return false;
    if (!Object.prototype.hasOwnProperty.call(node, key)) return false;
    node = Reflect.get(node, key);
  }
  return true;
}
