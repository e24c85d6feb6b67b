import type { AppDeps } from '../../context.js';
import type { Collaboration } from '../../collab/types.js';
import { notFound } from '../../lib/errors.js';
import { DEFAULT_FRAGMENT, fragmentToJSON } from '../../../shared/editor/index.js';
import { DOCUMENT_KIND_LABELS, type DocumentKind } from '../../../shared/documents/kinds.js';
import { contentDisposition, FORMAT_INFO, renderExport, type ExportFormat } from './render/index.js';
import { exportsRepo } from './exports.repo.js';

/** A rendered export, ready to be sent. */
export interface ExportFile {
  body: Uint8Array;
  contentType: string;
  contentDisposition: string;
}

/**
 * Renders a document in `format` from its current Yjs state (the route has checked `document.read`). The text is
 * read through the collaboration service, never from the update log directly, so that edits committed but not yet
 * compacted are included and a room already in memory is not loaded a second time.
 */
export async function exportDocument(deps: AppDeps, collaboration: Collaboration, documentId: string, format: ExportFormat): Promise<ExportFile> {
  const row = exportsRepo.documentWithProject(deps.db, documentId);
  if (!row) throw notFound('Document introuvable.', 'document_not_found');
  const content = await collaboration.read(documentId, (doc) => fragmentToJSON(doc.getXmlFragment(DEFAULT_FRAGMENT)));
  const meta = {
    title: row.title,
    projectTitle: row.projectTitle,
    kindLabel: DOCUMENT_KIND_LABELS[row.kind as DocumentKind],
    generatedAt: deps.clock.now(),
  };
  const startedAt = performance.now();
  const body = await renderExport(format, { content, meta });
  deps.logger.info('document exported', { documentId, format, bytes: body.byteLength, ms: Math.round(performance.now() - startedAt) });
  const info = FORMAT_INFO[format];
  return { body, contentType: info.contentType, contentDisposition: contentDisposition(row.title, info.extension) };
}
