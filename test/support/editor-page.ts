/**
 * Browser helpers shared by the editor suites: demo sign-in, same-origin API calls from the page, opening the editor
 * and reading its text without caret labels, typing.
 */
import type { Browser, BrowserContext, Page } from 'playwright-core';
import type { ServerProcess } from './server-process.js';

export const PROJECT_TITLE = 'Mutualisation du service jeunesse';
/** axe needs an inline script, which the app's CSP rightly blocks. */
export const CONTEXT_OPTIONS = { bypassCSP: true, viewport: { width: 1280, height: 900 }, locale: 'fr-FR' } as const;

/** Signs in on an existing context with the demo button of `email`. */
export async function signInOn(context: BrowserContext, email: string): Promise<Page> {
  const page = await context.newPage();
  await page.goto('/connexion');
  await page.getByTestId(`demo-login-${email}`).click();
  await page.getByRole('heading', { level: 1, name: 'Mes projets' }).waitFor();
  return page;
}

/** New context signed in as `email`. */
export async function signInAs(browser: Browser, server: ServerProcess, email: string): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ ...CONTEXT_OPTIONS, baseURL: server.url });
  return { context, page: await signInOn(context, email) };
}

/** POST from inside the page (same origin, session cookie: what the app itself does, CSRF check included). */
export function apiPost(page: Page, path: string, body?: unknown): Promise<{ status: number; json: unknown }> {
  return page.evaluate(
    async ({ path, body }) => {
      const res = await fetch(`/api${path}`, {
        method: 'POST',
        headers: body === undefined ? {} : { 'Content-Type': 'application/json' },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      const text = await res.text();
      return { status: res.status, json: text ? JSON.parse(text) : null };
    },
    { path, body },
  );
}

/** The demo project's id and a new document (created through the API with the page's session). */
export async function createDocument(page: Page, title: string): Promise<{ projectId: string; documentId: string }> {
  const projects = (await (await page.request.get('/api/projects')).json()) as { id: string; title: string }[];
  const projectId = projects.find((p) => p.title === PROJECT_TITLE)!.id;
  const res = await apiPost(page, `/projects/${projectId}/documents`, { kind: 'note', title });
  if (res.status !== 201) throw new Error(`création refusée: ${res.status} ${JSON.stringify(res.json)}`);
  return { projectId, documentId: (res.json as { id: string }).id };
}

/** Opens the editor page and waits until the text is synced with the server. */
export async function openEditor(page: Page, projectId: string, documentId: string, status = 'saved'): Promise<void> {
  await page.goto(`/projets/${projectId}/documents/${documentId}`);
  await page.locator(`[data-testid="connection-status"][data-status="${status}"]`).waitFor({ timeout: 15_000 });
  await page.locator('.ProseMirror').waitFor();
}

/** The editor's text, without the caret labels that live inside the editor DOM. */
export function editorText(page: Page): Promise<string> {
  return page.locator('.ProseMirror').evaluate((el) => {
    const clone = el.cloneNode(true) as HTMLElement;
    clone.querySelectorAll('.collaboration-carets__caret').forEach((c) => c.remove());
    return clone.textContent ?? '';
  });
}

/** Waits until the editor's text contains `needle`. */
export async function waitForText(page: Page, needle: string, timeout = 10_000): Promise<void> {
  const deadline = Date.now() + timeout;
  while (Date.now() < deadline) {
    if ((await editorText(page)).includes(needle)) return;
    await page.waitForTimeout(100);
  }
  throw new Error(`texte « ${needle} » absent après ${timeout} ms : ${await editorText(page)}`);
}

/** Puts the caret at the end of the editor and types `text` as a new paragraph. */
export async function typeAtEnd(page: Page, text: string): Promise<void> {
  await page.locator('.ProseMirror').click();
  await page.keyboard.press('Control+End');
  await page.keyboard.press('Enter');
  await page.keyboard.type(text, { delay: 10 });
}

/**
 * New context signed in as `email`, on the demo project's tab `tab` (its h2 has the same name). `options` extend the
 * context's (a time zone, downloads…).
 */
export async function openProjectTab(
  browser: Browser,
  server: ServerProcess,
  email: string,
  tab: string,
  options: Record<string, unknown> = {},
): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ ...CONTEXT_OPTIONS, ...options, baseURL: server.url });
  const page = await signInOn(context, email);
  await page.getByRole('link', { name: PROJECT_TITLE }).click();
  await page.waitForURL(/\/projets\/[^/]+$/);
  await page.getByRole('navigation', { name: 'Rubriques du projet' }).getByRole('link', { name: tab }).click();
  await page.getByRole('heading', { level: 2, name: tab }).waitFor();
  return { context, page };
}
