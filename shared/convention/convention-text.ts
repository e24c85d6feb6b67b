/**
 * The pre-filled text of the convention, section by section (the standard sections of domain.md, in the order of the
 * `convention` template). Written from the retained scenario; the parties then co-write it. The legal references
 * come from the instruments table (`INSTRUMENT_DEFS`), never from literals here.
 */
import type { JSONContent } from '@tiptap/core';
import { INSTRUMENT_DEFS } from '../scenarios/instruments.js';
import { citeRefs, FINANCING_MODE_LABELS } from '../scenarios/types.js';
import { bullets, labelled, paragraph } from './blocks.js';
import { count, euros, frenchDate, keyLabel, totalPopulation, type ConventionFacts } from './facts.js';

/** Heading → body blocks; headings are exactly those of the `convention` template. */
export type SectionBodies = Record<string, JSONContent[]>;

/** The parties as listed in « Parties et visas » (and in an avenant). */
export function partyLines(f: ConventionFacts, extra: ConventionFacts['communes'] = []): string[] {
  const lines: string[] = [];
  if (f.scenario.epciParty) {
    lines.push(`${f.territory.name} (SIREN ${f.territory.siren}), représentée par son·sa président·e, dûment habilité·e par délibération du conseil communautaire n° … du …`);
  }
  for (const c of [...f.communes, ...extra]) {
    lines.push(`La commune de ${c.name} (code INSEE ${c.insee}), représentée par son maire, dûment habilité·e par délibération du conseil municipal n° … du …`);
  }
  for (const p of f.scenario.otherParties) lines.push(`${p.name}, représenté·e par son exécutif, dûment habilité·e par délibération n° … du …`);
  return lines;
}

function staffText(f: ConventionFacts): JSONContent[] {
  const def = INSTRUMENT_DEFS[f.scenario.instrument];
  const etp = f.cost?.projected.etp;
  const out: JSONContent[] = [];
  if (etp) out.push(paragraph(`L'organisation cible compte ${count(etp.total)} ETP : ${count(etp.epci)} ETP employés par ${f.territory.name} et ${count(etp.commune)} ETP employés par les communes.`));
  if (f.posts.length) {
    out.push(bullets(f.posts.map((p) => `${p.label} : ${p.count} poste(s) à ${count(p.etpPerPost * 100)} % — ${p.employer === 'epci' ? f.territory.name : `commune de ${p.communeName ?? '…'}`}${p.category ? `, catégorie ${p.category}` : ''}`)));
  }
  if (f.scenario.instrument === 'service_commun') {
    out.push(paragraph(`Les fonctionnaires et agents contractuels qui remplissent en totalité leurs fonctions dans le service mis en commun sont transférés de plein droit ; ceux qui les remplissent en partie sont mis à disposition de plein droit, pour le temps de travail consacré au service (${citeRefs(def.basis)}). Ils conservent, s'ils y ont intérêt, leur régime indemnitaire et, à titre individuel, les avantages acquis.`));
  } else if (f.scenario.instrument === 'mise_a_disposition') {
    out.push(paragraph(`Les agents affectés au service sont mis à disposition de plein droit, pour la durée de la convention, pour la quotité de temps consacrée au service (${citeRefs(def.basis)}).`));
  } else {
    out.push(paragraph('Les agents restent employés par leur collectivité d’origine ; leur situation est précisée par les parties.'));
  }
  out.push(paragraph('La liste des agents concernés figure en annexe 4.'));
  return out;
}

function financeText(f: ConventionFacts): JSONContent[] {
  const p = f.cost?.projected;
  const out: JSONContent[] = [];
  if (p) {
    out.push(labelled('Coût annuel prévisionnel du service', `${euros(p.yearlyCostCents)}, recettes attendues ${euros(p.revenueCents)} (dont CAF ${euros(p.cafRevenueCents)}), soit un coût net de ${euros(p.netCents)} (${euros(p.netPerInhabitantCents)} par habitant).`));
  } else {
    out.push(paragraph('Le coût annuel prévisionnel du service est à compléter.'));
  }
  out.push(labelled('Clé de répartition', `${keyLabel(f.scenario.allocationKey)} ; le tableau de répartition figure en annexe 2 et la méthode de calcul en annexe 3.`));
  const mode = f.scenario.financingMode;
  out.push(labelled('Financement', mode ? FINANCING_MODE_LABELS[mode] : 'à définir'));
  if (mode === 'imputation_ac') {
    out.push(paragraph("La contribution de chaque commune est imputée sur son attribution de compensation ; l'effet de l'imputation est présenté à la commission locale d'évaluation des charges transférées."));
  } else {
    out.push(paragraph('Les contributions sont appelées par titre de recettes selon un échéancier trimestriel.'));
  }
  out.push(paragraph('Une régularisation intervient chaque année au vu du coût réel constaté au compte administratif de l’exercice précédent.'));
  return out;
}

