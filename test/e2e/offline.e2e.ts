/**
 * Offline editing in a real browser: the server is stopped (not a simulated network cut), the person keeps typing,
 * closes the tab; nothing reached the database. The server restarts on the same port and file, the document is opened
 * again in the same browser profile (IndexedDB survives): the offline edits are merged and a second person sees them.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import * as Y from 'yjs';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { DEFAULT_FRAGMENT, fragmentToText } from '../../shared/editor/index.js';
import { CHROMIUM_ARGS, e2eDescribe, launchBrowser } from '../support/browser.js';
import { findChromium } from '../support/browser-path.js';
import { startServer, type ServerProcess } from '../support/server-process.js';
import { PROJECT_TITLE, CONTEXT_OPTIONS, signInOn, signInAs, apiPost, createDocument, openEditor, editorText, waitForText, typeAtEnd } from '../support/editor-page.js';

const OFFLINE_TEXT = 'Paragraphe écrit hors ligne 4271.';

/** The document's text as stored by the server (snapshot + update log), read from the SQLite file read-only. */
function storedText(dbPath: string, documentId: string): string {
  const db = new Database(dbPath, { readonly: true, fileMustExist: true });
  try {
    const doc = new Y.Doc();
    const snapshot = db.prepare('SELECT data FROM doc_snapshots WHERE document_id = ?').get(documentId) as { data: Buffer } | undefined;
    if (snapshot) Y.applyUpdate(doc, new Uint8Array(snapshot.data));
    const rows = db.prepare('SELECT data FROM doc_updates WHERE document_id = ? ORDER BY id').all(documentId) as { data: Buffer }[];
    for (const row of rows) Y.applyUpdate(doc, new Uint8Array(row.data));
    return fragmentToText(doc.getXmlFragment(DEFAULT_FRAGMENT));
  } finally {
    db.close();
  }
}

// ── Helpers ──

e2eDescribe('offline editing (browser)', () => {
  let server: ServerProcess;
  let profileDir: string;
  let context: BrowserContext;
  let other: Browser;

  beforeAll(async () => {
    server = await startServer();
    profileDir = mkdtempSync(join(tmpdir(), 'mutualab-profile-'));
    context = await chromium.launchPersistentContext(profileDir, {
      executablePath: findChromium()!,
      args: CHROMIUM_ARGS,
      headless: true,
      ...CONTEXT_OPTIONS,
      baseURL: server.url,
    });
    other = await launchBrowser();
  });

  afterAll(async () => {
    await context?.close();
    await other?.close();
    await server?.stop();
    if (profileDir) rmSync(profileDir, { recursive: true, force: true });
  });

  it('keeps edits made while the server is down and merges them when the document is reopened', { timeout: 90_000 }, async () => {
    const page = await signInOn(context, 'vp@demo.mutualab.fr');
    const { projectId, documentId } = await createDocument(page, 'Note écrite hors ligne');
    await openEditor(page, projectId, documentId);

    await server.stop();
    await page.locator('[data-testid="connection-status"][data-status="offline"]').waitFor({ timeout: 20_000 });
    expect(await page.getByTestId('connection-status').innerText()).toContain('Hors ligne — vos modifications seront synchronisées');
    await typeAtEnd(page, OFFLINE_TEXT);
    await waitForText(page, OFFLINE_TEXT);
    // y-indexeddb writes each update in its own transaction; leave it time to commit before closing the tab.
    await page.waitForTimeout(1000);
    await page.close();

    expect(storedText(server.dbPath, documentId)).not.toContain(OFFLINE_TEXT);

    await server.restart();
    const again = await context.newPage();
    await openEditor(again, projectId, documentId);
    await waitForText(again, OFFLINE_TEXT);
    // Sent and committed on the server: the database has it now…
    const deadline = Date.now() + 10_000;
    while (!storedText(server.dbPath, documentId).includes(OFFLINE_TEXT) && Date.now() < deadline) await again.waitForTimeout(200);
    expect(storedText(server.dbPath, documentId)).toContain(OFFLINE_TEXT);
    // …and someone else sees it, once (no duplicated content).
    const elu = await signInAs(other, server, 'elu.fayence@demo.mutualab.fr');
    await openEditor(elu.page, projectId, documentId);
    await waitForText(elu.page, OFFLINE_TEXT);
    expect((await editorText(elu.page)).split(OFFLINE_TEXT)).toHaveLength(2);
    await elu.context.close();

    // Logout drops the local replicas of this browser profile.
    const dbNames = () => again.evaluate(async () => (await indexedDB.databases()).map((d) => d.name ?? ''));
    expect((await dbNames()).some((n) => n.startsWith('mutualab-doc:'))).toBe(true);
    await again.locator('.usermenu-button').click();
    await again.getByRole('button', { name: 'Se déconnecter' }).click();
    await again.waitForURL(`${server.url}/connexion`);
    const until = Date.now() + 5_000;
    while ((await dbNames()).some((n) => n.startsWith('mutualab-doc:')) && Date.now() < until) await again.waitForTimeout(100);
    expect((await dbNames()).filter((n) => n.startsWith('mutualab-doc:'))).toEqual([]);
    await again.close();
  });

  it('resets a replica whose offline edits the server refuses (locked meanwhile) and offers the lost text', { timeout: 90_000 }, async () => {
    const LOST = 'Phrase refusée par le verrou 9182.';
    const page = await signInOn(context, 'elu.fayence@demo.mutualab.fr');
    const vp = await signInAs(other, server, 'vp@demo.mutualab.fr');
    const { projectId, documentId } = await createDocument(vp.page, 'Note verrouillée pendant une coupure');
    await openEditor(page, projectId, documentId);

    await server.stop();
    await page.locator('[data-testid="connection-status"][data-status="offline"]').waitFor({ timeout: 20_000 });
    await typeAtEnd(page, LOST);
    await page.waitForTimeout(1000);
    await page.close();

    await server.restart();
    expect((await apiPost(vp.page, `/documents/${documentId}/lock`)).status).toBe(200);

    const again = await context.newPage();
    await again.goto(`/projets/${projectId}/documents/${documentId}`);
    const dialog = again.getByTestId('lost-text-dialog');
    await dialog.waitFor({ timeout: 15_000 });
    expect(await dialog.locator('textarea').inputValue()).toContain(LOST);
    await again.locator('[data-testid="connection-status"][data-status="saved"]').waitFor({ timeout: 15_000 });
    expect(await again.getByTestId('doc-banner').getAttribute('data-reason')).toBe('locked');
    expect(await editorText(again)).not.toContain(LOST);
    expect(storedText(server.dbPath, documentId)).not.toContain(LOST);
    await dialog.getByRole('button', { name: 'Fermer' }).click();
    await dialog.waitFor({ state: 'detached' });
    // Reopening does not bring the refused text back: the local replica was replaced.
    await again.reload();
    await again.locator('[data-testid="connection-status"][data-status="saved"]').waitFor({ timeout: 15_000 });
    await again.waitForTimeout(500);
    expect(await editorText(again)).not.toContain(LOST);
    expect(await again.getByTestId('lost-text-dialog').count()).toBe(0);
    await vp.context.close();
  });
});
