/** `npm run export-project -- <projectId> <fichier.json>`: writes a project's transfer file (see /api/projects/:id/export). */
import { writeFileSync } from 'node:fs';
import { openDatabase } from '../db/client.js';
import { recordAudit } from '../lib/audit.js';
import { exportProject, archiveSummary } from '../features/project-transfer/transfer.export.js';

const [projectId, file] = process.argv.slice(2);
const dbPath = process.env.DATABASE_PATH ?? './data/mutualab.db';
if (!projectId || !file) {
  console.error('Usage : npm run export-project -- <identifiant-du-projet> <fichier.json>');
  process.exit(2);
}
const { db, sqlite } = openDatabase(dbPath);
try {
  const now = new Date().toISOString();
  const archive = exportProject(sqlite, projectId, now);
  writeFileSync(file, JSON.stringify(archive));
  const summary = archiveSummary(archive);
  recordAudit(db, { at: now, userId: null, action: 'project.exported', targetType: 'project', targetId: projectId, projectId, after: { ...summary, via: 'cli' } });
  const rows = Object.values(summary.tables).reduce((a, b) => a + b, 0);
  console.log(`Projet ${projectId} exporté dans ${file} : ${rows} lignes dans ${Object.keys(summary.tables).length} tables, ${summary.documents} documents.`);
} catch (err) {
  console.error(`Échec de l’export : ${(err as Error).message}`);
  process.exitCode = 1;
} finally {
  sqlite.close();
}
