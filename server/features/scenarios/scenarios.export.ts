/**
 * Exports of a comparison: an XLSX workbook (numbers as numbers, euros formatted, one sheet per view) and a PDF
 * rendered by the documents' export renderer from a generated ProseMirror document (same fonts and pagination).
 */
import type ExcelJS from 'exceljs';
import type { JSONContent } from '@tiptap/core';
import type { ScenarioComparisonDto } from '../../../shared/scenarios/api.js';
import { comparisonSections, formatCell } from '../../../shared/scenarios/comparison-table.js';
import { contentDisposition, renderExport } from '../exports/render/index.js';

/** exceljs weighs ~20 MB of resident memory: loaded on the first export, not at boot. */
const loadExcel = async () => (await import('exceljs')).default;

export type ComparisonFile = { body: Uint8Array; contentType: string; contentDisposition: string };
export const COMPARISON_FORMATS = ['xlsx', 'pdf'] as const;
export type ComparisonFormat = (typeof COMPARISON_FORMATS)[number];

const EUROS = '#,##0.00 "€"';
const FILE_TITLE = 'Comparaison des scénarios';

function styleHeader(row: ExcelJS.Row) {
  row.font = { bold: true };
  row.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE8EEF7' } };
}

/** The workbook: « Comparaison » (every line), « Contributions » (per commune), « Alertes » (warnings). */
async function renderXlsx(c: ScenarioComparisonDto, projectTitle: string, generatedAt: Date): Promise<Uint8Array> {
  const wb = new (await loadExcel()).Workbook();
  wb.creator = 'Mutualab';
  wb.created = generatedAt;
  const names = c.scenarios.map((s) => s.label);

  const main = wb.addWorksheet('Comparaison');
  main.addRow([`${FILE_TITLE} — ${projectTitle}`]).font = { bold: true, size: 14 };
  main.addRow([`Montants annuels en euros ; généré le ${generatedAt.toISOString().slice(0, 10)}`]);
  main.addRow([]);
  styleHeader(main.addRow(['', ...names]));
  for (const section of comparisonSections(c).slice(0, 4)) {
    main.addRow([section.title]).font = { bold: true };
    for (const line of section.lines) {
      const row = main.addRow([line.label, ...line.values.map((v) => (typeof v === 'number' && line.unit === 'cents' ? v / 100 : v))]);
      if (line.unit === 'cents') for (let i = 2; i <= names.length + 1; i++) row.getCell(i).numFmt = EUROS;
    }
  }
  main.getColumn(1).width = 42;
  for (let i = 2; i <= names.length + 1; i++) main.getColumn(i).width = 28;

  const contrib = wb.addWorksheet('Contributions');
  styleHeader(contrib.addRow(['Commune', 'Code INSEE', ...names.flatMap((n) => [`${n} — contribution`, `${n} — écart`])]));
  for (const r of c.communes) {
    const row = contrib.addRow([r.name, r.insee, ...c.scenarios.flatMap((s) => {
      const v = r.byScenario[s.id];
      return [v ? v.contributionCents / 100 : null, v && v.deltaCents !== null ? v.deltaCents / 100 : null];
    })]);
    for (let i = 3; i <= 2 + names.length * 2; i++) row.getCell(i).numFmt = EUROS;
  }
  const totals = contrib.addRow(['Total', '', ...c.scenarios.flatMap((s) => {
    const d = c.details.find((x) => x.id === s.id)!;
    return [d.figures.allocation ? d.figures.allocation.totalCents / 100 : null, null];
  })]);
  totals.font = { bold: true };
  for (let i = 3; i <= 2 + names.length * 2; i++) totals.getCell(i).numFmt = EUROS;
  contrib.getColumn(1).width = 30;
  for (let i = 3; i <= 2 + names.length * 2; i++) contrib.getColumn(i).width = 24;

  const alerts = wb.addWorksheet('Alertes');
  styleHeader(alerts.addRow(['Scénario', 'Gravité', 'Message']));
  for (const w of c.warnings) alerts.addRow([names[c.scenarios.findIndex((s) => s.id === w.scenarioId)], w.severity === 'error' ? 'Bloquant' : 'À examiner', w.message]);
  for (const d of c.details) for (const v of d.figures.violations.filter((x) => x.severity === 'error')) alerts.addRow([d.title, 'Bloquant', v.message]);
  alerts.getColumn(1).width = 36;
  alerts.getColumn(3).width = 110;

  return new Uint8Array(await wb.xlsx.writeBuffer());
}

const text = (t: string): JSONContent => ({ type: 'paragraph', content: t ? [{ type: 'text', text: t }] : [] });
const cell = (t: string, header = false): JSONContent => ({ type: header ? 'tableHeader' : 'tableCell', content: [text(t)] });

/** The comparison as a document: one table per section, then the warnings as a list. */
export function comparisonDocument(c: ScenarioComparisonDto): JSONContent {
  const content: JSONContent[] = [];
  for (const section of comparisonSections(c)) {
    if (section.lines.length === 0) continue;
    content.push({ type: 'heading', attrs: { level: 2 }, content: [{ type: 'text', text: section.title }] });
    content.push({
      type: 'table',
      content: [
        { type: 'tableRow', content: [cell('', true), ...c.scenarios.map((s) => cell(s.label, true))] },
        ...section.lines.map((l) => ({ type: 'tableRow', content: [cell(l.label, true), ...l.values.map((v) => cell(formatCell(v, l.unit)))] })),
      ],
    });
  }
  if (c.warnings.length) {
    content.push({ type: 'heading', attrs: { level: 2 }, content: [{ type: 'text', text: 'Points d’attention' }] });
    content.push({ type: 'bulletList', content: c.warnings.map((w) => ({ type: 'listItem', content: [text(w.message)] })) });
  }
  return { type: 'doc', content };
}

/** Renders the comparison in `format`. */
export async function exportComparison(c: ScenarioComparisonDto, format: ComparisonFormat, projectTitle: string, generatedAt: Date): Promise<ComparisonFile> {
  if (format === 'xlsx') {
    return {
      body: await renderXlsx(c, projectTitle, generatedAt),
      contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      contentDisposition: contentDisposition(FILE_TITLE, 'xlsx'),
    };
  }
  const body = await renderExport('pdf', { content: comparisonDocument(c), meta: { title: FILE_TITLE, projectTitle, kindLabel: 'Scénarios', generatedAt } });
  return { body, contentType: 'application/pdf', contentDisposition: contentDisposition(FILE_TITLE, 'pdf') };
}
