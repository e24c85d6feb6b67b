/** `npm run backup -- <fichier>`: consistent online backup of DATABASE_PATH. */
import { backupDatabase, inspectBackup } from './backup-core.js';

const target = process.argv[2];
const dbPath = process.env.DATABASE_PATH ?? './data/mutualab.db';
if (!target) {
  console.error('Usage : npm run backup -- <fichier-de-sauvegarde.db>');
  process.exit(2);
}
backupDatabase(dbPath, target).then(
  ({ pages }) => {
    const counts = inspectBackup(target);
    console.log(`Sauvegarde écrite : ${target} (${pages} pages, ${counts.users ?? 0} comptes, ${counts.projects ?? 0} projets).`);
  },
  (err) => {
    console.error(`Échec de la sauvegarde : ${(err as Error).message}`);
    process.exit(1);
  },
);
