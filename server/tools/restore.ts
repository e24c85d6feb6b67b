/** `npm run restore -- <fichier>`: replaces DATABASE_PATH by a verified backup (stop the server first). */
import { restoreDatabase } from './backup-core.js';

const file = process.argv[2];
const dbPath = process.env.DATABASE_PATH ?? './data/mutualab.db';
if (!file) {
  console.error('Usage : npm run restore -- <fichier-de-sauvegarde.db>   (arrêtez le serveur avant)');
  process.exit(2);
}
restoreDatabase(file, dbPath).then(
  (counts) => console.log(`Base restaurée dans ${dbPath} : ${counts.users ?? 0} comptes, ${counts.projects ?? 0} projets.`),
  (err) => {
    console.error(`Échec de la restauration : ${(err as Error).message}`);
    process.exit(1);
  },
);
