/**
 * The full test app (every feature mounted on a real collaboration service, in-memory SQLite, manual clock) with
 * the demo accounts signed in and helpers to prepare and steer a séance of the demo project.
 */
import { createTestApp, DEMO, type TestApp } from '../../support/test-app.js';

export type ActorKey = keyof typeof DEMO;

export type WorkshopsTestApp = TestApp & {
  tokens: Record<ActorKey, string>;
  projectId: string;
  communes: { fayence: string; seillans: string; montauroux: string; tourrettes: string; mons: string };
  ids: Record<ActorKey, string>;
  /** A note of the demo project with the given title (created by the facilitator). */
  note(title: string): Promise<string>;
  /** Creates a séance as the facilitator (a COPIL with three items unless told otherwise); returns the view. */
  createSeance(body?: Record<string, unknown>): Promise<any>;
  /** A call as `who` that must succeed with `status`; returns the JSON body. */
  ok(who: ActorKey, method: string, path: string, body?: unknown, status?: number): Promise<any>;
};

export async function createWorkshopsTestApp(): Promise<WorkshopsTestApp> {
  const t = await createTestApp({ full: true });
  const tokens = {} as Record<ActorKey, string>;
  const ids = {} as Record<ActorKey, string>;
  for (const [k, email] of Object.entries(DEMO) as [ActorKey, string][]) {
    tokens[k] = (await t.login(email)).token;
    ids[k] = t.userByEmail(email).id;
  }
  const projectId = t.demoProject().id;
  const communes = {
    fayence: t.communeByInsee('83055').id,
    seillans: t.communeByInsee('83124').id,
    montauroux: t.communeByInsee('83081').id,
    tourrettes: t.communeByInsee('83138').id,
    mons: t.communeByInsee('83080').id,
  };

  async function ok(who: ActorKey, method: string, path: string, body?: unknown, status = method === 'POST' && /\/(seances|polls|decisions)$/.test(path) ? 201 : 200) {
    const res = await t.request(method, path, { token: tokens[who], body });
    if (res.status !== status) throw new Error(`${who} ${method} ${path}: ${res.status} ${res.text}`);
    return res.json;
  }

  async function note(title: string): Promise<string> {
    return (await ok('vp', 'POST', `/api/projects/${projectId}/documents`, { kind: 'note', title }, 201)).id;
  }

  async function createSeance(body: Record<string, unknown> = {}) {
    return ok('vp', 'POST', `/api/projects/${projectId}/seances`, {
      title: 'COPIL jeunesse',
      body: 'copil',
      startsAt: '2026-12-08T13:00:00.000Z',
      location: 'Salle du conseil, Fayence',
      agenda: [
        { title: 'Accueil', plannedMinutes: 10, outcome: 'information' },
        { title: 'Scénarios', plannedMinutes: 30, outcome: 'debat' },
        { title: 'Choix du scénario', plannedMinutes: 15, outcome: 'decision' },
      ],
      ...body,
    }, 201);
  }

  return Object.assign(t, { tokens, ids, projectId, communes, note, createSeance, ok });
}

export { DEMO };
