import Database from 'better-sqlite3';
import { drizzle, type BetterSQLite3Database } from 'drizzle-orm/better-sqlite3';
import { migrate } from 'drizzle-orm/better-sqlite3/migrator';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as schema from './schema/index.js';

export type Db = BetterSQLite3Database<typeof schema>;
export type Sqlite = Database.Database;
export type Database_ = { db: Db; sqlite: Sqlite };

const MIGRATIONS = fileURLToPath(new URL('./migrations', import.meta.url));

/**
 * Opens (creating if needed) the SQLite database in WAL mode and applies pending migrations.
 * `:memory:` and a serialized image (Buffer) are accepted for tests.
 */
export function openDatabase(path: string | Buffer): Database_ {
  if (typeof path === 'string' && path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
  // A Buffer is a serialized database image (tests clone a seeded database instead of re-seeding it).
  const sqlite = new Database(path);
  sqlite.pragma('journal_mode = WAL');
  // NORMAL in WAL mode: a committed transaction survives a process crash (kill -9); only an OS crash/power loss
  // may lose the last transactions. FULL is selectable for deployments that want power-loss durability.
  sqlite.pragma(`synchronous = ${process.env.SQLITE_SYNCHRONOUS === 'FULL' ? 'FULL' : 'NORMAL'}`);
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('busy_timeout = 5000');
  const db = drizzle(sqlite, { schema, casing: 'snake_case' });
  migrate(db, { migrationsFolder: MIGRATIONS });
  return { db, sqlite };
}

/** A transaction handle as passed to `db.transaction(cb)`. */
export type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];
/** Either the database or a transaction: repos and `recordAudit` accept both. */
export type DbLike = Db | Tx;
