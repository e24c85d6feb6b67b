/**
 * The full test app (every feature on a real collaboration service) with tokens of the demo accounts and helpers
 * to write and read a document's text on the server side.
 */
import * as Y from 'yjs';
import type { JSONContent } from '@tiptap/core';
import { createTestApp, DEMO } from '../../support/test-app.js';
import { DEFAULT_FRAGMENT, applyJSONMinimal, fragmentToJSON, fragmentToText } from '../../../shared/editor/index.js';

export const p = (text: string): JSONContent => ({ type: 'paragraph', content: text ? [{ type: 'text', text }] : [] });
export const h2 = (text: string): JSONContent => ({ type: 'heading', attrs: { level: 2 }, content: [{ type: 'text', text }] });
export const doc = (...content: JSONContent[]): JSONContent => ({ type: 'doc', content });

export async function createVersionsTestApp() {
  const t = await createTestApp({ full: true });
  const collaboration = t.collaboration!;
  const tokens = Object.fromEntries(
    await Promise.all(Object.entries(DEMO).map(async ([k, email]) => [k, (await t.login(email)).token] as const)),
  ) as Record<keyof typeof DEMO, string>;
  const projectId = t.demoProject().id;

  async function createDocument(title = 'Convention jeunesse'): Promise<string> {
    const res = await t.request('POST', `/api/projects/${projectId}/documents`, { token: tokens.vp, body: { kind: 'note', title } });
    if (res.status !== 201) throw new Error(`create failed: ${res.status} ${res.text}`);
    return res.json.id as string;
  }

  /** Makes the document's text equal to `json` (minimal server-side edit, as a client's edits would). */
  const setContent = (documentId: string, json: JSONContent) => collaboration.edit(documentId, (d) => void applyJSONMinimal(d, json));
  const content = (documentId: string) => collaboration.read(documentId, (d) => fragmentToJSON(d.getXmlFragment(DEFAULT_FRAGMENT)));
  const text = (documentId: string) => collaboration.read(documentId, (d) => fragmentToText(d.getXmlFragment(DEFAULT_FRAGMENT)));
  const read = <T>(documentId: string, fn: (d: Y.Doc) => T) => collaboration.read(documentId, fn);
  const logRows = (documentId: string) => (t.sqlite.prepare('SELECT COUNT(*) AS n FROM doc_updates WHERE document_id = ?').get(documentId) as { n: number }).n;
  const events = (type: string) =>
    (t.sqlite.prepare('SELECT payload FROM project_events WHERE type = ? ORDER BY id').all(type) as { payload: string }[]).map((r) => JSON.parse(r.payload));
  const audit = (action: string) =>
    (t.sqlite.prepare('SELECT user_id AS userId, target_id AS targetId, before, after FROM audit_events WHERE action = ? ORDER BY id').all(action) as Array<{ userId: string; targetId: string; before: string | null; after: string | null }>).map((r) => ({
      ...r,
      before: r.before ? JSON.parse(r.before) : null,
      after: r.after ? JSON.parse(r.after) : null,
    }));

  return { ...t, collaboration, tokens, projectId, createDocument, setContent, content, text, read, logRows, events, audit };
}

export type VersionsTestApp = Awaited<ReturnType<typeof createVersionsTestApp>>;
