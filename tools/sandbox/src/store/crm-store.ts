// The sandbox portal: object types, records, property catalogue, associations, custom object
// schemas. Every write is validated here (HubSpot's rules) and mirrored to the persistence layer.
import {
  STANDARD_OBJECT_TYPES,
  customObjectType,
  type ObjectTypeInfo,
} from '../catalogue/object-types.ts';
import {
  DEAL_PIPELINES,
  OWNERS,
  type PipelineInfo,
  type Stage,
} from '../catalogue/pipelines-and-owners.ts';
import {
  BOOLEAN_OPTIONS,
  customObjectSystemProperties,
  standardGroups,
  standardProperties,
  toOptions,
} from '../catalogue/standard-properties.ts';
import {
  MESSAGES,
  conflictFailure,
  fail,
  notFoundFailure,
  propertyIssuesBody,
  validationFailure,
  type Failure,
  type PropertyIssue,
} from '../errors.ts';
import {
  PropertyDefinitionSchema,
  PropertyGroupSchema,
  StoredAssociationTypeSchema,
  StoredSchemaSchema,
  type ObjectSchemaEgg,
  type PropertyCreate,
  type PropertyDefinition,
  type PropertyGroup,
  type PropertyUpdate,
  type StoredSchema,
} from '../schema.ts';
import {
  AssociationIndex,
  STANDARD_ASSOCIATION_TYPES,
  type AssociationType,
} from './associations.ts';
import { ObjectTable } from './object-table.ts';
import {
  appWriteSource,
  PropertyHistory,
  uiEditSource,
  type PropertyVersion,
  type WriteSource,
} from './property-history.ts';

/** The installed app's id in the sandbox portal: the source of every write with its token. */
export const SANDBOX_APP_ID = 2_900_001;
import type { Persistence } from './persistence.ts';
import { checkValue } from './property-values.ts';
import { ValidationRules } from './validation-rules.ts';
import { formatInstant } from './time.ts';

export type Result<T> = { ok: true; value: T } | { ok: false; failure: Failure };
export const ok = <T>(value: T): Result<T> => ({ ok: true, value });
export const err = <T>(failure: Failure): Result<T> => ({ ok: false, failure });

/** A written value before normalisation: what the JSON body carried. */
export type RawValue = string | number | boolean | null;

export type PreparedWrite =
  { ok: true; changes: Map<string, string | null> } | { ok: false; issues: PropertyIssue[] };

const FIRST_OBJECT_ID = 1001;
/**
 * Ids from here up are given explicitly (the seeded product library), never by the sequence, so
 * seeding them changes no other record's id and the sequence never reaches them.
 */
export const CATALOGUE_ID_FLOOR = 1_500_000_000;
const FIRST_CUSTOM_TYPE = 1_000_001;
const FIRST_CUSTOM_ASSOCIATION_TYPE = 100_001;

const FIELD_TYPES: Readonly<Record<string, readonly string[]>> = {
  string: ['text', 'textarea', 'file', 'html', 'phonenumber'],
  phone_number: ['phonenumber', 'text'],
  number: ['number', 'calculation_equation'],
  date: ['date'],
  datetime: ['date'],
  enumeration: ['booleancheckbox', 'checkbox', 'radio', 'select', 'calculation_equation'],
  bool: ['booleancheckbox', 'calculation_equation'],
};

