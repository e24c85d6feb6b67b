/**
 * The pre-filled cadre stratégique (objectives, principles, governance) and fiche d'impact, from the retained
 * scenario. The objectives also seed the action plan's objectives, so that each action links to one of them.
 */
import type { JSONContent } from '@tiptap/core';
import { INSTRUMENT_DEFS } from '../scenarios/instruments.js';
import { citeRefs, FINANCING_MODE_LABELS } from '../scenarios/types.js';
import { bullets, paragraph } from './blocks.js';
import { count, euros, keyLabel, totalPopulation, type ConventionFacts } from './facts.js';
import type { SectionBodies } from './convention-text.js';

/** A strategic objective: a short label (action plan) and the sentence written in the cadre. */
export type Objective = { label: string; detail: string };

/** The objectives drawn from the scenario, in order. */
export function cadreObjectives(f: ConventionFacts): Objective[] {
  const pop = totalPopulation(f.communes);
  const out: Objective[] = [
    {
      label: 'Un service de proximité sur tout le périmètre',
      detail: `Offrir le ${f.project.serviceLabel} aux habitants des ${f.communes.length} communes du périmètre (${f.communes.map((c) => c.name).join(', ')} ; ${count(pop)} habitants), au plus près de leurs besoins.`,
    },
  ];
  const p = f.cost?.projected;
  if (p) {
    const delta = f.cost?.deltaNetCents ?? null;
    const trend = delta === null ? '' : delta <= 0 ? `, soit ${euros(-delta)} de moins qu'aujourd'hui` : `, soit ${euros(delta)} de plus qu'aujourd'hui pour un service renforcé`;
    out.push({ label: 'Un coût net maîtrisé', detail: `Tenir le coût net annuel du service à ${euros(p.netCents)} (${euros(p.netPerInhabitantCents)} par habitant)${trend}.` });
    out.push({ label: 'Une équipe mutualisée', detail: `Constituer une équipe de ${count(p.etp.total)} ETP, avec des perspectives de carrière et des remplacements assurés.` });
    const kept = p.equipmentCounts.conserve + p.equipmentCounts.partage;
    if (kept > 0) out.push({ label: 'Des équipements partagés', detail: `Faire vivre ${kept} équipement(s) ouvert(s) aux habitants de toutes les communes, dont ${p.equipmentCounts.partage} partagé(s).` });
  }
  out.push({ label: 'Des programmes communaux renforcés', detail: 'Que la mutualisation renforce les actions prévues par chaque commune dans son programme politique.' });
  return out;
}

/** Body of the cadre stratégique's sections: Objectifs, Principes, Gouvernance. */
export function cadreBodies(f: ConventionFacts): SectionBodies {
  const def = INSTRUMENT_DEFS[f.scenario.instrument];
  const mode = f.scenario.financingMode;
  return {
    Objectifs: [paragraph(`Le scénario « ${f.scenario.title} » a été retenu. Il poursuit les objectifs suivants :`), bullets(cadreObjectives(f).map((o) => `${o.label} : ${o.detail}`))],
    Principes: [
      bullets([
        `Cadre juridique : ${def.label} (${citeRefs(def.basis)}) ; ${def.participants.toLowerCase()}.`,
        `Équité : chaque commune contribue selon la clé « ${keyLabel(f.scenario.allocationKey)} »${mode ? ` ; financement par ${FINANCING_MODE_LABELS[mode].toLowerCase()}` : ''}.`,
        'Proximité et subsidiarité : le service s’exerce au plus près des habitants ; chaque maire garde la main sur les missions exercées pour sa commune.',
        'Progressivité : d’autres communes peuvent rejoindre la démarche par avenant.',
        'Transparence : un bilan annuel est présenté à chaque conseil.',
      ]),
    ],
    Gouvernance: [
      bullets([
        `Comité de pilotage (COPIL) : les élu·es référent·es de chaque commune, présidé par le·la vice-président·e de ${f.territory.name} ; il arbitre et suit le plan d’actions.`,
        'Comité technique (COTECH) : technicien·nes communaux et communautaires, partenaires (CAF, département) ; il prépare les décisions.',
        'Conférence des maires : elle est consultée sur les évolutions du périmètre et de la clé de répartition.',
        'Comité de suivi de la convention : il se réunit au moins deux fois par an et prépare l’évaluation annuelle.',
      ]),
    ],
  };
}

/** Body of the fiche d'impact (organisation, working conditions, pay, acquired rights), where the instrument requires it. */
export function ficheImpactBodies(f: ConventionFacts): SectionBodies {
  const etp = f.cost?.projected.etp;
  const byCommune = new Map<string, number>();
  for (const a of f.agents) byCommune.set(a.communeName, (byCommune.get(a.communeName) ?? 0) + 1);
  return {
    Organisation: [
      paragraph(`Le service est porté par ${f.scenario.managingBodyName}.${etp ? ` L'organisation cible compte ${count(etp.total)} ETP, dont ${count(etp.epci)} employés par ${f.territory.name}.` : ''}`),
      bullets(byCommune.size ? [...byCommune].map(([name, n]) => `${name} : ${n} agent(s) concerné(s) au diagnostic`) : ['Aucun agent recensé au diagnostic.']),
    ],
    'Conditions de travail': [
      paragraph('Lieux d’exercice : les équipements conservés ou partagés (annexe 5 de la convention). Horaires, cycles de travail, encadrement et moyens matériels : à préciser avec les agents et présenter au comité social territorial.'),
    ],
    Rémunération: [
      paragraph('Les agents transférés ou mis à disposition conservent, s’ils y ont intérêt, le bénéfice du régime indemnitaire qui leur était applicable. Les écarts de régime indemnitaire entre employeurs sont recensés ici.'),
    ],
    'Droits acquis': [
      paragraph('Les agents conservent, à titre individuel, les avantages acquis (action sociale, temps de travail, compte épargne-temps) ; leur situation individuelle est présentée à chacun avant le transfert.'),
    ],
  };
}
