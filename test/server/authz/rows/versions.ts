/**
 * Versions of a document. `:documentId` is the plain document of the demo project and `:versionId` a version of
 * it made by the facilitator before the image was taken. Reading versions = reading the document (partners and
 * observers included); creating one = co-writing it (EPCI, participating communes, facilitator, administrator);
 * restoring = the document managers (administrator, facilitator, EPCI élus and technicians).
 */
import { all, projectReaders, type Row } from '../actors.js';

const coWriters = (ok: number) => all(ok, { anon: 401, eluBagnols: 403, caf: 403, observer: 403 });
const documentManagers = (ok: number) => all(403, { anon: 401, admin: ok, vp: ok, techEpci: ok });

export const VERSIONS_ROWS: Row[] = [
  { route: 'GET /api/documents/:documentId/versions', expect: projectReaders(200) },
  { route: 'POST /api/documents/:documentId/versions', body: { label: 'Version de travail' }, expect: coWriters(201) },
  { route: 'GET /api/documents/:documentId/versions/:versionId', expect: projectReaders(200) },
  { route: 'GET /api/documents/:documentId/versions/:versionId/diff', expect: projectReaders(200) },
  { route: 'POST /api/documents/:documentId/versions/:versionId/restore', expect: documentManagers(200) },
];