export class CrmStore {
  readonly portalId: number;
  readonly persistence: Persistence;
  readonly associations = new AssociationIndex(STANDARD_ASSOCIATION_TYPES);
  readonly pipelines: readonly PipelineInfo[] = DEAL_PIPELINES;
  readonly owners = OWNERS;
  /** The portal admin's property validation rules (enforced on 2026-09 writes). */
  readonly validationRules: ValidationRules;
  private readonly types = new Map<string, ObjectTypeInfo>();
  private readonly typeNames = new Map<string, string>();
  private readonly tables = new Map<string, ObjectTable>();
  private readonly properties = new Map<string, Map<string, PropertyDefinition>>();
  private readonly groups = new Map<string, Map<string, PropertyGroup>>();
  private readonly schemas = new Map<string, StoredSchema>();
  private readonly ownerIds = new Set(OWNERS.map((o) => o.id));
  private nextObjectId = FIRST_OBJECT_ID;
  private nextCustomType = FIRST_CUSTOM_TYPE;
  private nextAssociationType = FIRST_CUSTOM_ASSOCIATION_TYPE;
  private readonly clock: () => number;
  /** Every value each property took (in memory): what `propertiesWithHistory` answers. */
  readonly history = new PropertyHistory();
  /** What a write with the app's access token is recorded as. */
  readonly appSource: WriteSource = appWriteSource(SANDBOX_APP_ID);

  constructor(portalId: number, persistence: Persistence, clock: () => number = Date.now) {
    this.portalId = portalId;
    this.persistence = persistence;
    this.validationRules = new ValidationRules(persistence);
    this.clock = clock;
    for (const info of STANDARD_OBJECT_TYPES) {
      this.registerType(info);
      const definitions = this.properties.get(info.objectTypeId);
      for (const definition of standardProperties(info.objectTypeId)) {
        definitions?.set(definition.name, definition);
      }
      const groups = this.groups.get(info.objectTypeId);
      for (const group of standardGroups(info.objectTypeId)) groups?.set(group.name, group);
    }
    this.load();
  }

  now(): number {
    return this.clock();
  }

  // ---- object types ---------------------------------------------------------------------------

  private registerType(info: ObjectTypeInfo): void {
    this.types.set(info.objectTypeId, info);
    for (const name of [info.objectTypeId, info.name, info.singular, ...info.aliases]) {
      this.typeNames.set(name.toLowerCase(), info.objectTypeId);
    }
    this.tables.set(info.objectTypeId, new ObjectTable(info));
    if (!this.properties.has(info.objectTypeId)) this.properties.set(info.objectTypeId, new Map());
    if (!this.groups.has(info.objectTypeId)) this.groups.set(info.objectTypeId, new Map());
  }

  /** The type named by a path segment: object type id, name, singular or fully qualified name. */
  resolveType(name: string): ObjectTypeInfo | undefined {
    const id = this.typeNames.get(name.toLowerCase());
    return id === undefined ? undefined : this.types.get(id);
  }

  table(info: ObjectTypeInfo): ObjectTable {
    const table = this.tables.get(info.objectTypeId);
    if (table === undefined) throw new Error(`no table for ${info.objectTypeId}`);
    return table;
  }

  // ---- property catalogue ---------------------------------------------------------------------

  definitions(info: ObjectTypeInfo): Map<string, PropertyDefinition> {
    const map = this.properties.get(info.objectTypeId);
    if (map === undefined) throw new Error(`no properties for ${info.objectTypeId}`);
    return map;
  }

  /** A live (not archived) property definition. */
  property(info: ObjectTypeInfo, name: string): PropertyDefinition | undefined {
    const definition = this.definitions(info).get(name);
    return definition === undefined || definition.archived ? undefined : definition;
  }

  propertyGroups(info: ObjectTypeInfo): Map<string, PropertyGroup> {
    const map = this.groups.get(info.objectTypeId);
    if (map === undefined) throw new Error(`no groups for ${info.objectTypeId}`);
    return map;
  }

