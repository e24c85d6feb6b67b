import { describe, it, expect } from 'vitest';
import { compareScenarios } from '../../../shared/scenarios/comparison.js';
import { comparisonSections, formatCell } from '../../../shared/scenarios/comparison-table.js';
import { computeScenarioFigures } from '../../../shared/scenarios/figures.js';
import type { ScenarioComparisonDto } from '../../../shared/scenarios/api.js';
import { BASE, INPUTS } from './figures-fixtures.js';

const unwrap = <T>(o: { ok: true; value: T } | { ok: false }): T => {
  if (!o.ok) throw new Error('unexpected refusal');
  return o.value;
};

describe('comparison laid out as rows (page, XLSX and PDF)', () => {
  it('formats cells the French way', () => {
    const table: [number | string | null, Parameters<typeof formatCell>[1], string][] = [
      [123_456_78, 'cents', '123\u202f456,78 €'],
      [-139_500_00, 'cents', '-139\u202f500,00 €'],
      [2.5, 'etp', '2,5 ETP'],
      [12.75, 'pct', '12,75 %'],
      [3, 'count', '3'],
      ['Entente', 'text', 'Entente'],
      [null, 'cents', '—'],
    ];
    for (const [v, unit, out] of table) expect(formatCell(v, unit)).toBe(out);
  });

  it('gives one value per scenario on every line, in the order of the comparison', () => {
    const a = computeScenarioFigures(BASE, INPUTS);
    const b = computeScenarioFigures({ ...BASE, instrument: 'entente', financingMode: 'remboursement', posts: [BASE.posts[1]], allocationKey: { kind: 'population' } }, INPUTS);
    const cmp = unwrap(compareScenarios([
      { id: 'a', label: 'A', instrument: 'service_commun', cost: a.cost!, allocation: a.allocation, violations: a.violations },
      { id: 'b', label: 'B', instrument: 'entente', cost: b.cost!, allocation: b.allocation, violations: b.violations },
    ]));
    const dto: ScenarioComparisonDto = { ...cmp, details: [{ id: 'a', title: 'A', status: 'presente', figures: a, equipment: [] }, { id: 'b', title: 'B', status: 'brouillon', figures: b, equipment: [] }] };
    const sections = comparisonSections(dto);
    expect(sections.map((s) => s.title)).toEqual(['Scénario', 'Coûts annuels', 'Organisation cible', 'Équipements', 'Contribution annuelle par commune', 'Écart de chaque commune avec sa dépense actuelle']);
    const line = (label: string) => sections.flatMap((s) => s.lines).find((l) => l.label === label)!.values;
    expect(line('Instrument juridique')).toEqual(['Service commun', 'Entente intercommunale']);
    expect(line('Statut')).toEqual(['Présenté', 'Brouillon']);
    expect(line('Coût net projeté')).toEqual([5_800_000, 1_300_000]);
    expect(line('ETP employés par l’EPCI')).toEqual([1, 0]);
    expect(line('Amont')).toEqual([4_640_000, 866_667]);
    expect(sections[5].lines.map((l) => l.values)).toEqual([[-5_360_000, -9_133_333], [-2_840_000, -3_566_667]]);
  });
});
