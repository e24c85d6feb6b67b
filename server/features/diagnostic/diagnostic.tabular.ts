/**
 * CSV and XLSX files as rows of raw cells, and back. CSV is written the way French spreadsheets open it without a
 * wizard (UTF-8 with BOM, « ; » separator, CRLF) and read whatever the separator or encoding (UTF-8 or Windows-1252).
 */
import Papa from 'papaparse';
import type ExcelJS from 'exceljs';

/** exceljs weighs ~20 MB of resident memory: loaded on the first import or export, not at boot. */
const loadExcel = async () => (await import('exceljs')).default;
import type { RawCell } from '../../../shared/diagnostic/cells.js';

export type Format = 'csv' | 'xlsx';

/** A file read as a header line and data lines; `line` is the spreadsheet row number (the header is line 1). */
export type Table = { headers: string[]; rows: { line: number; cells: RawCell[] }[] };

/** XLSX files are zip archives: they start with « PK\x03\x04 ». */
export function detectFormat(bytes: Uint8Array, fileName = ''): Format {
  if (bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04) return 'xlsx';
  return /\.xlsx$/i.test(fileName) ? 'xlsx' : 'csv';
}

function decodeText(bytes: Uint8Array): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes).replace(/^\uFEFF/, '');
  } catch {
    // Excel's « CSV (séparateur : point-virgule) » on Windows writes Windows-1252.
    return new TextDecoder('windows-1252').decode(bytes);
  }
}

const isBlank = (cells: RawCell[]) => cells.every((c) => c === null || c === undefined || String(c).trim() === '');

export function readCsv(bytes: Uint8Array): Table {
  const parsed = Papa.parse<string[]>(decodeText(bytes), { delimitersToGuess: [';', ',', '\t', '|'], skipEmptyLines: false });
  const [header = [], ...data] = parsed.data;
  return {
    headers: header.map((h) => String(h ?? '').trim()),
    rows: data.map((cells, i) => ({ line: i + 2, cells })).filter((r) => !isBlank(r.cells)),
  };
}

/** Plain value of an exceljs cell (rich text, formulas, hyperlinks and errors included). */
function cellValue(v: ExcelJS.CellValue): RawCell {
  if (v === null || v === undefined) return null;
  if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean' || v instanceof Date) return v;
  if (typeof v === 'object') {
    if ('richText' in v) return v.richText.map((t) => t.text).join('');
    if ('result' in v) return cellValue(v.result as ExcelJS.CellValue);
    if ('text' in v) return String(v.text);
    if ('error' in v) return null;
  }
  return String(v);
}

/** Reads the sheet named `preferredSheet` if there is one (a full export), else the first sheet. */
export async function readXlsx(bytes: Uint8Array, preferredSheet?: string): Promise<Table> {
  const wb = new (await loadExcel()).Workbook();
  // exceljs' typings predate Node's generic Buffer.
  await wb.xlsx.load(Buffer.from(bytes) as unknown as ExcelJS.Buffer);
  const visible = wb.worksheets.filter((s) => s.state === 'visible' || s.state === undefined);
  const sheet = (preferredSheet && visible.find((s) => s.name === preferredSheet)) || visible[0];
  if (!sheet) return { headers: [], rows: [] };
  const width = sheet.columnCount;
  const read = (n: number) => Array.from({ length: width }, (_, i) => cellValue(sheet.getRow(n).getCell(i + 1).value));
  const headers = read(1).map((h) => (h === null ? '' : String(h).trim()));
  const rows: Table['rows'] = [];
  for (let n = 2; n <= sheet.rowCount; n++) {
    const cells = read(n);
    if (!isBlank(cells)) rows.push({ line: n, cells });
  }
  return { headers, rows };
}

export async function readTable(bytes: Uint8Array, format: Format, preferredSheet?: string): Promise<Table> {
  return format === 'xlsx' ? readXlsx(bytes, preferredSheet) : readCsv(bytes);
}

/** CSV text with a BOM so that Excel reads the accents. */
export function writeCsv(headers: string[], rows: RawCell[][]): string {
  const data = rows.map((r) => r.map((c) => (c === null || c === undefined ? '' : c instanceof Date ? c.toISOString().slice(0, 10) : String(c))));
  return '\uFEFF' + Papa.unparse({ fields: headers, data }, { delimiter: ';', newline: '\r\n' }).replace(/(\r\n)+$/, '') + '\r\n';
}

export type SheetSpec = {
  name: string;
  headers: string[];
  rows: RawCell[][];
  /** Number format per column index (money, dates, percentages). */
  numFmt?: Record<number, string>;
  /** Drop-down list of allowed values per column index. */
  lists?: Record<number, string[]>;
  /** Column indexes shown in grey (the id column: do not edit). */
  muted?: number[];
};

/** Spreadsheet column letters: 1 → A, 27 → AA. */
function columnLetter(n: number): string {
  let out = '';
  for (let x = n; x > 0; x = Math.floor((x - 1) / 26)) out = String.fromCharCode(65 + ((x - 1) % 26)) + out;
  return out;
}

/**
 * Allowed values of drop-down lists, written on a hidden sheet added last (Excel limits inline lists to 255
 * characters, and the first sheet must stay the data).
 */
export class ListSheet {
  static readonly NAME = 'Listes';
  private columns: string[][] = [];
  ref(values: string[]): string {
    this.columns.push(values);
    const letter = columnLetter(this.columns.length);
    return `'${ListSheet.NAME}'!$${letter}$1:$${letter}$${Math.max(1, values.length)}`;
  }
  write(wb: ExcelJS.Workbook): void {
    if (!this.columns.length) return;
    const ws = wb.addWorksheet(ListSheet.NAME, { state: 'veryHidden' });
    this.columns.forEach((values, i) => values.forEach((v, k) => (ws.getCell(k + 1, i + 1).value = v)));
  }
}

/** Adds a sheet with a bold frozen header, sensible widths, number formats and drop-down lists. */
export function addSheet(wb: ExcelJS.Workbook, spec: SheetSpec, lists?: ListSheet): ExcelJS.Worksheet {
  const ws = wb.addWorksheet(spec.name.slice(0, 31), { views: [{ state: 'frozen', ySplit: 1 }] });
  ws.addRow(spec.headers).font = { bold: true };
  for (const r of spec.rows) ws.addRow(r.map((c) => (c === undefined ? null : c)));
  spec.headers.forEach((h, i) => {
    const col = ws.getColumn(i + 1);
    const longest = Math.max(h.length, ...spec.rows.slice(0, 200).map((r) => String(r[i] ?? '').split('\n')[0].length));
    col.width = Math.min(60, Math.max(10, longest + 2));
    if (spec.numFmt?.[i]) col.numFmt = spec.numFmt[i];
    if (spec.muted?.includes(i)) col.font = { color: { argb: 'FF777777' } };
  });
  if (spec.lists && lists) {
    for (const [i, values] of Object.entries(spec.lists)) {
      const formula = lists.ref(values);
      for (let n = 2; n <= spec.rows.length + 200; n++) {
        ws.getCell(n, Number(i) + 1).dataValidation = { type: 'list', allowBlank: true, formulae: [formula], showErrorMessage: false };
      }
    }
  }
  return ws;
}

export async function workbookBuffer(wb: ExcelJS.Workbook): Promise<Buffer> {
  return Buffer.from(await wb.xlsx.writeBuffer());
}