  createProperty(info: ObjectTypeInfo, input: PropertyCreate): Result<PropertyDefinition> {
    if (!/^[a-z][a-z0-9_]*$/.test(input.name) || input.name.length > 100) {
      return err(
        validationFailure(
          `Property name ${input.name} is not valid: use lowercase letters, digits and underscores.`,
        ),
      );
    }
    if (this.definitions(info).get(input.name)?.archived === false) {
      return err(conflictFailure(MESSAGES.propertyExists(input.name)));
    }
    const group = this.propertyGroups(info).get(input.groupName);
    if (group === undefined || group.archived) {
      return err(validationFailure(MESSAGES.groupMissing(input.groupName)));
    }
    if (!(FIELD_TYPES[input.type] ?? []).includes(input.fieldType)) {
      return err(validationFailure(MESSAGES.typeFieldTypeMismatch(input.type, input.fieldType)));
    }
    const at = formatInstant(this.now());
    const options = input.options ?? (input.type === 'bool' ? toOptions(BOOLEAN_OPTIONS) : []);
    const definition: PropertyDefinition = {
      name: input.name,
      label: input.label,
      type: input.type,
      fieldType: input.fieldType,
      description: input.description ?? '',
      groupName: input.groupName,
      options: options.map((option, index) => ({
        ...option,
        displayOrder: option.displayOrder ?? index,
      })),
      displayOrder: input.displayOrder ?? -1,
      calculated: false,
      externalOptions: input.externalOptions ?? false,
      hasUniqueValue: input.hasUniqueValue ?? false,
      hidden: input.hidden ?? false,
      ...(input.showCurrencySymbol === undefined
        ? {}
        : { showCurrencySymbol: input.showCurrencySymbol }),
      ...(input.referencedObjectType === undefined
        ? {}
        : { referencedObjectType: input.referencedObjectType }),
      modificationMetadata: { archivable: true, readOnlyDefinition: false, readOnlyValue: false },
      formField: input.formField ?? false,
      dataSensitivity: 'non_sensitive',
      createdAt: at,
      updatedAt: at,
      archived: false,
    };
    this.saveProperty(info, definition);
    return ok(definition);
  }

  updateProperty(
    info: ObjectTypeInfo,
    name: string,
    patch: PropertyUpdate,
  ): Result<PropertyDefinition> {
    const current = this.property(info, name);
    if (current === undefined) {
      return err(notFoundFailure(MESSAGES.propertyNotFound(name, info.objectTypeId)));
    }
    if (current.modificationMetadata.readOnlyDefinition) {
      return err(validationFailure(MESSAGES.readOnlyDefinition(name)));
    }
    const type = patch.type ?? current.type;
    const fieldType = patch.fieldType ?? current.fieldType;
    if (!(FIELD_TYPES[type] ?? []).includes(fieldType)) {
      return err(validationFailure(MESSAGES.typeFieldTypeMismatch(type, fieldType)));
    }
    if (
      patch.groupName !== undefined &&
      this.propertyGroups(info).get(patch.groupName) === undefined
    ) {
      return err(validationFailure(MESSAGES.groupMissing(patch.groupName)));
    }
    const updated: PropertyDefinition = {
      ...current,
      ...(patch.label === undefined ? {} : { label: patch.label }),
      ...(patch.description === undefined ? {} : { description: patch.description }),
      ...(patch.groupName === undefined ? {} : { groupName: patch.groupName }),
      ...(patch.displayOrder === undefined ? {} : { displayOrder: patch.displayOrder }),
      ...(patch.hidden === undefined ? {} : { hidden: patch.hidden }),
      ...(patch.formField === undefined ? {} : { formField: patch.formField }),
      ...(patch.options === undefined
        ? {}
        : {
            options: patch.options.map((option, index) => ({
              ...option,
              displayOrder: option.displayOrder ?? index,
            })),
          }),
      type,
      fieldType,
      updatedAt: formatInstant(this.now()),
    };
    this.saveProperty(info, updated);
    return ok(updated);
  }

  archiveProperty(info: ObjectTypeInfo, name: string): Result<true> {
    const current = this.property(info, name);
    if (current === undefined) {
      return err(notFoundFailure(MESSAGES.propertyNotFound(name, info.objectTypeId)));
    }
    if (!current.modificationMetadata.archivable) {
      return err(validationFailure(MESSAGES.readOnlyDefinition(name)));
    }
    this.saveProperty(info, { ...current, archived: true, updatedAt: formatInstant(this.now()) });
    return ok(true);
  }

