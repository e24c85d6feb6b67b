/**
 * The comparison laid out as labelled rows (one value per scenario), shared by the page's table, the XLSX and the
 * PDF exports so that all three show the same lines in the same order and with the same French labels.
 */
import type { ScenarioComparisonDto } from './api.js';
import { centsToEuroText } from '../diagnostic/numbers.js';

/** How a value is written: money in cents, ETP, a count, a percentage or text. */
export type CellUnit = 'cents' | 'etp' | 'count' | 'pct' | 'text';

/** One line of the table: a label and one value per compared scenario (null = not available). */
export type ComparisonLine = { label: string; unit: CellUnit; values: (number | string | null)[] };

/** A titled block of lines. */
export type ComparisonSection = { title: string; lines: ComparisonLine[] };

/** French text of a value (« 1 234,56 € », « 2,5 ETP », « — » when missing). */
export function formatCell(value: number | string | null, unit: CellUnit): string {
  if (value === null) return '—';
  if (typeof value === 'string') return value;
  switch (unit) {
    case 'cents':
      return `${centsToEuroText(Math.round(value), true)} €`;
    case 'etp':
      return `${String(value).replace('.', ',')} ETP`;
    case 'pct':
      return `${String(value).replace('.', ',')} %`;
    default:
      return String(value).replace('.', ',');
  }
}

/** Sections of the comparison: costs, organisation, equipment, then each commune's contribution and delta. */
export function comparisonSections(c: ScenarioComparisonDto): ComparisonSection[] {
  const col = <T>(f: (s: ScenarioComparisonDto['scenarios'][number], i: number) => T) => c.scenarios.map(f);
  const detail = (id: string) => c.details.find((d) => d.id === id)!;
  const sections: ComparisonSection[] = [
    {
      title: 'Scénario',
      lines: [
        { label: 'Instrument juridique', unit: 'text', values: col((s) => s.instrumentLabel) },
        { label: 'Statut', unit: 'text', values: col((s) => ({ brouillon: 'Brouillon', presente: 'Présenté', retenu: 'Retenu', ecarte: 'Écarté' })[detail(s.id).status]) },
        { label: 'Communes du périmètre', unit: 'count', values: col((s) => detail(s.id).figures.communes.length) },
        { label: 'Conforme aux règles de l’instrument', unit: 'text', values: col((s) => (s.blocking ? 'Non' : 'Oui')) },
      ],
    },
    {
      title: 'Coûts annuels',
      lines: [
        { label: 'Coût net actuel des communes', unit: 'cents', values: col((s) => detail(s.id).figures.cost?.current.netCents ?? null) },
        { label: 'Coût annuel projeté', unit: 'cents', values: col((s) => s.yearlyCostCents) },
        { label: 'Recettes attendues (dont CAF)', unit: 'cents', values: col((s) => detail(s.id).figures.cost?.projected.revenueCents ?? null) },
        { label: 'Coût net projeté', unit: 'cents', values: col((s) => s.netCents) },
        { label: 'Écart avec aujourd’hui', unit: 'cents', values: col((s) => s.deltaNetCents) },
        { label: 'Coût net par habitant', unit: 'cents', values: col((s) => s.netPerInhabitantCents) },
        { label: 'Coûts ponctuels non amortis', unit: 'cents', values: col((s) => detail(s.id).figures.cost?.projected.oneOffSeparateCents ?? null) },
      ],
    },
    {
      title: 'Organisation cible',
      lines: [
        { label: 'ETP employés par l’EPCI', unit: 'etp', values: col((s) => s.etp.epci) },
        { label: 'ETP employés par les communes', unit: 'etp', values: col((s) => s.etp.commune) },
        { label: 'ETP au total', unit: 'etp', values: col((s) => s.etp.total) },
      ],
    },
    {
      title: 'Équipements',
      lines: [
        { label: 'Conservés', unit: 'count', values: col((s) => s.equipment.conserve) },
        { label: 'Partagés', unit: 'count', values: col((s) => s.equipment.partage) },
        { label: 'Fermés', unit: 'count', values: col((s) => s.equipment.ferme) },
      ],
    },
  ];
  sections.push({
    title: 'Contribution annuelle par commune',
    lines: c.communes.map((r) => ({ label: r.name, unit: 'cents' as const, values: col((s) => r.byScenario[s.id]?.contributionCents ?? null) })),
  });
  sections.push({
    title: 'Écart de chaque commune avec sa dépense actuelle',
    lines: c.communes.map((r) => ({ label: r.name, unit: 'cents' as const, values: col((s) => r.byScenario[s.id]?.deltaCents ?? null) })),
  });
  return sections;
}
