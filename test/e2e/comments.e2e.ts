/**
 * Comments and amendments in two real browsers against the real server: an élu selects a passage and posts an
 * objection; the facilitator sees it highlighted live; an amendment is proposed and accepted, and the text changes in
 * both contexts. axe-core passes on the editor with the comments panel open. Screenshots go to $E2E_SHOTS or
 * /tmp/mutualab-shots.
 */
import { expect, it } from 'vitest';
import { join } from 'node:path';
import { e2eDescribe, browserSuite } from '../support/browser.js';
import { signInAs, createDocument, openEditor, editorText, waitForText, typeAtEnd } from '../support/editor-page.js';
import { seriousViolations } from '../support/axe.js';
import { selectText, postComment } from '../support/comments-page.js';

const SHOTS = process.env.E2E_SHOTS ?? '/tmp/mutualab-shots';
const LINE = 'Le service ouvre le mercredi de 14 h à 18 h pour les 11-17 ans.';

e2eDescribe('comments and amendments (browser)', () => {
  const suite = browserSuite({ shotsDir: SHOTS });

  it('an objection is highlighted live for the facilitator; an accepted amendment changes the text for both', { timeout: 120_000 }, async () => {
    const vp = await signInAs(suite.browser, suite.server, 'vp@demo.mutualab.fr');
    const elu = await signInAs(suite.browser, suite.server, 'elu.fayence@demo.mutualab.fr');
    const { projectId, documentId } = await createDocument(vp.page, 'Règlement de l’espace jeunes');
    await openEditor(vp.page, projectId, documentId);
    await typeAtEnd(vp.page, LINE);
    await openEditor(elu.page, projectId, documentId);
    await waitForText(elu.page, LINE, 20_000);
    await expect.poll(() => vp.page.getByText('aucun fil ouvert').count(), { timeout: 15_000 }).toBe(1);

    // The élu selects a passage and posts an objection.
    await selectText(elu.page, 'le mercredi');
    await postComment(elu.page, 'Objection', 'Le mercredi ne convient pas aux familles de Fayence.');
    const eluThread = elu.page.locator('.comment-thread', { hasText: 'Le mercredi ne convient pas' });
    await eluThread.waitFor();

    // The facilitator sees it live: in the panel and highlighted in the text.
    const vpThread = vp.page.locator('.comment-thread', { hasText: 'Le mercredi ne convient pas' });
    await vpThread.waitFor({ timeout: 10_000 });
    await expect.poll(() => vp.page.locator('.ProseMirror .comment-mark-objection').allTextContents(), { timeout: 15_000 }).toEqual(['le mercredi']);
    expect(await vpThread.locator('.comment-meta').first().innerText()).toMatch(/^Jean Roux Élu·e communal·e · Fayence · /);
    expect(await vpThread.locator('blockquote').innerText()).toBe('« le mercredi »');
    await expect.poll(() => vp.page.getByText('1 fil ouvert').count(), { timeout: 15_000 }).toBe(1);
    await vp.page.screenshot({ path: join(SHOTS, 'comments-objection.png'), fullPage: true });

    // Clicking the highlight selects the thread in the panel.
    await vp.page.locator('.ProseMirror .comment-mark-objection').click();
    await expect.poll(() => vpThread.getAttribute('class'), { timeout: 15_000 }).toContain('comment-thread-selected');

    // The élu proposes an amendment on the opening hours.
    await selectText(elu.page, 'de 14 h à 18 h');
    await postComment(elu.page, "Proposition d'amendement", 'Ouvrir plus tôt et fermer plus tard.', 'de 13 h 30 à 18 h 30');
    const amendment = vp.page.locator('.comment-thread', { hasText: 'Ouvrir plus tôt' });
    await amendment.waitFor({ timeout: 10_000 });
    await expect.poll(() => vp.page.locator('.ProseMirror .comment-mark-proposition_amendement').allTextContents(), { timeout: 15_000 }).toEqual(['de 14 h à 18 h']);
    await vp.page.screenshot({ path: join(SHOTS, 'comments-amendment.png'), fullPage: true });

    // axe on the editor with the comments panel open (filters unfolded too).
    await vp.page.getByText('Filtrer les commentaires').click();
    expect(await seriousViolations(vp.page)).toEqual([]);
    expect(await seriousViolations(elu.page)).toEqual([]);

    // The facilitator accepts: the text changes in both browsers.
    await amendment.getByRole('button', { name: 'Accepter' }).click();
    const expected = 'Le service ouvre le mercredi de 13 h 30 à 18 h 30 pour les 11-17 ans.';
    await waitForText(vp.page, expected, 20_000);
    await waitForText(elu.page, expected, 20_000);
    expect(await editorText(elu.page)).not.toContain('de 14 h à 18 h');
    // The thread is resolved: it leaves the list of open threads, for the élu too.
    await elu.page.locator('.comment-thread', { hasText: 'Ouvrir plus tôt' }).waitFor({ state: 'detached', timeout: 10_000 });
    await vp.page.getByLabel('Statut').selectOption({ label: 'Tous' });
    await amendment.getByText('Accepté par Claire Martin', { exact: false }).waitFor();
    await vp.page.screenshot({ path: join(SHOTS, 'comments-accepted.png'), fullPage: true });

    await vp.context.close();
    await elu.context.close();
  });
});
