/**
 * ProseMirror JSON → `docx` objects. Word-native structures only: headings use the built-in Heading styles (so
 * the navigation pane and tables of contents work), lists use the numbering definitions of `docx.ts` (so Word
 * renumbers and re-indents them), tables are real `w:tbl` with a repeated header row.
 */
import type { JSONContent } from '@tiptap/core';
import {
  AlignmentType,
  BorderStyle,
  ExternalHyperlink,
  HeadingLevel,
  LevelFormat,
  Paragraph,
  ShadingType,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
  type ILevelsOptions,
  type ParagraphChild,
} from 'docx';
import { safeHref } from './meta.js';

/** Numbering references, registered by `docx.ts` with the levels of {@link listLevels}. */
export const BULLET_REF = 'mutualab-puces';
export const ORDERED_REF = 'mutualab-numeros';
/** Left indentation (twips) per list level, shared by numbering levels and continuation paragraphs. */
export const LIST_INDENT = 720;

const BULLETS = ['•', '◦', '▪'];
const ORDERED_FORMATS = [LevelFormat.DECIMAL, LevelFormat.LOWER_LETTER, LevelFormat.LOWER_ROMAN];

/**
 * The nine levels of a list definition: bullets cycle • ◦ ▪, numbers cycle 1. a. i. like Word's defaults, each
 * level indented one step further with a hanging marker.
 */
export function listLevels(ordered: boolean, start = 1): ILevelsOptions[] {
  return Array.from({ length: 9 }, (_, level) => ({
    level,
    format: ordered ? ORDERED_FORMATS[level % 3] : LevelFormat.BULLET,
    text: ordered ? `%${level + 1}.` : BULLETS[level % 3],
    alignment: AlignmentType.LEFT,
    start: ordered ? start : 1,
    style: { paragraph: { indent: { left: LIST_INDENT * (level + 1), hanging: 360 } } },
  }));
}

const HEADINGS = [
  HeadingLevel.HEADING_1,
  HeadingLevel.HEADING_2,
  HeadingLevel.HEADING_3,
  HeadingLevel.HEADING_4,
  HeadingLevel.HEADING_5,
  HeadingLevel.HEADING_6,
] as const;

const MONO = 'Consolas';
const CELL_BORDER = { style: BorderStyle.SINGLE, size: 4, color: '808080' } as const;

/** Where a block sits: list depth and blockquote depth decide its indentation. */
interface BlockContext {
  listLevel: number;
  quoteDepth: number;
  /** Ordered lists each need their own numbering instance, or they would continue each other's numbers. */
  nextInstance: { value: number };
}

function runsOf(node: JSONContent, extra: { bold?: boolean } = {}): ParagraphChild[] {
  const out: ParagraphChild[] = [];
  for (const child of node.content ?? []) {
    if (child.type === 'hardBreak') {
      out.push(new TextRun({ text: '', break: 1 }));
      continue;
    }
    if (child.type !== 'text' || !child.text) continue;
    // `undefined`, never `false`: an explicit <w:b w:val="false"/> would override the Heading styles' bold.
    const has = (type: string) => (child.marks?.some((m) => m.type === type) ? true : undefined);
    const link = child.marks?.find((m) => m.type === 'link');
    const href = link ? safeHref(link.attrs?.href) : null;
    const run = new TextRun({
      text: child.text,
      bold: extra.bold || has('bold'),
      italics: has('italic'),
      strike: has('strike'),
      underline: has('underline') ? {} : undefined,
      font: has('code') ? MONO : undefined,
      // The built-in character style gives links Word's usual blue underline.
      style: href ? 'Hyperlink' : undefined,
    });
    out.push(href ? new ExternalHyperlink({ link: href, children: [run] }) : run);
  }
  return out;
}

function indentOf(ctx: BlockContext) {
  const left = ctx.quoteDepth * LIST_INDENT + ctx.listLevel * LIST_INDENT;
  return left > 0 ? { left } : undefined;
}

function quoteBorder(ctx: BlockContext) {
  return ctx.quoteDepth > 0 ? { left: { style: BorderStyle.SINGLE, size: 12, color: 'A0A0A0', space: 8 } } : undefined;
}

function paragraph(node: JSONContent, ctx: BlockContext): Paragraph {
  return new Paragraph({ children: runsOf(node), indent: indentOf(ctx), border: quoteBorder(ctx) });
}

