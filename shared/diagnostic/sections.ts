/**
 * The sections of a commune's diagnostic and the completeness workflow (technician submits, élu validates).
 */
export const SECTIONS = ['besoins', 'services', 'usages', 'agents', 'equipements', 'finances', 'consultations'] as const;
export type SectionKey = (typeof SECTIONS)[number];

export const SECTION_LABELS: Record<SectionKey, string> = {
  besoins: 'Besoins',
  services: 'Services existants',
  usages: 'Fréquentation par commune de résidence',
  agents: 'Agents',
  equipements: 'Équipements',
  finances: 'Finances et population',
  consultations: 'Consultations',
};

/** Names of the sheets of an XLSX export (Excel allows 31 characters); the import looks for them first. */
export const SHEET_NAMES: Record<SectionKey, string> = {
  besoins: 'Besoins',
  services: 'Services',
  usages: 'Fréquentation',
  agents: 'Agents',
  equipements: 'Équipements',
  finances: 'Finances et population',
  consultations: 'Consultations',
};

/** Sections followed on the completeness board; the usages are part of « Services existants ». */
export const BOARD_SECTIONS = ['besoins', 'services', 'agents', 'equipements', 'finances', 'consultations'] as const;
export type BoardSection = (typeof BOARD_SECTIONS)[number];

/** The board section a data section counts towards. */
export function boardSectionOf(section: SectionKey): BoardSection {
  return section === 'usages' ? 'services' : section;
}

export const COMPLETENESS_STATUSES = {
  a_completer: 'À compléter',
  en_cours: 'En cours',
  soumis: 'Soumis à validation',
  a_revoir: 'À revoir',
  valide: 'Validé',
} as const;
export type CompletenessStatus = keyof typeof COMPLETENESS_STATUSES;

/** Statuses that are stored; the others are derived from whether the section holds data. */
export type StoredStatus = 'en_cours' | 'soumis' | 'a_revoir' | 'valide';

/**
 * The status shown on the board: a submission, a request for changes or a validation wins; otherwise a section is
 * « en cours » as soon as it holds one record and « à compléter » before.
 */
export function effectiveStatus(stored: StoredStatus | null | undefined, count: number): CompletenessStatus {
  if (stored === 'soumis' || stored === 'a_revoir' || stored === 'valide') return stored;
  return count > 0 ? 'en_cours' : 'a_completer';
}

/**
 * True when the commune declared the section complete (submitted or validated). An empty section declared complete
 * means « none » (0 agents, 0 equipment); an empty section not declared means « not known yet » (null).
 */
export function declaredComplete(status: CompletenessStatus): boolean {
  return status === 'soumis' || status === 'valide';
}

/** Transition check for the completeness workflow; returns a French refusal or null. */
export function checkCompletenessMove(from: CompletenessStatus, action: 'submit' | 'validate' | 'return'): string | null {
  if (action === 'submit') return from === 'soumis' ? 'Cette rubrique est déjà soumise à validation.' : from === 'valide' ? 'Cette rubrique est déjà validée.' : null;
  if (from !== 'soumis') return 'Seule une rubrique soumise à validation peut être validée ou renvoyée.';
  return null;
}
