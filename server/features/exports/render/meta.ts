/**
 * What every export renderer shares: the metadata printed around the text, the French version line, the file
 * name, and the rule that decides which link targets are written into a file.
 */
import type { JSONContent } from '@tiptap/core';

/** Facts printed around the document's text (title block, file properties, PDF/DOCX footers). */
export interface ExportMeta {
  /** The document's title (from the `documents` row, not from its first heading). */
  title: string;
  /** Title of the project (démarche) the document belongs to. */
  projectTitle: string;
  /** French label of the document kind (« Convention », « Note »…), when known. */
  kindLabel?: string;
  /** When the export was made: the text is live, so the export is the version as of this instant. */
  generatedAt: Date;
}

/** The input of every renderer: ProseMirror JSON (as `fragmentToJSON` produces it) plus the metadata. */
export interface ExportInput {
  content: JSONContent;
  meta: ExportMeta;
}

// Europe/Paris: the users are French local authorities; a UTC date would be a day off for late-evening exports.
const DATE_FORMAT = new Intl.DateTimeFormat('fr-FR', { timeZone: 'Europe/Paris', day: 'numeric', month: 'long', year: 'numeric' });
const TIME_FORMAT = new Intl.DateTimeFormat('fr-FR', { timeZone: 'Europe/Paris', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });

/** « 27 novembre 2026 » in Paris time. */
export function frenchDate(date: Date): string {
  return DATE_FORMAT.format(date);
}

/** « Document de travail — version du 27 novembre 2026 à 10 h 00 » (French typography: « 10 h 00 », not « 10:00 »). */
export function versionLine(meta: ExportMeta): string {
  const parts = TIME_FORMAT.formatToParts(meta.generatedAt);
  const hours = parts.find((p) => p.type === 'hour')?.value ?? '00';
  const minutes = parts.find((p) => p.type === 'minute')?.value ?? '00';
  return `Document de travail — version du ${frenchDate(meta.generatedAt)} à ${hours} h ${minutes}`;
}

/** « Convention · Projet X », the subtitle under the title. */
export function subtitleLine(meta: ExportMeta): string {
  return meta.kindLabel ? `${meta.kindLabel} · ${meta.projectTitle}` : meta.projectTitle;
}

/**
 * An ASCII file-name slug: accents stripped (« Délibération » → « deliberation », « Œuvre » → « oeuvre »), anything else collapsed to
 * dashes, bounded so that the header stays short; never empty.
 */
export function slugify(title: string): string {
  const slug = title
    .toLowerCase()
    // Ligatures do not decompose under NFKD: « Œuvre » would lose its first letter.
    .replace(/œ/g, 'oe')
    .replace(/æ/g, 'ae')
    .replace(/ß/g, 'ss')
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase() // again: compatibility forms may decompose to capitals (« ℡ » → « TEL »)
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 80)
    .replace(/-+$/, '');
  return slug || 'document';
}

/**
 * `Content-Disposition` for a download. The slug is ASCII already, but `filename*` is what modern browsers read
 * (RFC 6266) and the plain `filename` keeps old clients working; both are percent/quote safe by construction.
 */
export function contentDisposition(title: string, extension: string): string {
  const name = `${slugify(title)}.${extension}`;
  return `attachment; filename="${name}"; filename*=UTF-8''${encodeURIComponent(name)}`;
}

const ALLOWED_PROTOCOLS = new Set(['http:', 'https:', 'mailto:', 'tel:']);

/**
 * The link target to write into a file, or null to keep only the link's text. A document is shared with every
 * project member, so a `javascript:` or `file:` link typed by one of them must not become clickable in the
 * others' Word or PDF reader (the HTML renderer gets the same rule from TipTap's Link extension).
 */
export function safeHref(href: unknown): string | null {
  if (typeof href !== 'string' || href.length > 2048) return null;
  try {
    return ALLOWED_PROTOCOLS.has(new URL(href).protocol) ? href : null;
  } catch {
    return null;
  }
}

/** Every text node's text, in document order (tests compare it with what each format contains). */
export function collectTexts(node: JSONContent, out: string[] = []): string[] {
  if (node.type === 'text' && node.text) out.push(node.text);
  for (const child of node.content ?? []) collectTexts(child, out);
  return out;
}

/** The plain text of a node's inline content; hard breaks become `\n`. */
export function plainText(node: JSONContent): string {
  if (node.type === 'text') return node.text ?? '';
  if (node.type === 'hardBreak') return '\n';
  return (node.content ?? []).map(plainText).join('');
}
