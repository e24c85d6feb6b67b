/**
 * Foundation, in a real browser against the real server (demo mode, built client):
 * demo sign-in, project home with its phase timeline, territory page, read-only project page for an observer,
 * logout, and axe-core on the login page and the project home (no serious or critical violation).
 */
import { expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { e2eDescribe, browserSuite } from '../support/browser.js';
import type { ServerProcess } from '../support/server-process.js';
import { seriousViolations } from '../support/axe.js';

const PROJECT_TITLE = 'Mutualisation du service jeunesse';

/**
 * The server's CSP (`script-src 'self'`) rightly blocks the inline script that addScriptTag injects: contexts that
 * run axe bypass CSP. The app itself never needs it (no inline scripts).
 */
const CONTEXT_OPTIONS = { bypassCSP: true, viewport: { width: 1280, height: 800 }, locale: 'fr-FR' } as const;


/** Opens /connexion in a fresh context and signs in with the one-click demo button of `email`. */
async function signInAs(browser: Browser, server: ServerProcess, email: string): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ ...CONTEXT_OPTIONS, baseURL: server.url });
  const page = await context.newPage();
  await page.goto('/connexion');
  await page.getByTestId(`demo-login-${email}`).click();
  await page.waitForURL(`${server.url}/`);
  await page.getByRole('heading', { level: 1, name: 'Mes projets' }).waitFor();
  return { context, page };
}

/** From the home page, opens the demo project and waits for its timeline. */
async function openDemoProject(page: Page): Promise<void> {
  await page.getByRole('link', { name: PROJECT_TITLE }).click();
  await page.waitForURL(/\/projets\/[^/]+$/);
  await page.getByTestId('phase-timeline').waitFor();
}

