/**
 * Block layout for the PDF: a small flow layout on top of pdfkit (which only knows paragraphs). Headings are kept
 * with the lines that follow them, list markers hang left of their text, nesting indents by one step per level.
 */
import type { JSONContent } from '@tiptap/core';
import { FONT } from './pdf-fonts.js';
import { segmentsOf, writeSegments, measureSegments } from './pdf-inline.js';
import { drawTable } from './pdf-table.js';

/** The page geometry every block writer shares. */
export interface PdfLayout {
  doc: PDFKit.PDFDocument;
  /** Left edge of the text column. */
  left: number;
  /** Right edge of the text column. */
  right: number;
  /** Lowest y a line may reach on the current page. */
  bottom(): number;
}

/** Where a block is written: its left edge and how deep in lists it is. */
interface BlockContext {
  x: number;
  listDepth: number;
  /** Inside a list: paragraphs are closer together. */
  tight: boolean;
}

export const BODY_SIZE = 10.5;
const HEADING_SIZES = [19, 15.5, 13, 12, 11, 10.5];
const HEADING_COLOR = '#1F3864';
const LIST_STEP = 16;
const BULLETS = ['•', '◦', '▪'];

function lineHeight(doc: PDFKit.PDFDocument, size = BODY_SIZE): number {
  return doc.font(FONT.regular).fontSize(size).currentLineHeight(true);
}

/** Starts a new page unless `height` still fits under the current position. */
function ensureSpace(layout: PdfLayout, height: number): void {
  if (layout.doc.y + height > layout.bottom()) layout.doc.addPage();
}

function writeParagraph(layout: PdfLayout, node: JSONContent, ctx: BlockContext): void {
  const { doc } = layout;
  ensureSpace(layout, lineHeight(doc));
  writeSegments(doc, segmentsOf(node), { x: ctx.x, width: layout.right - ctx.x, size: BODY_SIZE });
  doc.y += ctx.tight ? 2 : 6;
}

function writeHeading(layout: PdfLayout, node: JSONContent, ctx: BlockContext): void {
  const { doc } = layout;
  const level = Math.min(6, Math.max(1, Number(node.attrs?.level) || 1));
  const size = HEADING_SIZES[level - 1];
  const segments = segmentsOf(node).map((s) => ({ ...s, text: s.text.replace(/\n/g, ' ') }));
  const width = layout.right - ctx.x;
  // Keep the heading with at least two lines of what follows: a heading alone at the foot of a page reads badly.
  const before = level <= 2 ? 10 : 6;
  ensureSpace(layout, before + measureSegments(doc, segments, { width, size, bold: true }) + 2 * lineHeight(doc));
  if (doc.y > doc.page.margins.top) doc.y += before;
  writeSegments(doc, segments, { x: ctx.x, width, size, bold: true, color: HEADING_COLOR });
  doc.y += 4;
}

function writeList(layout: PdfLayout, node: JSONContent, ctx: BlockContext): void {
  const { doc } = layout;
  const ordered = node.type === 'orderedList';
  const start = Math.max(0, Math.floor(Number(node.attrs?.start) || 1));
  const items = node.content ?? [];
  doc.font(FONT.regular).fontSize(BODY_SIZE);
  // Room for the widest number (« 10. ») so that item texts of one list are aligned.
  const markerWidth = ordered ? doc.widthOfString(`${start + items.length - 1}.`) + 6 : 12;
  const textX = ctx.x + markerWidth;
  const inner: BlockContext = { x: textX, listDepth: ctx.listDepth + 1, tight: true };
  items.forEach((item, index) => {
    ensureSpace(layout, lineHeight(doc));
    const y = doc.y;
    const marker = ordered ? `${start + index}.` : BULLETS[ctx.listDepth % BULLETS.length];
    doc.font(FONT.regular).fontSize(BODY_SIZE).fillColor('black').text(marker, ctx.x, y, { width: markerWidth, lineBreak: false });
    doc.y = y;
    for (const child of item.content ?? []) writeBlock(layout, child, inner);
    if (doc.y === y) doc.y += lineHeight(doc);
  });
  doc.y += ctx.tight ? 0 : 4;
}

function writeQuote(layout: PdfLayout, node: JSONContent, ctx: BlockContext): void {
  const { doc } = layout;
  const startPage = doc.bufferedPageRange().count;
  const startY = doc.y;
  for (const child of node.content ?? []) writeBlock(layout, child, { ...ctx, x: ctx.x + 14 });
  // The bar is drawn only when the quote stayed on one page; across a break the indentation alone shows it.
  if (doc.bufferedPageRange().count === startPage) {
    doc.save().lineWidth(2).strokeColor('#a0a0a0').moveTo(ctx.x + 4, startY).lineTo(ctx.x + 4, doc.y - 4).stroke().restore();
  }
}

function writeCode(layout: PdfLayout, node: JSONContent, ctx: BlockContext): void {
  const { doc } = layout;
  const text = (node.content ?? []).map((c) => c.text ?? '').join('');
  const width = layout.right - ctx.x;
  const height = doc.font(FONT.mono).fontSize(9).heightOfString(text || ' ', { width: width - 12 }) + 12;
  ensureSpace(layout, Math.min(height, layout.bottom() - layout.doc.page.margins.top));
  if (doc.y + height <= layout.bottom()) doc.rect(ctx.x, doc.y, width, height).fill('#f4f4f4');
  doc.fillColor('black').font(FONT.mono).fontSize(9).text(text || ' ', ctx.x + 6, doc.y + 6, { width: width - 12 });
  doc.y += 12;
}

/** Writes one block at the current position (unknown blocks keep their text rather than vanish). */
function writeBlock(layout: PdfLayout, node: JSONContent, ctx: BlockContext): void {
  const { doc } = layout;
  switch (node.type) {
    case 'paragraph':
      return writeParagraph(layout, node, ctx);
    case 'heading':
      return writeHeading(layout, node, ctx);
    case 'bulletList':
    case 'orderedList':
      return writeList(layout, node, ctx);
    case 'blockquote':
      return writeQuote(layout, node, ctx);
    case 'codeBlock':
      return writeCode(layout, node, ctx);
    case 'horizontalRule':
      ensureSpace(layout, 14);
      doc.lineWidth(0.8).strokeColor('#999999').moveTo(ctx.x, doc.y + 6).lineTo(layout.right, doc.y + 6).stroke();
      doc.y += 14;
      return;
    case 'table':
      drawTable(layout, node, ctx.x);
      return;
    default:
      if (node.content?.some((c) => c.type === 'text')) return writeParagraph(layout, node, ctx);
      for (const child of node.content ?? []) writeBlock(layout, child, ctx);
  }
}

/** Writes the document's top-level blocks from the current position. */
export function writeBlocks(layout: PdfLayout, nodes: JSONContent[] | undefined): void {
  for (const node of nodes ?? []) writeBlock(layout, node, { x: layout.left, listDepth: 0, tight: false });
}