  private saveProperty(info: ObjectTypeInfo, definition: PropertyDefinition): void {
    this.definitions(info).set(definition.name, definition);
    this.persistence.saveDefinition(
      'property',
      info.objectTypeId,
      definition.name,
      JSON.stringify(definition),
    );
  }

  saveGroup(info: ObjectTypeInfo, group: PropertyGroup): void {
    this.propertyGroups(info).set(group.name, group);
    this.persistence.saveDefinition('group', info.objectTypeId, group.name, JSON.stringify(group));
  }

  // ---- records --------------------------------------------------------------------------------

  isOwner(id: string): boolean {
    return this.ownerIds.has(id);
  }

  /**
   * Checks a write against the catalogue and HubSpot's object rules; computes derived values. With
   * `enforceValidationRules` (the 2026-09 routes) the portal's property validation rules apply too.
   */
  prepareWrite(
    info: ObjectTypeInfo,
    raw: Readonly<Record<string, RawValue>>,
    row: number | undefined,
    options: { enforceValidationRules?: boolean } = {},
  ): PreparedWrite {
    const issues: PropertyIssue[] = [];
    const changes = new Map<string, string | null>();
    for (const [name, value] of Object.entries(raw)) {
      const definition = this.property(info, name);
      if (definition === undefined) {
        issues.push({
          name,
          error: 'PROPERTY_DOESNT_EXIST',
          message: MESSAGES.propertyDoesNotExist(name),
        });
        continue;
      }
      if (definition.modificationMetadata.readOnlyValue) {
        issues.push({
          name,
          error: 'READ_ONLY_VALUE',
          message: definition.calculated ? MESSAGES.calculated(name) : MESSAGES.readOnly(name),
        });
        continue;
      }
      const checked = checkValue(definition, value === null ? '' : String(value), (id) =>
        this.isOwner(id),
      );
      const broken =
        checked.ok && options.enforceValidationRules === true
          ? this.validationRules.check(info.objectTypeId, definition, checked.value)
          : null;
      if (!checked.ok) issues.push(checked.issue);
      else if (broken !== null) issues.push(broken);
      else if (definition.hasUniqueValue && this.valueTaken(info, name, checked.value, row)) {
        issues.push({
          name,
          error: 'DUPLICATE_UNIQUE_VALUE',
          message: MESSAGES.uniqueValueTaken(name, checked.value ?? ''),
        });
      } else changes.set(name, checked.value);
    }
    if (row === undefined && info.custom) issues.push(...this.missingRequired(info, changes));
    if (info.objectTypeId === '0-3') issues.push(...this.dealRules(info, changes, row));
    if (info.objectTypeId === '0-8') issues.push(...this.lineItemRules(info, changes, row));
    return issues.length === 0 ? { ok: true, changes } : { ok: false, issues };
  }

  /** Whether another live record already holds `value` in a property that requires unique values. */
  private valueTaken(
    info: ObjectTypeInfo,
    name: string,
    value: string | null,
    row: number | undefined,
  ): boolean {
    if (value === null) return false;
    const table = this.table(info);
    return table.rowsWithValue(name, value).some((other) => other !== row && table.isLive(other));
  }

  private missingRequired(
    info: ObjectTypeInfo,
    changes: Map<string, string | null>,
  ): PropertyIssue[] {
    const schema = this.schemas.get(info.objectTypeId);
    return (schema?.requiredProperties ?? [])
      .filter((name) => (changes.get(name) ?? null) === null)
      .map((name) => ({
        name,
        error: 'REQUIRED_PROPERTY',
        message: MESSAGES.requiredPropertyMissing([name]),
      }));
  }

