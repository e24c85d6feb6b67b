/**
 * The action plan, convention, deliberations and follow-up (see `fixtures/convention.ts`: a project of its own whose
 * convention is generated but not signed; `:deliberationId` is Fayence's council).
 * - Reading: every project reader (not the élu of Bagnols, whose commune is not in the project).
 * - Action plan and generation: administrator, facilitator, EPCI élus and technicians. Generating the convention
 *   again answers 409 (it exists); regenerating the annexes and the cadre work.
 * - Fayence's deliberation: the facilitator, the administrator, Fayence's élu and technician — not Seillans', not the
 *   EPCI technician, not partners nor observers.
 * - Avenants, withdrawals, evaluations, the arrêté préfectoral date: facilitator and administrator. An avenant before
 *   signature and a new evaluation of an unsigned convention answer 409 to them.
 */
import { all, controllers, projectReaders, type Row } from '../actors.js';

const preparers = (ok: number) => all(403, { anon: 401, admin: ok, vp: ok, techEpci: ok });
const fayenceRecorders = (ok: number) => all(403, { anon: 401, admin: ok, vp: ok, eluFayence: ok, techFayence: ok });

export const CONVENTION_ROWS: Row[] = [
  { route: 'GET /api/projects/:projectId/action-plan', expect: projectReaders(200) },
  { route: 'GET /api/projects/:projectId/action-plan/export', expect: projectReaders(200) },
  { route: 'POST /api/projects/:projectId/action-plan/actions', body: { title: 'Nouvelle action', leadKind: 'epci' }, expect: preparers(201) },
  { route: 'PATCH /api/projects/:projectId/action-plan/actions/:actionId', body: { status: 'en_cours' }, expect: preparers(200) },
  { route: 'DELETE /api/projects/:projectId/action-plan/actions/:actionId', expect: preparers(204) },
  { route: 'POST /api/projects/:projectId/action-plan/objectives', body: { label: 'Nouvel objectif' }, expect: preparers(201) },
  { route: 'PATCH /api/projects/:projectId/action-plan/objectives/:objectiveId', body: { label: 'Objectif renommé' }, expect: preparers(200) },
  { route: 'DELETE /api/projects/:projectId/action-plan/objectives/:objectiveId', expect: preparers(204) },

  { route: 'GET /api/projects/:projectId/convention', expect: projectReaders(200) },
  { route: 'POST /api/projects/:projectId/cadre-strategique', expect: preparers(201) },
  { route: 'POST /api/projects/:projectId/convention', expect: preparers(409) },
  { route: 'POST /api/projects/:projectId/convention/annexes', expect: preparers(200) },
  { route: 'PATCH /api/projects/:projectId/convention', body: { arretePrefectoralDate: null }, expect: controllers(200) },
  { route: 'GET /api/projects/:projectId/convention/export', expect: projectReaders(200) },

  { route: 'GET /api/projects/:projectId/deliberations', expect: projectReaders(200) },
  { route: 'POST /api/projects/:projectId/deliberations/:deliberationId/state', body: { to: 'ajournee' }, expect: fayenceRecorders(200) },
  { route: 'PATCH /api/projects/:projectId/deliberations/:deliberationId', body: { number: 'DCM-2027-01' }, expect: fayenceRecorders(200) },

  { route: 'POST /api/projects/:projectId/avenants', body: { communeId: 'conventionMatrixJoining' }, expect: controllers(409) },
  {
    route: 'POST /api/projects/:projectId/withdrawals',
    body: { communeId: 'conventionMatrixLeaving', decidedOn: '2027-06-01', effectiveOn: '2028-01-01', effects: 'Retrait au 1er janvier.' },
    expect: controllers(201),
  },
  { route: 'GET /api/projects/:projectId/evaluations', expect: projectReaders(200) },
  { route: 'POST /api/projects/:projectId/evaluations', body: { year: 2028 }, expect: controllers(409) },
  { route: 'PATCH /api/projects/:projectId/evaluations/:evaluationId', body: { comments: 'Bilan présenté au COPIL.' }, expect: controllers(200) },
];
