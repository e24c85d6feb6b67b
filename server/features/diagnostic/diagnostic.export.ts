/**
 * Exports (every section, the indicators, or everything in one workbook) and import templates. Files carry the id
 * column: re-importing an export updates the same records, so comments and history stay attached.
 */
import type ExcelJS from 'exceljs';

/** exceljs weighs ~20 MB of resident memory: loaded on the first import or export, not at boot. */
const loadExcel = async () => (await import('exceljs')).default;
import type { AppDeps } from '../../context.js';
import { SECTION_FIELDS, ID_COLUMN, type FieldDef } from '../../../shared/diagnostic/fields.js';
import { SECTIONS, SHEET_NAMES, type SectionKey } from '../../../shared/diagnostic/sections.js';
import { formatCell, type RawCell } from '../../../shared/diagnostic/cells.js';
import { INDICATOR_DEFS, INDICATOR_RULES } from '../../../shared/diagnostic/indicator-defs.js';
import type { Indicators } from '../../../shared/diagnostic/indicators.js';
import { USAGE_UNITS } from '../../../shared/diagnostic/vocab.js';
import { cellContext, type DiagContext } from './diagnostic.context.js';
import { diagnosticRepo } from './diagnostic.repo.js';
import { indicators } from './diagnostic.analysis.js';
import { addSheet, workbookBuffer, writeCsv, ListSheet, type Format, type SheetSpec } from './diagnostic.tabular.js';

export type ExportTarget = SectionKey | 'indicateurs' | 'tout';
export type FileOut = { fileName: string; contentType: string; body: string | Buffer };

const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const CSV_TYPE = 'text/csv; charset=utf-8';
const EUROS = '#,##0.00 "€"';

function numFmtOf(f: FieldDef): string | undefined {
  if (f.kind === 'money' || f.kind === 'signedMoney') return EUROS;
  if (f.kind === 'date') return 'dd/mm/yyyy';
  if (f.kind === 'percent' || f.kind === 'decimal') return '0.##';
  return undefined;
}

/** Sheet of a section: the id column, then the section's fields; `withData` false gives the template. */
function sectionSheet(deps: AppDeps, ctx: DiagContext, section: SectionKey, format: Format, withData: boolean): SheetSpec {
  const fields = SECTION_FIELDS[section];
  const cells = cellContext(ctx);
  const rows: RawCell[][] = withData
    ? diagnosticRepo.list(deps.db, section, ctx.project.id).map((r) => [r.id, ...fields.map((f) => formatCell(f, r[f.key], cells, format))])
    : [];
  const numFmt: Record<number, string> = {};
  const lists: Record<number, string[]> = {};
  fields.forEach((f, i) => {
    const fmt = numFmtOf(f);
    if (fmt) numFmt[i + 1] = fmt;
    if (f.kind === 'enum') lists[i + 1] = Object.values(f.vocab!);
    if (f.kind === 'bool') lists[i + 1] = ['Oui', 'Non'];
    if (f.kind === 'commune') lists[i + 1] = ctx.communes.map((c) => `${c.name} (${c.inseeCode})`);
    if (f.kind === 'mission') lists[i + 1] = ctx.missions.map((m) => m.label);
  });
  return { name: SHEET_NAMES[section], headers: [ID_COLUMN, ...fields.map((f) => f.label)], rows, numFmt, lists, muted: [0] };
}

function indicatorValue(ind: Indicators, key: keyof Indicators, format: Format): RawCell {
  const v = ind[key];
  if (typeof v !== 'number') return null;
  const def = INDICATOR_DEFS.find((d) => d.key === key)!;
  if (def.unit === 'cents') return format === 'xlsx' ? v / 100 : (v / 100).toFixed(2).replace('.', ',');
  return format === 'xlsx' ? v : String(v).replace('.', ',');
}

