/**
 * The authorization matrix, written literally: for every HTTP route, the expected status for each actor.
 * Actors: anonymous, the administrator, the facilitating VP, the EPCI technician, an élu and a technician of a
 * participating commune (Fayence), the élue of Seillans (participating), an élu of a commune with no participation
 * (Bagnols-en-Forêt), the CAF partner and the observer (both added to the project).
 * Expectations are literal: they do not re-read the abilities table.
 */
export const ACTORS = ['anon', 'admin', 'vp', 'techEpci', 'eluFayence', 'techFayence', 'eluSeillans', 'eluBagnols', 'caf', 'observer'] as const;
export type ActorName = (typeof ACTORS)[number];

type Row = {
  /** `METHOD /api/path/:param` exactly as Hono registers it. */
  route: string;
  body?: unknown;
  expect: Record<ActorName, number>;
};

const all = (status: number, overrides: Partial<Record<ActorName, number>> = {}): Record<ActorName, number> => ({
  ...(Object.fromEntries(ACTORS.map((a) => [a, status])) as Record<ActorName, number>),
  ...overrides,
});
/** Any signed-in user. */
const signedIn = (status: number) => all(status, { anon: 401 });
/** Administrators only. */
const adminOnly = (ok: number) => all(403, { anon: 401, admin: ok });
/** Project readers: everyone but the élu of a commune with no participation. */
const projectReaders = (ok: number) => all(ok, { anon: 401, eluBagnols: 403 });
/** Facilitator and administrator. */
const controllers = (ok: number) => all(403, { anon: 401, admin: ok, vp: ok });

export const MATRIX: Row[] = [
  { route: 'GET /api/health', expect: all(200) },
  { route: 'GET /api/config', expect: all(200) },
  { route: 'POST /api/auth/login', body: { email: 'vp@demo.mutualab.fr', password: 'demo' }, expect: all(200) },
  { route: 'POST /api/auth/logout', expect: signedIn(204) },
  { route: 'GET /api/me', expect: signedIn(200) },
  { route: 'GET /api/territories', expect: signedIn(200) },
  { route: 'POST /api/territories', body: { siren: '200035319' }, expect: adminOnly(201) },
  { route: 'GET /api/territories/:territoryId', expect: signedIn(200) },
  { route: 'GET /api/territories/:territoryId/communes', expect: signedIn(200) },
  { route: 'POST /api/territories/:territoryId/communes', body: { inseeCode: '83118' }, expect: adminOnly(201) },
  { route: 'GET /api/territories/:territoryId/partners', expect: signedIn(200) },
  { route: 'POST /api/territories/:territoryId/partners', body: { name: 'MSA Provence Azur', kind: 'msa' }, expect: adminOnly(201) },
  { route: 'GET /api/projects', expect: signedIn(200) },
  {
    route: 'POST /api/projects',
    body: { territoryIdFrom: 'demo', title: 'Petite enfance', domains: ['petite_enfance'] },
    expect: all(403, { anon: 401, admin: 201, vp: 201 }),
  },
  { route: 'GET /api/projects/:projectId', expect: projectReaders(200) },
  { route: 'PATCH /api/projects/:projectId', body: { title: 'Service jeunesse mutualisé' }, expect: controllers(200) },
  { route: 'PUT /api/projects/:projectId/plan', body: { plannedDates: { scenarios: '2027-02-01' } }, expect: controllers(200) },
  { route: 'POST /api/projects/:projectId/phase', body: { to: 'scenarios' }, expect: controllers(200) },
  { route: 'GET /api/projects/:projectId/phase-history', expect: projectReaders(200) },
  { route: 'PUT /api/projects/:projectId/participations/:communeId', body: { state: 'participante' }, expect: controllers(200) },
  { route: 'GET /api/projects/:projectId/participation-history', expect: projectReaders(200) },
  { route: 'POST /api/projects/:projectId/members', body: { userIdFrom: 'newObserver' }, expect: controllers(200) },
  { route: 'DELETE /api/projects/:projectId/members/:userId', expect: controllers(200) },
  { route: 'GET /api/projects/:projectId/audit', expect: controllers(200) },
  { route: 'GET /api/users', expect: adminOnly(200) },
  { route: 'POST /api/users/invitations', body: { email: 'nouvelle@exemple.fr', name: 'Nouvelle Personne', role: 'observateur' }, expect: adminOnly(201) },
  { route: 'PUT /api/users/:userId/role', body: { role: 'observateur' }, expect: adminOnly(200) },
  { route: 'GET /api/invitations/:token', expect: all(404) },
  { route: 'POST /api/invitations/:token/accept', body: { password: 'un-mot-de-passe-solide' }, expect: all(404) },
];

/** Routes that are documentation, not API (not in OpenAPI and not authorization-relevant). */
export const META_ROUTES = ['GET /api/openapi.json', 'GET /api/docs', 'GET /api/docs.js'];
