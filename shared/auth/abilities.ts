/**
 * The abilities table: every action of Mutualab with who may do it. The server's policy module
 * (`server/policies`) is the only place that evaluates it, for HTTP routes and WebSocket rooms alike;
 * the client only receives the result (`myAbilities`) to hide controls.
 */
import type { Role } from './roles.js';
import { EPCI_ROLES, COMMUNE_ROLES } from './roles.js';
import type { ParticipationState } from '../projects/participation.js';
import { participationGrantsAccess, participationGrantsWrite } from '../projects/participation.js';

export type Actor = {
  id: string;
  role: Role;
  communeId?: string | null;
  partnerId?: string | null;
};

/** What the policy needs to know about a project to decide. */
export type ProjectContext = {
  id: string;
  facilitatorId: string | null;
  /** Participation state by commune id. */
  participations: Record<string, ParticipationState>;
  /** Users added to the project individually (partners, observers). */
  memberIds: readonly string[];
};

export type DocumentContext = { locked: boolean; archived: boolean };

/** Facts about a diagnostic record: the commune whose data it is, or the consultation being edited. */
export type DiagnosticContext = {
  communeId?: string;
  consultation?: { communeIds: string[]; partnerId: string | null; participantUserIds: string[] };
};

export type AbilityInput = {
  actor: Actor;
  project?: ProjectContext;
  document?: DocumentContext;
  diagnostic?: DiagnosticContext;
};

type Rule = (input: AbilityInput) => boolean;

const isAdmin: Rule = ({ actor }) => actor.role === 'administrateur';
const isFacilitator: Rule = ({ actor, project }) => !!project && project.facilitatorId === actor.id;
const isEpci: Rule = ({ actor }) => EPCI_ROLES.includes(actor.role);

/** Contracts.md: admins, the facilitator, EPCI élus and technicians, members of non-withdrawn communes, added partners/observers. */
const canAccessProject: Rule = (input) => {
  const { actor, project } = input;
  if (!project) return false;
  if (isAdmin(input) || isFacilitator(input) || isEpci(input)) return true;
  if (COMMUNE_ROLES.includes(actor.role) && actor.communeId) {
    return participationGrantsAccess(project.participations[actor.communeId]);
  }
  return project.memberIds.includes(actor.id);
};

/** Who may write the shared texts of a project when nothing is locked. */
const canWriteProjectTexts: Rule = (input) => {
  const { actor, project } = input;
  if (!project || !canAccessProject(input)) return false;
  if (isAdmin(input) || isFacilitator(input) || isEpci(input)) return true;
  if (COMMUNE_ROLES.includes(actor.role) && actor.communeId) {
    return participationGrantsWrite(project.participations[actor.communeId]);
  }
  return false; // partners and observers read
};

const controlsProject: Rule = (input) => !!input.project && (isAdmin(input) || isFacilitator(input));

/** Who edits every commune's diagnostic: administrators, the facilitator, EPCI technicians (not EPCI élus). */
const editsAllDiagnostics: Rule = (i) => canAccessProject(i) && (isAdmin(i) || isFacilitator(i) || i.actor.role === 'technicien_communautaire');

/** An élu·e or technician of `communeId`, which participates in the project. */
const ofParticipatingCommune = (i: AbilityInput, communeId: string | undefined): boolean =>
  !!i.project &&
  !!communeId &&
  COMMUNE_ROLES.includes(i.actor.role) &&
  i.actor.communeId === communeId &&
  participationGrantsWrite(i.project.participations[communeId]);

/** A partner who took part in the consultation (listed as participant, or the consultation is with their organisation). */
const tookPartInConsultation: Rule = (i) => {
  const c = i.diagnostic?.consultation;
  if (!c || i.actor.role !== 'partenaire' || !canAccessProject(i)) return false;
  return c.participantUserIds.includes(i.actor.id) || (!!i.actor.partnerId && c.partnerId === i.actor.partnerId);
};

type AbilityDefinition = { label: string; who: string; rule: Rule };

