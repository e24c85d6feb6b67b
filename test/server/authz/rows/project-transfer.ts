/**
 * Project transfer: exporting a whole project and importing one are for administrators only (the file holds every
 * participant's data). The import body is the export of a second project that the fixture removed from the image,
 * so the administrator's cell really imports it (201).
 */
import { adminOnly, type Row } from '../actors.js';
import { TRANSFER_ARCHIVE_BODY } from '../fixtures/project-transfer.js';

export const PROJECT_TRANSFER_ROWS: Row[] = [
  { route: 'GET /api/projects/:projectId/export', expect: adminOnly(200) },
  { route: 'POST /api/projects/import', body: TRANSFER_ARCHIVE_BODY, expect: adminOnly(201) },
];
