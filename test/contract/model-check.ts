// Checks a JSON response against a model of @hubspot/api-client 14: field names and types come from
// the model's `attributeTypeMap` (what the client's ObjectSerializer reads), required-ness from the
// model's `.d.ts` (a field without `?`). Nested models, arrays, maps and enums are followed.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import ts from 'typescript';

const require = createRequire(import.meta.url);
const CODEGEN = join(
  dirname(require.resolve('@hubspot/api-client/package.json')),
  'lib',
  'codegen',
);

type Attribute = { name: string; baseName: string; type: string; required: boolean };
type Model = { kind: 'class'; attributes: Attribute[] } | { kind: 'enum'; values: string[] };

export type Problem = { path: string; model: string; problem: string };

const cache = new Map<string, Model | undefined>();

/** The model `name` of a codegen module such as `crm/companies` or `crm/associations/v4`. */
function loadModel(module: string, name: string): Model | undefined {
  const key = `${module}:${name}`;
  if (cache.has(key)) return cache.get(key);
  const file = join(CODEGEN, module, 'models', `${name}.d.ts`);
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    cache.set(key, undefined);
    return undefined;
  }
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true);
  const optional = new Map<string, boolean>();
  let model: Model | undefined;
  source.forEachChild((node) => {
    if (ts.isClassDeclaration(node) && node.name?.text === name) {
      for (const member of node.members) {
        if (!ts.isPropertyDeclaration(member)) continue;
        const isStatic =
          ts.getModifiers(member)?.some((m) => m.kind === ts.SyntaxKind.StaticKeyword) ?? false;
        if (!isStatic) {
          optional.set(
            member.name.getText(source).replace(/['"]/g, ''),
            member.questionToken !== undefined,
          );
        }
      }
      const runtime = require(join(CODEGEN, module, 'models', `${name}.js`)) as Record<
        string,
        { getAttributeTypeMap(): { name: string; baseName: string; type: string }[] }
      >;
      const map = runtime[name]?.getAttributeTypeMap() ?? [];
      model = {
        kind: 'class',
        attributes: map.map((a) => ({ ...a, required: optional.get(a.name) === false })),
      };
    }
  });
  cache.set(key, model);
  return model;
}

function loadEnum(module: string, name: string): string[] | undefined {
  const owner = name.replace(/[A-Z][a-z]*Enum$/, '');
  for (let end = owner.length; end > 0; end -= 1) {
    const candidate = owner.slice(0, end);
    const file = join(CODEGEN, module, 'models', `${candidate}.d.ts`);
    let text: string;
    try {
      text = readFileSync(file, 'utf8');
    } catch {
      continue;
    }
    const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true);
    let values: string[] | undefined;
    source.forEachChild((node) => {
      if (ts.isEnumDeclaration(node) && node.name.text === name) {
        values = node.members.map((m) =>
          m.initializer !== undefined && ts.isStringLiteral(m.initializer)
            ? m.initializer.text
            : '',
        );
      }
    });
    if (values !== undefined) return values;
  }
  return undefined;
}

const PRIMITIVES: Record<string, string> = {
  string: 'string',
  number: 'number',
  boolean: 'boolean',
};

/** Every problem of `value` read as the client's type `type` (e.g. "BatchResponseSimplePublicObject"). */
export function checkModel(value: unknown, type: string, module: string, path = '$'): Problem[] {
  const problems: Problem[] = [];
  const report = (problem: string) => problems.push({ path, model: type, problem });
  const t = type.trim();
  if (value === null || value === undefined) return problems;
  if (t === 'any' || t === 'void' || t === 'object') return problems;
  if (t.endsWith(' | null')) return checkModel(value, t.slice(0, -' | null'.length), module, path);
  const primitive = PRIMITIVES[t];
  if (primitive !== undefined) {
    if (typeof value !== primitive)
      report(`expected ${primitive}, got ${JSON.stringify(value).slice(0, 60)}`);
    return problems;
  }
  if (t === 'Date') {
    if (typeof value !== 'string' || Number.isNaN(Date.parse(value)))
      report(`expected an ISO date-time, got ${JSON.stringify(value)}`);
    return problems;
  }
  if (t.startsWith('Array<') && t.endsWith('>')) {
    if (!Array.isArray(value)) {
      report('expected an array');
      return problems;
    }
    const inner = t.slice('Array<'.length, -1);
    value.forEach((item, i) => problems.push(...checkModel(item, inner, module, `${path}[${i}]`)));
    return problems;
  }
  const map = /^\{ \[key: string\]: (.+); \}$/.exec(t);
  if (map !== null) {
    if (typeof value !== 'object' || Array.isArray(value)) {
      report('expected an object (map)');
      return problems;
    }
    for (const [key, item] of Object.entries(value))
      problems.push(...checkModel(item, map[1] ?? 'any', module, `${path}.${key}`));
    return problems;
  }
  if (t.endsWith('Enum')) {
    const values = loadEnum(module, t);
    if (values !== undefined && !values.includes(String(value)))
      report(`${JSON.stringify(value)} is not one of ${values.join(', ')}`);
    return problems;
  }
  const model = loadModel(module, t);
  if (model === undefined || model.kind !== 'class') {
    report(`unknown model ${t} in ${module}`);
    return problems;
  }
  if (typeof value !== 'object' || Array.isArray(value)) {
    report('expected an object');
    return problems;
  }
  const record = value as Record<string, unknown>;
  for (const attribute of model.attributes) {
    const field = record[attribute.baseName];
    if (field === undefined || field === null) {
      if (attribute.required)
        problems.push({
          path: `${path}.${attribute.baseName}`,
          model: t,
          problem: 'required field missing',
        });
      continue;
    }
    problems.push(...checkModel(field, attribute.type, module, `${path}.${attribute.baseName}`));
  }
  return problems;
}

/** The client's model names for one codegen module (to list what a route may answer). */
export function modelExists(module: string, name: string): boolean {
  return loadModel(module, name) !== undefined;
}
