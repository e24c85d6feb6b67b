/**
 * Closed vocabularies of the diagnostic (keys stored in the database, French labels shown and exported).
 * Keys are stable identifiers: never rename one, add a new key instead, so that stored data and comments stay valid.
 */

/** A vocabulary: stable key → French label. */
export type Vocab = Readonly<Record<string, string>>;

/** Keys of a vocabulary as a non-empty tuple (for z.enum). */
export function keysOf<V extends Vocab>(v: V): [keyof V & string, ...(keyof V & string)[]] {
  return Object.keys(v) as [keyof V & string, ...(keyof V & string)[]];
}

export const EMPLOYERS = { commune: 'Commune', epci: 'Intercommunalité (EPCI)', autre: 'Autre employeur (CCAS, syndicat…)' } as const;

export const CATEGORIES = { A: 'Catégorie A', B: 'Catégorie B', C: 'Catégorie C' } as const;

export const AGENT_STATUSES = {
  titulaire: 'Titulaire',
  stagiaire: 'Stagiaire',
  contractuel_cdd: 'Contractuel·le (CDD)',
  contractuel_cdi: 'Contractuel·le (CDI)',
  vacataire: 'Vacataire',
  contrat_aide: 'Contrat aidé ou apprentissage',
  autre: 'Autre',
} as const;

/** Cadres d'emplois met in youth, early-childhood and support services (fonction publique territoriale). */
export const CADRES_EMPLOIS = {
  adjoint_animation: "Adjoints territoriaux d'animation",
  animateur: 'Animateurs territoriaux',
  educateur_aps: 'Éducateurs territoriaux des APS',
  eje: 'Éducateurs territoriaux de jeunes enfants',
  auxiliaire_puericulture: 'Auxiliaires de puériculture territoriaux',
  atsem: 'Agents spécialisés des écoles maternelles (ATSEM)',
  agent_social: 'Agents sociaux territoriaux',
  assistant_socio_educatif: 'Assistants territoriaux socio-éducatifs',
  conseiller_socio_educatif: 'Conseillers territoriaux socio-éducatifs',
  adjoint_administratif: 'Adjoints administratifs territoriaux',
  redacteur: 'Rédacteurs territoriaux',
  attache: 'Attachés territoriaux',
  adjoint_technique: 'Adjoints techniques territoriaux',
  hors_cadre: "Hors cadre d'emplois (droit privé, contrat aidé…)",
  autre: 'Autre',
} as const;

export const QUALIFICATIONS = {
  bafa: 'BAFA',
  bafd: 'BAFD',
  cpjeps: 'CPJEPS',
  bapaat: 'BAPAAT',
  bpjeps: 'BPJEPS',
  dejeps: 'DEJEPS',
  desjeps: 'DESJEPS',
  but_carrieres_sociales: 'BUT Carrières sociales',
  eje: 'EJE (diplôme d’État)',
  auxiliaire_puericulture: 'Auxiliaire de puériculture (DEAP)',
  cap_aepe: 'CAP AEPE',
  surveillant_baignade: 'Surveillant de baignade',
  psc1: 'PSC1',
  autre: 'Autre qualification',
} as const;

export const EQUIPMENT_TYPES = {
  maison_jeunes: 'Maison des jeunes',
  salle_fetes: 'Salle des fêtes',
  eaje: 'Crèche / EAJE',
  accueil_loisirs: 'Accueil de loisirs',
  gymnase: 'Gymnase',
  mediatheque: 'Médiathèque',
  autre: 'Autre',
} as const;

export const OWNERS = {
  commune: 'Commune',
  epci: 'Intercommunalité (EPCI)',
  autre_public: 'Autre personne publique',
  association: 'Association',
  prive: 'Propriétaire privé',
} as const;

export const CONDITIONS = { bon: 'Bon', correct: 'Correct', degrade: 'Dégradé', tres_degrade: 'Très dégradé (à rénover)' } as const;

export const ACCESSIBILITY = { oui: 'Accessible PMR', partiel: 'Partiellement accessible', non: 'Non accessible' } as const;

export const OPENING_PERIODS = {
  periscolaire: 'Périscolaire (matin, midi, soir)',
  mercredis: 'Mercredis',
  petites_vacances: 'Petites vacances',
  ete: 'Été',
  soirees: 'Soirées',
  week_ends: 'Week-ends',
  toute_annee: "Toute l'année",
} as const;

export const USAGE_UNITS = {
  journee_enfant: 'Journées-enfants',
  heure_enfant: 'Heures-enfants',
  heure_ouverture: "Heures d'ouverture",
  participant: 'Participants',
  passage: 'Passages ou visites',
  autre: 'Autre unité',
} as const;

export const CONSULTATION_KINDS = {
  entretien_elus: 'Entretien avec les élus',
  reunion_partenaires: 'Réunion avec les partenaires (CAF, département…)',
  reunion_technique: 'Réunion technique',
  questionnaire: 'Questionnaire',
  atelier: 'Atelier ou rencontre publique',
  autre: 'Autre',
} as const;

export const NEED_KINDS = { besoin: 'Besoin', souhait: 'Souhait' } as const;

export const EXISTENCE = { oui: 'Existe', partiel: 'Existe en partie', non: "N'existe pas" } as const;

export const PROVIDERS = { commune: 'La commune', epci: "L'intercommunalité", association: 'Une association', autre: 'Un autre acteur' } as const;

export const POOLING_WISHES = { oui: 'Souhaite mutualiser', a_etudier: 'À étudier', non: 'Ne souhaite pas mutualiser' } as const;

export const PRIORITIES = { haute: 'Haute', moyenne: 'Moyenne', basse: 'Basse' } as const;

export const YES_NO = { oui: 'Oui', non: 'Non' } as const;

export type Employer = keyof typeof EMPLOYERS;
export type Category = keyof typeof CATEGORIES;
export type EquipmentType = keyof typeof EQUIPMENT_TYPES;
export type UsageUnit = keyof typeof USAGE_UNITS;
export type Existence = keyof typeof EXISTENCE;
export type PoolingWish = keyof typeof POOLING_WISHES;
export type Priority = keyof typeof PRIORITIES;
export type NeedKind = keyof typeof NEED_KINDS;
