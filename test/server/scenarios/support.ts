/** The full test app with demo tokens, the demo scenarios and helpers to read events, audit and document text. */
import { createTestApp, DEMO } from '../../support/test-app.js';
import { DEFAULT_FRAGMENT, fragmentToText } from '../../../shared/editor/index.js';

export async function createScenariosTestApp() {
  const t = await createTestApp({ full: true });
  const tokens = Object.fromEntries(await Promise.all(Object.entries(DEMO).map(async ([k, email]) => [k, (await t.login(email)).token] as const))) as Record<keyof typeof DEMO, string>;
  const projectId = t.demoProject().id;
  const list = await t.request('GET', `/api/projects/${projectId}/scenarios`, { token: tokens.vp });
  const [serviceCommun, entente] = list.json.scenarios as { id: string; title: string; revision: number }[];
  const commune = (insee: string) => t.communeByInsee(insee).id;
  const events = (type: string) => (t.sqlite.prepare('SELECT payload FROM project_events WHERE type = ? ORDER BY id').all(type) as { payload: string }[]).map((r) => JSON.parse(r.payload));
  const audit = (action: string) =>
    (t.sqlite.prepare('SELECT user_id AS userId, target_id AS targetId, before, after FROM audit_events WHERE action = ? ORDER BY id').all(action) as { userId: string; targetId: string; before: string | null; after: string | null }[]).map((r) => ({
      ...r,
      before: r.before ? JSON.parse(r.before) : null,
      after: r.after ? JSON.parse(r.after) : null,
    }));
  const text = (documentId: string) => t.collaboration!.read(documentId, (d) => fragmentToText(d.getXmlFragment(DEFAULT_FRAGMENT)));
  return { t, tokens, projectId, demo: { serviceCommun, entente }, commune, events, audit, text };
}

/** Insee codes of the demo: four participating communes, an invited one outside the EPCI, one not in the project. */
export const INSEE = { fayence: '83055', seillans: '83124', montauroux: '83081', tourrettes: '83138', adrets: '83001', bagnols: '83008' } as const;
