/**
 * Labels, units and formulas of the indicators, written once for the help shown in the UI and the export.
 */
import type { Indicators } from './indicators.js';

export type IndicatorUnit = 'etp' | 'cents' | 'count' | 'pct' | 'ratio' | 'years' | 'people';

export type IndicatorDef = { key: keyof Indicators; label: string; unit: IndicatorUnit; formula: string };

/** Scalar indicators in display order (cost per unit, gaps and coverage are shown on their own). */
export const INDICATOR_DEFS: IndicatorDef[] = [
  { key: 'population', label: 'Population municipale', unit: 'people', formula: 'Population officielle (INSEE) des communes.' },
  { key: 'agentCount', label: 'Agents recensés', unit: 'count', formula: 'Nombre de fiches agents.' },
  { key: 'etp', label: 'ETP consacrés au service', unit: 'etp', formula: 'Σ quotité (% d’un temps complet) × part du temps sur le service.' },
  { key: 'etpPer1000', label: 'ETP pour 1 000 habitants', unit: 'ratio', formula: 'ETP ÷ population × 1 000 (communes dont les ETP sont connus).' },
  { key: 'staffCostCents', label: 'Masse salariale consacrée au service', unit: 'cents', formula: 'Σ coût annuel chargé × part du temps sur le service.' },
  { key: 'operatingCents', label: 'Dépenses de fonctionnement', unit: 'cents', formula: 'Σ budgets de fonctionnement des services (masse salariale comprise).' },
  { key: 'investmentCents', label: 'Dépenses d’investissement', unit: 'cents', formula: 'Σ budgets d’investissement des services.' },
  { key: 'revenueCents', label: 'Recettes', unit: 'cents', formula: 'Σ recettes CAF + autres recettes des services.' },
  { key: 'cafRevenueCents', label: 'dont recettes CAF', unit: 'cents', formula: 'Σ recettes CAF des services.' },
  { key: 'netCostCents', label: 'Coût net de fonctionnement', unit: 'cents', formula: 'Dépenses de fonctionnement − recettes (l’investissement n’y entre pas).' },
  { key: 'costPerInhabitantCents', label: 'Coût de fonctionnement par habitant', unit: 'cents', formula: 'Dépenses de fonctionnement ÷ population.' },
  { key: 'netCostPerInhabitantCents', label: 'Coût net par habitant', unit: 'cents', formula: 'Coût net ÷ population.' },
  { key: 'equipmentCount', label: 'Équipements', unit: 'count', formula: 'Nombre d’équipements recensés.' },
  { key: 'equipmentCapacity', label: 'Capacité des équipements (places)', unit: 'count', formula: 'Σ capacités.' },
  { key: 'capacityPer1000', label: 'Places pour 1 000 habitants', unit: 'ratio', formula: 'Capacité ÷ population × 1 000.' },
  { key: 'averageOccupancyPct', label: 'Taux d’occupation moyen', unit: 'pct', formula: 'Moyenne simple des taux d’occupation renseignés des équipements.' },
  { key: 'equipmentRunningCostCents', label: 'Coût de fonctionnement des équipements', unit: 'cents', formula: 'Σ coûts annuels de fonctionnement des équipements.' },
  { key: 'eajePlaces', label: 'Places en crèche / EAJE', unit: 'count', formula: 'Σ capacités des équipements de type crèche / EAJE.' },
  { key: 'placesPer100Under3', label: 'Places pour 100 enfants de moins de 3 ans', unit: 'ratio', formula: 'Places en EAJE ÷ enfants de moins de 3 ans × 100 (si le nombre d’enfants est renseigné).' },
  { key: 'investmentWithGainCents', label: 'Investissements dont le gain est estimé', unit: 'cents', formula: 'Σ budgets d’investissement des services qui indiquent un gain annuel attendu.' },
  { key: 'yearlyGainCents', label: 'Gain annuel attendu', unit: 'cents', formula: 'Σ gains annuels attendus (économie nette ou valeur de service ajoutée par an).' },
  { key: 'roiPct', label: 'Retour sur investissement (par an)', unit: 'pct', formula: 'Gain annuel attendu ÷ coût ponctuel de l’investissement × 100.' },
  { key: 'paybackYears', label: 'Délai de retour sur investissement', unit: 'years', formula: 'Coût ponctuel de l’investissement ÷ gain annuel attendu.' },
  { key: 'acCents', label: 'Attribution de compensation', unit: 'cents', formula: 'Montant annuel déclaré par la commune.' },
  { key: 'operatingRevenueCents', label: 'Recettes réelles de fonctionnement', unit: 'cents', formula: 'Montant déclaré par la commune (compte administratif).' },
  { key: 'netCostShareOfRevenuePct', label: 'Poids du coût net dans les recettes de fonctionnement', unit: 'pct', formula: 'Coût net ÷ recettes réelles de fonctionnement × 100.' },
];

/** General rules, shown once above the indicators. */
export const INDICATOR_RULES = [
  'Une donnée manquante reste affichée comme manquante (—), jamais comme zéro. Une rubrique vide compte pour zéro seulement si la commune l’a soumise ou fait valider.',
  'Les ratios par habitant de l’ensemble ne retiennent que les communes dont la donnée est connue.',
  'Montants arrondis au centime, ETP à deux décimales, autres ratios à une décimale.',
];
