/**
 * Rounds (*tours de table*), in real browsers against the real server (demo mode, built client): the facilitator
 * prepares and opens a round on a document; the élu of Fayence sees « Tour de table ouvert » in the notification bell,
 * records his commune's position with the effect on each action of Fayence's programme; the tracking board shows
 * Fayence answered — on his page and, live, on the facilitator's. A reminder reaches another élue's bell live; the
 * facilitator closes the round and gets the synthesis. The rounds pages pass axe-core (no serious or critical
 * violation).
 */
import { expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { e2eDescribe, browserSuite } from '../support/browser.js';
import type { ServerProcess } from '../support/server-process.js';
import { seriousViolations } from '../support/axe.js';
import { selectText } from '../support/comments-page.js';
import { openEditor, openProjectTab } from '../support/editor-page.js';

const ROUND_TITLE = 'Projet de convention du service commun jeunesse';

/** Signs in with the demo button of `email` and opens the demo project's « Tours de table » tab. */
function openRounds(browser: Browser, server: ServerProcess, email: string): Promise<{ context: BrowserContext; page: Page }> {
  return openProjectTab(browser, server, email, 'Tours de table', { timezoneId: 'Europe/Paris' });
}

/** The tracking board's row of a commune. */
const boardRow = (page: Page, commune: string) => page.getByTestId('tracking-board').locator(`tr[data-commune="${commune}"]`);

e2eDescribe('rounds (browser)', () => {
  const suite = browserSuite();
  let vp: { context: BrowserContext; page: Page };
  let roundUrl = '';

  it('the facilitator prepares a round on a document and opens it (the text is frozen)', async () => {
    vp = await openRounds(suite.browser, suite.server, 'vp@demo.mutualab.fr');
    const { page } = vp;
    // A document to debate, created through the API with the facilitator's session.
    const projectId = new URL(page.url()).pathname.split('/')[2];
    const status = await page.evaluate(async (id) => {
      const res = await fetch(`/api/projects/${id}/documents`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ kind: 'convention', title: 'Projet de convention jeunesse' }) });
      return res.status;
    }, projectId);
    expect(status).toBe(201);
    await page.getByText('Aucun tour de table pour l’instant').waitFor();
    expect(await seriousViolations(page)).toEqual([]);

    await page.getByRole('link', { name: 'Préparer un tour de table' }).click();
    await page.getByRole('heading', { level: 2, name: 'Préparer un tour de table' }).waitFor();
    await page.getByLabel('Projet de convention jeunesse').waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    // Nothing to debate yet: refused in French, nothing sent.
    await page.getByLabel('Titre').fill(ROUND_TITLE);
    await page.getByRole('button', { name: 'Enregistrer et ouvrir' }).click();
    await page.getByText('Choisissez au moins un document ou un scénario à débattre.').waitFor();
    await page.getByLabel('Projet de convention jeunesse').check();
    // The participating communes are invited by default; the invited commune of Mons is added.
    expect(await page.getByRole('checkbox', { name: /^Fayence/ }).isChecked()).toBe(true);
    await page.getByRole('checkbox', { name: /^Mons/ }).check();
    await page.getByRole('button', { name: 'Enregistrer et ouvrir' }).click();

    await page.getByRole('heading', { level: 2, name: ROUND_TITLE }).waitFor();
    roundUrl = page.url();
    await page.getByText('Ouvert', { exact: true }).waitFor();
    await page.getByRole('link', { name: 'Lire la version figée de « Projet de convention jeunesse »' }).waitFor();
    expect(await page.getByText('(Tour de table — Projet de convention du service commun jeunesse (ouverture))').count()).toBe(1);
    await expect.poll(() => boardRow(page, 'Fayence').locator('td').first().textContent()).toBe('En attente');
    expect(await boardRow(page, 'Mons').locator('td').first().textContent()).toBe('En attente');
    expect(await seriousViolations(page)).toEqual([]);
  });

  it('the élu of Fayence is notified, records the position with programme impacts, and the board shows it answered', async () => {
    const elu = await openRounds(suite.browser, suite.server, 'elu.fayence@demo.mutualab.fr');
    const { page } = elu;
    // The bell: one unread notification, « Tour de table ouvert », linking to the round.
    await expect.poll(() => page.getByTestId('notification-count').textContent(), { timeout: 10_000 }).toBe('1');
    const bell = page.getByTestId('notification-bell');
    expect(await bell.getAttribute('aria-label')).toBe('Notifications, 1 non lue');
    await bell.click();
    const opened = page.getByRole('link', { name: `Tour de table ouvert : ${ROUND_TITLE}` });
    await opened.waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await opened.click();
    await page.waitForURL(roundUrl);
    // Opening it marked it read.
    await expect.poll(() => page.getByTestId('notification-count').count()).toBe(0);

    const form = page.getByRole('form', { name: 'Position de Fayence' });
    await form.waitFor();
    await form.getByRole('radio', { name: 'Favorable avec réserves' }).check();
    await form.getByRole('button', { name: 'Enregistrer la position' }).click();
    // Three actions in Fayence's programme: the form asks for each effect before sending anything.
    await form.getByText('Indiquez l’effet sur chaque action (3 manquantes).').waitFor();
    const impact = (action: string, choice: string) => form.getByRole('group', { name: action }).getByRole('radio', { name: choice }).check();
    await impact('Ouvrir un local jeunes en centre-village', 'Renforce');
    await impact('Séjours d’été pour les 11-17 ans', 'Neutre');
    await impact('Conseil municipal des jeunes', 'Affaiblit');
    await form.getByRole('button', { name: 'Enregistrer la position' }).click();
    // The server refuses reserves without motivation, in French.
    await form.getByText('Une position « Favorable avec réserves » doit être motivée.').waitFor();
    await form.getByLabel('Motivation').fill('Le local jeunes doit rester ouvert à Fayence.');
    await form.getByLabel('Conditions (une par ligne)').fill('Maintien du local jeunes\nTarifs identiques pour les familles');
    await form.getByRole('button', { name: 'Enregistrer la position' }).click();
    await form.getByText('Position enregistrée.').waitFor();

    await expect.poll(() => boardRow(page, 'Fayence').locator('td').first().textContent()).toBe('Répondu');
    expect(await boardRow(page, 'Fayence').locator('td').nth(1).textContent()).toBe('Favorable avec réserves');
    expect(await page.getByTestId('tracking-board').locator('.rounds-count-answered').textContent()).toBe('1 Répondu');
    const position = page.locator('.rounds-position-item', { hasText: 'Fayence' });
    expect(await position.locator('.rounds-impact-list li').allTextContents()).toEqual([
      'Ouvrir un local jeunes en centre-village Renforce',
      'Séjours d’été pour les 11-17 ans Neutre',
      'Conseil municipal des jeunes Affaiblit',
    ]);
    expect(await seriousViolations(page)).toEqual([]);

    // The facilitator's page follows live (event stream → refetch), without reload.
    await expect.poll(() => boardRow(vp.page, 'Fayence').locator('td').first().textContent(), { timeout: 10_000 }).toBe('Répondu');

    // The programme page of the commune passes axe too.
    await page.goto(roundUrl.replace(/\/[^/]+$/, '/programmes'));
    await page.getByRole('heading', { level: 2, name: 'Programme de ma commune — Fayence' }).waitFor();
    await page.getByRole('heading', { level: 4, name: 'Conseil municipal des jeunes' }).waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await elu.context.close();
  });

  it('a comment written on the debated document while the round is open is attached to the round', async () => {
    const elu = await openRounds(suite.browser, suite.server, 'elu.seillans@demo.mutualab.fr');
    const { page } = elu;
    const projectId = new URL(roundUrl).pathname.split('/')[2];
    const documentId = await page.evaluate(async (id) => {
      const docs = (await (await fetch(`/api/projects/${id}/documents`)).json()) as { id: string; title: string }[];
      return docs.find((d) => d.title === 'Projet de convention jeunesse')!.id;
    }, projectId);
    await openEditor(page, projectId, documentId);
    await selectText(page, 'Objet de la convention');
    await page.getByRole('button', { name: 'Commenter la sélection' }).click();
    await page.getByText(`Ce commentaire sera rattaché au tour de table en cours « ${ROUND_TITLE} »`, { exact: false }).waitFor();
    const form = page.getByRole('form', { name: 'Nouveau commentaire' });
    await form.getByLabel('Type de commentaire').selectOption({ label: 'Question' });
    await form.getByLabel('Votre commentaire').fill('Le service couvre-t-il aussi les 18-25 ans ?');
    await form.getByRole('button', { name: 'Publier' }).click();
    await form.waitFor({ state: 'detached' });
    // The round page lists it among the round's comments (live for the facilitator too).
    await page.goto(roundUrl);
    await page.locator('.comment-thread', { hasText: 'Le service couvre-t-il aussi les 18-25 ans ?' }).waitFor();
    await vp.page.locator('.comment-thread', { hasText: 'Le service couvre-t-il aussi les 18-25 ans ?' }).waitFor({ timeout: 10_000 });
    await elu.context.close();
  });

  it('the technician of Fayence reads the round but cannot answer for the commune', async () => {
    const tech = await openRounds(suite.browser, suite.server, 'tech.fayence@demo.mutualab.fr');
    await tech.page.getByRole('link', { name: ROUND_TITLE }).click();
    await tech.page.getByRole('heading', { level: 2, name: ROUND_TITLE }).waitFor();
    await boardRow(tech.page, 'Fayence').waitFor();
    expect(await tech.page.getByRole('form', { name: 'Position de Fayence' }).count()).toBe(0);
    expect(await tech.page.getByRole('button', { name: 'Clore le tour de table' }).count()).toBe(0);
    await tech.context.close();
  });

  it('« Relancer maintenant » reaches the élue of Seillans live: her bell goes from 1 to 2 without reload', async () => {
    const seillans = await openRounds(suite.browser, suite.server, 'elu.seillans@demo.mutualab.fr');
    await expect.poll(() => seillans.page.getByTestId('notification-count').textContent(), { timeout: 10_000 }).toBe('1');
    await vp.page.getByRole('button', { name: 'Relancer maintenant' }).click();
    await vp.page.getByText('4 communes relancées.').waitFor();
    // Through the project's event stream (`notification.created`), well before the one-minute fallback refetch.
    await expect.poll(() => seillans.page.getByTestId('notification-count').textContent(), { timeout: 10_000 }).toBe('2');
    await seillans.page.getByTestId('notification-bell').click();
    await seillans.page.getByRole('link', { name: `Position attendue : ${ROUND_TITLE}` }).waitFor();
    await seillans.context.close();
  });

  it('the facilitator prolongs the open round with a reason; the élue of Seillans, still silent, is told', async () => {
    const { page } = vp;
    await page.getByText('Prolonger le tour de table').click();
    const form = page.getByRole('form', { name: 'Prolonger le tour de table' });
    await form.getByLabel('Raison du délai').fill('Le conseil municipal de Seillans se réunit la semaine prochaine.');
    expect(await seriousViolations(page)).toEqual([]);
    await form.getByRole('button', { name: 'Prolonger' }).click();
    await page.getByText(/^Tour de table prolongé jusqu’au .+\. Les communes sans position ont été prévenues\.$/).waitFor();
    const seillans = await openRounds(suite.browser, suite.server, 'elu.seillans@demo.mutualab.fr');
    await seillans.page.getByTestId('notification-bell').click();
    await seillans.page.getByRole('link', { name: `Tour de table prolongé : ${ROUND_TITLE}` }).waitFor();
    await seillans.context.close();
  });

  it('the facilitator closes the round: the synthesis document and the downloads appear; her notification list passes axe', async () => {
    const { page } = vp;
    page.once('dialog', (dialog) => void dialog.accept());
    await page.getByRole('button', { name: 'Clore le tour de table' }).click();
    await page.getByRole('link', { name: 'Ouvrir la synthèse' }).waitFor({ timeout: 15_000 });
    await page.getByText('Le tour de table est clos : les positions et commentaires sont figés.').waitFor();
    expect(await page.getByRole('link', { name: 'Synthèse (DOCX)' }).getAttribute('href')).toMatch(/^\/api\/documents\/doc_[^/]+\/export\?format=docx$/);
    expect(await page.getByRole('link', { name: 'Positions (CSV)' }).getAttribute('href')).toMatch(/^\/api\/rounds\/rnd_[^/]+\/positions\.csv$/);
    await expect.poll(() => boardRow(page, 'Mons').locator('td').first().textContent()).toBe('En retard');
    expect(await seriousViolations(page)).toEqual([]);

    await page.goto('/notifications');
    await page.getByRole('heading', { level: 1, name: 'Mes notifications' }).waitFor();
    // She closed it herself: nobody notifies you of your own action.
    await page.getByRole('heading', { name: 'Aucune notification' }).waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await vp.context.close();
  });
});
