/**
 * Rounds (*tours de table*). Reading (list, page, synthesis, CSV) = project readers; steering (create, edit, delete a
 * draft, open, close, remind, generate the synthesis) = the facilitator and the administrator; a commune's position
 * = the élu·e of that commune only (here Fayence, invited to the open round of the fixture).
 */
import { all, controllers, projectReaders, type Row } from '../actors.js';

export const ROUNDS_ROWS: Row[] = [
  { route: 'GET /api/projects/:projectId/rounds', expect: projectReaders(200) },
  { route: 'POST /api/projects/:projectId/rounds', body: { roundsMatrix: 'create' }, expect: controllers(201) },
  { route: 'GET /api/rounds/:roundId', expect: projectReaders(200) },
  { route: 'PATCH /api/rounds/:roundId', body: { title: 'Titre revu' }, expect: controllers(200) },
  { route: 'DELETE /api/rounds/:roundId', expect: controllers(204) },
  { route: 'POST /api/rounds/:roundId/open', expect: controllers(200) },
  { route: 'POST /api/rounds/:roundId/close', expect: controllers(200) },
  { route: 'PUT /api/rounds/:roundId/positions/:communeId', body: { roundsMatrix: 'position' }, expect: all(403, { anon: 401, eluFayence: 200 }) },
  { route: 'POST /api/rounds/:roundId/reminders', expect: controllers(200) },
  { route: 'POST /api/rounds/:roundId/extend', body: { roundsMatrix: 'extend' }, expect: controllers(200) },
  { route: 'GET /api/rounds/:roundId/synthesis', expect: projectReaders(200) },
  { route: 'POST /api/rounds/:roundId/synthesis', expect: controllers(201) },
  { route: 'GET /api/rounds/:roundId/positions.csv', expect: projectReaders(200) },
];
