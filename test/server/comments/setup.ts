/**
 * The full test app (every feature on a real collaboration service) with tokens of the demo accounts and helpers
 * for comments: documents with a given text, anchors by quote, diagnostic records of the demo, events and audit.
 */
import * as Y from 'yjs';
import type { JSONContent } from '@tiptap/core';
import { createTestApp, DEMO } from '../../support/test-app.js';
import { DEFAULT_FRAGMENT, applyJSONMinimal, createAnchorFromQuote, fragmentToText, type Anchor } from '../../../shared/editor/index.js';

export const p = (text: string): JSONContent => ({ type: 'paragraph', content: text ? [{ type: 'text', text }] : [] });
export const h2 = (text: string): JSONContent => ({ type: 'heading', attrs: { level: 2 }, content: [{ type: 'text', text }] });
export const doc = (...content: JSONContent[]): JSONContent => ({ type: 'doc', content });

/** The text used by most comment tests: two sections. */
export const CONVENTION = doc(
  h2('Article 1 — Objet'),
  p('Le service commun jeunesse est créé au 1er janvier.'),
  h2('Article 2 — Dispositions financières'),
  p('La contribution de chaque commune est fixée à 10 000 € par an.'),
);

export type DemoKey = keyof typeof DEMO;

export async function createCommentsTestApp() {
  const t = await createTestApp({ full: true });
  const collaboration = t.collaboration!;
  const tokens = Object.fromEntries(
    await Promise.all(Object.entries(DEMO).map(async ([k, email]) => [k, (await t.login(email)).token] as const)),
  ) as Record<DemoKey, string>;
  const projectId = t.demoProject().id;
  const userId = (k: DemoKey) => t.userByEmail(DEMO[k]).id;

  /** A `note` document holding `content` (written by the server, as a template would be). */
  async function createDocument(content: JSONContent = CONVENTION, title = 'Convention jeunesse'): Promise<string> {
    const res = await t.request('POST', `/api/projects/${projectId}/documents`, { token: tokens.vp, body: { kind: 'note', title } });
    if (res.status !== 201) throw new Error(`create failed: ${res.status} ${res.text}`);
    await collaboration.edit(res.json.id, (d) => void applyJSONMinimal(d, content));
    return res.json.id as string;
  }

  const anchorOf = (documentId: string, quote: string): Promise<Anchor> =>
    collaboration.read(documentId, (d) => {
      const a = createAnchorFromQuote(d, quote);
      if (!a) throw new Error(`quote not found: ${quote}`);
      return a;
    });
  const text = (documentId: string) => collaboration.read(documentId, (d) => fragmentToText(d.getXmlFragment(DEFAULT_FRAGMENT)));
  const edit = (documentId: string, fn: (d: Y.Doc) => void) => collaboration.edit(documentId, fn);

  /** POST a comment as `who`; returns the response. */
  const comment = (who: DemoKey, body: Record<string, unknown>) => t.request('POST', `/api/projects/${projectId}/comments`, { token: tokens[who], body });
  /** A text comment on `quote` of `documentId`. */
  async function commentOn(who: DemoKey, documentId: string, quote: string, extra: Record<string, unknown> = {}) {
    const anchor = await anchorOf(documentId, quote);
    return comment(who, { type: 'objection', body: 'Objection.', anchors: [{ kind: 'text', documentId, anchor }], ...extra });
  }
  const get = (who: DemoKey, path: string) => t.request('GET', `/api${path}`, { token: tokens[who] });
  const post = (who: DemoKey, path: string, body?: unknown) => t.request('POST', `/api${path}`, { token: tokens[who], body: body ?? {} });

  /** A diagnostic record of the demo: the first row of `table` whose commune has this INSEE code. */
  const demoRecord = (table: string, insee: string) =>
    t.sqlite.prepare(`SELECT r.* FROM ${table} r JOIN communes c ON c.id = r.commune_id WHERE c.insee_code = ? ORDER BY r.id LIMIT 1`).get(insee) as Record<string, unknown> & { id: string; commune_id: string };

  const events = (type: string) =>
    (t.sqlite.prepare('SELECT payload, audience FROM project_events WHERE type = ? ORDER BY id').all(type) as { payload: string; audience: string }[]).map((r) => ({ ...JSON.parse(r.payload), audience: JSON.parse(r.audience) }));
  const notifications = (kind?: string) =>
    (t.sqlite.prepare(`SELECT n.kind, n.title, n.body, n.link, u.email FROM notifications n JOIN users u ON u.id = n.user_id ${kind ? 'WHERE n.kind = ?' : ''} ORDER BY n.rowid`).all(...(kind ? [kind] : [])) as Array<{ kind: string; title: string; body: string; link: string; email: string }>);
  const audit = (action: string) =>
    (t.sqlite.prepare('SELECT user_id AS userId, target_id AS targetId, before, after FROM audit_events WHERE action = ? ORDER BY id').all(action) as Array<{ userId: string; targetId: string; before: string | null; after: string | null }>).map((r) => ({
      ...r,
      before: r.before ? JSON.parse(r.before) : null,
      after: r.after ? JSON.parse(r.after) : null,
    }));

  return { ...t, collaboration, tokens, projectId, userId, createDocument, anchorOf, text, edit, comment, commentOn, get, post, demoRecord, events, notifications, audit };
}

export type CommentsTestApp = Awaited<ReturnType<typeof createCommentsTestApp>>;
