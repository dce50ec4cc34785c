// Durable storage of the sandbox portal in one node:sqlite file (WAL). The in-memory tables are
// the working copy; every write goes through here as well, and start-up reloads the file.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { DatabaseSync, type StatementSync } from 'node:sqlite';

export type StoredObjectRow = {
  type: string;
  id: number;
  props: string;
  created_at: number;
  updated_at: number;
  archived_at: number;
};

export type StoredAssociationRow = { type_id: number; from_id: number; to_id: number };

/** What the store needs from durable storage; `MemoryPersistence` keeps nothing. */
export interface Persistence {
  readonly durable: boolean;
  getMeta(key: string): string | undefined;
  setMeta(key: string, value: string): void;
  saveObject(
    type: string,
    id: number,
    props: Record<string, string>,
    createdAt: number,
    updatedAt: number,
    archivedAt: number,
  ): void;
  addAssociation(typeId: number, fromId: number, toId: number): void;
  removeAssociation(typeId: number, fromId: number, toId: number, inverseTypeId: number): void;
  saveDefinition(kind: DefinitionKind, scope: string, name: string, json: string): void;
  transaction(work: () => void): void;
  objects(): Iterable<StoredObjectRow>;
  associations(): Iterable<StoredAssociationRow>;
  definitions(kind: DefinitionKind): { scope: string; name: string; json: string }[];
  close(): void;
}

/** Kinds of definitions kept as JSON documents. */
export type DefinitionKind =
  'property' | 'group' | 'schema' | 'association_type' | 'validation_rule';

export class MemoryPersistence implements Persistence {
  readonly durable = false;
  private readonly meta = new Map<string, string>();
  getMeta(key: string): string | undefined {
    return this.meta.get(key);
  }
  setMeta(key: string, value: string): void {
    this.meta.set(key, value);
  }
  saveObject(): void {}
  addAssociation(): void {}
  removeAssociation(): void {}
  saveDefinition(): void {}
  transaction(work: () => void): void {
    work();
  }
  objects(): Iterable<StoredObjectRow> {
    return [];
  }
  associations(): Iterable<StoredAssociationRow> {
    return [];
  }
  definitions(): { scope: string; name: string; json: string }[] {
    return [];
  }
  close(): void {}
}

const SCHEMA_SQL = `
  CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
  CREATE TABLE IF NOT EXISTS objects (
    type TEXT NOT NULL, id INTEGER NOT NULL, props TEXT NOT NULL,
    created_at INTEGER NOT NULL, updated_at INTEGER NOT NULL, archived_at INTEGER NOT NULL,
    PRIMARY KEY (type, id)) WITHOUT ROWID;
  CREATE TABLE IF NOT EXISTS associations (
    type_id INTEGER NOT NULL, from_id INTEGER NOT NULL, to_id INTEGER NOT NULL,
    PRIMARY KEY (type_id, from_id, to_id)) WITHOUT ROWID;
  CREATE TABLE IF NOT EXISTS definitions (
    kind TEXT NOT NULL, scope TEXT NOT NULL, name TEXT NOT NULL, json TEXT NOT NULL,
    UNIQUE (kind, scope, name));
`;

/** The file `sandbox.sqlite` under `dataDir`. */
export class SqlitePersistence implements Persistence {
  readonly durable = true;
  private readonly db: DatabaseSync;
  private readonly statements: {
    getMeta: StatementSync;
    setMeta: StatementSync;
    saveObject: StatementSync;
    addAssociation: StatementSync;
    removeAssociation: StatementSync;
    saveDefinition: StatementSync;
  };
  private depth = 0;

  constructor(dataDir: string) {
    mkdirSync(dataDir, { recursive: true });
    this.db = new DatabaseSync(join(dataDir, 'sandbox.sqlite'));
    this.db.exec('PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL;');
    this.db.exec(SCHEMA_SQL);
    this.statements = {
      getMeta: this.db.prepare('SELECT value FROM meta WHERE key = ?'),
      setMeta: this.db.prepare(
        'INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value',
      ),
      saveObject: this.db.prepare(
        `INSERT INTO objects (type, id, props, created_at, updated_at, archived_at) VALUES (?, ?, ?, ?, ?, ?)
         ON CONFLICT (type, id) DO UPDATE SET props = excluded.props, updated_at = excluded.updated_at,
         archived_at = excluded.archived_at`,
      ),
      addAssociation: this.db.prepare(
        'INSERT OR IGNORE INTO associations (type_id, from_id, to_id) VALUES (?, ?, ?)',
      ),
      removeAssociation: this.db.prepare(
        `DELETE FROM associations WHERE (type_id = ? AND from_id = ? AND to_id = ?)
         OR (type_id = ? AND from_id = ? AND to_id = ?)`,
      ),
      saveDefinition: this.db.prepare(
        `INSERT INTO definitions (kind, scope, name, json) VALUES (?, ?, ?, ?)
         ON CONFLICT (kind, scope, name) DO UPDATE SET json = excluded.json`,
      ),
    };
  }

  getMeta(key: string): string | undefined {
    const row = this.statements.getMeta.get(key);
    return row === undefined ? undefined : String(row['value']);
  }

  setMeta(key: string, value: string): void {
    this.statements.setMeta.run(key, value);
  }

  saveObject(
    type: string,
    id: number,
    props: Record<string, string>,
    createdAt: number,
    updatedAt: number,
    archivedAt: number,
  ): void {
    this.statements.saveObject.run(
      type,
      id,
      JSON.stringify(props),
      createdAt,
      updatedAt,
      archivedAt,
    );
  }

  addAssociation(typeId: number, fromId: number, toId: number): void {
    this.statements.addAssociation.run(typeId, fromId, toId);
  }

  removeAssociation(typeId: number, fromId: number, toId: number, inverseTypeId: number): void {
    this.statements.removeAssociation.run(typeId, fromId, toId, inverseTypeId, toId, fromId);
  }

  saveDefinition(kind: DefinitionKind, scope: string, name: string, json: string): void {
    this.statements.saveDefinition.run(kind, scope, name, json);
  }

  transaction(work: () => void): void {
    if (this.depth > 0) {
      work();
      return;
    }
    this.depth += 1;
    this.db.exec('BEGIN');
    try {
      work();
      this.db.exec('COMMIT');
    } catch (error) {
      this.db.exec('ROLLBACK');
      throw error;
    } finally {
      this.depth -= 1;
    }
  }

  *objects(): Iterable<StoredObjectRow> {
    const statement = this.db.prepare(
      'SELECT type, id, props, created_at, updated_at, archived_at FROM objects ORDER BY type, id',
    );
    for (const row of statement.iterate()) {
      yield {
        type: String(row['type']),
        id: Number(row['id']),
        props: String(row['props']),
        created_at: Number(row['created_at']),
        updated_at: Number(row['updated_at']),
        archived_at: Number(row['archived_at']),
      };
    }
  }

  *associations(): Iterable<StoredAssociationRow> {
    const statement = this.db.prepare('SELECT type_id, from_id, to_id FROM associations');
    for (const row of statement.iterate()) {
      yield {
        type_id: Number(row['type_id']),
        from_id: Number(row['from_id']),
        to_id: Number(row['to_id']),
      };
    }
  }

  definitions(kind: DefinitionKind): { scope: string; name: string; json: string }[] {
    return this.db
      .prepare('SELECT scope, name, json FROM definitions WHERE kind = ? ORDER BY rowid')
      .all(kind)
      .map((row) => ({
        scope: String(row['scope']),
        name: String(row['name']),
        json: String(row['json']),
      }));
  }

  close(): void {
    this.db.close();
  }
}