/** One line per commune and one for the whole perimeter; costs per unit of usage as extra columns. */
function indicatorsSheet(deps: AppDeps, ctx: DiagContext, format: Format): SheetSpec {
  const result = indicators(deps, ctx);
  const units = [...new Set([...result.communes, result.epci].flatMap((x) => x.costPerUnit.map((c) => c.unit)))];
  const headers = ['Commune', 'Code INSEE', ...INDICATOR_DEFS.map((d) => `${d.label}${d.unit === 'cents' ? ' (€)' : d.unit === 'pct' ? ' (%)' : ''}`), ...units.map((u) => `Coût net par unité : ${USAGE_UNITS[u]} (€)`)];
  const line = (name: string, insee: string, ind: Indicators): RawCell[] => [
    name,
    insee,
    ...INDICATOR_DEFS.map((d) => indicatorValue(ind, d.key, format)),
    ...units.map((u) => {
      const c = ind.costPerUnit.find((x) => x.unit === u);
      return c ? (format === 'xlsx' ? c.costPerUnitCents / 100 : (c.costPerUnitCents / 100).toFixed(2).replace('.', ',')) : null;
    }),
  ];
  const rows = result.communes.map((ci) => {
    const c = ctx.communes.find((x) => x.id === ci.communeId)!;
    return line(c.name, c.inseeCode, ci);
  });
  rows.push(line('Ensemble des communes', '', result.epci));
  const numFmt: Record<number, string> = {};
  INDICATOR_DEFS.forEach((d, i) => d.unit === 'cents' && (numFmt[i + 2] = EUROS));
  units.forEach((_, k) => (numFmt[2 + INDICATOR_DEFS.length + k] = EUROS));
  return { name: 'Indicateurs', headers, rows, numFmt };
}

function readMe(ctx: DiagContext): SheetSpec {
  const rows: RawCell[][] = [
    ['Projet', ctx.project.title],
    ['Colonne « id »', 'Identifiant stable de chaque fiche : ne le modifiez pas. Une ligne avec un id met à jour la fiche, une ligne sans id en crée une.'],
    ['Montants', 'En euros (deux décimales au plus).'],
    ...INDICATOR_RULES.map((r) => ['Indicateurs', r] as RawCell[]),
    ...INDICATOR_DEFS.map((d) => [d.label, d.formula] as RawCell[]),
  ];
  return { name: 'À lire', headers: ['Rubrique', 'Explication'], rows };
}

function helpSheet(section: SectionKey): SheetSpec {
  return {
    name: 'Aide',
    headers: ['Colonne', 'Obligatoire', 'Valeurs ou format', 'Aide'],
    rows: [
      [ID_COLUMN, 'non', 'Identifiant de la fiche', 'Vide pour créer une fiche ; rempli pour mettre à jour la fiche existante (export).'],
      ...SECTION_FIELDS[section].map((f) => [
        f.label,
        f.required ? 'oui' : 'non',
        f.vocab ? Object.values(f.vocab).join(' ; ') : f.kind === 'money' || f.kind === 'signedMoney' ? 'Montant en euros' : f.kind === 'date' ? 'JJ/MM/AAAA' : f.kind === 'bool' ? 'Oui ou Non' : '',
        f.help ?? '',
      ]),
    ],
  };
}

const stamp = (deps: AppDeps) => deps.clock.now().toISOString().slice(0, 10);

/** Export of one section, of the indicators, or (XLSX) of everything in one workbook. */
export async function exportFile(deps: AppDeps, ctx: DiagContext, target: ExportTarget, format: Format): Promise<FileOut> {
  const notice = diagnosticRepo.notice(deps.db, ctx.project.id);
  const specs = target === 'tout' ? [...SECTIONS.map((s) => sectionSheet(deps, ctx, s, format, true)), indicatorsSheet(deps, ctx, format)] : [target === 'indicateurs' ? indicatorsSheet(deps, ctx, format) : sectionSheet(deps, ctx, target, format, true)];
  const base = `diagnostic-${target}-${stamp(deps)}`;
  if (format === 'csv') {
    const [spec] = specs;
    return { fileName: `${base}.csv`, contentType: CSV_TYPE, body: writeCsv(spec.headers, spec.rows) };
  }
  const wb = new (await loadExcel()).Workbook();
  wb.creator = 'Mutualab';
  const lists = new ListSheet();
  for (const spec of specs) addSheet(wb, spec, lists);
  const me = readMe(ctx);
  if (notice) me.rows.unshift(['Avertissement', notice]);
  addSheet(wb, me);
  lists.write(wb);
  return { fileName: `${base}.xlsx`, contentType: XLSX_TYPE, body: await workbookBuffer(wb) };
}

/** An empty file with the section's columns (id included); the XLSX one has drop-down lists and a help sheet. */
export async function templateFile(deps: AppDeps, ctx: DiagContext, section: SectionKey, format: Format): Promise<FileOut> {
  const spec = sectionSheet(deps, ctx, section, format, false);
  const base = `modele-${section}`;
  if (format === 'csv') return { fileName: `${base}.csv`, contentType: CSV_TYPE, body: writeCsv(spec.headers, []) };
  const wb = new (await loadExcel()).Workbook();
  const lists = new ListSheet();
  addSheet(wb, spec, lists);
  addSheet(wb, helpSheet(section));
  lists.write(wb);
  return { fileName: `${base}.xlsx`, contentType: XLSX_TYPE, body: await workbookBuffer(wb) };
}