/** The pre-filled body of every section of the convention. */
export function conventionBodies(f: ConventionFacts): SectionBodies {
  const def = INSTRUMENT_DEFS[f.scenario.instrument];
  const law = citeRefs(def.basis);
  const pop = totalPopulation(f.communes);
  const names = f.communes.map((c) => c.name).join(', ');
  const equipment = f.cost?.projected.equipmentCounts;
  const visas = [`Vu le code général des collectivités territoriales, et notamment ${law} ;`];
  if (def.requirements.avisCst) visas.push('Vu l’avis du comité social territorial en date du … ;');
  if (f.arbitration) visas.push(`Vu la décision du ${f.arbitration.bodyLabel} du ${frenchDate(f.arbitration.date)} retenant le scénario « ${f.scenario.title} » ;`);
  visas.push('Vu les délibérations concordantes des parties ;');

  return {
    'Parties et visas': [paragraph('Entre les soussignés :'), bullets(partyLines(f)), paragraph(visas.join(' ')), paragraph('Il est convenu ce qui suit.')],
    Objet: [
      paragraph(`La présente convention a pour objet d'organiser le ${f.project.serviceLabel} sous la forme d'un ${def.label.toLowerCase()} (${law}), selon le scénario « ${f.scenario.title} » retenu par les élus.`),
      ...(f.scenario.summary ? [paragraph(f.scenario.summary)] : []),
    ],
    Périmètre: [
      labelled('Missions confiées', f.missions.length ? f.missions.join(', ') : 'à préciser'),
      labelled('Communes concernées', `${names} (${f.communes.length} communes, ${count(pop)} habitants).`),
      paragraph('La liste des communes parties, avec leur code INSEE et leur population, figure en annexe 1.'),
    ],
    Organisation: [
      paragraph(`Le service est porté par ${f.scenario.managingBodyName}, qui en assure la gestion. Les agents sont placés sous l'autorité hiérarchique de l'exécutif de la structure qui les emploie ; chaque maire adresse au chef de service les instructions nécessaires pour les missions exercées pour le compte de sa commune et en contrôle l'exécution.`),
      paragraph('Les lieux d’exercice du service sont les équipements conservés ou partagés listés en annexe 5.'),
    ],
    Personnel: staffText(f),
    'Locaux, matériels et logiciels': [
      paragraph(equipment
        ? `Le scénario retenu conserve ${equipment.conserve} équipement(s), en partage ${equipment.partage} entre communes et en ferme ${equipment.ferme}. Les biens sont mis à disposition gratuitement pour la durée de la convention ; la structure qui les utilise en assure l'entretien courant.`
        : 'Les biens mis à disposition et leurs conditions d’utilisation sont à compléter.'),
      paragraph('L’inventaire des équipements figure en annexe 5.'),
    ],
    'Contrats en cours': [
      paragraph('Les contrats en cours se rapportant au service sont exécutés dans les conditions antérieures jusqu’à leur échéance, sauf accord contraire des parties. La substitution de personne morale n’entraîne aucun droit à résiliation ou à indemnisation pour le cocontractant.'),
      paragraph('Liste des contrats concernés : à compléter par chaque partie.'),
    ],
    'Dispositions financières': financeText(f),
    Durée: [paragraph('La présente convention prend effet à la date à laquelle elle est rendue exécutoire, après délibération de toutes les parties et signature. Elle est conclue pour une durée de trois ans, renouvelable par reconduction expresse.')],
    'Comité de suivi': [
      paragraph(`Un comité de suivi réunit un·e élu·e de chaque partie (${f.scenario.epciParty ? `${f.territory.name}, ` : ''}${names}) et le·la vice-président·e délégué·e, qui le préside. Il se réunit au moins deux fois par an ; les technicien·nes du service y assistent.`),
    ],
    'Évaluation annuelle': [
      paragraph('Un bilan annuel est présenté à chaque conseil : coût net réel et par habitant, effectifs (ETP), fréquentation des équipements, avancement du plan d’actions, remarques des communes. Il propose, le cas échéant, l’ajustement de la clé de répartition.'),
    ],
    'Avenants et adhésion': [
      paragraph('Toute modification de la présente convention fait l’objet d’un avenant approuvé par délibérations concordantes des parties.'),
      paragraph(`L’adhésion d’une nouvelle commune${def.communes === 'membres' ? ` membre de ${f.territory.name}` : ''} se fait par avenant, après délibération de son conseil municipal ; les annexes 1 (communes) et 2 (répartition) sont alors mises à jour dans l’avenant.`),
    ],
    'Résiliation et retrait': [
      paragraph('Une partie peut se retirer par délibération notifiée aux autres parties au moins six mois avant la fin de l’exercice en cours. Le retrait prend effet au 1er janvier suivant ; ses conséquences financières, patrimoniales et la situation des agents sont réglées par avenant.'),
      paragraph('La convention peut être résiliée d’un commun accord, par délibérations concordantes.'),
    ],
    Litiges: [paragraph('Les parties s’efforcent de régler à l’amiable les différends nés de l’application de la présente convention. À défaut, le litige est porté devant le tribunal administratif territorialement compétent.')],
  };
}
