/**
 * Which tables make up a project, discovered from the migrated SQLite schema itself (`sqlite_master`,
 * `PRAGMA table_info`, `PRAGMA foreign_key_list`) rather than listed by hand, so that the tables other features add
 * later are exported and imported without anyone editing this module:
 *
 * - the `projects` row itself;
 * - every table with a `project_id` column;
 * - every table reachable from those by foreign keys (e.g. `document_versions` by `document_id`, `amendment_votes`
 *   by `amendment_id`), and tables with a `document_id` column that lacks a declared foreign key;
 * - except the global tables (accounts, sessions, territory) and the Yjs storage (`doc_updates`, `doc_snapshots`:
 *   the documents' text travels as one Yjs update per document, restored through the update store).
 */
import type { Sqlite } from '../../db/client.js';

/** Tables shared by every project of an instance: never exported, only referenced (and checked on import). */
export const GLOBAL_TABLES = ['users', 'sessions', 'invitations', 'territories', 'communes', 'partners'] as const;
/** The documents' Yjs storage: carried as one merged update per document instead of raw rows. */
export const YJS_TABLES = ['doc_updates', 'doc_snapshots'] as const;

export type ColumnInfo = { name: string; type: string; notNull: boolean; hasDefault: boolean; pk: number };
/** A (possibly composite) foreign key; `soft` marks a `document_id` column without a declared constraint. */
export type ForeignKey = { columns: string[]; table: string; to: string[]; soft: boolean };

export type TransferTable = {
  name: string;
  columns: ColumnInfo[];
  primaryKey: string[];
  foreignKeys: ForeignKey[];
  /** How the project's rows are found: the project id column, or foreign keys into tables found before. */
  scope: { kind: 'root' | 'project'; column: string } | { kind: 'child'; via: ForeignKey[] };
  /** SQL condition (named parameter `@project`) selecting the project's rows. */
  where: string;
  /**
   * An INTEGER rowid primary key that no foreign key points to (audit, phase history…): kept on import when free,
   * renumbered (all rows of the table, in order) when one of them is taken in the target database.
   */
  surrogateKey: string | null;
};

const q = (name: string) => `"${name.replace(/"/g, '""')}"`;

type Raw = { name: string; columns: ColumnInfo[]; foreignKeys: ForeignKey[] };

/** Every user table of the database with its columns and foreign keys. */
function readSchema(sqlite: Sqlite): Map<string, Raw> {
  const names = sqlite
    .prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\' AND name NOT LIKE '\\_\\_%' ESCAPE '\\' ORDER BY name")
    .pluck()
    .all() as string[];
  const out = new Map<string, Raw>();
  for (const name of names) {
    const columns = (sqlite.prepare(`PRAGMA table_info(${q(name)})`).all() as { name: string; type: string; notnull: number; dflt_value: unknown; pk: number }[]).map(
      (c) => ({ name: c.name, type: c.type.toUpperCase(), notNull: c.notnull === 1, hasDefault: c.dflt_value !== null, pk: c.pk }),
    );
    const byId = new Map<number, ForeignKey>();
    for (const f of sqlite.prepare(`PRAGMA foreign_key_list(${q(name)})`).all() as { id: number; seq: number; table: string; from: string; to: string | null }[]) {
      const fk = byId.get(f.id) ?? { columns: [], table: f.table, to: [], soft: false };
      fk.columns[f.seq] = f.from;
      fk.to[f.seq] = f.to ?? '';
      byId.set(f.id, fk);
    }
    out.set(name, { name, columns, foreignKeys: [...byId.values()] });
  }
  // A foreign key without target columns points to the parent's primary key.
  for (const raw of out.values()) {
    for (const fk of raw.foreignKeys) {
      if (fk.to.some((c) => !c)) fk.to = primaryKeyOf(out.get(fk.table)?.columns ?? []);
    }
  }
  return out;
}

