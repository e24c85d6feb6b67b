/** Building blocks of the abilities table: who is who in a project. Pure. */
import { EPCI_ROLES, COMMUNE_ROLES } from './roles.js';
import { participationGrantsAccess, participationGrantsWrite } from '../projects/participation.js';
import type { AbilityInput, Rule } from './ability-types.js';

export const isAdmin: Rule = ({ actor }) => actor.role === 'administrateur';
export const isFacilitator: Rule = ({ actor, project }) => !!project && project.facilitatorId === actor.id;
export const isEpci: Rule = ({ actor }) => EPCI_ROLES.includes(actor.role);

/** Contracts.md: admins, the facilitator, EPCI élus and technicians, members of non-withdrawn communes, added partners/observers. */
export const canAccessProject: Rule = (input) => {
  const { actor, project } = input;
  if (!project) return false;
  if (isAdmin(input) || isFacilitator(input) || isEpci(input)) return true;
  if (COMMUNE_ROLES.includes(actor.role) && actor.communeId) {
    return participationGrantsAccess(project.participations[actor.communeId]);
  }
  return project.memberIds.includes(actor.id);
};

/** Who may write the shared texts of a project when nothing is locked. */
export const canWriteProjectTexts: Rule = (input) => {
  const { actor, project } = input;
  if (!project || !canAccessProject(input)) return false;
  if (isAdmin(input) || isFacilitator(input) || isEpci(input)) return true;
  if (COMMUNE_ROLES.includes(actor.role) && actor.communeId) {
    return participationGrantsWrite(project.participations[actor.communeId]);
  }
  return false; // partners and observers read
};

export const controlsProject: Rule = (input) => !!input.project && (isAdmin(input) || isFacilitator(input));

/** Who edits every commune's diagnostic: administrators, the facilitator, EPCI technicians (not EPCI élus). */
export const editsAllDiagnostics: Rule = (i) => canAccessProject(i) && (isAdmin(i) || isFacilitator(i) || i.actor.role === 'technicien_communautaire');

/** An élu·e or technician of `communeId`, which participates in the project. */
export const ofParticipatingCommune = (i: AbilityInput, communeId: string | undefined): boolean =>
  !!i.project &&
  !!communeId &&
  COMMUNE_ROLES.includes(i.actor.role) &&
  i.actor.communeId === communeId &&
  participationGrantsWrite(i.project.participations[communeId]);

/** A partner who took part in the consultation (listed as participant, or the consultation is with their organisation). */
export const tookPartInConsultation: Rule = (i) => {
  const c = i.diagnostic?.consultation;
  if (!c || i.actor.role !== 'partenaire' || !canAccessProject(i)) return false;
  return c.participantUserIds.includes(i.actor.id) || (!!i.actor.partnerId && c.partnerId === i.actor.partnerId);
};

/** The commune an action is about (its diagnostic data, its position, its programme, its deliberation). */
export const targetCommune = (i: AbilityInput): string | undefined => i.diagnostic?.communeId;

/** An élu·e or technician of the target commune, whose participation is not `retirée` (invited outside communes too). */
export const ofTargetCommuneWithAccess: Rule = (i) => {
  const communeId = targetCommune(i);
  return (
    !!i.project &&
    !!communeId &&
    COMMUNE_ROLES.includes(i.actor.role) &&
    i.actor.communeId === communeId &&
    participationGrantsAccess(i.project.participations[communeId])
  );
};

/** Everyone who opens the project except observers: they may comment, raise a hand, vote. */
export const speaksInProject: Rule = (i) => canAccessProject(i) && i.actor.role !== 'observateur';

/** Administrators, the facilitator, EPCI élus and technicians: they prepare scenarios, plans and conventions. */
export const preparesProject: Rule = (i) => canAccessProject(i) && (isAdmin(i) || isFacilitator(i) || isEpci(i));