  /** Pipeline and stage must fit together; `hs_is_closed*` follow the stage's metadata. */
  private dealRules(
    info: ObjectTypeInfo,
    changes: Map<string, string | null>,
    row: number | undefined,
  ): PropertyIssue[] {
    if (!changes.has('pipeline') && !changes.has('dealstage') && row !== undefined) return [];
    const table = this.table(info);
    const current = (name: string): string | null =>
      changes.has(name)
        ? (changes.get(name) ?? null)
        : row === undefined
          ? null
          : table.get(row, name);
    const pipelineId = current('pipeline') ?? 'default';
    const pipeline = this.pipelines.find((p) => p.id === pipelineId);
    if (pipeline === undefined) {
      const ids = this.pipelines.map((p) => p.id);
      return [
        {
          name: 'pipeline',
          error: 'INVALID_OPTION',
          message: MESSAGES.invalidPipeline(pipelineId, ids),
        },
      ];
    }
    if (!changes.has('pipeline') && current('pipeline') === null && current('dealstage') !== null) {
      changes.set('pipeline', pipeline.id);
    }
    const stageId = current('dealstage');
    if (stageId === null) {
      changes.set('hs_is_closed', 'false');
      changes.set('hs_is_closed_won', 'false');
      return [];
    }
    const stage = pipeline.stages.find((s) => s.id === stageId);
    if (stage === undefined) {
      const ids = pipeline.stages.map((s) => s.id);
      return [
        {
          name: 'dealstage',
          error: 'INVALID_OPTION',
          message: MESSAGES.invalidStage(stageId, pipeline.id, ids),
        },
      ];
    }
    changes.set('hs_is_closed', String(stage.isClosed));
    changes.set('hs_is_closed_won', String(isClosedWon(stage)));
    return [];
  }

  /** A price cannot be negative; `amount` is computed from price, quantity and discounts. */
  private lineItemRules(
    info: ObjectTypeInfo,
    changes: Map<string, string | null>,
    row: number | undefined,
  ): PropertyIssue[] {
    const table = this.table(info);
    const current = (name: string): number => {
      const value = changes.has(name)
        ? (changes.get(name) ?? null)
        : row === undefined
          ? null
          : table.get(row, name);
      return value === null ? Number.NaN : Number(value);
    };
    const price = current('price');
    if (price < 0)
      return [{ name: 'price', error: 'INVALID_DECIMAL', message: MESSAGES.negativePrice() }];
    const quantity = current('quantity');
    if (Number.isNaN(price) || Number.isNaN(quantity)) {
      if (changes.has('price') || changes.has('quantity')) changes.set('amount', null);
      return [];
    }
    const unitDiscount = Number.isNaN(current('discount')) ? 0 : current('discount');
    const percent = Number.isNaN(current('hs_discount_percentage'))
      ? 0
      : current('hs_discount_percentage');
    const amount = quantity * (price - unitDiscount) * (1 - percent / 100);
    changes.set('amount', String(Math.round(amount * 100) / 100));
    return [];
  }

  /**
   * Creates a record from a prepared write; `at` lets the seed set historic timestamps and, for
   * catalogue records such as products, a fixed id. With a `source`, the values are recorded in the
   * property history as that source's.
   */
  insert(
    info: ObjectTypeInfo,
    changes: ReadonlyMap<string, string | null>,
    at: { createdAt?: number; updatedAt?: number; catalogueId?: number } = {},
    source?: WriteSource,
  ): number {
    const table = this.table(info);
    const now = this.now();
    const createdAt = at.createdAt ?? now;
    if (at.catalogueId !== undefined && at.catalogueId < CATALOGUE_ID_FLOOR) {
      throw new Error(`a catalogue id must be at least ${CATALOGUE_ID_FLOOR}`);
    }
    const id = at.catalogueId ?? this.nextObjectId;
    if (at.catalogueId === undefined) this.nextObjectId += 1;
    const row = table.addRow(id, createdAt, at.updatedAt ?? createdAt);
    if (source !== undefined) this.recordHistory(info, row, changes, source);
    for (const [name, value] of changes)
      if (value !== null) table.ensureColumn(name).set(row, value);
    this.persistRow(table, row);
    return row;
  }

