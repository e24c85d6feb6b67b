/**
 * Import of a project transfer file into a database where the project does not exist yet. Everything is checked
 * before anything is written — tables and columns known here, each row belonging to the project, every referenced
 * id present (in the file or, for accounts, communes, partners…, in this database), no id already taken, valid Yjs
 * states — then rows and document states are written in ONE transaction: an import lands whole or not at all.
 */
import * as Y from 'yjs';
import type { Statement } from 'better-sqlite3';
import type { AppDeps } from '../../context.js';
import { AppError, badRequest, conflict } from '../../lib/errors.js';
import { recordAudit } from '../../lib/audit.js';
import { projectTables, quoteIdent as q, GLOBAL_TABLES, type TransferTable } from './transfer.tables.js';
import { decodeValue, type ProjectArchive } from './transfer.format.js';
import { transferStore, archiveSummary } from './transfer.export.js';

/** One reason a file cannot be imported; `row` counts from 1 in the file's table. */
export type ImportProblem = { table: string; row?: number; column?: string; message: string };

/** What an import needs: the database (both handles) and the clock; the CLI builds it without a server. */
export type TransferDeps = Pick<AppDeps, 'db' | 'sqlite' | 'clock'>;

export type ImportSummary = { projectId: string; title: string; tables: Record<string, number>; documents: number };

type Bound = ReturnType<typeof decodeValue>;
type Planned = { table: TransferTable; columns: string[]; rows: Bound[][]; renumber: boolean };

const MAX_DETAILS = 100;
const INT64_MIN = -(2n ** 63n);
const INT64_MAX = 2n ** 63n - 1n;

const keyOf = (values: Bound[]) => JSON.stringify(values.map((v) => (typeof v === 'bigint' ? `n${v}` : Buffer.isBuffer(v) ? `b${v.toString('base64')}` : v)));

function fail(status: 400 | 409, code: string, problems: ImportProblem[]): never {
  const first = problems[0];
  const where = first ? `${first.table}${first.row ? `, ligne ${first.row}` : ''}${first.column ? `, colonne ${first.column}` : ''}` : '';
  const message = `Le projet ne peut pas être importé : ${problems.length} problème${problems.length > 1 ? 's' : ''} (le premier — ${where} : ${first?.message ?? ''}). Rien n’a été écrit.`;
  throw new AppError(status, code, message, problems.slice(0, MAX_DETAILS));
}