/** Every action, its French label and who may do it (in words, for the docs and the admin screen). */
export const ABILITIES = {
  'territory.read': { label: 'Consulter le territoire', who: 'toute personne connectée', rule: () => true },
  'territory.manage': { label: 'Gérer les territoires et partenaires', who: 'administrateur', rule: isAdmin },
  'users.manage': { label: 'Inviter et gérer les comptes', who: 'administrateur', rule: isAdmin },
  'project.create': {
    label: 'Créer un projet de mutualisation',
    who: 'administrateur, élu·e communautaire',
    rule: (i) => isAdmin(i) || i.actor.role === 'elu_communautaire',
  },
  'project.read': {
    label: 'Ouvrir le projet',
    who: "administrateur, animateur·rice, élus et techniciens de l'EPCI, des communes non retirées, partenaires et observateurs ajoutés",
    rule: canAccessProject,
  },
  'project.update': { label: 'Modifier le projet', who: 'animateur·rice, administrateur', rule: controlsProject },
  'project.phase.change': { label: 'Changer de phase', who: 'animateur·rice, administrateur', rule: controlsProject },
  'project.participation.manage': {
    label: 'Gérer la participation des communes',
    who: 'animateur·rice, administrateur',
    rule: controlsProject,
  },
  'project.members.manage': {
    label: 'Ajouter partenaires et observateurs',
    who: 'animateur·rice, administrateur',
    rule: controlsProject,
  },
  'project.audit.read': { label: "Consulter le journal d'audit", who: 'animateur·rice, administrateur', rule: controlsProject },
  'document.read': { label: 'Lire les documents', who: 'toute personne ayant accès au projet', rule: canAccessProject },
  'document.write': {
    label: 'Co-écrire un document',
    who: "administrateur, animateur·rice, élus et techniciens de l'EPCI et des communes participantes ; seul·e l'animateur·rice quand le document est verrouillé",
    rule: (i) => {
      if (i.document?.archived) return false;
      if (i.document?.locked) return isFacilitator(i);
      return canWriteProjectTexts(i);
    },
  },
  'document.create': {
    label: 'Créer un document',
    who: "administrateur, animateur·rice, élus et techniciens de l'EPCI",
    rule: (i) => canAccessProject(i) && (isAdmin(i) || isFacilitator(i) || isEpci(i)),
  },
  'document.manage': {
    label: 'Renommer ou archiver un document',
    who: "administrateur, animateur·rice, élus et techniciens de l'EPCI",
    rule: (i) => canAccessProject(i) && (isAdmin(i) || isFacilitator(i) || isEpci(i)),
  },
  'document.lock': { label: 'Verrouiller un document', who: 'animateur·rice, administrateur', rule: controlsProject },
  'document.version.create': {
    label: 'Créer une version nommée d’un document',
    who: "administrateur, animateur·rice, élus et techniciens de l'EPCI et des communes participantes (ceux qui co-écrivent)",
    rule: canWriteProjectTexts,
  },
  'document.version.restore': {
    label: 'Restaurer une version d’un document',
    who: "administrateur, animateur·rice, élus et techniciens de l'EPCI ; seul·e l'animateur·rice quand le document est verrouillé",
    rule: (i) => canAccessProject(i) && (isAdmin(i) || isFacilitator(i) || isEpci(i)),
  },
  'diagnostic.write': {
    label: "Saisir le diagnostic d'une commune et le soumettre à validation",
    who: "administrateur, animateur·rice, techniciens de l'EPCI ; élus et techniciens d'une commune participante pour leur commune",
    rule: (i) => editsAllDiagnostics(i) || ofParticipatingCommune(i, i.diagnostic?.communeId),
  },
  'diagnostic.validate': {
    label: "Valider le diagnostic d'une commune (ou le renvoyer pour correction)",
    who: 'élu·e de cette commune, si elle participe',
    rule: (i) => i.actor.role === 'elu_communal' && ofParticipatingCommune(i, i.diagnostic?.communeId),
  },
  'diagnostic.import': {
    label: 'Importer un fichier de diagnostic (chaque ligne reste soumise au droit de saisie de sa commune)',
    who: "administrateur, animateur·rice, techniciens de l'EPCI, élus et techniciens des communes participantes",
    rule: (i) => editsAllDiagnostics(i) || ofParticipatingCommune(i, i.actor.communeId ?? undefined),
  },
  'diagnostic.missions.manage': {
    label: 'Compléter la liste des missions du diagnostic',
    who: "administrateur, animateur·rice, techniciens de l'EPCI",
    rule: editsAllDiagnostics,
  },
  'diagnostic.consultation.manage': {
    label: 'Créer ou supprimer une consultation',
    who: "administrateur, animateur·rice, techniciens de l'EPCI ; élus et techniciens d'une commune participante pour une consultation de leur seule commune",
    rule: (i) => editsAllDiagnostics(i) || ofParticipatingCommune(i, i.diagnostic?.communeId),
  },
  'diagnostic.consultation.contribute': {
    label: 'Compléter une consultation (compte rendu, besoins exprimés)',
    who: "les mêmes, et les partenaires qui y ont pris part",
    rule: (i) => {
      if (editsAllDiagnostics(i) || tookPartInConsultation(i)) return true;
      const communeIds = i.diagnostic?.consultation?.communeIds ?? [];
      return communeIds.length > 0 && communeIds.every((id) => ofParticipatingCommune(i, id));
    },
  },
} satisfies Record<string, AbilityDefinition>;

export type Action = keyof typeof ABILITIES;

export const ACTIONS = Object.keys(ABILITIES) as Action[];

/** Evaluates one action. Pure: the server's policy module feeds it the facts it loaded. */
export function evaluateAbility(action: Action, input: AbilityInput): boolean {
  return ABILITIES[action].rule(input);
}

/** All actions the actor may perform on a project (sent to the client as `myAbilities`). */
export function abilitiesOn(input: AbilityInput): Action[] {
  return ACTIONS.filter((a) => evaluateAbility(a, input));
}
