/**
 * Abilities of the deliberation features: comments and amendments, programmes and rounds, scenarios and the
 * convention, workshops (see `abilities.ts` for the whole table). Rules that depend on a record's own facts (the author
 * of a thread resolving it, a round's invited communes, a poll's voting rule) are checked by the feature's service on
 * top of these.
 */
import type { AbilityDefinition } from './ability-types.js';
import {
  canAccessProject,
  canWriteProjectTexts,
  controlsProject,
  ofTargetCommuneWithAccess,
  speaksInProject,
  preparesProject,
} from './ability-rules.js';

const EDITORS = "administrateur, animateur·rice, élus et techniciens de l'EPCI et des communes participantes";
const PREPARERS = "administrateur, animateur·rice, élus et techniciens de l'EPCI";
const CONTROLLERS = 'animateur·rice, administrateur';
const SPEAKERS = 'toute personne ayant accès au projet, sauf les observateurs';

export const DELIBERATION_ABILITIES = {
  // — Comments and amendments
  'comment.read': { label: 'Lire les commentaires', who: 'toute personne ayant accès au projet', rule: canAccessProject },
  'comment.create': {
    label: 'Commenter un passage, une donnée du diagnostic ou un scénario (et répondre)',
    who: `${SPEAKERS} (les partenaires là où ils sont invités)`,
    rule: speaksInProject,
  },
  'comment.moderate': {
    label: "Résoudre ou rouvrir n'importe quel fil de commentaires",
    who: `${EDITORS} ; l'auteur·rice d'un fil peut toujours résoudre le sien`,
    rule: canWriteProjectTexts,
  },
  'amendment.propose': { label: 'Proposer un amendement, le soutenir ou s’y opposer', who: SPEAKERS, rule: speaksInProject },
  'amendment.decide': {
    label: 'Accepter ou rejeter un amendement',
    who: "animateur·rice, administrateur ; les personnes qui co-écrivent le document si l'animateur·rice le permet",
    rule: (i) => {
      if (i.document?.archived) return false;
      if (controlsProject(i)) return true;
      return !!i.project?.editorsDecideAmendments && !i.document?.locked && canWriteProjectTexts(i);
    },
  },
  // — Programmes communaux and rounds
  'programme.read': { label: 'Consulter les programmes communaux', who: 'toute personne ayant accès au projet', rule: canAccessProject },
  'programme.write': {
    label: "Tenir le programme d'actions d'une commune",
    who: `${CONTROLLERS} ; élus et techniciens de cette commune`,
    rule: (i) => controlsProject(i) || ofTargetCommuneWithAccess(i),
  },
  'round.read': { label: 'Consulter les tours de table', who: 'toute personne ayant accès au projet', rule: canAccessProject },
  'round.manage': {
    label: 'Ouvrir, modifier, clore un tour de table et éditer sa synthèse',
    who: CONTROLLERS,
    rule: controlsProject,
  },
  'round.position.set': {
    label: "Exprimer la position d'une commune dans un tour de table",
    who: 'élu·e communal·e de cette commune seulement (commune invitée au tour)',
    rule: (i) => i.actor.role === 'elu_communal' && ofTargetCommuneWithAccess(i),
  },
  // — Scenarios, arbitration, action plan, convention
  'scenario.read': { label: 'Consulter les scénarios et leur comparaison', who: 'toute personne ayant accès au projet', rule: canAccessProject },
  'scenario.write': { label: 'Construire et modifier les scénarios', who: PREPARERS, rule: preparesProject },
  'scenario.decide': { label: 'Arbitrer : retenir un scénario', who: CONTROLLERS, rule: controlsProject },
  'action_plan.write': { label: "Tenir le plan d'actions", who: PREPARERS, rule: preparesProject },
  'convention.generate': {
    label: 'Générer la convention, ses annexes, la fiche d’impact et les avenants',
    who: PREPARERS,
    rule: preparesProject,
  },
  'deliberation.record': {
    label: "Enregistrer la délibération d'une commune",
    who: `${CONTROLLERS} ; élus et techniciens de cette commune`,
    rule: (i) => controlsProject(i) || ofTargetCommuneWithAccess(i),
  },
  'membership.manage': {
    label: "Enregistrer l'adhésion ou le retrait d'une commune, l'évaluation annuelle",
    who: CONTROLLERS,
    rule: controlsProject,
  },
  // — Workshops
  'workshop.read': { label: 'Consulter les séances', who: 'toute personne ayant accès au projet', rule: canAccessProject },
  'workshop.control': {
    label: 'Préparer et animer une séance (ordre du jour, déroulé, verrous, parole, sondages, relevé de décisions)',
    who: CONTROLLERS,
    rule: controlsProject,
  },
  'workshop.participate': {
    label: 'Participer à une séance (émargement, demande de parole, vote)',
    who: SPEAKERS,
    rule: speaksInProject,
  },
} satisfies Record<string, AbilityDefinition>;

