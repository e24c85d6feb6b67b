/**
 * Inline Markdown (CommonMark + GFM): text escaping and marks. TipTap's static `renderToMarkdown` is a demo by its
 * own account — it escapes text as HTML (`&amp;`), flattens nested lists and does not escape `*` or `#` — so the
 * export uses this small serializer instead.
 */
import type { JSONContent } from '@tiptap/core';
import { safeHref } from './meta.js';

/** How the surrounding block constrains inline output. */
export interface InlineContext {
  /** Inside a GFM table cell: no newline may be written, and `|` must be escaped even in code. */
  inTable?: boolean;
}

type Delimited = { key: string; open: string; close: string };

// Outermost first: a link around bold text is `[**a**](u)`, and code is innermost because it cannot contain marks.
const MARK_ORDER = ['link', 'bold', 'italic', 'strike', 'underline'];

/** Escapes characters that would otherwise start Markdown syntax anywhere in a line. */
export function escapeMarkdownText(text: string): string {
  return text
    .replace(/[\\`*_[\]<>~|]/g, (c) => `\\${c}`)
    .replace(/&(?=#?[a-zA-Z0-9]+;)/g, '&amp;');
}

/**
 * Escapes what only matters at the start of a line: ATX headings, list markers, setext underlines — text like
 * « 1. Objet » or « - tiret » must stay a paragraph. Leading spaces are dropped (four would make a code block,
 * and they are not visible in the editor's rendering either).
 */
export function escapeLineStart(line: string): string {
  return line
    .replace(/^[ \t]+/, '')
    .replace(/^([#+=-])/, '\\$1')
    .replace(/^(\d+)([.)])(?=\s|$)/, '$1\\$2');
}

function linkTarget(href: string): string {
  // Parentheses and spaces would end the destination early; percent-encoding keeps the URL equivalent.
  // (encodeURIComponent leaves parentheses alone, hence the explicit codes.)
  return href.replace(/[()\s]/g, (c) => (c === '(' ? '%28' : c === ')' ? '%29' : encodeURIComponent(c)));
}

/** The delimiters of each (supported, safe) mark of a text node, outermost first. */
function delimitersOf(node: JSONContent): Delimited[] {
  const out: Delimited[] = [];
  for (const type of MARK_ORDER) {
    const mark = node.marks?.find((m) => m.type === type);
    if (!mark) continue;
    if (type === 'link') {
      const href = safeHref(mark.attrs?.href);
      if (href) out.push({ key: `link ${href}`, open: '[', close: `](${linkTarget(href)})` });
    } else if (type === 'bold') out.push({ key: type, open: '**', close: '**' });
    else if (type === 'italic') out.push({ key: type, open: '*', close: '*' });
    else if (type === 'strike') out.push({ key: type, open: '~~', close: '~~' });
    else out.push({ key: type, open: '<u>', close: '</u>' });
  }
  return out;
}

/** A code span whose fence is longer than any backtick run inside it (CommonMark's rule). */
function codeSpan(text: string, ctx: InlineContext): string {
  const longest = Math.max(0, ...(text.match(/`+/g) ?? []).map((run) => run.length));
  const fence = '`'.repeat(longest + 1);
  const pad = text.startsWith('`') || text.endsWith('`') ? ' ' : '';
  const body = ctx.inTable ? text.replace(/\|/g, '\\|') : text;
  return `${fence}${pad}${body}${pad}${fence}`;
}

/**
 * Serializes inline content (text nodes with marks, hard breaks). Marks shared by consecutive text nodes stay
 * open across them (`**a *b***`, not `**a****_b_**`), and whitespace at a mark's edge is moved outside its
 * delimiters, because CommonMark does not accept `** gras**` as bold.
 */
export function renderInline(nodes: JSONContent[] | undefined, ctx: InlineContext = {}): string {
  let out = '';
  let open: Delimited[] = [];

  const closeTo = (keep: number) => {
    if (open.length <= keep) return;
    const trailing = /[ \t\u00a0\u202f]*$/.exec(out)![0];
    out = out.slice(0, out.length - trailing.length);
    for (let i = open.length - 1; i >= keep; i--) out += open[i].close;
    out += trailing;
    open = open.slice(0, keep);
  };

  for (const node of nodes ?? []) {
    if (node.type === 'hardBreak') {
      // Marks are closed at a break: a delimiter at the start of the next line could read as a list marker.
      closeTo(0);
      out += ctx.inTable ? '<br>' : '\\\n';
      continue;
    }
    const text = node.type === 'text' ? (node.text ?? '') : '';
    if (!text) continue;
    if (!text.trim()) {
      // Whitespace alone changes no mark: opening `**` around a space would produce `** **`.
      out += text;
      continue;
    }
    const wanted = delimitersOf(node);
    let keep = 0;
    while (keep < open.length && keep < wanted.length && open[keep].key === wanted[keep].key) keep++;
    closeTo(keep);
    let body = text;
    if (wanted.length > keep) {
      const leading = /^[ \t\u00a0\u202f]*/.exec(body)![0];
      out += leading;
      body = body.slice(leading.length);
      for (const d of wanted.slice(keep)) out += d.open;
      open = wanted;
    }
    const isCode = node.marks?.some((m) => m.type === 'code');
    out += isCode ? codeSpan(body, ctx) : escapeMarkdownText(body);
  }
  closeTo(0);
  return ctx.inTable ? out.replace(/\n/g, ' ') : out;
}
