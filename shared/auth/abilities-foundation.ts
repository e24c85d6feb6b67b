/** Abilities of the foundation, documents and diagnostic (see `abilities.ts` for the whole table). */
import type { AbilityDefinition } from './ability-types.js';
import {
  isAdmin,
  isFacilitator,
  isEpci,
  canAccessProject,
  canWriteProjectTexts,
  controlsProject,
  editsAllDiagnostics,
  ofParticipatingCommune,
  tookPartInConsultation,
} from './ability-rules.js';

/** Every action, its French label and who may do it (in words, for the docs and the admin screen). */
export const FOUNDATION_ABILITIES = {
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
  // Administrators only: the file holds every participant's data, their notifications and the project's audit trail.
  'project.export': { label: 'Exporter le projet entier (fichier de transfert)', who: 'administrateur', rule: isAdmin },
  'project.import': { label: 'Importer un projet exporté', who: 'administrateur', rule: isAdmin },
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


