/**
 * The pre-filled text of an avenant of adhesion: a commune joins a signed convention. The signed convention is never
 * touched; the avenant carries its own annexes 1 and 2 with the new perimeter and allocation.
 */
import { bullets, labelled, paragraph } from './blocks.js';
import { partyLines, type SectionBodies } from './convention-text.js';
import { count, euros, frenchDate, type ConventionFacts, type FactsCommune } from './facts.js';

/** What the avenant is about: its number, the joining commune, the convention it amends. */
export type AvenantContext = { number: number; commune: FactsCommune; conventionTitle: string; signedOn: string | null; effectiveOn: string | null };

/** Body of the avenant's sections; `after` is the perimeter with the joining commune (allocation recomputed). */
export function avenantBodies(before: ConventionFacts, after: ConventionFacts, a: AvenantContext): SectionBodies {
  const share = after.allocation?.communes.find((c) => c.insee === a.commune.insee);
  return {
    'Parties et visas': [
      paragraph('Entre les soussignés :'),
      bullets(partyLines(before, [a.commune])),
      paragraph(`Vu la convention « ${a.conventionTitle} » signée le ${frenchDate(a.signedOn)} ; vu la délibération du conseil municipal de ${a.commune.name} n° … du … demandant son adhésion ; vu les délibérations concordantes des parties.`),
    ],
    'Objet de l’avenant': [
      paragraph(`Le présent avenant n° ${a.number} a pour objet l'adhésion de la commune de ${a.commune.name} (code INSEE ${a.commune.insee}, ${count(a.commune.population)} habitants) à la convention.`),
    ],
    'Modifications apportées': [
      paragraph(`L'article « Périmètre » est complété : la commune de ${a.commune.name} est ajoutée aux communes concernées.`),
      paragraph('Les annexes 1 (communes parties) et 2 (tableau de répartition) de la convention sont remplacées par les annexes 1 et 2 du présent avenant.'),
    ],
    'Dispositions financières': [
      share
        ? labelled(`Contribution annuelle de ${a.commune.name}`, `${euros(share.contributionCents)} (${count(share.sharePct)} % du coût net). Les contributions des autres communes sont recalculées selon la même clé.`)
        : paragraph(`La contribution de ${a.commune.name} n'a pas pu être calculée : ${after.allocationErrors.join(' ') || 'la clé de répartition n’est pas définie.'} Elle est à compléter avant délibération.`),
    ],
    'Date d’effet': [paragraph(a.effectiveOn ? `Le présent avenant prend effet le ${frenchDate(a.effectiveOn)}, après délibération et signature de toutes les parties.` : 'Le présent avenant prend effet après délibération et signature de toutes les parties.')],
    'Autres dispositions': [paragraph('Les autres stipulations de la convention demeurent inchangées.')],
  };
}
