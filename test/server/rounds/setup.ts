/**
 * The full test app (every feature on a real collaboration service) with tokens of the demo accounts and helpers for
 * rounds: a document with a known text, commune ids, programme actions of the demo, notifications and audit rows.
 */
import type { JSONContent } from '@tiptap/core';
import { createTestApp, DEMO } from '../../support/test-app.js';
import { DEFAULT_FRAGMENT, applyJSONMinimal, createAnchorFromQuote, fragmentToText } from '../../../shared/editor/index.js';

export type DemoKey = keyof typeof DEMO;

export const p = (text: string): JSONContent => ({ type: 'paragraph', content: text ? [{ type: 'text', text }] : [] });
export const h2 = (text: string): JSONContent => ({ type: 'heading', attrs: { level: 2 }, content: [{ type: 'text', text }] });

/** INSEE codes of the demo communes used here. */
export const INSEE = { fayence: '83055', seillans: '83124', montauroux: '83081', tanneron: '83133', mons: '83080', bagnols: '83008' } as const;

export async function createRoundsTestApp() {
  const t = await createTestApp({ full: true });
  const collaboration = t.collaboration!;
  const tokens = Object.fromEntries(await Promise.all(Object.entries(DEMO).map(async ([k, email]) => [k, (await t.login(email)).token] as const))) as Record<DemoKey, string>;
  const projectId = t.demoProject().id;
  const userId = (k: DemoKey) => t.userByEmail(DEMO[k]).id;
  const commune = (k: keyof typeof INSEE) => t.communeByInsee(INSEE[k]).id;

  /** Sessions expire after 12 h: tests that move the clock by days sign everyone in again. */
  async function relogin() {
    for (const [k, email] of Object.entries(DEMO)) tokens[k as DemoKey] = (await t.login(email)).token;
  }
  const call = (who: DemoKey | null, method: string, path: string, body?: unknown) => t.request(method, `/api${path}`, { token: who ? tokens[who] : undefined, body });
  const get = (who: DemoKey, path: string) => call(who, 'GET', path);

  /** A `note` with two sections, written by the server. */
  async function createDocument(title = 'Projet de service commun'): Promise<string> {
    const res = await call('vp', 'POST', `/projects/${projectId}/documents`, { kind: 'note', title });
    if (res.status !== 201) throw new Error(`document: ${res.status} ${res.text}`);
    const content = { type: 'doc', content: [h2('Article 1 — Objet'), p('Le service commun jeunesse est créé au 1er janvier.'), h2('Article 2 — Financement'), p('Chaque commune contribue au prorata de sa population.')] };
    await collaboration.edit(res.json.id, (d) => void applyJSONMinimal(d, content));
    return res.json.id as string;
  }
  const text = (documentId: string) => collaboration.read(documentId, (d) => fragmentToText(d.getXmlFragment(DEFAULT_FRAGMENT)));
  const anchorOf = (documentId: string, quote: string) =>
    collaboration.read(documentId, (d) => {
      const a = createAnchorFromQuote(d, quote);
      if (!a) throw new Error(`quote not found: ${quote}`);
      return a;
    });

  /** Creates a draft round (defaults: the three communes, opening now, closing in 7 days) and returns its detail. */
  async function draft(over: Record<string, unknown> = {}) {
    const now = t.clock.now().getTime();
    const body = {
      title: 'Scénario de service commun',
      question: 'La mutualisation renforcera-t-elle ou non les actions prévues ?',
      documentIds: [],
      invitedCommuneIds: [commune('fayence'), commune('seillans'), commune('montauroux')],
      opensAt: new Date(now).toISOString(),
      closesAt: new Date(now + 7 * 86_400_000).toISOString(),
      ...over,
    };
    const res = await call('vp', 'POST', `/projects/${projectId}/rounds`, body);
    if (res.status !== 201) throw new Error(`round: ${res.status} ${res.text}`);
    return res.json;
  }
  /** A draft, opened. */
  async function opened(over: Record<string, unknown> = {}) {
    const d = await draft(over);
    const res = await call('vp', 'POST', `/rounds/${d.id}/open`);
    if (res.status !== 200) throw new Error(`open: ${res.status} ${res.text}`);
    return res.json;
  }
  /** Programme action ids of a commune (the demo seeds some for Fayence, Seillans, Montauroux, Tourrettes). */
  const programme = async (k: keyof typeof INSEE): Promise<string[]> =>
    (await get('vp', `/projects/${projectId}/programmes?communeId=${commune(k)}`)).json.map((a: { id: string }) => a.id);
  /** Every programme action of a commune marked with the same impact. */
  const impacts = async (k: keyof typeof INSEE, impact = 'renforce') => (await programme(k)).map((actionId) => ({ actionId, impact }));

  const notifications = (kind?: string) =>
    t.sqlite
      .prepare(`SELECT n.kind, n.title, n.body, n.link, n.dedupe_key AS dedupeKey, u.email FROM notifications n JOIN users u ON u.id = n.user_id ${kind ? 'WHERE n.kind = ?' : ''} ORDER BY n.rowid`)
      .all(...(kind ? [kind] : [])) as Array<{ kind: string; title: string; body: string; link: string; dedupeKey: string | null; email: string }>;
  const audit = (action: string) =>
    (t.sqlite.prepare('SELECT user_id AS userId, target_id AS targetId, after FROM audit_events WHERE action = ? ORDER BY id').all(action) as Array<{ userId: string | null; targetId: string; after: string | null }>).map((r) => ({ ...r, after: r.after ? JSON.parse(r.after) : null }));

  return { ...t, collaboration, tokens, relogin, projectId, userId, commune, call, get, createDocument, text, anchorOf, draft, opened, programme, impacts, notifications, audit };
}

export type RoundsTestApp = Awaited<ReturnType<typeof createRoundsTestApp>>;
