/**
 * Keyboard only, in a real browser against the real server: from the login page an élu signs in by typing, reaches
 * the demo project, opens a document and types into the co-written text, with Tab / Shift+Tab / Enter / arrows only.
 * Every Tab stop must show a visible focus indicator (`:focus-visible` with an outline, a ring shadow, or the
 * outline of a stretched link's ::after). The typed text must reach the server: a fresh y-websocket client sees it.
 * axe-core passes on every page of the path.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { e2eDescribe, launchBrowser } from '../support/browser.js';
import { startServer, type ServerProcess } from '../support/server-process.js';
import { seriousViolations } from '../support/axe.js';
import { CONTEXT_OPTIONS, PROJECT_TITLE } from '../support/editor-page.js';
import { connectClient, waitFor } from '../support/ws-client.js';
import { DEFAULT_FRAGMENT, fragmentToText } from '../../shared/editor/index.js';

const DOCUMENT_TITLE = 'Note préparée pour le clavier';
const TYPED = 'Saisi uniquement au clavier.';

type Stop = { tag: string; type: string; name: string; focusVisible: boolean; indicator: string };

/** What has the focus, and how it shows (outline, ring shadow, or the ::after outline of a stretched link). */
function describeFocus(page: Page): Promise<Stop> {
  return page.evaluate(() => {
    const el = document.activeElement as HTMLElement;
    const own = getComputedStyle(el);
    const after = getComputedStyle(el, '::after');
    const outline = (s: CSSStyleDeclaration) => s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) >= 2;
    const indicator = outline(own) ? `outline ${own.outlineWidth} ${own.outlineColor}` : own.boxShadow !== 'none' ? `shadow ${own.boxShadow}` : outline(after) ? `::after outline ${after.outlineWidth}` : 'none';
    const label = (el as HTMLInputElement).labels?.[0]?.textContent;
    const name = (el.getAttribute('aria-label') ?? label ?? el.textContent ?? '').replace(/\s+/g, ' ').trim().slice(0, 80);
    return { tag: el.tagName.toLowerCase(), type: el.getAttribute('type') ?? '', name, focusVisible: el.matches(':focus-visible'), indicator };
  });
}

