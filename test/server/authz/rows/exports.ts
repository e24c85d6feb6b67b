import { projectReaders, type Row } from '../actors.js';

/**
 * Exports of a co-written document: anyone who may read the document (every project reader, partner and observer
 * included) may export it; the élu of a commune without participation may not. Without `format` the route answers
 * the PDF, so the row needs no query string.
 */
export const EXPORTS_ROWS: Row[] = [{ route: 'GET /api/documents/:documentId/export', expect: projectReaders(200) }];
