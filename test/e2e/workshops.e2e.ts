/**
 * A live séance in three real browsers against the real server: the facilitator (vice-présidente) prepares it through
 * the form and steers it; the élus of Fayence and Seillans follow her document and section (and one detaches and
 * rejoins), a lock stops an élu's edit, an élu raises a hand and gets the floor, a per-commune poll's results appear
 * live for all; the séance ends and its summary lists the decision. axe-core finds no serious or critical violation
 * on the list, the form, the room and the summary. Screenshots go to $E2E_SHOTS or /tmp/mutualab-shots.
 */
import { expect, it } from 'vitest';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { e2eDescribe, browserSuite } from '../support/browser.js';
import { PROJECT_TITLE, apiPost, editorText, signInAs } from '../support/editor-page.js';
import { seriousViolations } from '../support/axe.js';

const SHOTS = process.env.E2E_SHOTS ?? '/tmp/mutualab-shots';

/** Waits until `probe` (run in the page) returns true. */
async function until(page: Page, what: string, probe: () => boolean, timeout = 10_000): Promise<void> {
  try {
    await page.waitForFunction(probe, undefined, { timeout, polling: 100 });
  } catch {
    throw new Error(`attendu : ${what}`);
  }
}

/** Waits until the heading `title` of the séance's document is scrolled to the top of the visible text. */
function headingInView(page: Page, title: string): Promise<void> {
  return page.waitForFunction(
    (t) => {
      const paper = document.querySelector('[data-testid="seance-paper"]');
      const heading = [...(paper?.querySelectorAll('.ProseMirror h2') ?? [])].find((h) => h.textContent?.trim() === t);
      if (!paper || !heading) return false;
      const box = paper.getBoundingClientRect();
      const top = heading.getBoundingClientRect().top;
      // At the top of the text, or the text scrolled to its end (a last section cannot reach the top) and visible.
      const atEnd = paper.scrollTop + paper.clientHeight >= paper.scrollHeight - 2 && top <= box.bottom - 20;
      return top >= box.top - 2 && (top <= box.top + 60 || atEnd);
    },
    title,
    { timeout: 10_000, polling: 100 },
  ).then(() => undefined);
}

const followed = (page: Page) => page.getByTestId('followed-section').getAttribute('data-section');

