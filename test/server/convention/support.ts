/**
 * The full test app (real collaboration service) with the demo tokens, helpers to retain a demo scenario, generate
 * the convention, record deliberations, and read events, audit rows and document text.
 */
import { createTestApp, DEMO, ORIGIN } from '../../support/test-app.js';
import { DEFAULT_FRAGMENT, fragmentToJSON, fragmentToText } from '../../../shared/editor/index.js';

export async function createConventionTestApp() {
  const t = await createTestApp({ full: true });
  const tokens = Object.fromEntries(await Promise.all(Object.entries(DEMO).map(async ([k, email]) => [k, (await t.login(email)).token] as const))) as Record<keyof typeof DEMO, string>;
  const projectId = t.demoProject().id;
  const scenarios = (await t.request('GET', `/api/projects/${projectId}/scenarios`, { token: tokens.vp })).json.scenarios as { id: string; title: string }[];
  const commune = (insee: string) => t.communeByInsee(insee).id;
  const api = async (method: string, path: string, token: string, body?: unknown) => t.request(method, `/api${path.replace(':p', projectId)}`, { token, body });
  const ok = async (method: string, path: string, token: string, body?: unknown, status = 200) => {
    const res = await api(method, path, token, body);
    if (res.status !== status) throw new Error(`${method} ${path} → ${res.status} ${res.text}`);
    return res.json;
  };

  /** Retains one of the demo scenarios (the service commun by default) through the arbitration API. */
  async function retain(which: 'serviceCommun' | 'entente' = 'serviceCommun') {
    const scenario = scenarios.find((s) => (which === 'serviceCommun' ? s.title.startsWith('Service commun') : s.title.startsWith('Entente')))!;
    await ok('POST', '/projects/:p/arbitrations', tokens.vp, { retainedScenarioId: scenario.id, decisionDate: '2026-11-26', body: 'copil', reasons: 'Une offre dans chaque village.' }, 201);
    return scenario;
  }

  /** A file route's raw bytes and headers. */
  async function download(path: string, token: string) {
    const res = await t.app.request(`${ORIGIN}/api${path.replace(':p', projectId)}`, { headers: { authorization: `Bearer ${token}` } });
    return { status: res.status, headers: res.headers, bytes: new Uint8Array(await res.arrayBuffer()) };
  }

  const events = (type: string) => (t.sqlite.prepare('SELECT payload FROM project_events WHERE type = ? ORDER BY id').all(type) as { payload: string }[]).map((r) => JSON.parse(r.payload));
  const audit = (action: string) =>
    (t.sqlite.prepare('SELECT user_id AS userId, target_id AS targetId, before, after FROM audit_events WHERE action = ? ORDER BY id').all(action) as { userId: string; targetId: string; before: string | null; after: string | null }[]).map((r) => ({
      ...r,
      before: r.before ? JSON.parse(r.before) : null,
      after: r.after ? JSON.parse(r.after) : null,
    }));
  const text = (documentId: string) => t.collaboration!.read(documentId, (d) => fragmentToText(d.getXmlFragment(DEFAULT_FRAGMENT)));
  const json = (documentId: string) => t.collaboration!.read(documentId, (d) => fragmentToJSON(d.getXmlFragment(DEFAULT_FRAGMENT)));

  /** Records a favourable vote then the signature of every council of the convention (or of an avenant). */
  async function signAll(avenantId: string | null = null, withCst = true) {
    const board = await ok('GET', '/projects/:p/deliberations', tokens.vp);
    const rows = avenantId ? board.avenants.find((a: any) => a.avenantId === avenantId).rows : board.convention.rows;
    for (const r of rows) {
      if (r.state === 'prevue') await ok('POST', `/projects/:p/deliberations/${r.id}/state`, tokens.vp, { to: 'favorable', date: '2027-06-20', number: `D-${r.name.slice(0, 3)}`, votes: { pour: 12, contre: 2, abstention: 1 }, ...(withCst ? { cstDate: '2027-05-15', cstOpinion: 'favorable' } : {}) });
      await ok('POST', `/projects/:p/deliberations/${r.id}/state`, tokens.vp, { to: 'signataire', date: '2027-07-01' });
    }
  }

  return { t, tokens, projectId, scenarios, commune, api, ok, retain, download, events, audit, text, json, signAll, close: () => t.close() };
}

/** INSEE codes of the demo: participating communes, invited ones, one not in the project. */
export const INSEE = { fayence: '83055', seillans: '83124', montauroux: '83081', tourrettes: '83138', callian: '83029', mons: '83080', adrets: '83001', bagnols: '83008' } as const;
