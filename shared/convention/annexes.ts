/**
 * The annexes of a convention (domain.md: « Annexes »), generated from data as tables: communes with INSEE code and
 * population, the allocation table, the unit-cost method, the agents concerned and the equipment inventory.
 *
 * An annex is an identified pair of blocks: a heading « Annexe N — Titre » followed by a table. Regeneration finds
 * the heading by its number and replaces only that table (see `annex-blocks.ts`), so text written around it stays.
 */
import type { JSONContent } from '@tiptap/core';
import { AGENT_STATUSES, CADRES_EMPLOIS, CATEGORIES, EMPLOYERS, EQUIPMENT_TYPES } from '../diagnostic/vocab.js';
import { FINANCING_MODE_LABELS } from '../scenarios/types.js';
import { table, type CellValue } from './blocks.js';
import { count, euros, keyLabel, totalPopulation, type ConventionFacts, type FactsCommune } from './facts.js';

/** The annexes, in order; the number is the position (1-based). */
export const ANNEX_KEYS = ['communes', 'repartition', 'methode', 'agents', 'equipements'] as const;
/** One annex. */
export type AnnexKey = (typeof ANNEX_KEYS)[number];

/** Titles of the annexes (after « Annexe N — »). */
export const ANNEX_TITLES: Record<AnnexKey, string> = {
  communes: 'Communes parties',
  repartition: 'Tableau de répartition',
  methode: 'Méthode du coût unitaire',
  agents: 'Agents concernés',
  equipements: 'Inventaire des équipements',
};

/** A generated annex: its heading text and its table (ProseMirror JSON). */
export type AnnexSpec = { key: AnnexKey; number: number; title: string; table: JSONContent };

/** « Annexe 2 — Tableau de répartition ». */
export function annexHeading(number: number, title: string): string {
  return `Annexe ${number} — ${title}`;
}

/** The number of an annex heading (« Annexe 2 — … », « Annexe 2 - … »), or null for any other text. */
export function annexNumber(headingText: string): number | null {
  const m = /^\s*Annexe\s+(\d{1,2})\s*[—–-]/.exec(headingText);
  return m ? Number(m[1]) : null;
}

const label = (vocab: Readonly<Record<string, string>>, key: string | null) => (key === null ? null : (vocab[key] ?? key));
const pct = (x: number | null | undefined) => (x === null || x === undefined ? null : `${count(x)} %`);
const FATE_LABELS = { conserve: 'Conservé', ferme: 'Fermé', partage: 'Partagé' } as const;

/** Annexe 1: the communes with INSEE code and population, and the total. */
export function communesTable(communes: readonly FactsCommune[]): JSONContent {
  const rows: CellValue[][] = communes.map((c) => [c.name, c.insee, count(c.population), c.member ? 'Oui' : 'Non']);
  rows.push(['Total', `${communes.length} commune${communes.length > 1 ? 's' : ''}`, count(totalPopulation(communes)), '']);
  return table(['Commune', 'Code INSEE', 'Population', "Membre de l'EPCI"], rows);
}

/** Annexe 2: each commune's yearly contribution under the key, or why it cannot be computed yet. */
export function allocationTable(f: Pick<ConventionFacts, 'allocation' | 'allocationErrors' | 'communes' | 'scenario'>): JSONContent {
  const headers = ['Commune', 'Code INSEE', 'Part (%)', 'Contribution annuelle', "Dépense actuelle", 'Écart'];
  if (!f.allocation) {
    const why = f.allocationErrors.length ? f.allocationErrors.join(' ') : 'Aucune clé de répartition n’est encore choisie dans le scénario retenu.';
    return table(headers, [...f.communes.map((c) => [c.name, c.insee, null, null, null, null]), [`Répartition non calculée : ${why}`, '', '', '', '', '']]);
  }
  const rows: CellValue[][] = f.allocation.communes.map((c) => [c.name, c.insee, pct(c.sharePct), euros(c.contributionCents), euros(c.currentSpendingCents), euros(c.deltaCents)]);
  rows.push(['Total', '', '100 %', euros(f.allocation.totalCents), '', '']);
  return table(headers, rows);
}

