/**
 * Small builders of ProseMirror JSON blocks (the shared editor schema: paragraphs, headings, bullet lists, tables),
 * used to pre-fill the cadre stratégique, the convention, the fiche d'impact and the avenants, and to write annexes.
 * Empty strings become empty paragraphs: the schema refuses empty text nodes.
 */
import type { JSONContent } from '@tiptap/core';

/** A text node, or nothing for an empty string. */
function text(value: string, bold = false): JSONContent[] {
  if (!value) return [];
  return [bold ? { type: 'text', text: value, marks: [{ type: 'bold' }] } : { type: 'text', text: value }];
}

/** A paragraph of plain text. */
export function paragraph(value: string): JSONContent {
  const content = text(value);
  return content.length ? { type: 'paragraph', content } : { type: 'paragraph' };
}

/** A paragraph starting with a bold label: « Label : value ». */
export function labelled(label: string, value: string): JSONContent {
  return { type: 'paragraph', content: [...text(`${label} : `, true), ...text(value)] };
}

/** A heading of `level` (1–6). */
export function heading(value: string, level = 2): JSONContent {
  return { type: 'heading', attrs: { level }, content: text(value) };
}

/** A bullet list, one paragraph per item. */
export function bullets(items: readonly string[]): JSONContent {
  return { type: 'bulletList', content: items.map((item) => ({ type: 'listItem', content: [paragraph(item)] })) };
}

/** A cell value as shown in a table: null/undefined read as « — » (unknown), never as 0. */
export type CellValue = string | number | null | undefined;

function cellText(v: CellValue): string {
  if (v === null || v === undefined || v === '') return '—';
  return typeof v === 'number' ? String(v) : v;
}

/** A table with one header row; every cell holds one paragraph. */
export function table(headers: readonly string[], rows: readonly (readonly CellValue[])[]): JSONContent {
  const row = (cells: readonly CellValue[], type: 'tableHeader' | 'tableCell'): JSONContent => ({
    type: 'tableRow',
    content: cells.map((c) => ({ type, content: [paragraph(cellText(c))] })),
  });
  return { type: 'table', content: [row(headers, 'tableHeader'), ...rows.map((r) => row(r, 'tableCell'))] };
}

/** Plain text of a JSON node (for tests and comparisons). */
export function jsonText(node: JSONContent): string {
  if (node.type === 'text') return node.text ?? '';
  return (node.content ?? []).map(jsonText).join(node.type === 'tableRow' ? ' | ' : node.type === 'table' || node.type === 'bulletList' ? '\n' : '');
}