function listBlocks(node: JSONContent, ctx: BlockContext): (Paragraph | Table)[] {
  const ordered = node.type === 'orderedList';
  const instance = ordered ? ctx.nextInstance.value++ : 0;
  const level = Math.min(ctx.listLevel, 8);
  const start = Math.max(1, Math.floor(Number(node.attrs?.start) || 1));
  // A list starting elsewhere than 1 gets its own definition: instances of one definition all start alike.
  const reference = start === 1 ? ORDERED_REF : { reference: `${ORDERED_REF}-${start}`, levels: listLevels(true, start) };
  const out: (Paragraph | Table)[] = [];
  for (const item of node.content ?? []) {
    let numbered = false;
    for (const child of item.content ?? []) {
      if (!numbered && child.type === 'paragraph') {
        // Only the item's first paragraph carries the bullet/number; the others are indented continuations.
        numbered = true;
        out.push(
          new Paragraph({
            children: runsOf(child),
            numbering: ordered ? { reference, level, instance } : { reference: BULLET_REF, level },
            border: quoteBorder(ctx),
          }),
        );
      } else {
        out.push(...docxOfBlock(child, { ...ctx, listLevel: ctx.listLevel + 1 }));
      }
    }
  }
  return out;
}

function tableBlock(node: JSONContent, ctx: BlockContext): Table {
  const rows = (node.content ?? []).map((row, rowIndex) => {
    const isHeader = rowIndex === 0 && (row.content ?? []).every((c) => c.type === 'tableHeader');
    const cells = (row.content ?? []).map((cell) => {
      const header = cell.type === 'tableHeader';
      const cellCtx: BlockContext = { listLevel: 0, quoteDepth: 0, nextInstance: ctx.nextInstance };
      const children = (cell.content ?? []).flatMap((child) =>
        child.type === 'paragraph' ? [new Paragraph({ children: runsOf(child, { bold: header }) })] : docxOfBlock(child, cellCtx),
      );
      return new TableCell({
        // Word refuses a cell without a paragraph.
        children: children.length > 0 ? children : [new Paragraph({})],
        columnSpan: Math.max(1, Number(cell.attrs?.colspan) || 1),
        rowSpan: Math.max(1, Number(cell.attrs?.rowspan) || 1),
        shading: header ? { type: ShadingType.CLEAR, fill: 'EDEDED', color: 'auto' } : undefined,
        margins: { top: 60, bottom: 60, left: 100, right: 100 },
      });
    });
    // The header row repeats on every page and a row is never split across two pages.
    return new TableRow({ children: cells, tableHeader: isHeader, cantSplit: true });
  });
  return new Table({
    rows,
    width: { size: 100, type: WidthType.PERCENTAGE },
    borders: {
      top: CELL_BORDER,
      bottom: CELL_BORDER,
      left: CELL_BORDER,
      right: CELL_BORDER,
      insideHorizontal: CELL_BORDER,
      insideVertical: CELL_BORDER,
    },
  });
}

/** One block node as Word paragraphs/tables. Unknown nodes keep their content's text rather than vanish. */
export function docxOfBlock(node: JSONContent, ctx: BlockContext): (Paragraph | Table)[] {
  switch (node.type) {
    case 'paragraph':
      return [paragraph(node, ctx)];
    case 'heading': {
      const level = Math.min(6, Math.max(1, Number(node.attrs?.level) || 1));
      return [new Paragraph({ heading: HEADINGS[level - 1], children: runsOf(node), indent: indentOf(ctx) })];
    }
    case 'bulletList':
    case 'orderedList':
      return listBlocks(node, ctx);
    case 'blockquote':
      return (node.content ?? []).flatMap((child) => docxOfBlock(child, { ...ctx, quoteDepth: ctx.quoteDepth + 1 }));
    case 'codeBlock': {
      const text = (node.content ?? []).map((c) => c.text ?? '').join('');
      return text.split('\n').map(
        (line) =>
          new Paragraph({
            children: [new TextRun({ text: line, font: MONO })],
            shading: { type: ShadingType.CLEAR, fill: 'F4F4F4', color: 'auto' },
            spacing: { before: 0, after: 0 },
            indent: indentOf(ctx),
          }),
      );
    }
    case 'horizontalRule':
      return [new Paragraph({ border: { bottom: { style: BorderStyle.SINGLE, size: 6, color: '999999', space: 1 } } })];
    case 'table':
      return [tableBlock(node, ctx)];
    default:
      if (node.content?.some((c) => c.type === 'text')) return [paragraph(node, ctx)];
      return (node.content ?? []).flatMap((child) => docxOfBlock(child, ctx));
  }
}

/** The document's blocks as Word content; ordered lists get instances from 1 upwards. */
export function docxOfBlocks(nodes: JSONContent[] | undefined): (Paragraph | Table)[] {
  const ctx: BlockContext = { listLevel: 0, quoteDepth: 0, nextInstance: { value: 1 } };
  return (nodes ?? []).flatMap((node) => docxOfBlock(node, ctx));
}