/** Annexe 3: how the yearly cost is built and divided (unit cost per inhabitant, key, financing). */
export function methodTable(f: Pick<ConventionFacts, 'cost' | 'scenario' | 'communes'>): JSONContent {
  const c = f.cost;
  const p = c?.projected;
  const rows: CellValue[][] = [
    ['Personnel', p ? `${count(p.etp.total)} ETP` : null, euros(p?.staffCents)],
    ['Équipements conservés ou partagés', p ? `${p.equipmentCounts.conserve + p.equipmentCounts.partage} équipement(s)` : null, euros(p?.equipmentCents)],
    ['Autres frais de fonctionnement', '', euros(p?.otherRunningCents)],
    ['Amortissement des dépenses ponctuelles', '', euros(p?.amortisationCents)],
    ['Coût annuel du service', '', euros(p?.yearlyCostCents)],
    ['Recettes attendues', p ? `dont CAF ${euros(p.cafRevenueCents)}` : null, euros(p?.revenueCents)],
    ['Coût net à répartir', '', euros(p?.netCents)],
    ['Population des communes parties', '', count(c?.population ?? totalPopulation(f.communes))],
    ['Coût unitaire : coût net par habitant', '', euros(p?.netPerInhabitantCents)],
    ['Clé de répartition', keyLabel(f.scenario.allocationKey), ''],
    ['Mode de financement', f.scenario.financingMode ? FINANCING_MODE_LABELS[f.scenario.financingMode] : 'à définir', ''],
  ];
  return table(['Élément', 'Base', 'Montant annuel'], rows);
}

/** Annexe 4: the agents of the diagnostic working for the service in the communes of the perimeter. */
export function agentsTable(f: Pick<ConventionFacts, 'agents'>): JSONContent {
  const rows: CellValue[][] = f.agents.map((a) => [
    a.communeName,
    a.jobTitle,
    label(EMPLOYERS, a.employer),
    label(CADRES_EMPLOIS, a.cadreEmplois),
    label(CATEGORIES, a.category),
    label(AGENT_STATUSES, a.status),
    pct(a.quotitePct),
    pct(a.serviceSharePct),
  ]);
  if (rows.length === 0) rows.push(['Aucun agent recensé au diagnostic', '', '', '', '', '', '', '']);
  return table(['Commune', 'Poste', 'Employeur', "Cadre d'emplois", 'Catégorie', 'Statut', 'Quotité', 'Part sur le service'], rows);
}

/** Annexe 5: the equipment of the perimeter and what becomes of it. */
export function equipmentTable(f: Pick<ConventionFacts, 'equipment'>): JSONContent {
  const rows: CellValue[][] = f.equipment.map((e) => [
    e.communeName,
    e.name,
    label(EQUIPMENT_TYPES, e.type),
    e.address,
    count(e.capacity),
    e.areaM2 === null ? null : `${count(e.areaM2)} m²`,
    euros(e.runningCostCents),
    e.fate ? FATE_LABELS[e.fate] : 'Non décidé',
  ]);
  if (rows.length === 0) rows.push(['Aucun équipement recensé au diagnostic', '', '', '', '', '', '', '']);
  return table(['Commune', 'Équipement', 'Type', 'Adresse', 'Capacité', 'Surface', 'Coût de fonctionnement', 'Devenir'], rows);
}

/** Every annex of the convention, numbered in order. */
export function buildAnnexes(f: ConventionFacts): AnnexSpec[] {
  const tables: Record<AnnexKey, JSONContent> = {
    communes: communesTable(f.communes),
    repartition: allocationTable(f),
    methode: methodTable(f),
    agents: agentsTable(f),
    equipements: equipmentTable(f),
  };
  return ANNEX_KEYS.map((key, i) => ({ key, number: i + 1, title: annexHeading(i + 1, ANNEX_TITLES[key]), table: tables[key] }));
}

/** The annexes an avenant of adhesion replaces: the communes and the allocation, with the new perimeter. */
export function buildAvenantAnnexes(f: ConventionFacts): AnnexSpec[] {
  return buildAnnexes(f).filter((a) => a.key === 'communes' || a.key === 'repartition');
}
