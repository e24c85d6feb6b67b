/**
 * Markdown export (CommonMark + GFM tables): blocks are rendered as arrays of lines so that nesting (list items,
 * blockquotes) is a matter of prefixing lines, which keeps nested lists correctly indented at any depth.
 */
import type { JSONContent } from '@tiptap/core';
import { escapeLineStart, escapeMarkdownText, renderInline } from './markdown-inline.js';
import { subtitleLine, versionLine, type ExportInput } from './meta.js';

const LIST_TYPES = new Set(['bulletList', 'orderedList']);

function paragraphLines(node: JSONContent): string[] {
  const text = renderInline(node.content);
  if (!text.trim()) return [];
  return text.split('\n').map(escapeLineStart);
}

function headingLines(node: JSONContent): string[] {
  const level = Math.min(6, Math.max(1, Number(node.attrs?.level) || 1));
  // A heading is one line: hard breaks become spaces; trailing `#`s would be read as a closing sequence.
  const text = renderInline(node.content).replace(/\\\n/g, ' ').trim().replace(/#+$/, (m) => `\\${m}`);
  return text ? [`${'#'.repeat(level)} ${text}`] : [];
}

function listLines(node: JSONContent): string[] {
  const ordered = node.type === 'orderedList';
  const start = Number(node.attrs?.start) || 1;
  const out: string[] = [];
  (node.content ?? []).forEach((item, index) => {
    const marker = ordered ? `${start + index}.` : '-';
    const indent = ' '.repeat(marker.length + 1);
    const lines = itemLines(item);
    if (lines.length === 0) out.push(marker);
    lines.forEach((line, i) => out.push(i === 0 ? `${marker} ${line}` : line ? `${indent}${line}` : ''));
  });
  return out;
}

/** A list item's blocks: a nested list follows its paragraph directly (a tight list), other blocks get a blank line. */
function itemLines(item: JSONContent): string[] {
  const out: string[] = [];
  for (const child of item.content ?? []) {
    const lines = blockLines(child);
    if (lines.length === 0) continue;
    if (out.length > 0 && !LIST_TYPES.has(child.type ?? '')) out.push('');
    out.push(...lines);
  }
  return out;
}

function codeLines(node: JSONContent): string[] {
  const text = (node.content ?? []).map((c) => c.text ?? '').join('');
  const longest = Math.max(2, ...(text.match(/`{3,}/g) ?? []).map((run) => run.length));
  const fence = '`'.repeat(longest + 1);
  const language = typeof node.attrs?.language === 'string' ? node.attrs.language.replace(/[^\w+-]/g, '') : '';
  return [`${fence}${language}`, ...text.split('\n'), fence];
}

/** A cell's text on one line: its paragraphs (and any nested blocks' text) joined by `<br>`. */
function cellText(cell: JSONContent): string {
  const parts: string[] = [];
  const visit = (node: JSONContent) => {
    if (node.type === 'paragraph' || node.type === 'heading' || node.type === 'codeBlock') {
      const text = renderInline(node.content, { inTable: true }).trim();
      if (text) parts.push(text);
    } else (node.content ?? []).forEach(visit);
  };
  visit(cell);
  return parts.join('<br>');
}

/**
 * GFM table: the first row is the header (GFM requires one). Cells spanning several columns or rows are followed
 * by empty cells so that every row has the same number of columns.
 */
function tableLines(node: JSONContent): string[] {
  const rows: string[][] = [];
  const covered: number[] = []; // per column: how many more rows a rowspan above still covers
  for (const row of node.content ?? []) {
    const cells: string[] = [];
    let col = 0;
    const skipCovered = () => {
      while (covered[col] > 0) {
        covered[col]--;
        cells.push('');
        col++;
      }
    };
    for (const cell of row.content ?? []) {
      skipCovered();
      const colspan = Math.max(1, Number(cell.attrs?.colspan) || 1);
      const rowspan = Math.max(1, Number(cell.attrs?.rowspan) || 1);
      cells.push(cellText(cell));
      for (let i = 0; i < colspan; i++) {
        if (i > 0) cells.push('');
        if (rowspan > 1) covered[col + i] = rowspan - 1;
      }
      col += colspan;
    }
    skipCovered();
    rows.push(cells);
  }
  const width = Math.max(1, ...rows.map((r) => r.length));
  const line = (cells: string[]) => `| ${Array.from({ length: width }, (_, i) => cells[i] || ' ').join(' | ')} |`;
  if (rows.length === 0) return [];
  return [line(rows[0]), line(Array(width).fill('---')), ...rows.slice(1).map(line)];
}

/** The Markdown lines of one block node (empty when it has nothing to show). */
export function blockLines(node: JSONContent): string[] {
  switch (node.type) {
    case 'paragraph':
      return paragraphLines(node);
    case 'heading':
      return headingLines(node);
    case 'bulletList':
    case 'orderedList':
      return listLines(node);
    case 'blockquote':
      return blocksLines(node.content).map((line) => (line ? `> ${line}` : '>'));
    case 'codeBlock':
      return codeLines(node);
    case 'horizontalRule':
      return ['---'];
    case 'table':
      return tableLines(node);
    default:
      // Unknown block (a newer schema than this renderer): keep its text rather than lose it.
      return blocksLines(node.content);
  }
}

/**
 * Blocks separated by blank lines. Two lists in a row would merge into one in Markdown, so an empty HTML comment
 * separates them (the usual CommonMark idiom).
 */
export function blocksLines(nodes: JSONContent[] | undefined): string[] {
  const out: string[] = [];
  let previous: string | undefined;
  for (const node of nodes ?? []) {
    const lines = blockLines(node);
    if (lines.length === 0) continue;
    if (out.length > 0) out.push('');
    if (previous && LIST_TYPES.has(previous) && LIST_TYPES.has(node.type ?? '')) out.push('<!-- -->', '');
    out.push(...lines);
    previous = node.type;
  }
  return out;
}

/** The whole Markdown file: a title block (title, kind · project, version line), a rule, then the document. */
export function renderMarkdown({ content, meta }: ExportInput): string {
  const header = [
    `**${escapeMarkdownText(meta.title)}**\\`,
    `${escapeLineStart(escapeMarkdownText(subtitleLine(meta)))}\\`,
    `*${escapeMarkdownText(versionLine(meta))}*`,
    '',
    '---',
    '',
  ];
  return `${[...header, ...blocksLines(content.content)].join('\n')}\n`;
}
