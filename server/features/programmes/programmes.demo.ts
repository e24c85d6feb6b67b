/**
 * Demo programmes communaux: a few actions of the participating communes' programmes, so the demo round can ask
 * « la mutualisation renforcera-t-elle ou non les actions prévues ? » on real-looking items. Seeded once, with the demo.
 */
import type { DbLike } from '../../db/client.js';
import { programmeActions } from '../../db/schema/index.js';
import { newId } from '../../lib/ids.js';

type Seed = { title: string; description: string; plannedYear: number | null; budgetEuros: number | null };

/** Demo programme actions by INSEE code. */
export const DEMO_PROGRAMMES: Record<string, Seed[]> = {
  '83055': [
    { title: 'Ouvrir un local jeunes en centre-village', description: 'Un lieu d’accueil libre pour les 11-17 ans, ouvert les mercredis et pendant les vacances.', plannedYear: 2027, budgetEuros: 180_000 },
    { title: 'Séjours d’été pour les 11-17 ans', description: 'Deux séjours de cinq jours, en montagne et en bord de mer.', plannedYear: 2026, budgetEuros: 35_000 },
    { title: 'Conseil municipal des jeunes', description: 'Élection et accompagnement d’un conseil de collégiens.', plannedYear: 2026, budgetEuros: 5_000 },
  ],
  '83124': [
    { title: 'Rénover la maison des jeunes', description: 'Mise en accessibilité et isolation du bâtiment de la place du Thouron.', plannedYear: 2027, budgetEuros: 250_000 },
    { title: 'Accueil de loisirs du mercredi', description: 'Passer de 24 à 36 places le mercredi après-midi.', plannedYear: 2026, budgetEuros: 60_000 },
  ],
  '83081': [{ title: 'Point information jeunesse', description: 'Permanences emploi, logement et mobilité pour les 16-25 ans.', plannedYear: 2027, budgetEuros: 40_000 }],
  '83138': [{ title: 'Navette vers les activités intercommunales', description: 'Un minibus le mercredi et le samedi vers les équipements du territoire.', plannedYear: 2026, budgetEuros: 25_000 }],
};

/** Inserts the demo programmes (inside the demo seed's transaction). */
export function seedDemoProgrammes(tx: DbLike, refs: { projectId: string; communeId: (insee: string) => string; userId: (email: string) => string; at: string }): void {
  const author = refs.userId('tech.epci@demo.mutualab.fr');
  for (const [insee, actions] of Object.entries(DEMO_PROGRAMMES)) {
    actions.forEach((a, position) => {
      tx.insert(programmeActions)
        .values({ id: newId('pga_'), projectId: refs.projectId, communeId: refs.communeId(insee), ...a, position, createdBy: author, createdAt: refs.at, updatedBy: author, updatedAt: refs.at })
        .run();
    });
  }
}
