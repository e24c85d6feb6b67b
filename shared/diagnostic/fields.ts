/**
 * The columns of each section, in display and file order. One definition drives the editable tables, the CSV/XLSX
 * templates and exports, and the import parser, so a column reads the same everywhere. Keys are the record's field
 * names (stable: comments on a field will refer to them).
 */
import {
  EMPLOYERS, CATEGORIES, AGENT_STATUSES, CADRES_EMPLOIS, QUALIFICATIONS, EQUIPMENT_TYPES, OWNERS, CONDITIONS, ACCESSIBILITY,
  OPENING_PERIODS, USAGE_UNITS, CONSULTATION_KINDS, EXISTENCE, PROVIDERS, POOLING_WISHES, PRIORITIES, type Vocab,
} from './vocab.js';
import type { SectionKey } from './sections.js';

export type FieldKind =
  | 'text'
  | 'longtext'
  | 'int'
  | 'decimal'
  | 'percent'
  /** Integer cents in the API, euros in files and on screen. */
  | 'money'
  /** Money that may be negative (an attribution de compensation can be). */
  | 'signedMoney'
  | 'year'
  | 'date'
  | 'bool'
  | 'enum'
  | 'enumList'
  | 'commune'
  | 'communeList'
  | 'mission'
  | 'missionList'
  | 'service'
  | 'residence'
  | 'partner'
  | 'users'
  | 'needs';

export type FieldDef = {
  key: string;
  label: string;
  kind: FieldKind;
  required?: boolean;
  vocab?: Vocab;
  /** Help shown under the column header and in the template's help sheet. */
  help?: string;
  /** Shorter header for on-screen tables (files keep the full label). */
  short?: string;
};

const f = (key: string, label: string, kind: FieldKind, extra: Partial<FieldDef> = {}): FieldDef => ({ key, label, kind, ...extra });
const commune = f('communeId', 'Commune', 'commune', { required: true, help: 'Nom ou code INSEE, par exemple « Fayence » ou « 83055 ».' });
const comment = f('comment', 'Commentaire', 'longtext');
const euros = (key: string, label: string, help?: string, short?: string) => f(key, `${label} (€)`, 'money', { help, short });

