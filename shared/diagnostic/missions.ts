/**
 * The missions of a youth service (jeunesse) that the needs questionnaire and the overlap matrix are built on.
 * This is data, not code: a project adds its own missions (stored per project, key = the mission's id).
 */
export type MissionDef = { key: string; label: string; description: string };

export const JEUNESSE_MISSIONS: readonly MissionDef[] = [
  { key: 'accueil_loisirs', label: 'Accueil de loisirs', description: 'Accueil collectif de mineurs les mercredis et pendant les vacances (ALSH).' },
  { key: 'accueil_periscolaire', label: 'Accueil périscolaire', description: 'Accueil du matin, du midi et du soir autour du temps scolaire.' },
  { key: 'point_information_jeunesse', label: 'Point information jeunesse', description: 'Information des 12-25 ans : études, emploi, logement, santé, mobilité (PIJ).' },
  { key: 'animations_ados', label: 'Animations ados', description: 'Espace jeunes, accueil libre et activités pour les 11-17 ans.' },
  { key: 'sejours', label: 'Séjours', description: 'Séjours de vacances, mini-camps et séjours accessoires.' },
  { key: 'accompagnement_scolaire', label: 'Accompagnement scolaire', description: 'Aide aux devoirs et contrat local d’accompagnement à la scolarité (CLAS).' },
  { key: 'bafa_formation', label: 'BAFA / formation', description: 'Financement et organisation de la formation des animateur·rices (BAFA, BAFD).' },
  { key: 'chantiers_jeunes', label: 'Chantiers jeunes', description: 'Chantiers éducatifs ou citoyens rémunérés ou valorisés.' },
  { key: 'prevention', label: 'Prévention', description: 'Prévention des conduites à risque, médiation, présence éducative de rue.' },
  { key: 'projets_jeunes', label: 'Projets de jeunes', description: 'Accompagnement des initiatives et projets portés par les jeunes.' },
  { key: 'participation_jeunes', label: 'Participation des jeunes', description: 'Conseil municipal ou intercommunal des jeunes.' },
  { key: 'insertion_mobilite', label: 'Insertion et mobilité', description: 'Lien avec la mission locale, permis, mobilité, premiers emplois.' },
];

/** True for the keys of the built-in list (custom missions use their record id as key). */
export function isStandardMission(key: string): boolean {
  return JEUNESSE_MISSIONS.some((m) => m.key === key);
}
