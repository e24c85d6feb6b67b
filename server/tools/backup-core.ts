/**
 * Consistent online backup and restore of the SQLite database with the better-sqlite3 backup API
 * (safe while the server runs: the backup sees one consistent snapshot, WAL included).
 */
import Database from 'better-sqlite3';
import { existsSync, mkdirSync, renameSync, rmSync } from 'node:fs';
import { dirname, resolve } from 'node:path';

/** Copies the live database at `dbPath` into `target` (created or replaced). */
export async function backupDatabase(dbPath: string, target: string): Promise<{ pages: number }> {
  if (!existsSync(dbPath)) throw new Error(`Base introuvable : ${dbPath}`);
  mkdirSync(dirname(resolve(target)), { recursive: true });
  const tmp = `${target}.partial`;
  rmSync(tmp, { force: true });
  const db = new Database(dbPath, { readonly: true, fileMustExist: true });
  try {
    const result = await db.backup(tmp);
    renameSync(tmp, target); // never leave a half-written backup under the final name
    return { pages: result.totalPages };
  } finally {
    db.close();
  }
}

/** Checks a backup file (integrity_check) and returns its table row counts. */
export function inspectBackup(file: string): Record<string, number> {
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    const check = db.pragma('integrity_check', { simple: true });
    if (check !== 'ok') throw new Error(`Sauvegarde corrompue : ${String(check)}`);
    const tables = db.prepare("select name from sqlite_master where type = 'table' and name not like 'sqlite_%'").all() as { name: string }[];
    return Object.fromEntries(tables.map((t) => [t.name, (db.prepare(`select count(*) as n from "${t.name}"`).get() as { n: number }).n]));
  } finally {
    db.close();
  }
}

/**
 * Replaces the database at `dbPath` by the backup `file` (server stopped). The backup is verified first and copied
 * through the backup API into a temporary file that is then renamed, so a failure leaves the current base intact.
 */
export async function restoreDatabase(file: string, dbPath: string): Promise<Record<string, number>> {
  const counts = inspectBackup(file);
  mkdirSync(dirname(resolve(dbPath)), { recursive: true });
  const tmp = `${dbPath}.restoring`;
  rmSync(tmp, { force: true });
  const source = new Database(file, { readonly: true, fileMustExist: true });
  try {
    await source.backup(tmp);
  } finally {
    source.close();
  }
  for (const suffix of ['-wal', '-shm']) rmSync(`${dbPath}${suffix}`, { force: true });
  renameSync(tmp, dbPath);
  return counts;
}
