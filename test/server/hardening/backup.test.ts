import { describe, it, expect } from 'vitest';
import { mkdtempSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { execFileSync } from 'node:child_process';
import Database from 'better-sqlite3';
import { openDatabase } from '../../../server/db/client.js';
import { backupDatabase, restoreDatabase, inspectBackup } from '../../../server/tools/backup-core.js';

function dumpAll(path: string): string {
  const db = new Database(path, { readonly: true });
  const tables = db.prepare("select name from sqlite_master where type='table' and name not like 'sqlite_%' order by name").all() as { name: string }[];
  const out = tables.map((t) => JSON.stringify([t.name, db.prepare(`select * from "${t.name}" order by rowid`).all()]));
  db.close();
  return out.join('\n');
}

describe('backup and restore', () => {
  it('an online backup taken while a writer holds the database restores identical data', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'mutualab-backup-'));
    const live = join(dir, 'live.db');
    const { sqlite } = openDatabase(live);
    sqlite.prepare("insert into doc_updates (document_id, data) values ('d1', ?)").run(Buffer.from([1, 2, 3]));
    // keep the writer open (WAL not checkpointed) while the backup runs
    const backup = join(dir, 'backup.db');
    await backupDatabase(live, backup);
    expect(inspectBackup(backup).doc_updates).toBe(1);
    sqlite.prepare("insert into doc_updates (document_id, data) values ('d1', ?)").run(Buffer.from([4]));
    const before = dumpAll(backup);
    sqlite.close();
    const restoredPath = join(dir, 'restored.db');
    await restoreDatabase(backup, restoredPath);
    expect(dumpAll(restoredPath)).toBe(before);
    expect(inspectBackup(restoredPath).doc_updates).toBe(1);
  });

  it('refuses a corrupt backup and leaves the current database untouched', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'mutualab-backup-'));
    const live = join(dir, 'live.db');
    openDatabase(live).sqlite.close();
    const bad = join(dir, 'bad.db');
    writeFileSync(bad, 'ceci n’est pas une base SQLite');
    await expect(restoreDatabase(bad, live)).rejects.toThrow();
    expect(inspectBackup(live).users).toBe(0);
    expect(existsSync(`${live}.restoring`)).toBe(false);
  });

  it('npm run backup prints a French summary', () => {
    const dir = mkdtempSync(join(tmpdir(), 'mutualab-backup-'));
    const live = join(dir, 'live.db');
    openDatabase(live).sqlite.close();
    const out = execFileSync('node_modules/.bin/tsx', ['server/tools/backup.ts', join(dir, 'b.db')], { env: { ...process.env, DATABASE_PATH: live } }).toString();
    expect(out).toContain('Sauvegarde écrite');
  });
});
