/**
 * French labels of the audit log's action codes (`recordAudit(…, { action })` on the server), for the audit screen
 * and exports. A test reads every `recordAudit` call of `server/` and fails when an action has no label here: add
 * yours to `AUDIT_ACTION_LABELS`, or to `AUDIT_ACTION_PATTERNS` when the code is built from a variable part.
 */

/** Exact codes → label. */
export const AUDIT_ACTION_LABELS: Record<string, string> = {
  // Accounts and sessions
  'auth.login': 'Connexion',
  'auth.login_failed': 'Échec de connexion',
  'auth.logout': 'Déconnexion',
  'user.invited': 'Compte invité',
  'user.invitation_accepted': 'Invitation acceptée',
  'user.role_changed': 'Rôle modifié',
  // Territory
  'territory.created': 'Territoire créé',
  'territory.outside_commune_added': 'Commune hors EPCI ajoutée',
  'territory.partner_added': 'Partenaire ajouté',
  // Project
  'project.created': 'Projet créé',
  'project.updated': 'Projet modifié',
  'project.facilitator_changed': 'Animateur·rice du projet changé·e',
  'project.plan_changed': 'Calendrier des phases modifié',
  'project.phase_changed': 'Changement de phase',
  'project.participation_changed': 'Participation d’une commune modifiée',
  'project.member_added': 'Membre ajouté au projet',
  'project.member_removed': 'Membre retiré du projet',
  'project.amendment_settings_changed': 'Règle de décision des amendements modifiée',
  'project.exported': 'Projet exporté (fichier de transfert)',
  'project.imported': 'Projet importé (fichier de transfert)',
  // Documents and versions
  'document.created': 'Document créé',
  'document.creation_rolled_back': 'Création de document annulée (incident)',
  'document.renamed': 'Document renommé',
  'document.archived': 'Document archivé',
  'document.unarchived': 'Document désarchivé',
  'document.locked': 'Document verrouillé',
  'document.unlocked': 'Document déverrouillé',
  'document.version_created': 'Version nommée créée',
  'document.version_restored': 'Version restaurée',
  // Diagnostic
  'diagnostic.mission.created': 'Diagnostic : mission ajoutée',
  'diagnostic.mission.deleted': 'Diagnostic : mission supprimée',
  'diagnostic.import.committed': 'Diagnostic : fichier importé',
  'diagnostic.completeness.reopened': 'Diagnostic : rubrique rouverte par une modification',
  // Comments and amendments
  'comment.deleted': 'Commentaire supprimé',
  'comment.resolved': 'Discussion résolue',
  'comment.reopened': 'Discussion rouverte',
  'amendment.proposed': 'Amendement proposé',
  'amendment.accepted': 'Amendement accepté',
  'amendment.rejected': 'Amendement rejeté',
  // Rounds and programme
  'round.created': 'Tour de table créé',
  'round.updated': 'Tour de table modifié',
  'round.deleted': 'Tour de table supprimé',
  'round.opened': 'Tour de table ouvert',
  'round.closed': 'Tour de table clos',
  'round.reminded': 'Relance d’un tour de table',
  'round.extended': 'Tour de table prolongé',
  'round.position_recorded': 'Position d’une commune enregistrée',
  'round.synthesis_generated': 'Synthèse d’un tour de table générée',
  'programme.action_created': 'Programme : action ajoutée',
  'programme.action_updated': 'Programme : action modifiée',
  'programme.action_deleted': 'Programme : action supprimée',
  // Scenarios and arbitration
  'scenario.created': 'Scénario créé',
  'scenario.updated': 'Scénario modifié',
  'scenario.deleted': 'Scénario supprimé',
  'scenario.status_changed': 'Statut d’un scénario modifié',
  'scenario.arbitrated': 'Arbitrage enregistré',
  'scenario.document_created': 'Document de scénario créé',
  // Action plan, convention, deliberations
  'action_plan.objective_created': 'Plan d’actions : objectif ajouté',
  'action_plan.objective_renamed': 'Plan d’actions : objectif renommé',
  'action_plan.objective_deleted': 'Plan d’actions : objectif supprimé',
  'action_plan.action_created': 'Plan d’actions : action ajoutée',
  'action_plan.action_updated': 'Plan d’actions : action modifiée',
  'action_plan.action_deleted': 'Plan d’actions : action supprimée',
  'convention.generated': 'Convention générée',
  'convention.cadre_generated': 'Cadre stratégique généré',
  'convention.annexes_regenerated': 'Annexes de la convention régénérées',
  'convention.settings_changed': 'Paramètres de la convention modifiés',
  'convention.signed': 'Convention signée (version figée)',
  'deliberation.recorded': 'Délibération enregistrée',
  'deliberation.details_changed': 'Références d’une délibération modifiées',
  'avenant.created': 'Avenant d’adhésion créé',
  'avenant.adopted': 'Avenant adopté (version figée)',
  'commune.withdrawn': 'Retrait d’une commune enregistré',
  'evaluation.created': 'Évaluation annuelle créée',
  'evaluation.updated': 'Évaluation annuelle modifiée',
  // Workshops (séances)
  'seance.created': 'Séance créée',
  'seance.updated': 'Séance modifiée',
  'seance.poll_opened': 'Séance : vote ouvert',
  'seance.poll_closed': 'Séance : vote clos',
  'seance.decision_recorded': 'Séance : décision consignée',
  'seance.decision_removed': 'Séance : décision retirée',
};

