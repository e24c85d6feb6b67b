/**
 * HTML export: the body comes from TipTap's static renderer with the shared extension list, so it is exactly the
 * markup the editor itself would produce (and TipTap's Link extension strips unsafe `href`s); we only wrap it
 * in a standalone, print-friendly page.
 */
import { renderToHTMLString } from '@tiptap/static-renderer/pm/html-string';
import { editorExtensions } from '../../../../shared/editor/index.js';
import { subtitleLine, versionLine, type ExportInput } from './meta.js';

// Built once: the extension list is static and the renderer only reads it.
const EXTENSIONS = editorExtensions();

/** Escapes text for element content and double-quoted attributes. */
export function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

// Small on purpose: readable on screen, sober on paper (A4 margins, no link colours, headings kept with their text).
const STYLESHEET = `
  :root { color-scheme: light; }
  body { font-family: "DejaVu Sans", "Segoe UI", Arial, sans-serif; font-size: 11pt; line-height: 1.5; color: #1a1a1a;
         max-width: 46rem; margin: 2rem auto; padding: 0 1rem; }
  header.export-meta { border-bottom: 1px solid #999; margin-bottom: 1.5rem; padding-bottom: 0.75rem; }
  header.export-meta .doc-title { font-size: 1.8em; font-weight: bold; margin: 0; }
  header.export-meta .doc-subtitle { margin: 0.25rem 0 0; }
  header.export-meta .doc-version { margin: 0.25rem 0 0; font-style: italic; color: #555; }
  h1, h2, h3, h4, h5, h6 { line-height: 1.25; margin: 1.4em 0 0.5em; page-break-after: avoid; break-after: avoid; }
  h1 { font-size: 1.6em; } h2 { font-size: 1.35em; } h3 { font-size: 1.15em; }
  table { border-collapse: collapse; width: 100%; margin: 1em 0; }
  th, td { border: 1px solid #555; padding: 0.3em 0.5em; vertical-align: top; text-align: left; }
  th { background: #eee; }
  td p, th p, li p { margin: 0; }
  tr { page-break-inside: avoid; break-inside: avoid; }
  blockquote { border-left: 3px solid #999; margin-left: 0; padding-left: 1em; color: #333; }
  pre { background: #f4f4f4; padding: 0.75em; overflow-x: auto; white-space: pre-wrap; }
  @page { size: A4; margin: 2cm; }
  @media print {
    body { margin: 0; max-width: none; padding: 0; }
    a { color: inherit; }
    a[href^="http"]::after { content: " (" attr(href) ")"; font-size: 0.85em; }
  }
`;

/** The document's body as HTML (no `<html>` wrapper), as the editor would render it. */
export function renderHtmlBody(content: ExportInput['content']): string {
  return renderToHTMLString({ content, extensions: EXTENSIONS });
}

/**
 * A complete, standalone HTML page of the document: `lang="fr"`, UTF-8, inline stylesheet (the file is
 * downloaded and opened offline, so nothing may be fetched), title block with the project and version line.
 */
export function renderHtml({ content, meta }: ExportInput): string {
  const title = escapeHtml(meta.title);
  return [
    '<!doctype html>',
    '<html lang="fr">',
    '<head>',
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${title}</title>`,
    '<meta name="generator" content="Mutualab">',
    `<meta name="description" content="${escapeHtml(`${subtitleLine(meta)} — ${versionLine(meta)}`)}">`,
    `<style>${STYLESHEET}</style>`,
    '</head>',
    '<body>',
    '<header class="export-meta">',
    `<p class="doc-title">${title}</p>`,
    `<p class="doc-subtitle">${escapeHtml(subtitleLine(meta))}</p>`,
    `<p class="doc-version">${escapeHtml(versionLine(meta))}</p>`,
    '</header>',
    `<main>${renderHtmlBody(content)}</main>`,
    '</body>',
    '</html>',
    '',
  ].join('\n');
}