  /** Records a write's changed values (read before the write is applied) in the history. */
  private recordHistory(
    info: ObjectTypeInfo,
    row: number,
    changes: ReadonlyMap<string, string | null>,
    source: WriteSource,
  ): void {
    const table = this.table(info);
    const before = new Map<string, { before: string | null; after: string | null }>();
    for (const [name, after] of changes) before.set(name, { before: table.get(row, name), after });
    this.history.record(
      {
        objectTypeId: info.objectTypeId,
        id: table.ids[row] ?? 0,
        createdAtMs: table.createdAt[row] ?? 0,
      },
      before,
      source,
      this.now(),
    );
  }

  /** The versions of a record's property, newest first (HubSpot's `propertiesWithHistory`). */
  versionsOf(info: ObjectTypeInfo, row: number, name: string): PropertyVersion[] {
    const table = this.table(info);
    return this.history.of(
      info.objectTypeId,
      table.ids[row] ?? 0,
      name,
      table.get(row, name),
      table.createdAt[row] ?? 0,
    );
  }

  update(
    info: ObjectTypeInfo,
    row: number,
    changes: ReadonlyMap<string, string | null>,
    source?: WriteSource,
  ): void {
    const table = this.table(info);
    if (source !== undefined) this.recordHistory(info, row, changes, source);
    for (const [name, value] of changes) {
      if (value === null) table.column(name)?.set(row, null);
      else table.ensureColumn(name).set(row, value);
    }
    table.updatedAt[row] = Math.max(this.now(), (table.updatedAt[row] ?? 0) + 1);
    table.writes[row] = (table.writes[row] ?? 0) + 1;
    this.persistRow(table, row);
  }

  /**
   * A signed-in user edits a record in HubSpot's UI (test harness only: no HTTP route leads
   * here). The write is validated like any other, the portal's validation rules included, and
   * recorded as `CRM_UI` by that user.
   */
  editAsUser(
    info: ObjectTypeInfo,
    id: string,
    userId: string,
    properties: Record<string, string>,
  ): void {
    if (!this.owners.some((o) => String(o.userId) === userId && !o.archived)) {
      throw new Error(`user ${userId} is not a user of this portal`);
    }
    const row = this.findRow(info, id);
    if (row === undefined) throw new Error(`no ${info.name} ${id}`);
    // The portal's validation rules bind edits in HubSpot's UI (API writes only from 2026-09 on:
    // https://developers.hubspot.com/changelog/crm-api-write-validation-enforcement).
    const prepared = this.prepareWrite(info, properties, row, { enforceValidationRules: true });
    if (!prepared.ok) throw new Error(`edit refused: ${JSON.stringify(prepared.issues)}`);
    this.update(info, row, prepared.changes, uiEditSource(Number(userId)));
  }

  archive(info: ObjectTypeInfo, row: number): void {
    const table = this.table(info);
    if (!table.isLive(row)) return;
    table.archivedAt[row] = this.now();
    this.persistRow(table, row);
  }

  private persistRow(table: ObjectTable, row: number): void {
    if (!this.persistence.durable) return;
    this.persistence.saveObject(
      table.info.objectTypeId,
      table.ids[row] ?? 0,
      table.storedValues(row),
      table.createdAt[row] ?? 0,
      table.updatedAt[row] ?? 0,
      table.archivedAt[row] ?? 0,
    );
  }

  /** The live row of a record id (or id text), if any. */
  findRow(info: ObjectTypeInfo, id: string, archived = false): number | undefined {
    if (!/^\d+$/.test(id)) return undefined;
    const table = this.table(info);
    const row = table.rowOf(Number(id));
    if (row === undefined) return undefined;
    return table.isLive(row) === !archived ? row : undefined;
  }

  /** Rejected write → HubSpot's 400 body. */
  issuesFailure(issues: readonly PropertyIssue[]): Failure {
    return fail(400, propertyIssuesBody(issues, this.portalId));
  }

  // ---- associations ---------------------------------------------------------------------------

