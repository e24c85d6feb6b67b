/** Documents (resources of the co-written texts) and the project's live event stream. `:documentId` is a plain,
 * an archived (for unarchive) or a locked (for unlock) document of the demo project. */
import { all, projectReaders, controllers, type Row } from '../actors.js';

/** Managers of documents: administrator, facilitator, EPCI élus and technicians. */
const documentManagers = (ok: number) => all(403, { anon: 401, admin: ok, vp: ok, techEpci: ok });

export const DOCUMENTS_ROWS: Row[] = [
  { route: 'GET /api/projects/:projectId/documents', expect: projectReaders(200) },
  { route: 'POST /api/projects/:projectId/documents', body: { kind: 'note', title: 'Note de séance' }, expect: documentManagers(201) },
  { route: 'GET /api/documents/:documentId', expect: projectReaders(200) },
  { route: 'PATCH /api/documents/:documentId', body: { title: 'Titre révisé' }, expect: documentManagers(200) },
  { route: 'POST /api/documents/:documentId/archive', expect: documentManagers(200) },
  { route: 'POST /api/documents/:documentId/unarchive', expect: documentManagers(200) },
  { route: 'POST /api/documents/:documentId/lock', expect: controllers(200) },
  { route: 'POST /api/documents/:documentId/unlock', expect: controllers(200) },
  { route: 'GET /api/projects/:projectId/events', expect: projectReaders(200) },
];
