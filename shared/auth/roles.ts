/** Global roles of contracts.md. Facilitation is per project (project.facilitatorId), not a role. */
export const ROLES = [
  'administrateur',
  'elu_communautaire',
  'elu_communal',
  'technicien_communautaire',
  'technicien_communal',
  'partenaire',
  'observateur',
] as const;

export type Role = (typeof ROLES)[number];

/** French labels shown in the UI (user menu, presence, audit). */
export const ROLE_LABELS: Record<Role, string> = {
  administrateur: 'Administrateur·rice',
  elu_communautaire: 'Élu·e communautaire',
  elu_communal: 'Élu·e communal·e',
  technicien_communautaire: 'Technicien·ne communautaire',
  technicien_communal: 'Technicien·ne communal·e',
  partenaire: 'Partenaire',
  observateur: 'Observateur·rice',
};

/** Roles that belong to one commune (communeId is required for them). */
export const COMMUNE_ROLES: readonly Role[] = ['elu_communal', 'technicien_communal'];

/** Roles that act for the EPCI as a whole. */
export const EPCI_ROLES: readonly Role[] = ['elu_communautaire', 'technicien_communautaire'];

/** Roles that may facilitate a project (usually a vice-président·e, possibly any élu·e). */
export const FACILITATOR_ROLES: readonly Role[] = ['elu_communautaire', 'elu_communal', 'administrateur'];
