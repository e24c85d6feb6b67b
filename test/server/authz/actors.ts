/**
 * The authorization matrix, written literally: for every HTTP route, the expected status for each actor.
 * Actors: anonymous, the administrator, the facilitating VP, the EPCI technician, an élu and a technician of a
 * participating commune (Fayence), the élue of Seillans (participating), an élu of a commune with no participation
 * (Bagnols-en-Forêt), the CAF partner and the observer (both added to the project).
 * Expectations are literal: they do not re-read the abilities table.
 */
export const ACTORS = ['anon', 'admin', 'vp', 'techEpci', 'eluFayence', 'techFayence', 'eluSeillans', 'eluBagnols', 'caf', 'observer'] as const;
export type ActorName = (typeof ACTORS)[number];

export type Row = {
  /** `METHOD /api/path/:param` exactly as Hono registers it. */
  route: string;
  body?: unknown;
  expect: Record<ActorName, number>;
};

export const all = (status: number, overrides: Partial<Record<ActorName, number>> = {}): Record<ActorName, number> => ({
  ...(Object.fromEntries(ACTORS.map((a) => [a, status])) as Record<ActorName, number>),
  ...overrides,
});
/** Any signed-in user. */
export const signedIn = (status: number) => all(status, { anon: 401 });
/** Administrators only. */
export const adminOnly = (ok: number) => all(403, { anon: 401, admin: ok });
/** Project readers: everyone but the élu of a commune with no participation. */
export const projectReaders = (ok: number) => all(ok, { anon: 401, eluBagnols: 403 });
/** Facilitator and administrator. */
export const controllers = (ok: number) => all(403, { anon: 401, admin: ok, vp: ok });