export const SECTION_FIELDS: Record<SectionKey, FieldDef[]> = {
  besoins: [
    commune,
    f('missionKey', 'Mission', 'mission', { required: true }),
    f('existing', 'Existant', 'enum', { vocab: EXISTENCE }),
    f('providedBy', 'Porté par', 'enum', { vocab: PROVIDERS }),
    f('unmetNeed', 'Besoin non couvert', 'bool', { short: 'Besoin non couvert' }),
    f('unmetNeedDetails', 'Précision sur le besoin', 'longtext'),
    f('poolingWish', 'Souhait de mutualisation', 'enum', { vocab: POOLING_WISHES, short: 'Mutualisation' }),
    f('priority', 'Priorité', 'enum', { vocab: PRIORITIES }),
    comment,
  ],
  services: [
    commune,
    f('name', 'Nom du service', 'text', { required: true }),
    f('missions', 'Missions', 'missionList', { help: 'Plusieurs missions séparées par des virgules.' }),
    f('publicServed', 'Public accueilli', 'text'),
    f('ageMin', 'Âge minimum', 'int'),
    f('ageMax', 'Âge maximum', 'int'),
    f('openingPeriods', "Périodes d'ouverture", 'enumList', { vocab: OPENING_PERIODS, short: 'Ouverture' }),
    f('year', 'Exercice', 'year'),
    euros('operatingBudgetCents', 'Budget de fonctionnement', 'Dépenses annuelles, masse salariale comprise.', 'Fonctionnement'),
    euros('investmentBudgetCents', "Budget d'investissement", 'Coût ponctuel des investissements de l’exercice.', 'Investissement'),
    euros('investmentYearlyGainCents', "Gain annuel attendu de l'investissement", 'Économie nette annuelle ou valeur de service ajoutée par an.'),
    euros('cafRevenueCents', 'Recettes CAF', 'Prestation de service, bonus territoire, CTG…', 'Recettes CAF'),
    euros('otherRevenueCents', 'Autres recettes', 'Participation des familles, autres partenaires.', 'Autres recettes'),
    f('usageUnit', "Unité d'usage", 'enum', { vocab: USAGE_UNITS, short: 'Unité' }),
    comment,
  ],
  usages: [
    f('serviceId', 'Service', 'service', { required: true, help: 'Nom du service suivi de sa commune entre parenthèses, ou son identifiant.' }),
    f('residence', 'Commune de résidence', 'residence', { required: true, help: 'Commune où habitent les usagers, ou « Hors territoire ».' }),
    f('units', 'Unités', 'decimal', { required: true, help: "Dans l'unité d'usage du service (journées-enfants, heures…)." }),
    f('year', 'Exercice', 'year'),
    comment,
  ],
  agents: [
    commune,
    f('jobTitle', 'Poste', 'text', { required: true }),
    f('employer', 'Employeur', 'enum', { required: true, vocab: EMPLOYERS }),
    f('cadreEmplois', "Cadre d'emplois", 'enum', { vocab: CADRES_EMPLOIS }),
    f('category', 'Catégorie', 'enum', { vocab: CATEGORIES }),
    f('status', 'Statut', 'enum', { vocab: AGENT_STATUSES }),
    f('quotitePct', "Quotité (% d'un temps complet)", 'percent', { short: 'Quotité', help: '100 pour un temps complet, 80 pour un 4/5e.' }),
    f('serviceSharePct', 'Part du temps sur le service (%)', 'percent', { short: 'Part sur le service' }),
    f('qualifications', 'Qualifications', 'enumList', { vocab: QUALIFICATIONS }),
    euros('annualCostCents', 'Coût annuel chargé', undefined, 'Coût annuel'),
    comment,
  ],
  equipements: [
    commune,
    f('type', 'Type', 'enum', { required: true, vocab: EQUIPMENT_TYPES }),
    f('name', 'Nom', 'text', { required: true }),
    f('address', 'Adresse', 'text'),
    f('owner', 'Propriétaire', 'enum', { vocab: OWNERS }),
    f('capacity', 'Capacité (places)', 'int'),
    f('areaM2', 'Surface (m²)', 'int'),
    f('condition', 'État', 'enum', { vocab: CONDITIONS }),
    f('accessibility', 'Accessibilité PMR', 'enum', { vocab: ACCESSIBILITY, short: 'PMR' }),
    f('occupancyPct', "Taux d'occupation (%)", 'percent', { short: 'Occupation' }),
    euros('runningCostCents', 'Coût de fonctionnement annuel', undefined, 'Coût annuel'),
    comment,
  ],
  finances: [
    commune,
    f('year', 'Exercice', 'year'),
    f('acCents', 'Attribution de compensation (€)', 'signedMoney', { short: 'Attribution de compensation', help: 'Montant annuel ; négatif si la commune verse l’attribution.' }),
    euros('operatingRevenueCents', 'Recettes réelles de fonctionnement', undefined, 'Recettes de fonctionnement'),
    f('childrenUnder3', 'Enfants de moins de 3 ans', 'int'),
    comment,
  ],
  consultations: [
    f('date', 'Date', 'date', { required: true }),
    f('kind', 'Type', 'enum', { required: true, vocab: CONSULTATION_KINDS }),
    f('title', 'Objet', 'text', { required: true }),
    f('communeIds', 'Communes concernées', 'communeList'),
    f('partnerId', 'Partenaire', 'partner'),
    f('participants', 'Participants', 'longtext'),
    f('participantUserIds', 'Participants inscrits', 'users', { help: 'Noms ou adresses e-mail des comptes Mutualab, séparés par des virgules.' }),
    f('minutes', 'Compte rendu', 'longtext'),
    f('needs', 'Besoins et souhaits exprimés', 'needs', { help: 'Un élément par ligne ou séparés par « | », par exemple « Besoin : transport vers l’ALSH ».' }),
  ],
};

/** Label of the id column in files: rows with an id update that record, rows without create one. */
export const ID_COLUMN = 'id';

/** The field of a section by key. */
export function fieldOf(section: SectionKey, key: string): FieldDef | undefined {
  return SECTION_FIELDS[section].find((x) => x.key === key);
}