e2eDescribe('foundation (browser)', () => {
  const suite = browserSuite();

  it('sends a signed-out visitor to /connexion, which passes axe and offers labelled demo buttons', async () => {
    const context = await suite.browser.newContext({ ...CONTEXT_OPTIONS, baseURL: suite.server.url });
    const page = await context.newPage();
    await page.goto('/');
    await page.waitForURL(`${suite.server.url}/connexion`);
    await page.getByRole('heading', { level: 1, name: 'Connexion' }).waitFor();
    expect(await page.title()).toBe('Connexion — Mutualab');
    expect(await page.getAttribute('html', 'lang')).toBe('fr');
    const vp = page.getByRole('button', { name: 'Se connecter en tant que Claire Martin — Vice-présidente déléguée (animatrice)' });
    expect(await vp.getAttribute('data-testid')).toBe('demo-login-vp@demo.mutualab.fr');
    expect(await page.getByRole('link', { name: 'Aller au contenu' }).count()).toBe(1);
    expect(await page.locator('main#contenu').count()).toBe(1);
    expect(await seriousViolations(page)).toEqual([]);
    await context.close();
  });

  it('announces a wrong password with role="alert"', async () => {
    const context = await suite.browser.newContext({ baseURL: suite.server.url });
    const page = await context.newPage();
    await page.goto('/connexion');
    // Labels read « Adresse e-mail (obligatoire) »; anchored so the « Ou avec une adresse e-mail » card does not match.
    await page.getByRole('textbox', { name: /^Adresse e-mail/ }).fill('vp@demo.mutualab.fr');
    await page.getByLabel(/^Mot de passe/).fill('pas le bon');
    await page.getByRole('button', { name: 'Se connecter', exact: true }).click();
    const alert = page.getByRole('alert');
    await alert.waitFor();
    expect(await alert.innerText()).toContain('incorrect');
    await context.close();
  });

  it('lets the VP open the project (timeline at Diagnostic, controls) and the territory (9 members + 1 outside)', async () => {
    const { context, page } = await signInAs(suite.browser, suite.server, 'vp@demo.mutualab.fr');
    await openDemoProject(page);
    expect(await page.title()).toBe(`${PROJECT_TITLE} — Mutualab`);
    expect(await page.locator('h1').count()).toBe(1);

    const timeline = page.getByTestId('phase-timeline');
    expect(await timeline.locator('li[data-phase]').count()).toBe(10);
    const current = timeline.locator('li[aria-current="step"]');
    expect(await current.count()).toBe(1);
    expect(await current.getAttribute('data-phase')).toBe('diagnostic');
    expect(await current.innerText()).toContain('phase en cours');
    expect(await timeline.locator('li[data-status="done"]').count()).toBe(3);
    expect(await timeline.getByRole('heading', { name: 'Réflexion préalable' }).count()).toBe(1);
    expect(await timeline.getByRole('heading', { name: 'Mise en œuvre du service' }).count()).toBe(1);

    // The VP facilitates the project: the server grants the phase and participation abilities.
    expect(await page.getByRole('button', { name: 'Passer à la phase suivante' }).count()).toBe(1);
    expect(await page.getByRole('button', { name: 'Revenir à une phase précédente' }).count()).toBe(1);
    expect(await page.getByLabel('Raison du retour en arrière').count()).toBe(1);
    expect(await page.getByTestId('participations-table').locator('select').count()).toBeGreaterThan(0);
    expect(await seriousViolations(page)).toEqual([]);

    // Every tab of the project opens its page, titled for the browser tab too.
    await page.getByRole('navigation', { name: 'Rubriques du projet' }).getByRole('link', { name: 'Scénarios' }).click();
    await page.getByRole('heading', { level: 2, name: 'Scénarios' }).waitFor();
    expect(await page.title()).toBe(`Scénarios — ${PROJECT_TITLE} — Mutualab`);
    await page.getByRole('navigation', { name: 'Rubriques du projet' }).getByRole('link', { name: 'Documents' }).click();
    await page.getByRole('heading', { level: 2, name: 'Documents' }).waitFor();

    await page.getByRole('navigation', { name: 'Navigation principale' }).getByRole('link', { name: 'Territoire' }).click();
    await page.waitForURL(/\/territoire\//);
    await page.getByRole('heading', { level: 1, name: 'CC du Pays de Fayence' }).waitFor();
    const rows = page.locator('table tbody tr');
    await rows.first().waitFor();
    const texts = await rows.evaluateAll((trs) => trs.map((tr) => (tr as HTMLElement).innerText));
    expect(texts).toHaveLength(10);
    expect(texts.filter((t) => t.includes("membre de l'EPCI"))).toHaveLength(9);
    const outside = texts.filter((t) => t.includes('hors EPCI'));
    expect(outside).toHaveLength(1);
    expect(outside[0]).toContain("Les Adrets-de-l'Estérel");

    // Logout goes back to the login page, and the session is really gone.
    await page.locator('.usermenu-button').click();
    await page.getByRole('button', { name: 'Se déconnecter' }).click();
    await page.waitForURL(`${suite.server.url}/connexion`);
    await page.goto('/');
    await page.waitForURL(`${suite.server.url}/connexion`);
    await context.close();
  });

  it('shows an observer the project without any phase or participation control', async () => {
    const { context, page } = await signInAs(suite.browser, suite.server, 'observateur@demo.mutualab.fr');
    await openDemoProject(page);
    await page.getByTestId('participations-table').waitFor();
    expect(await page.getByTestId('phase-controls').count()).toBe(0);
    expect(await page.getByRole('button', { name: 'Passer à la phase suivante' }).count()).toBe(0);
    expect(await page.getByRole('button', { name: 'Revenir à une phase précédente' }).count()).toBe(0);
    expect(await page.locator('main select, main textarea').count()).toBe(0);
    expect(await page.getByRole('button', { name: /Enregistrer|Inviter/ }).count()).toBe(0);
    expect(await page.getByText('Calendrier prévisionnel').count()).toBe(0);
    expect(await page.getByText('Journal d’audit').count()).toBe(0);
    await context.close();
  });

  it('lets an élu communautaire create a project from the home page and lands on it as its facilitator', async () => {
    const { context, page } = await signInAs(suite.browser, suite.server, 'vp@demo.mutualab.fr');
    await page.getByText('Créer un projet de mutualisation').click();
    await page.getByLabel('Intitulé du projet').fill('Mutualisation de la petite enfance');
    await page.getByRole('button', { name: 'Créer le projet' }).click();
    await expect(page.getByRole('alert').filter({ hasText: 'au moins un domaine' }).textContent()).resolves.toContain('Choisissez au moins un domaine');
    await page.getByLabel('Petite enfance').check();
    expect(await page.getByLabel('Toutes les communes membres').isChecked()).toBe(true);
    expect(await seriousViolations(page)).toEqual([]);
    await page.getByRole('button', { name: 'Créer le projet' }).click();
    await page.waitForURL(/\/projets\/[^/]+$/);
    await page.getByRole('heading', { level: 1, name: 'Mutualisation de la petite enfance' }).waitFor();
    await page.getByTestId('phase-controls').waitFor();
    await context.close();
  });

  it('lets the administrator export a project as a file and refuses, with a clear alert, to import it where it exists', async () => {
    const { context, page } = await signInAs(suite.browser, suite.server, 'admin@demo.mutualab.fr');
    await page.goto('/admin');
    await page.getByRole('heading', { level: 2, name: 'Transfert de projets entre instances' }).waitFor();
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: `Exporter « ${PROJECT_TITLE} »` }).click()]);
    expect(download.suggestedFilename()).toMatch(/^mutualab-mutualisation-du-service-jeunesse-\d{4}-\d{2}-\d{2}\.json$/);
    const file = JSON.parse(readFileSync((await download.path())!, 'utf8')) as { projectId: string; tables: Record<string, { rows: unknown[] }> };
    expect(file.tables.projects.rows).toHaveLength(1);
    expect(file.tables.scenarios.rows).toHaveLength(2); // the demo's two scenarios travel with it

    const input = page.getByLabel('Fichier de transfert (.json)');
    await input.setInputFiles({ name: 'pas-du-json.json', mimeType: 'application/json', buffer: Buffer.from('{ abîmé') });
    await page.getByRole('button', { name: 'Importer le projet' }).click();
    await page.getByRole('alert').filter({ hasText: 'n’est pas un fichier JSON lisible' }).waitFor();

    await input.setInputFiles({ name: 'export.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(file)) });
    await page.getByRole('button', { name: 'Importer le projet' }).click();
    const refused = page.getByRole('alert').filter({ hasText: 'existe déjà dans cette instance' });
    await refused.waitFor();
    expect(await refused.textContent()).toContain('rien n’a été importé');
    expect(await seriousViolations(page)).toEqual([]);
    await context.close();
  });
});