/** Checks the file against this database and returns what to insert; throws 400 / 409 with per-row details. */
function plan(deps: TransferDeps, tables: TransferTable[], archive: ProjectArchive): Planned[] {
  const { sqlite } = deps;
  const byName = new Map(tables.map((t) => [t.name, t]));
  const problems: ImportProblem[] = [];

  for (const name of Object.keys(archive.tables)) {
    if (byName.has(name)) continue;
    const global = (GLOBAL_TABLES as readonly string[]).includes(name);
    problems.push({ table: name, message: global ? 'table commune à toute l’instance : elle ne fait pas partie d’un projet' : 'table inconnue de cette instance (fichier d’une version plus récente ?)' });
  }
  const planned: Planned[] = [];
  for (const table of tables) {
    const data = archive.tables[table.name];
    if (!data) continue;
    const known = new Set(table.columns.map((c) => c.name));
    const seen = new Set<string>();
    for (const column of data.columns) {
      if (!known.has(column)) problems.push({ table: table.name, column, message: 'colonne inconnue de cette instance' });
      if (seen.has(column)) problems.push({ table: table.name, column, message: 'colonne en double' });
      seen.add(column);
    }
    for (const c of table.columns) {
      if (c.notNull && !c.hasDefault && !seen.has(c.name) && c.name !== table.surrogateKey) problems.push({ table: table.name, column: c.name, message: 'colonne obligatoire absente du fichier' });
    }
    const rows: Bound[][] = [];
    data.rows.forEach((row, i) => {
      if (row.length !== data.columns.length) return problems.push({ table: table.name, row: i + 1, message: `${row.length} valeurs pour ${data.columns.length} colonnes` });
      const values = row.map(decodeValue);
      values.forEach((v, j) => {
        if (typeof v === 'bigint' && (v < INT64_MIN || v > INT64_MAX)) problems.push({ table: table.name, row: i + 1, column: data.columns[j], message: 'entier hors limites' });
      });
      rows.push(values);
    });
    planned.push({ table, columns: data.columns, rows, renumber: false });
  }
  if (problems.length) fail(400, 'invalid_archive', problems);

  const root = planned.find((p) => p.table.scope.kind === 'root');
  const rootIds = root ? root.rows.map((r) => r[root.columns.indexOf('id')]) : [];
  if (rootIds.length !== 1 || rootIds[0] !== archive.projectId) {
    fail(400, 'invalid_archive', [{ table: 'projects', message: `le fichier doit contenir exactement la ligne du projet ${archive.projectId}` }]);
  }
  if (sqlite.prepare('SELECT 1 FROM projects WHERE id = ?').get(archive.projectId)) {
    throw conflict(`Le projet ${archive.projectId} existe déjà dans cette instance : rien n’a été importé.`, { projectId: archive.projectId }, 'project_exists');
  }

  const plannedByName = new Map(planned.map((p) => [p.table.name, p]));
  const keySets = new Map<string, Set<string>>();
  /** Keys of `columns` over the file's rows of `table` (null when the file does not carry that table). */
  const fileKeys = (table: string, columns: string[]) => {
    const p = plannedByName.get(table);
    if (!p || columns.some((c) => !p.columns.includes(c))) return null;
    const id = `${table}(${columns.join(',')})`;
    let set = keySets.get(id);
    if (!set) {
      const idx = columns.map((c) => p.columns.indexOf(c));
      keySets.set(id, (set = new Set(p.rows.map((r) => keyOf(idx.map((i) => r[i]))))));
    }
    return set;
  };
  const lookups = new Map<string, Statement<unknown[]>>();
  const dbHas = (table: string, columns: string[], values: Bound[]) => {
    const sql = `SELECT 1 FROM ${q(table)} WHERE ${columns.map((c) => `${q(c)} = ?`).join(' AND ')} LIMIT 1`;
    let stmt = lookups.get(sql);
    if (!stmt) lookups.set(sql, (stmt = sqlite.prepare<unknown[]>(sql)));
    return !!stmt.get(...values);
  };

  const conflicts: ImportProblem[] = [];
  for (const p of planned) {
    const { table } = p;
    const col = (name: string) => p.columns.indexOf(name);
    p.rows.forEach((row, i) => {
      const at = { table: table.name, row: i + 1 };
      if (table.scope.kind === 'project' && row[col('project_id')] !== archive.projectId) {
        problems.push({ ...at, column: 'project_id', message: `appartient à un autre projet (${String(row[col('project_id')])})` });
      }
      if (table.scope.kind === 'child') {
        const attached = table.scope.via.some((f) => {
          const values = f.columns.map((c) => (col(c) >= 0 ? row[col(c)] : null));
          return values.every((v) => v !== null) && !!fileKeys(f.table, f.to)?.has(keyOf(values));
        });
        if (!attached) problems.push({ ...at, message: `ne se rattache à aucune donnée du projet (${table.scope.via.map((f) => `${f.columns.join(', ')} → ${f.table}`).join(' ou ')})` });
      }
      for (const f of table.foreignKeys) {
        if (f.soft || f.columns.some((c) => col(c) < 0)) continue;
        const values = f.columns.map((c) => row[col(c)]);
        if (values.some((v) => v === null)) continue;
        if (fileKeys(f.table, f.to)?.has(keyOf(values)) || dbHas(f.table, f.to, values)) continue;
        problems.push({ ...at, column: f.columns.join(', '), message: `« ${values.map(String).join(', ')} » introuvable dans ${f.table}${plannedByName.has(f.table) ? '' : ' de cette instance'}` });
      }
    });
    // Primary keys: unique in the file, free in this database (surrogate integer ids are renumbered instead).
    if (table.primaryKey.length === 0 || table.primaryKey.some((c) => col(c) < 0)) continue;
    const idx = table.primaryKey.map(col);
    const inFile = new Set<string>();
    p.rows.forEach((row, i) => {
      const values = idx.map((j) => row[j]);
      const key = keyOf(values);
      if (inFile.has(key)) problems.push({ table: table.name, row: i + 1, column: table.primaryKey.join(', '), message: 'identifiant en double dans le fichier' });
      inFile.add(key);
      if (!dbHas(table.name, table.primaryKey, values)) return;
      if (table.surrogateKey) p.renumber = true;
      else conflicts.push({ table: table.name, row: i + 1, column: table.primaryKey.join(', '), message: `« ${values.map(String).join(', ')} » existe déjà dans cette instance` });
    });
  }

  const documentIds = fileKeys('documents', ['id']) ?? new Set<string>();
  const store = transferStore(sqlite);
  for (const [documentId, base64] of Object.entries(archive.documents)) {
    const at = { table: 'documents', column: 'yjs', message: '' };
    if (!documentIds.has(keyOf([documentId]))) problems.push({ ...at, message: `état Yjs d’un document absent du fichier (${documentId})` });
    else if (!isYjsUpdate(Buffer.from(base64, 'base64'))) problems.push({ ...at, message: `état Yjs illisible pour le document ${documentId}` });
    const stored = store.load(documentId);
    if (stored.snapshot || stored.updates.length) conflicts.push({ ...at, message: `le document ${documentId} a déjà un contenu dans cette instance` });
  }
  if (problems.length) fail(400, 'invalid_archive', problems);
  if (conflicts.length) fail(409, 'id_conflict', conflicts);
  return planned;
}

