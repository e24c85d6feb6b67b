/**
 * Tables in the PDF: equal-width columns over the available width, wrapped cell text, a border around every
 * cell, rows never split across pages, and the header row repeated at the top of each new page.
 */
import type { JSONContent } from '@tiptap/core';
import { FONT } from './pdf-fonts.js';
import { measureSegments, segmentsOf, writeSegments, type Segment } from './pdf-inline.js';
import type { PdfLayout } from './pdf-blocks.js';

const PAD = 4;
const SIZE = 9.5;

interface LaidCell {
  x: number;
  width: number;
  segments: Segment[];
  header: boolean;
  /** A slot under a cell spanning several rows: no top border, so that it reads as part of that cell. */
  covered?: boolean;
  /** The cell (or covered slot) continues in the next row: no bottom border. */
  continues?: boolean;
}

interface LaidRow {
  cells: LaidCell[];
  height: number;
  header: boolean;
}

/** A cell's paragraphs (and the text of any nested block) as one segment list, paragraphs on separate lines. */
function cellSegments(cell: JSONContent): Segment[] {
  const out: Segment[] = [];
  const visit = (node: JSONContent) => {
    if (node.content?.some((c) => c.type === 'text' || c.type === 'hardBreak')) {
      if (out.length > 0) out.push({ text: '\n' });
      out.push(...segmentsOf(node));
    } else (node.content ?? []).forEach(visit);
  };
  visit(cell);
  return out;
}

/**
 * Places every cell on a column grid: colspan widens a cell; a rowspan cell keeps its text in its first row and
 * leaves borderless-topped slots below it, so that the cells of the next rows stay in their columns.
 */
function layoutRows(doc: PDFKit.PDFDocument, table: JSONContent, x: number, width: number): LaidRow[] {
  const rows = table.content ?? [];
  const columns = Math.max(1, ...rows.map((r) => (r.content ?? []).reduce((n, c) => n + Math.max(1, Number(c.attrs?.colspan) || 1), 0)));
  const colWidth = width / columns;
  const spans: Array<{ rows: number; cols: number } | undefined> = []; // per starting column: rows still covered
  return rows.map((row, rowIndex) => {
    const cells: LaidCell[] = [];
    let col = 0;
    const fillCovered = () => {
      for (let span = spans[col]; span && span.rows > 0; span = spans[col]) {
        span.rows--;
        cells.push({ x: x + col * colWidth, width: colWidth * span.cols, segments: [], header: false, covered: true, continues: span.rows > 0 });
        col += span.cols;
      }
    };
    for (const cell of row.content ?? []) {
      fillCovered();
      const cols = Math.max(1, Number(cell.attrs?.colspan) || 1);
      const rowspan = Math.max(1, Number(cell.attrs?.rowspan) || 1);
      if (rowspan > 1) spans[col] = { rows: rowspan - 1, cols };
      cells.push({ x: x + col * colWidth, width: colWidth * cols, segments: cellSegments(cell), header: cell.type === 'tableHeader', continues: rowspan > 1 });
      col += cols;
    }
    fillCovered();
    // Short rows are completed with empty cells so that the grid stays closed.
    for (; col < columns; col++) cells.push({ x: x + col * colWidth, width: colWidth, segments: [], header: false });
    const textHeight = Math.max(
      doc.font(FONT.regular).fontSize(SIZE).currentLineHeight(true),
      ...cells.map((c) => measureSegments(doc, c.segments, { width: c.width - 2 * PAD, size: SIZE, bold: c.header })),
    );
    return { cells, height: textHeight + 2 * PAD, header: rowIndex === 0 && cells.every((c) => c.header || c.segments.length === 0) };
  });
}

/** Draws a row at `y`; `closedTop` forces the top border of covered slots (first row on a new page). */
function drawRow(doc: PDFKit.PDFDocument, row: LaidRow, y: number, closedTop = false): void {
  const bottom = y + row.height;
  for (const cell of row.cells) {
    if (cell.header) doc.rect(cell.x, y, cell.width, row.height).fill('#ececec');
    doc.fillColor('black');
    if (cell.segments.length > 0) writeSegments(doc, cell.segments, { x: cell.x + PAD, y: y + PAD, width: cell.width - 2 * PAD, size: SIZE, bold: cell.header });
    const right = cell.x + cell.width;
    doc.lineWidth(0.6).strokeColor('#555555');
    doc.moveTo(cell.x, y).lineTo(cell.x, bottom).moveTo(right, y).lineTo(right, bottom);
    if (!cell.covered || closedTop) doc.moveTo(cell.x, y).lineTo(right, y);
    if (!cell.continues) doc.moveTo(cell.x, bottom).lineTo(right, bottom);
    doc.stroke();
  }
}

/** Draws a table at the layout's current position; leaves `doc.y` below it. */
export function drawTable(layout: PdfLayout, table: JSONContent, x: number): void {
  const { doc } = layout;
  const rows = layoutRows(doc, table, x, layout.right - x);
  const header = rows[0]?.header ? rows[0] : null;
  let y = doc.y + 4;
  rows.forEach((row, index) => {
    // A row taller than a whole page is drawn where it is (and overflows) rather than after a blank page.
    const atPageTop = y <= doc.page.margins.top + (header && index > 0 ? header.height : 0) + 1;
    let newPage = false;
    if (y + row.height > layout.bottom() && !atPageTop) {
      // Close cells left open for a rowspan, then repeat the header so that a reader of the next page knows what
      // the columns are (as the DOCX header row does).
      doc.lineWidth(0.6).strokeColor('#555555').moveTo(x, y).lineTo(layout.right, y).stroke();
      doc.addPage();
      y = doc.page.margins.top;
      newPage = true;
      if (header && index > 0) {
        drawRow(doc, header, y);
        y += header.height;
      }
    }
    drawRow(doc, row, y, newPage);
    y += row.height;
  });
  doc.x = layout.left;
  doc.y = y + 8;
}
