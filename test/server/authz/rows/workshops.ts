/**
 * Séances. `:seanceId` is a planned séance for reading, editing and the commands (start), a running one (with an
 * open per-person poll `:pollId` and a decision `:decisionId`) for everything else. Reading and exports: project
 * readers; preparing and steering: the facilitator and the administrator; raising a hand, checking in, voting:
 * everyone with access but observers (who may not vote: `not_allowed`).
 */
import { all, controllers, projectReaders, type Row } from '../actors.js';
import { WORKSHOPS_MINUTES } from '../fixtures/workshops.js';

/** Everyone with access to the project except observers. */
const participants = (ok: number) => all(ok, { anon: 401, eluBagnols: 403, observer: 403 });

export const WORKSHOPS_ROWS: Row[] = [
  { route: 'GET /api/projects/:projectId/seances', expect: projectReaders(200) },
  { route: 'GET /api/projects/:projectId/seances/invitables', expect: controllers(200) },
  {
    route: 'POST /api/projects/:projectId/seances',
    body: { title: 'COTECH', body: 'cotech', startsAt: '2026-12-10T09:00:00Z', agenda: [{ title: 'Point unique', plannedMinutes: 30, outcome: 'debat' }] },
    expect: controllers(201),
  },
  { route: 'GET /api/seances/:seanceId', expect: projectReaders(200) },
  { route: 'PATCH /api/seances/:seanceId', body: { title: 'Séance prévue (modifiée)' }, expect: controllers(200) },
  { route: 'POST /api/seances/:seanceId/commands', body: { type: 'start' }, expect: controllers(200) },
  { route: 'PUT /api/seances/:seanceId/follow', body: { documentId: WORKSHOPS_MINUTES, sectionTitle: 'Décisions' }, expect: controllers(200) },
  { route: 'POST /api/seances/:seanceId/locks', body: { locked: true }, expect: controllers(200) },
  { route: 'POST /api/seances/:seanceId/speaking', body: { type: 'raise' }, expect: participants(200) },
  { route: 'POST /api/seances/:seanceId/check-ins', body: {}, expect: participants(200) },
  { route: 'POST /api/seances/:seanceId/polls', body: { question: 'Clarté ?', kind: 'echelle', scope: 'personne' }, expect: controllers(201) },
  { route: 'POST /api/seances/:seanceId/polls/:pollId/votes', body: { value: 'pour' }, expect: participants(200) },
  { route: 'POST /api/seances/:seanceId/polls/:pollId/close', expect: controllers(200) },
  { route: 'POST /api/seances/:seanceId/decisions', body: { kind: 'question_ouverte', text: 'Quel budget ?' }, expect: controllers(201) },
  { route: 'DELETE /api/seances/:seanceId/decisions/:decisionId', expect: controllers(200) },
  { route: 'GET /api/seances/:seanceId/agenda.ics', expect: projectReaders(200) },
  { route: 'GET /api/seances/:seanceId/agenda', expect: projectReaders(200) },
  { route: 'GET /api/seances/:seanceId/summary', expect: projectReaders(200) },
  { route: 'GET /api/seances/:seanceId/summary/export', expect: projectReaders(200) },
];
