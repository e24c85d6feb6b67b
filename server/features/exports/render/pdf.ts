/**
 * PDF export with pdfkit (no browser at run time): A4, embedded DejaVu Sans, a title block, the document's
 * blocks, and a footer « Page X / Y » written once every page exists (pages are buffered for that).
 */
import PDFDocument from 'pdfkit';
import { FONT, registerFonts } from './pdf-fonts.js';
import { BODY_SIZE, writeBlocks, type PdfLayout } from './pdf-blocks.js';
import { subtitleLine, versionLine, type ExportInput } from './meta.js';

const MARGINS = { top: 56, bottom: 64, left: 60, right: 60 };

function writeTitleBlock(layout: PdfLayout, input: ExportInput): void {
  const { doc } = layout;
  const width = layout.right - layout.left;
  doc.font(FONT.bold).fontSize(20).fillColor('#1F3864').text(input.meta.title, layout.left, doc.y, { width });
  doc.moveDown(0.2);
  doc.font(FONT.regular).fontSize(11).fillColor('black').text(subtitleLine(input.meta), layout.left, doc.y, { width });
  doc.font(FONT.italic).fontSize(9.5).fillColor('#555555').text(versionLine(input.meta), layout.left, doc.y, { width });
  const y = doc.y + 6;
  doc.lineWidth(0.8).strokeColor('#999999').moveTo(layout.left, y).lineTo(layout.right, y).stroke();
  doc.fillColor('black');
  doc.y = y + 14;
}

/** `text` cut with an ellipsis to fit `width` in the current font (pdfkit's own ellipsis needs a height too). */
function fitText(doc: PDFKit.PDFDocument, text: string, width: number): string {
  if (doc.widthOfString(text) <= width) return text;
  let cut = text;
  while (cut.length > 1 && doc.widthOfString(`${cut}…`) > width) cut = cut.slice(0, -1);
  return `${cut.trimEnd()}…`;
}

/**
 * Footers go on last, when the page count is known. Writing below the bottom margin would make pdfkit start a
 * new page, so the margin is lifted while the footer is drawn.
 */
function writeFooters(doc: PDFKit.PDFDocument, input: ExportInput): void {
  const { start, count } = doc.bufferedPageRange();
  for (let i = start; i < start + count; i++) {
    doc.switchToPage(i);
    const bottomMargin = doc.page.margins.bottom;
    doc.page.margins.bottom = 0;
    const y = doc.page.height - MARGINS.bottom + 22;
    const width = doc.page.width - MARGINS.left - MARGINS.right;
    doc.lineWidth(0.5).strokeColor('#bbbbbb').moveTo(MARGINS.left, y - 6).lineTo(MARGINS.left + width, y - 6).stroke();
    doc.font(FONT.regular).fontSize(8).fillColor('#555555');
    // The version line matters most on a printed page (a draft must not pass for the final text): the title
    // goes before it only when both fit.
    const full = `${input.meta.title} — ${versionLine(input.meta)}`;
    const left = doc.widthOfString(full) <= width - 70 ? full : fitText(doc, versionLine(input.meta), width - 70);
    doc.text(left, MARGINS.left, y, { lineBreak: false });
    doc.text(`Page ${i + 1} / ${count}`, MARGINS.left, y, { width, align: 'right', lineBreak: false });
    doc.page.margins.bottom = bottomMargin;
  }
}

/** The PDF file of a document. */
export function renderPdf(input: ExportInput): Promise<Buffer> {
  const { meta } = input;
  const doc = new PDFDocument({
    size: 'A4',
    margins: MARGINS,
    bufferPages: true,
    lang: 'fr-FR',
    displayTitle: true,
    // Deterministic metadata (no "now" inside the renderer): the same input gives the same file properties.
    info: {
      Title: meta.title,
      Author: 'Mutualab',
      Subject: `${meta.projectTitle} — ${versionLine(meta)}`,
      Keywords: ['Mutualab', meta.kindLabel, meta.projectTitle].filter(Boolean).join(', '),
      Creator: 'Mutualab',
      CreationDate: meta.generatedAt,
    },
  });
  const chunks: Buffer[] = [];
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  registerFonts(doc);
  doc.font(FONT.regular).fontSize(BODY_SIZE);
  const layout: PdfLayout = {
    doc,
    left: MARGINS.left,
    right: doc.page.width - MARGINS.right,
    bottom: () => doc.page.height - doc.page.margins.bottom,
  };
  writeTitleBlock(layout, input);
  writeBlocks(layout, input.content.content);
  writeFooters(doc, input);
  doc.end();
  return done;
}
