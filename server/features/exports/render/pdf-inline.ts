/**
 * Inline content for the PDF: text nodes become styled segments written with pdfkit's `continued` text, which
 * wraps words across font changes (bold inside a sentence) as one paragraph.
 */
import type { JSONContent } from '@tiptap/core';
import { fontFor } from './pdf-fonts.js';
import { safeHref } from './meta.js';

/** A run of text with one style. */
export interface Segment {
  text: string;
  bold?: boolean;
  italic?: boolean;
  code?: boolean;
  underline?: boolean;
  strike?: boolean;
  link?: string | null;
}

/** Where and how a paragraph is written. */
export interface RichTextOptions {
  x: number;
  width: number;
  /** Top of the first line; the current `doc.y` when absent. */
  y?: number;
  size: number;
  color?: string;
  /** Every segment bold (table header cells, headings). */
  bold?: boolean;
  align?: 'left' | 'center' | 'right';
}

const LINK_COLOR = '#1a4f9c';

/** The segments of a text block's inline content; hard breaks are newlines. */
export function segmentsOf(node: JSONContent): Segment[] {
  const out: Segment[] = [];
  for (const child of node.content ?? []) {
    if (child.type === 'hardBreak') out.push({ text: '\n' });
    if (child.type !== 'text' || !child.text) continue;
    const has = (type: string) => child.marks?.some((m) => m.type === type) ?? false;
    const link = child.marks?.find((m) => m.type === 'link');
    out.push({
      text: child.text,
      bold: has('bold'),
      italic: has('italic'),
      code: has('code'),
      underline: has('underline'),
      strike: has('strike'),
      link: link ? safeHref(link.attrs?.href) : null,
    });
  }
  return out;
}

/** The plain text of segments (for measuring). */
export function segmentsText(segments: Segment[]): string {
  return segments.map((s) => s.text).join('');
}

/**
 * Height the segments will take at `width`. pdfkit measures one font at a time, so we measure with the widest
 * style present (bold if any segment is bold): a conservative estimate that never lets a table row overflow.
 */
export function measureSegments(doc: PDFKit.PDFDocument, segments: Segment[], o: Pick<RichTextOptions, 'width' | 'size' | 'bold'>): number {
  const text = segmentsText(segments);
  if (!text) return 0;
  const bold = o.bold || segments.some((s) => s.bold);
  return doc.font(fontFor({ bold })).fontSize(o.size).heightOfString(text, { width: o.width });
}

/**
 * The segments split into lines at hard breaks. pdfkit's `continued` mode mishandles newlines (a segment that is
 * only "\n" is ignored, and a line started by "\n" is indented by the previous segment's width), so each line
 * is written as its own chain of segments. An empty line stands for consecutive breaks.
 */
function splitLines(segments: Segment[]): Segment[][] {
  const lines: Segment[][] = [[]];
  for (const s of segments) {
    s.text.split('\n').forEach((part, i) => {
      if (i > 0) lines.push([]);
      if (part) lines[lines.length - 1].push({ ...s, text: part });
    });
  }
  // A break at the very end of a paragraph shows nothing in the editor either.
  if (lines.length > 1 && lines[lines.length - 1].length === 0) lines.pop();
  return lines;
}

/** Writes segments as one wrapped paragraph starting at (x, y); leaves `doc.y` under its last line. */
export function writeSegments(doc: PDFKit.PDFDocument, segments: Segment[], o: RichTextOptions): void {
  let y = o.y ?? doc.y;
  for (const line of splitLines(segments)) {
    if (line.length === 0) {
      doc.font(fontFor({ bold: o.bold })).fontSize(o.size);
      y += doc.currentLineHeight(true);
      doc.y = y;
      continue;
    }
    line.forEach((s, i) => {
      doc
        .font(fontFor({ bold: o.bold || s.bold, italic: s.italic, code: s.code }))
        .fontSize(o.size)
        .fillColor(s.link ? LINK_COLOR : (o.color ?? 'black'));
      const options: PDFKit.Mixins.TextOptions = {
        continued: i < line.length - 1,
        // `link: null` must be explicit: pdfkit keeps options across continued calls, so a link would otherwise spill.
        link: s.link ?? null,
        underline: Boolean(s.underline || s.link),
        strike: Boolean(s.strike),
      };
      if (i === 0) doc.text(s.text, o.x, y, { ...options, width: o.width, align: o.align ?? 'left' });
      else doc.text(s.text, options);
    });
    y = doc.y;
  }
  doc.fillColor('black');
}
