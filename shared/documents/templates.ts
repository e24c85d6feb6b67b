/**
 * Initial content of each document kind, as data. The server seeds it once, at creation, through the
 * collaboration service (never the client: two browsers seeding the same empty document duplicated its content).
 * Sections follow domain.md (e.g. the standard sections of a service commun convention).
 */
import type { JSONContent } from '@tiptap/core';
import type { DocumentKind } from './kinds.js';

/** One section of a template: an h2 heading followed by a short placeholder paragraph. */
export type TemplateSection = { heading: string; placeholder: string };

export const DOCUMENT_TEMPLATES: Record<DocumentKind, readonly TemplateSection[]> = {
  scenario: [
    { heading: 'Présentation', placeholder: 'Résumez le scénario en quelques lignes.' },
    { heading: 'Communes participantes', placeholder: 'Listez les communes concernées et leur rôle.' },
    { heading: 'Instrument juridique', placeholder: 'Service commun, mise à disposition, entente… et sa base légale.' },
    { heading: 'Organisation cible', placeholder: 'ETP, encadrement, équipements conservés, lieux d’accueil.' },
    { heading: 'Coûts et clé de répartition', placeholder: 'Coût total, coût par habitant, unité de fonctionnement, contribution de chaque commune.' },
    { heading: 'Impact sur les personnels', placeholder: 'Agents concernés, transferts ou mises à disposition.' },
    { heading: 'Avantages et points de vigilance', placeholder: 'Ce que le scénario apporte aux politiques communales et ses risques.' },
  ],
  cadre_strategique: [
    { heading: 'Objectifs', placeholder: 'Ce que la mutualisation doit permettre d’atteindre.' },
    { heading: 'Principes', placeholder: 'Les principes partagés par les communes (équité, proximité, subsidiarité…).' },
    { heading: 'Gouvernance', placeholder: 'Instances, rôle des élus communaux, modalités de décision.' },
  ],
  plan_actions: [
    { heading: 'Axes', placeholder: 'Les axes du cadre stratégique que le plan décline.' },
    { heading: 'Actions', placeholder: 'Pour chaque action : pilote, partenaires, échéance, budget, indicateur.' },
    { heading: 'Calendrier', placeholder: 'Les grandes étapes de mise en œuvre.' },
    { heading: 'Suivi et évaluation', placeholder: 'Indicateurs et rythme du suivi.' },
  ],
  convention: [
    { heading: 'Parties et visas', placeholder: 'Désignation des parties, textes visés et délibérations.' },
    { heading: 'Objet', placeholder: 'Objet de la convention et service concerné.' },
    { heading: 'Périmètre', placeholder: 'Missions confiées et communes concernées.' },
    { heading: 'Organisation', placeholder: 'Autorité fonctionnelle et hiérarchique, lieux d’exercice.' },
    { heading: 'Personnel', placeholder: 'Liste des agents, transfert ou mise à disposition, quotité, rémunération.' },
    { heading: 'Locaux, matériels et logiciels', placeholder: 'Biens mis à disposition et conditions d’utilisation.' },
    { heading: 'Contrats en cours', placeholder: 'Contrats repris ou poursuivis et leurs conditions.' },
    { heading: 'Dispositions financières', placeholder: 'Coût du service, clé de répartition, imputation sur l’attribution de compensation ou remboursement, échéancier, régularisation.' },
    { heading: 'Durée', placeholder: 'Date d’effet et durée de la convention.' },
    { heading: 'Comité de suivi', placeholder: 'Composition et fréquence des réunions.' },
    { heading: 'Évaluation annuelle', placeholder: 'Bilan annuel présenté aux conseils.' },
    { heading: 'Avenants et adhésion', placeholder: 'Modification de la convention, adhésion d’une nouvelle commune.' },
    { heading: 'Résiliation et retrait', placeholder: 'Conditions et préavis de retrait d’une commune ou de résiliation.' },
    { heading: 'Litiges', placeholder: 'Règlement amiable puis juridiction compétente.' },
  ],
  avenant: [
    { heading: 'Parties et visas', placeholder: 'Parties à l’avenant, convention modifiée et délibérations.' },
    { heading: 'Objet de l’avenant', placeholder: 'Ce que l’avenant modifie (par exemple l’adhésion d’une commune).' },
    { heading: 'Modifications apportées', placeholder: 'Articles de la convention modifiés et nouvelle rédaction.' },
    { heading: 'Dispositions financières', placeholder: 'Effet sur la clé de répartition et les contributions.' },
    { heading: 'Date d’effet', placeholder: 'Date à laquelle l’avenant s’applique.' },
    { heading: 'Autres dispositions', placeholder: 'Les autres stipulations de la convention demeurent inchangées.' },
  ],
  compte_rendu: [
    { heading: 'Date, lieu et participants', placeholder: 'Instance réunie, présents, excusés.' },
    { heading: 'Ordre du jour', placeholder: 'Points abordés.' },
    { heading: 'Échanges', placeholder: 'Synthèse des débats, point par point.' },
    { heading: 'Décisions', placeholder: 'Décisions prises et avis exprimés.' },
    { heading: 'Suites à donner', placeholder: 'Qui fait quoi, pour quand.' },
  ],
  synthese: [
    { heading: 'Contexte', placeholder: 'Rappel de la démarche et des communes engagées.' },
    { heading: 'Constats du diagnostic', placeholder: 'Services, agents, équipements et budgets existants.' },
    { heading: 'Besoins exprimés', placeholder: 'Besoins et attentes des communes et des partenaires.' },
    { heading: 'Enjeux', placeholder: 'Ce qui doit guider le choix d’un scénario.' },
    { heading: 'Pistes de scénarios', placeholder: 'Les scénarios à étudier.' },
  ],
  fiche_impact: [
    { heading: 'Organisation', placeholder: 'Effets sur l’organisation des services.' },
    { heading: 'Conditions de travail', placeholder: 'Lieux, horaires, encadrement, moyens.' },
    { heading: 'Rémunération', placeholder: 'Effets sur la rémunération des agents.' },
    { heading: 'Droits acquis', placeholder: 'Maintien des droits acquis et du régime indemnitaire.' },
  ],
  note: [],
};

/** The ProseMirror JSON of a kind's initial content: h2 + placeholder per section, or one empty paragraph. */
export function templateContent(kind: DocumentKind): JSONContent {
  const sections = DOCUMENT_TEMPLATES[kind];
  if (sections.length === 0) return { type: 'doc', content: [{ type: 'paragraph' }] };
  return {
    type: 'doc',
    content: sections.flatMap((s) => [
      { type: 'heading', attrs: { level: 2 }, content: [{ type: 'text', text: s.heading }] },
      { type: 'paragraph', content: [{ type: 'text', text: s.placeholder }] },
    ]),
  };
}

/** The headings a freshly created document of this kind has, in order (tests and the creation dialog preview). */
export function templateHeadings(kind: DocumentKind): string[] {
  return DOCUMENT_TEMPLATES[kind].map((s) => s.heading);
}