e2eDescribe('live séance (browser, three people)', () => {
  const suite = browserSuite({ shotsDir: SHOTS });

  it('follow-me, lock, speaking queue and a live poll across the facilitator and two communes', { timeout: 180_000 }, async () => {
    const vp = (await signInAs(suite.browser, suite.server, 'vp@demo.mutualab.fr')).page;
    const fayence = (await signInAs(suite.browser, suite.server, 'elu.fayence@demo.mutualab.fr')).page;
    const seillans = (await signInAs(suite.browser, suite.server, 'elu.seillans@demo.mutualab.fr')).page;
    const projects = (await (await vp.request.get('/api/projects')).json()) as { id: string; title: string }[];
    const projectId = projects.find((p) => p.title === PROJECT_TITLE)!.id;
    const convention = await apiPost(vp, `/projects/${projectId}/documents`, { kind: 'convention', title: 'Convention du service commun' });
    expect(convention.status).toBe(201);

    // — Before: the facilitator prepares the séance in the form.
    await vp.goto(`/projets/${projectId}/seances`);
    await vp.getByRole('heading', { level: 2, name: 'Séances' }).waitFor();
    expect(await seriousViolations(vp)).toEqual([]);
    await vp.getByRole('link', { name: 'Préparer une séance' }).click();
    await vp.getByRole('heading', { level: 2, name: 'Préparer une séance' }).waitFor();
    await vp.getByLabel('Titre', { exact: false }).first().fill('COPIL jeunesse — convention');
    await vp.getByLabel('Lieu', { exact: true }).fill('Salle du conseil, Fayence');
    await vp.getByRole('checkbox', { name: 'Fayence', exact: true }).check();
    await vp.getByRole('checkbox', { name: 'Seillans', exact: true }).check();
    await vp.getByRole('button', { name: 'Ajouter un point' }).click();
    const item2 = vp.getByRole('group', { name: 'Point 2' });
    await item2.getByLabel('Intitulé').fill('Dispositions financières');
    await item2.getByLabel('Durée prévue (min)').fill('30');
    await item2.getByLabel('Document à l’écran').selectOption({ label: 'Convention du service commun' });
    await item2.getByLabel('Section du document').fill('Dispositions financières');
    expect(await seriousViolations(vp)).toEqual([]);
    await vp.screenshot({ path: join(SHOTS, 'seance-form.png'), fullPage: true });
    await vp.getByRole('button', { name: 'Créer la séance et envoyer les invitations' }).click();
    await vp.getByTestId('seance-room').waitFor();
    const roomUrl = new URL(vp.url()).pathname;
    expect(await vp.getByTestId('seance-room').getAttribute('data-status')).toBe('planifiee');

    for (const page of [fayence, seillans]) {
      await page.goto(roomUrl);
      await page.getByTestId('seance-room').waitFor();
    }

    // — During: start; everyone follows the facilitator to the convention's « Dispositions financières ».
    await vp.getByRole('button', { name: 'Démarrer la séance' }).click();
    for (const page of [fayence, seillans]) await until(page, 'séance démarrée', () => document.querySelector('[data-testid="seance-room"]')?.getAttribute('data-status') === 'en_cours');
    await vp.getByRole('button', { name: 'Point suivant' }).click();
    for (const page of [fayence, seillans]) {
      await page.getByTestId('followed-section').waitFor({ timeout: 15_000 });
      expect(await followed(page)).toBe('Dispositions financières');
      await headingInView(page, 'Dispositions financières');
      expect(await page.getByTestId('follow-status').getAttribute('data-following')).toBe('true');
    }
    // The facilitator shows another section: both participants' screens move there.
    await vp.getByTestId('section-picker').selectOption({ label: 'Durée' });
    await vp.getByTestId('show-section').click();
    for (const page of [fayence, seillans]) {
      await until(page, 'section Durée', () => document.querySelector('[data-testid="followed-section"]')?.getAttribute('data-section') === 'Durée');
      await headingInView(page, 'Durée');
    }
    // Seillans detaches: the next section shown does not move her; one click rejoins.
    await seillans.getByRole('button', { name: 'Ne plus suivre' }).click();
    expect(await seillans.getByTestId('follow-status').getAttribute('data-following')).toBe('false');
    await vp.getByTestId('section-picker').selectOption({ label: 'Litiges' });
    await vp.getByTestId('show-section').click();
    await until(fayence, 'section Litiges', () => document.querySelector('[data-testid="followed-section"]')?.getAttribute('data-section') === 'Litiges');
    await headingInView(fayence, 'Litiges');
    expect(await seillans.getByTestId('followed-section').count()).toBe(0);
    await seillans.getByRole('button', { name: 'Rejoindre l’animatrice' }).click();
    await until(seillans, 'Seillans rejoint', () => document.querySelector('[data-testid="followed-section"]')?.getAttribute('data-section') === 'Litiges');
    await headingInView(seillans, 'Litiges');

    // — A lock stops an élu's edit (banner from the server's permission-denied message; nothing written).
    await vp.getByTestId('lock-toggle').click();
    await fayence.locator('[data-testid="doc-banner"][data-reason="locked"]').waitFor({ timeout: 10_000 });
    const before = await editorText(fayence);
    await fayence.locator('.ProseMirror h2', { hasText: 'Litiges' }).click();
    await fayence.keyboard.type('TEXTE INTERDIT', { delay: 5 });
    await fayence.waitForTimeout(500);
    expect(await editorText(fayence)).toBe(before);
    expect(await editorText(vp)).not.toContain('TEXTE INTERDIT');
    await vp.getByTestId('lock-toggle').click();
    await until(fayence, 'bandeau retiré', () => !document.querySelector('[data-testid="doc-banner"][data-reason="locked"]'));

    // — Demandes de parole: Fayence raises a hand, the facilitator gives the floor.
    await fayence.getByTestId('raise-hand').click();
    await vp.getByTestId('speaking-queue').getByText('Jean Roux').waitFor();
    await vp.getByRole('button', { name: 'Donner la parole à Jean Roux' }).click();
    await fayence.getByTestId('speaker').getByText('Vous avez la parole').waitFor();
    await seillans.getByTestId('speaker').getByText('Jean Roux').waitFor();

    // — A per-commune poll: each élue votes for her commune, results appear live for all three.
    await vp.getByText('Lancer un sondage', { exact: true }).click();
    await vp.getByLabel(/^Question/).fill('Retient-on la clé de répartition à la population ?');
    await vp.getByRole('radio', { name: /Une voix par commune/ }).check();
    await vp.getByRole('button', { name: 'Lancer le sondage' }).click();
    await fayence.getByTestId('vote-pour').click();
    await seillans.getByTestId('vote-contre').click();
    for (const page of [vp, fayence, seillans]) {
      await until(page, 'résultats en direct', () =>
        document.querySelector('[data-testid="count-pour"]')?.getAttribute('data-count') === '1' && document.querySelector('[data-testid="count-contre"]')?.getAttribute('data-count') === '1',
      );
    }
    expect(await fayence.getByText('Votre commune a voté : Pour').count()).toBe(1);

    // The relevé de décisions, then axe on the live room for the facilitator and a participant.
    await vp.getByLabel('Texte', { exact: false }).last().fill('La clé de répartition à la population est retenue pour Fayence.');
    await vp.getByRole('button', { name: 'Enregistrer', exact: true }).click();
    await seillans.getByTestId('decisions-panel').getByText('La clé de répartition à la population est retenue pour Fayence.').waitFor();
    // Linked to the item under discussion.
    await seillans.getByTestId('decisions-panel').getByText('— Dispositions financières').waitFor();
    expect(await seriousViolations(vp)).toEqual([]);
    expect(await seriousViolations(seillans)).toEqual([]);
    await vp.screenshot({ path: join(SHOTS, 'seance-room-facilitator.png'), fullPage: true });
    await seillans.screenshot({ path: join(SHOTS, 'seance-room-participant.png'), fullPage: true });

    // — After: end, then the summary (attendance by commune, decision, poll) with axe.
    await vp.getByRole('button', { name: 'Terminer la séance' }).click();
    await vp.getByRole('button', { name: 'Confirmer la fin de la séance' }).click();
    await until(fayence, 'séance terminée', () => document.querySelector('[data-testid="seance-room"]')?.getAttribute('data-status') === 'terminee');
    await vp.getByRole('link', { name: 'Synthèse de la séance' }).first().click();
    await vp.getByTestId('seance-summary').waitFor();
    const summary = vp.getByTestId('seance-summary');
    await summary.getByText('La clé de répartition à la population est retenue pour Fayence.').waitFor();
    await summary.getByRole('rowheader', { name: 'Fayence' }).waitFor();
    await summary.getByRole('rowheader', { name: 'Seillans' }).waitFor();
    expect(await seriousViolations(vp)).toEqual([]);
    await vp.screenshot({ path: join(SHOTS, 'seance-summary.png'), fullPage: true });
  });
});
