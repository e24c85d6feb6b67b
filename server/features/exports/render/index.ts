/**
 * The export renderers, one per format: pure functions of ProseMirror JSON + metadata (no database, no Yjs),
 * so that they are tested on their own and the route only has to load the document.
 */
import { renderHtml } from './html.js';
import { renderMarkdown } from './markdown.js';
import type { ExportInput } from './meta.js';

// docx and pdfkit weigh ~25 MB of resident memory: they are loaded on the first export, not at boot.
export { renderHtml, renderMarkdown };
export { collectTexts, contentDisposition, slugify, versionLine, type ExportInput, type ExportMeta } from './meta.js';

/** The formats of `GET /api/documents/{documentId}/export?format=…`. */
export const EXPORT_FORMATS = ['docx', 'pdf', 'html', 'md'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

/** Content type and file extension of each format. */
export const FORMAT_INFO: Record<ExportFormat, { contentType: string; extension: string }> = {
  docx: { contentType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', extension: 'docx' },
  pdf: { contentType: 'application/pdf', extension: 'pdf' },
  html: { contentType: 'text/html; charset=utf-8', extension: 'html' },
  md: { contentType: 'text/markdown; charset=utf-8', extension: 'md' },
};

/** Renders a document in one format; text formats are returned UTF-8 encoded. */
export async function renderExport(format: ExportFormat, input: ExportInput): Promise<Uint8Array> {
  switch (format) {
    case 'docx':
      return (await import('./docx.js')).renderDocx(input);
    case 'pdf':
      return (await import('./pdf.js')).renderPdf(input);
    case 'html':
      return new TextEncoder().encode(renderHtml(input));
    case 'md':
      return new TextEncoder().encode(renderMarkdown(input));
  }
}