const DIAGNOSTIC_SECTIONS: Record<string, string> = {
  besoins: 'besoins',
  services: 'services existants',
  usages: 'usages',
  agents: 'agents',
  equipements: 'équipements',
  finances: 'finances',
  consultations: 'consultations',
};

const COMPLETENESS_MOVES: Record<string, string> = {
  submitted: 'rubrique soumise à validation',
  validated: 'rubrique validée',
  returned: 'rubrique renvoyée pour correction',
};

const SEANCE_COMMANDS: Record<string, string> = {
  start: 'séance ouverte',
  pause: 'séance suspendue',
  resume: 'séance reprise',
  end: 'séance close',
  next: 'point suivant de l’ordre du jour',
  goto: 'passage à un point de l’ordre du jour',
};

/** Codes built from a variable part (`*` in the code, e.g. `diagnostic.services.created`) → label of that part. */
export const AUDIT_ACTION_PATTERNS: Record<string, (part: string) => string> = {
  'diagnostic.*.created': (s) => `Diagnostic (${DIAGNOSTIC_SECTIONS[s] ?? s}) : fiche ajoutée`,
  'diagnostic.*.updated': (s) => `Diagnostic (${DIAGNOSTIC_SECTIONS[s] ?? s}) : fiche modifiée`,
  'diagnostic.*.deleted': (s) => `Diagnostic (${DIAGNOSTIC_SECTIONS[s] ?? s}) : fiche supprimée`,
  'diagnostic.completeness.*': (m) => `Diagnostic : ${COMPLETENESS_MOVES[m] ?? `complétude (${m})`}`,
  'seance.*': (c) => `Séance : ${SEANCE_COMMANDS[c] ?? c}`,
};

const compiled = Object.entries(AUDIT_ACTION_PATTERNS).map(([pattern, label]) => ({
  re: new RegExp(`^${pattern.split('*').map((p) => p.replace(/[.]/g, '\\.')).join('([a-z_]+)')}$`),
  label,
}));

/** The French label of an action code; an unknown code (older data) is shown as « Action « code » ». */
export function auditActionLabel(action: string): string {
  const exact = AUDIT_ACTION_LABELS[action];
  if (exact) return exact;
  for (const { re, label } of compiled) {
    const m = re.exec(action);
    if (m) return label(m[1]);
  }
  return `Action « ${action} »`;
}