e2eDescribe('keyboard-only path (browser)', () => {
  let server: ServerProcess;
  let browser: Browser;
  let vpToken: string;

  beforeAll(async () => {
    server = await startServer();
    browser = await launchBrowser();
    const login = await fetch(`${server.url}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email: 'vp@demo.mutualab.fr', password: 'demo' }) });
    vpToken = ((await login.json()) as { token: string }).token;
    const auth = { authorization: `Bearer ${vpToken}`, 'content-type': 'application/json' };
    const projects = (await (await fetch(`${server.url}/api/projects`, { headers: auth })).json()) as { id: string; title: string }[];
    const projectId = projects.find((p) => p.title === PROJECT_TITLE)!.id;
    const created = await fetch(`${server.url}/api/projects/${projectId}/documents`, { method: 'POST', headers: auth, body: JSON.stringify({ kind: 'note', title: DOCUMENT_TITLE }) });
    expect(created.status).toBe(201);
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('signs in, opens the project and a document, and types into it with the keyboard only; focus always shows', { timeout: 120_000 }, async () => {
    const context = await browser.newContext({ ...CONTEXT_OPTIONS, baseURL: server.url });
    const page = await context.newPage();
    const stops: (Stop & { page: string })[] = [];
    const axe: Record<string, string[]> = {};

    /** Presses Tab (or Shift+Tab) until the focused element matches, recording every stop on the way. */
    async function tabTo(match: (s: Stop) => boolean, what: string, opts: { back?: boolean; max?: number } = {}): Promise<Stop> {
      for (let i = 0; i < (opts.max ?? 40); i++) {
        await page.keyboard.press(opts.back ? 'Shift+Tab' : 'Tab');
        const stop = await describeFocus(page);
        if (stop.tag !== 'body') stops.push({ ...stop, page: new URL(page.url()).pathname });
        if (match(stop)) return stop;
      }
      throw new Error(`« ${what} » jamais atteint au clavier ; arrêts : ${stops.slice(-15).map((s) => `${s.tag} « ${s.name} »`).join(' → ')}`);
    }

    // 1. Login page: the skip link comes first; the e-mail and password are typed; Enter submits.
    await page.goto('/connexion');
    await page.getByTestId('demo-login-elu.fayence@demo.mutualab.fr').waitFor();
    axe.login = await seriousViolations(page);
    const skip = await tabTo(() => true, 'premier arrêt');
    expect(skip).toMatchObject({ tag: 'a', name: 'Aller au contenu' });
    const email = await tabTo((s) => s.tag === 'input' && s.type === 'email', 'adresse e-mail');
    expect(email.name).toMatch(/^Adresse e-mail/);
    await page.keyboard.type('elu.fayence@demo.mutualab.fr');
    const password = await tabTo(() => true, 'mot de passe');
    expect(password).toMatchObject({ tag: 'input', type: 'password' });
    await page.keyboard.type('demo');
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { level: 1, name: 'Mes projets' }).waitFor();
    axe.home = await seriousViolations(page);

    // 2. The skip link jumps over the header: the next Tab lands inside <main>.
    await tabTo((s) => s.name === 'Aller au contenu', 'lien d’évitement');
    await page.keyboard.press('Enter');
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => !!document.activeElement?.closest('main'))).toBe(true);
    stops.push({ ...(await describeFocus(page)), page: 'après le lien d’évitement' });

    // 3. The project card opens with Enter.
    await tabTo((s) => s.tag === 'a' && s.name === PROJECT_TITLE, 'carte du projet');
    await page.keyboard.press('Enter');
    await page.getByTestId('phase-timeline').waitFor();
    axe.project = await seriousViolations(page);

    // 4. The « Documents » tab, then the document's link.
    await tabTo((s) => s.tag === 'a' && s.name === 'Documents', 'onglet Documents');
    await page.keyboard.press('Enter');
    await page.getByRole('link', { name: DOCUMENT_TITLE }).waitFor();
    axe.documents = await seriousViolations(page);
    await tabTo((s) => s.tag === 'a' && s.name === DOCUMENT_TITLE, 'lien du document');
    await page.keyboard.press('Enter');
    await page.locator('[data-testid="connection-status"][data-status="saved"]').waitFor({ timeout: 15_000 });

    // 5. The text itself, then back (Shift+Tab) to the toolbar: one Tab stop whose buttons the arrow keys reach.
    const textbox = await tabTo((s) => s.tag === 'div' && s.name.startsWith('Texte du document'), 'zone de texte');
    expect(textbox.name).toBe(`Texte du document « ${DOCUMENT_TITLE} »`);
    await page.keyboard.press('Control+End');
    await page.keyboard.press('Enter');
    await page.keyboard.type(TYPED);
    await tabTo((s) => s.tag === 'button' && s.name === 'Titre de niveau 1', 'barre d’outils', { back: true, max: 1 });
    await page.keyboard.press('ArrowRight');
    const next = await describeFocus(page);
    expect(next).toMatchObject({ tag: 'button', name: 'Titre de niveau 2', focusVisible: true });
    stops.push({ ...next, page: 'barre d’outils' });
    axe.editor = await seriousViolations(page);

    // 6. The text reached the server: a fresh stock client sees it.
    const documentId = new URL(page.url()).pathname.split('/').pop()!;
    const reader = connectClient(server.wsUrl, documentId, { token: vpToken });
    try {
      await reader.synced();
      await waitFor(() => fragmentToText(reader.doc.getXmlFragment(DEFAULT_FRAGMENT)).includes(TYPED), 10_000, 'typed text on the server');
    } finally {
      reader.destroy();
    }

    // Every stop showed its focus.
    const invisible = stops.filter((s) => !s.focusVisible || s.indicator === 'none');
    expect(invisible, 'Tab stops without a visible focus indicator').toEqual([]);
    expect(stops.length).toBeGreaterThan(15);
    expect(axe).toEqual({ login: [], home: [], project: [], documents: [], editor: [] });
    await context.close();
  });
});