function primaryKeyOf(columns: ColumnInfo[]): string[] {
  return columns.filter((c) => c.pk > 0).sort((a, b) => a.pk - b.pk).map((c) => c.name);
}

/**
 * The tables of a project in insertion order (parents before children), with the condition selecting its rows.
 * Pure reading of the schema: call it on the database being exported from or imported into.
 */
export function projectTables(sqlite: Sqlite): TransferTable[] {
  const schema = readSchema(sqlite);
  const excluded = new Set<string>([...GLOBAL_TABLES, ...YJS_TABLES]);
  const found = new Map<string, TransferTable>();
  const add = (raw: Raw, scope: TransferTable['scope'], where: string) =>
    found.set(raw.name, { name: raw.name, columns: raw.columns, primaryKey: primaryKeyOf(raw.columns), foreignKeys: raw.foreignKeys, scope, where, surrogateKey: null });

  const projects = schema.get('projects');
  if (!projects) throw new Error('schema without a projects table');
  add(projects, { kind: 'root', column: 'id' }, `${q('id')} = @project`);
  for (const raw of schema.values()) {
    if (excluded.has(raw.name) || found.has(raw.name)) continue;
    if (raw.columns.some((c) => c.name === 'project_id')) add(raw, { kind: 'project', column: 'project_id' }, `${q('project_id')} = @project`);
  }
  // Breadth-first over foreign keys: a table joins when it points into tables already found.
  for (let grew = true; grew; ) {
    grew = false;
    for (const raw of schema.values()) {
      if (excluded.has(raw.name) || found.has(raw.name)) continue;
      const soft: ForeignKey[] = raw.columns.some((c) => c.name === 'document_id') && !raw.foreignKeys.some((f) => f.columns.includes('document_id')) && found.has('documents')
        ? [{ columns: ['document_id'], table: 'documents', to: ['id'], soft: true }]
        : [];
      const via = [...raw.foreignKeys, ...soft].filter((f) => found.has(f.table) && f.table !== raw.name);
      if (via.length === 0) continue;
      const where = via
        .map((f) => {
          const parent = found.get(f.table)!;
          const cols = f.columns.length === 1 ? q(f.columns[0]) : `(${f.columns.map(q).join(', ')})`;
          return `${cols} IN (SELECT ${f.to.map(q).join(', ')} FROM ${q(parent.name)} WHERE ${parent.where})`;
        })
        .join(' OR ');
      add({ ...raw, foreignKeys: [...raw.foreignKeys, ...soft] }, { kind: 'child', via }, where);
      grew = true;
    }
  }

  const tables = [...found.values()];
  for (const t of tables) {
    const pk = t.primaryKey;
    const col = t.columns.find((c) => c.name === pk[0]);
    const referenced = tables.some((o) => o.foreignKeys.some((f) => !f.soft && f.table === t.name));
    if (pk.length === 1 && col?.type === 'INTEGER' && !referenced) t.surrogateKey = pk[0];
  }
  return insertionOrder(tables);
}

/** Parents before children (Kahn); a cycle, if a future schema had one, keeps the remaining tables in name order. */
function insertionOrder(tables: TransferTable[]): TransferTable[] {
  const names = new Set(tables.map((t) => t.name));
  const pending = new Map(tables.map((t) => [t.name, new Set(t.foreignKeys.filter((f) => names.has(f.table) && f.table !== t.name).map((f) => f.table))]));
  const ordered: TransferTable[] = [];
  const byName = new Map(tables.map((t) => [t.name, t]));
  while (pending.size) {
    const ready = [...pending].filter(([, deps]) => [...deps].every((d) => !pending.has(d))).map(([n]) => n);
    const next = ready.length ? ready : [[...pending.keys()].sort()[0]];
    for (const name of next.sort()) {
      ordered.push(byName.get(name)!);
      pending.delete(name);
    }
  }
  return ordered;
}

/** Quotes an SQL identifier. */
export const quoteIdent = q;