/** True when the bytes decode as a Yjs update (v1) that a document accepts. */
function isYjsUpdate(bytes: Uint8Array): boolean {
  const doc = new Y.Doc();
  try {
    Y.decodeUpdate(bytes);
    Y.applyUpdate(doc, bytes);
    return true;
  } catch {
    return false;
  } finally {
    doc.destroy();
  }
}

/**
 * Imports the file: validates it fully, then writes rows (parents first) and document states through the update
 * store in one transaction, plus a `project.imported` audit event. Throws 400 `invalid_archive`, 409
 * `project_exists` / `id_conflict` (details: one entry per row) and writes nothing in those cases.
 */
export function importProject(deps: TransferDeps, archive: ProjectArchive, ctx: { userId: string | null; requestId?: string | null }): ImportSummary {
  const { sqlite } = deps;
  const tables = projectTables(sqlite);
  const run = sqlite.transaction((): ImportSummary => {
    const planned = plan(deps, tables, archive);
    // Rows are inserted parents first; deferring also covers references between rows of one table.
    sqlite.pragma('defer_foreign_keys = ON');
    for (const p of planned) {
      const keep = p.columns.map((c, i) => [c, i] as const).filter(([c]) => !(p.renumber && c === p.table.surrogateKey));
      if (p.rows.length === 0) continue;
      const insert = sqlite.prepare(`INSERT INTO ${q(p.table.name)} (${keep.map(([c]) => q(c)).join(', ')}) VALUES (${keep.map(() => '?').join(', ')})`);
      p.rows.forEach((row, i) => {
        try {
          insert.run(...keep.map(([, j]) => row[j]));
        } catch (err) {
          fail(409, 'import_failed', [{ table: p.table.name, row: i + 1, message: `refusée par la base (${(err as Error).message})` }]);
        }
      });
    }
    const states = Object.entries(archive.documents).map(([documentId, base64]) => ({ documentId, updates: [new Uint8Array(Buffer.from(base64, 'base64'))] }));
    transferStore(sqlite).append(states);
    const summary = archiveSummary(archive);
    const projects = archive.tables.projects;
    const title = String(projects.rows[0][projects.columns.indexOf('title')] ?? '');
    recordAudit(deps.db, { at: deps.clock.now().toISOString(), userId: ctx.userId, action: 'project.imported', targetType: 'project', targetId: archive.projectId, projectId: archive.projectId, after: { title, exportedAt: archive.exportedAt, ...summary }, requestId: ctx.requestId ?? null });
    return { projectId: archive.projectId, title, ...summary };
  });
  try {
    return run.immediate();
  } catch (err) {
    if (err instanceof AppError) throw err;
    // The deferred foreign-key check runs at commit: the checks above make this a file we did not foresee.
    if ((err as { code?: string }).code?.startsWith('SQLITE_CONSTRAINT')) throw badRequest(`Le fichier est incohérent (${(err as Error).message}) : rien n’a été écrit.`, undefined, 'invalid_archive');
    throw err;
  }
}