  /** Associates two records with a type (and, for a labeled type, the pair's unlabeled type). */
  associate(type: AssociationType, fromId: number, toId: number): void {
    const unlabeled = this.associations.unlabeledType(type.fromObjectTypeId, type.toObjectTypeId);
    const typeIds =
      type.label !== null && unlabeled !== undefined ? [unlabeled, type.typeId] : [type.typeId];
    for (const typeId of typeIds) {
      const { added, replaced } = this.associations.add(typeId, fromId, toId);
      for (const previous of replaced) {
        this.persistence.removeAssociation(typeId, fromId, previous, type.inverseTypeId);
      }
      if (added) this.persistence.addAssociation(typeId, fromId, toId);
    }
  }

  dissociate(typeId: number, fromId: number, toId: number): void {
    const type = this.associations.type(typeId);
    if (type === undefined) return;
    this.associations.remove(typeId, fromId, toId);
    this.persistence.removeAssociation(typeId, fromId, toId, type.inverseTypeId);
  }

  // ---- custom object schemas ------------------------------------------------------------------

  schemaList(): StoredSchema[] {
    return [...this.schemas.values()];
  }

  schema(info: ObjectTypeInfo): StoredSchema | undefined {
    return this.schemas.get(info.objectTypeId);
  }

  createSchema(egg: ObjectSchemaEgg): Result<ObjectTypeInfo> {
    const existing = this.resolveType(egg.name);
    if (existing !== undefined) return err(conflictFailure(MESSAGES.schemaExists(egg.name)));
    const names = new Set(egg.properties.map((p) => p.name));
    const named = [
      ...egg.requiredProperties,
      ...(egg.primaryDisplayProperty === undefined ? [] : [egg.primaryDisplayProperty]),
      ...(egg.secondaryDisplayProperties ?? []),
      ...(egg.searchableProperties ?? []),
    ];
    const missing = named.find((name) => !names.has(name));
    if (missing !== undefined)
      return err(validationFailure(MESSAGES.schemaPropertyMissing(missing)));
    const associated: string[] = [];
    for (const name of egg.associatedObjects) {
      const target = this.resolveType(name);
      if (target === undefined) return err(validationFailure(MESSAGES.unknownObjectType(name)));
      associated.push(target.objectTypeId);
    }
    const number = this.nextCustomType;
    this.nextCustomType += 1;
    const at = formatInstant(this.now());
    const stored: StoredSchema = {
      id: String(number),
      objectTypeId: `2-${number}`,
      name: egg.name,
      labels: egg.labels,
      ...(egg.description === undefined ? {} : { description: egg.description }),
      ...(egg.primaryDisplayProperty === undefined
        ? {}
        : { primaryDisplayProperty: egg.primaryDisplayProperty }),
      secondaryDisplayProperties: egg.secondaryDisplayProperties ?? [],
      searchableProperties: egg.searchableProperties ?? [],
      requiredProperties: egg.requiredProperties,
      associatedObjectTypeIds: associated,
      allowsSensitiveProperties: egg.allowsSensitiveProperties ?? false,
      createdAt: at,
      updatedAt: at,
    };
    const info = this.installSchema(stored);
    const group = `${egg.name}_information`;
    this.saveGroup(info, {
      name: group,
      label: `${egg.labels.singular ?? egg.name} information`,
      displayOrder: 0,
      archived: false,
    });
    for (const definition of customObjectSystemProperties())
      this.saveProperty(info, { ...definition, groupName: group });
    for (const property of egg.properties) {
      const created = this.createProperty(info, {
        ...property,
        groupName: property.groupName ?? group,
        fieldType: property.fieldType as PropertyCreate['fieldType'],
      });
      if (!created.ok) return err(created.failure);
    }
    for (const target of associated) this.defineCustomAssociation(info.objectTypeId, target);
    this.persistence.saveDefinition('schema', '', stored.objectTypeId, JSON.stringify(stored));
    return ok(info);
  }

