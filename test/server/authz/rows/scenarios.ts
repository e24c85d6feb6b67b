/**
 * Scenarios and arbitration. `:scenarioId` is a draft made by the facilitator for the matrix (never presented, so
 * it can be edited, presented or deleted); the comparison compares the two demo scenarios; the arbitration retains
 * the demo « service commun ». Reading = anyone who opens the project (partners and observers included);
 * writing = administrator, facilitator, EPCI élus and technicians; arbitrating = facilitator and administrator.
 */
import { all, controllers, projectReaders, type Row } from '../actors.js';

const writers = (ok: number) => all(403, { anon: 401, admin: ok, vp: ok, techEpci: ok });

/** A valid scenario body; `scenariosMatrixCommunes` is replaced by two participating communes (fixture). */
const scenario = { title: 'Scénario de la matrice', instrument: 'service_commun', communes: 'scenariosMatrixCommunes', allocationKey: { kind: 'population' } };

export const SCENARIOS_ROWS: Row[] = [
  { route: 'GET /api/projects/:projectId/scenarios', expect: projectReaders(200) },
  { route: 'GET /api/projects/:projectId/scenario-inputs', expect: projectReaders(200) },
  { route: 'POST /api/projects/:projectId/scenarios', body: scenario, expect: writers(201) },
  { route: 'GET /api/projects/:projectId/scenarios/compare', expect: projectReaders(200) },
  { route: 'GET /api/projects/:projectId/scenarios/compare/export', expect: projectReaders(200) },
  { route: 'GET /api/scenarios/:scenarioId', expect: projectReaders(200) },
  { route: 'PUT /api/scenarios/:scenarioId', body: { ...scenario, title: 'Scénario modifié', revision: 1 }, expect: writers(200) },
  { route: 'DELETE /api/scenarios/:scenarioId', expect: writers(204) },
  { route: 'POST /api/scenarios/:scenarioId/status', body: { status: 'presente' }, expect: writers(200) },
  { route: 'POST /api/scenarios/:scenarioId/document', expect: writers(200) },
  { route: 'GET /api/scenarios/:scenarioId/history', expect: projectReaders(200) },
  { route: 'GET /api/projects/:projectId/arbitrations', expect: projectReaders(200) },
  {
    route: 'POST /api/projects/:projectId/arbitrations',
    body: { retainedScenarioId: 'scenariosMatrixRetained', decisionDate: '2026-11-25', body: 'copil', reasons: 'Meilleur équilibre entre coût et proximité.' },
    expect: controllers(201),
  },
];
