/**
 * `npm run import-project -- <fichier.json>`: imports a project transfer file into DATABASE_PATH, where the project
 * must not exist. Same checks as `POST /api/projects/import`, without its size limit; all or nothing.
 */
import { readFileSync } from 'node:fs';
import { openDatabase } from '../db/client.js';
import { systemClock } from '../lib/clock.js';
import { AppError } from '../lib/errors.js';
import '../../shared/validation/french-errors.js';
import { ProjectArchiveSchema } from '../features/project-transfer/transfer.format.js';
import { importProject, type ImportProblem } from '../features/project-transfer/transfer.import.js';

const file = process.argv[2];
const dbPath = process.env.DATABASE_PATH ?? './data/mutualab.db';
if (!file) {
  console.error('Usage : npm run import-project -- <fichier.json>');
  process.exit(2);
}
let json: unknown;
try {
  json = JSON.parse(readFileSync(file, 'utf8'));
} catch (err) {
  console.error(`Fichier illisible (${file}) : ${(err as Error).message}`);
  process.exit(1);
}
const parsed = ProjectArchiveSchema.safeParse(json);
if (!parsed.success) {
  console.error(`Fichier invalide : ${parsed.error.issues.slice(0, 5).map((i) => `${i.path.join('.')} : ${i.message}`).join(' ; ')}`);
  process.exit(1);
}
const { db, sqlite } = openDatabase(dbPath);
try {
  const summary = importProject({ db, sqlite, clock: systemClock }, parsed.data, { userId: null });
  const rows = Object.values(summary.tables).reduce((a, b) => a + b, 0);
  console.log(`Projet « ${summary.title} » (${summary.projectId}) importé dans ${dbPath} : ${rows} lignes, ${summary.documents} documents.`);
} catch (err) {
  console.error(`Échec de l’import : ${(err as Error).message}`);
  if (err instanceof AppError && Array.isArray(err.details)) {
    for (const p of (err.details as ImportProblem[]).slice(0, 20)) console.error(`  - ${p.table}${p.row ? ` ligne ${p.row}` : ''}${p.column ? ` (${p.column})` : ''} : ${p.message}`);
  }
  process.exitCode = 1;
} finally {
  sqlite.close();
}
