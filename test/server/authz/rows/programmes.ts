/**
 * Programmes communaux. Reading = project readers; writing a commune's programme (here Fayence's) = the facilitator,
 * the administrator, and the élus and technicians of that commune (not EPCI staff, other communes or partners).
 */
import { all, projectReaders, type Row } from '../actors.js';

const fayenceWriters = (ok: number) => all(403, { anon: 401, admin: ok, vp: ok, eluFayence: ok, techFayence: ok });

export const PROGRAMMES_ROWS: Row[] = [
  { route: 'GET /api/projects/:projectId/programmes', expect: projectReaders(200) },
  { route: 'POST /api/projects/:projectId/communes/:communeId/programme', body: { title: 'Nouvelle action' }, expect: fayenceWriters(201) },
  { route: 'PATCH /api/programme-actions/:actionId', body: { budgetEuros: 1000 }, expect: fayenceWriters(200) },
  { route: 'DELETE /api/programme-actions/:actionId', expect: fayenceWriters(204) },
];