  updateSchema(info: ObjectTypeInfo, patch: Partial<StoredSchema>): Result<StoredSchema> {
    const current = this.schemas.get(info.objectTypeId);
    if (current === undefined) return err(notFoundFailure());
    const next = { ...current, ...patch, updatedAt: formatInstant(this.now()) };
    this.schemas.set(info.objectTypeId, next);
    this.persistence.saveDefinition('schema', '', next.objectTypeId, JSON.stringify(next));
    this.registerType(
      customObjectType(next.objectTypeId, next.name, this.portalId, next.primaryDisplayProperty),
    );
    return ok(next);
  }

  private installSchema(stored: StoredSchema): ObjectTypeInfo {
    const info = customObjectType(
      stored.objectTypeId,
      stored.name,
      this.portalId,
      stored.primaryDisplayProperty,
    );
    this.schemas.set(stored.objectTypeId, stored);
    this.registerType(info);
    return info;
  }

  private defineCustomAssociation(from: string, to: string): void {
    const typeId = this.nextAssociationType;
    this.nextAssociationType += 2;
    const forward: AssociationType = {
      typeId,
      category: 'USER_DEFINED',
      fromObjectTypeId: from,
      toObjectTypeId: to,
      label: null,
      inverseTypeId: typeId + 1,
      single: false,
    };
    const backward: AssociationType = {
      ...forward,
      typeId: typeId + 1,
      fromObjectTypeId: to,
      toObjectTypeId: from,
      inverseTypeId: typeId,
    };
    for (const type of [forward, backward]) {
      this.associations.defineType(type);
      this.persistence.saveDefinition(
        'association_type',
        '',
        String(type.typeId),
        JSON.stringify(type),
      );
    }
  }

  // ---- start-up -------------------------------------------------------------------------------

  private load(): void {
    const persistence = this.persistence;
    for (const row of persistence.definitions('schema')) {
      const stored = StoredSchemaSchema.parse(JSON.parse(row.json));
      this.installSchema(stored);
      this.nextCustomType = Math.max(this.nextCustomType, Number(stored.id) + 1);
    }
    for (const row of persistence.definitions('association_type')) {
      const type = StoredAssociationTypeSchema.parse(JSON.parse(row.json));
      this.associations.defineType(type);
      this.nextAssociationType = Math.max(this.nextAssociationType, type.typeId + 1);
    }
    for (const row of persistence.definitions('group')) {
      const info = this.types.get(row.scope);
      if (info !== undefined)
        this.propertyGroups(info).set(row.name, PropertyGroupSchema.parse(JSON.parse(row.json)));
    }
    for (const row of persistence.definitions('property')) {
      const info = this.types.get(row.scope);
      if (info !== undefined)
        this.definitions(info).set(row.name, PropertyDefinitionSchema.parse(JSON.parse(row.json)));
    }
    for (const stored of persistence.objects()) {
      const info = this.types.get(stored.type);
      if (info === undefined) continue;
      const table = this.table(info);
      const row = table.addRow(stored.id, stored.created_at, stored.updated_at, stored.archived_at);
      const values = storedValues(stored.props);
      for (const [name, value] of Object.entries(values)) table.ensureColumn(name).set(row, value);
      if (stored.id < CATALOGUE_ID_FLOOR) {
        this.nextObjectId = Math.max(this.nextObjectId, stored.id + 1);
      }
    }
    for (const stored of persistence.associations()) {
      this.associations.add(stored.type_id, stored.from_id, stored.to_id);
    }
  }
}

/** Closed won: a closed stage with probability 1 (HubSpot's convention for won stages). */
export function isClosedWon(stage: Stage): boolean {
  return stage.isClosed && stage.probability >= 1;
}

/** The property values of a stored row: a JSON object of strings (checked without zod, for speed). */
function storedValues(json: string): Record<string, string> {
  const parsed: unknown = JSON.parse(json);
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    throw new Error('corrupt sandbox file: object properties are not a JSON object');
  }
  const values: Record<string, string> = {};
  for (const [name, value] of Object.entries(parsed)) {
    if (typeof value !== 'string') throw new Error(`corrupt sandbox file: ${name} is not a string`);
    values[name] = value;
  }
  return values;
}
