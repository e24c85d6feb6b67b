/**
 * Co-writing in real browsers against the real server: two people type in one document and see each other's text,
 * carets and presence; an observer is read-only (banner, nothing stored); a lock reaches an élu at once; axe-core
 * passes on the editor page. Screenshots (desktop + mobile) go to $E2E_SHOTS or /tmp/mutualab-shots.
 */
import { expect, it } from 'vitest';
import { join } from 'node:path';
import { e2eDescribe, browserSuite } from '../support/browser.js';
import { PROJECT_TITLE, CONTEXT_OPTIONS, signInOn, signInAs, apiPost, createDocument, openEditor, editorText, waitForText, typeAtEnd } from '../support/editor-page.js';
import { seriousViolations } from '../support/axe.js';

const SHOTS = process.env.E2E_SHOTS ?? '/tmp/mutualab-shots';



e2eDescribe('co-writing editor (browser)', () => {
  const suite = browserSuite({ shotsDir: SHOTS });

  it('lets two people co-edit, shows carets and presence, keeps the observer read-only and locks at once', { timeout: 90_000 }, async () => {
    const vp = await signInAs(suite.browser, suite.server, 'vp@demo.mutualab.fr');
    const elu = await signInAs(suite.browser, suite.server, 'elu.fayence@demo.mutualab.fr');
    // The élu watches the list: the new document appears without reload (SSE `document.created`).
    const projects = (await (await elu.page.request.get('/api/projects')).json()) as { id: string; title: string }[];
    await elu.page.goto(`/projets/${projects.find((p) => p.title === 'Mutualisation du service jeunesse')!.id}/documents`);
    await elu.page.getByRole('heading', { level: 2, name: 'Documents' }).waitFor();
    await elu.page.waitForTimeout(500);
    const { projectId, documentId } = await createDocument(vp.page, 'Note de co-écriture');
    await elu.page.getByRole('link', { name: 'Note de co-écriture' }).waitFor({ timeout: 10_000 });

    // The list shows it, grouped by kind.
    await vp.page.goto(`/projets/${projectId}/documents`);
    await vp.page.getByRole('heading', { level: 3, name: /Note/ }).waitFor();
    expect(await vp.page.getByRole('link', { name: 'Note de co-écriture' }).count()).toBe(1);
    expect(await seriousViolations(vp.page)).toEqual([]);
    await vp.page.screenshot({ path: join(SHOTS, 'documents-list.png'), fullPage: true });

    await openEditor(vp.page, projectId, documentId);
    await openEditor(elu.page, projectId, documentId);
    // The server seeded the template: both see the same text before anyone types.
    expect(await editorText(elu.page)).toBe(await editorText(vp.page));

    await typeAtEnd(vp.page, 'Texte écrit par Claire.');
    await typeAtEnd(elu.page, 'Texte écrit par Jean.');
    await waitForText(vp.page, 'Texte écrit par Jean.');
    await waitForText(elu.page, 'Texte écrit par Claire.');
    await vp.page.locator('[data-testid="connection-status"][data-status="saved"]').waitFor();
    expect(await editorText(vp.page)).toBe(await editorText(elu.page));

    // Carets and presence: each sees the other's named caret and both names in the list.
    await vp.page.locator('.collaboration-carets__caret', { hasText: 'Jean Roux' }).waitFor();
    await elu.page.locator('.collaboration-carets__caret', { hasText: 'Claire Martin' }).waitFor();
    for (const page of [vp.page, elu.page]) {
      const presence = page.getByTestId('presence-list');
      await presence.getByText('Claire Martin').waitFor();
      await presence.getByText('Jean Roux').waitFor();
    }

    // Toolbar and outline: a heading made with the toolbar appears in the outline of both people.
    await typeAtEnd(vp.page, 'Objectifs du service');
    await vp.page.getByRole('toolbar', { name: 'Mise en forme' }).getByRole('button', { name: 'Titre de niveau 2' }).click();
    expect(await vp.page.getByRole('button', { name: 'Titre de niveau 2' }).getAttribute('aria-pressed')).toBe('true');
    await elu.page.getByRole('navigation', { name: 'Plan du document' }).getByRole('button', { name: 'Objectifs du service' }).waitFor();
    await elu.page.locator('.ProseMirror h2', { hasText: 'Objectifs du service' }).waitFor();

    // Screenshots with two people on the document.
    await vp.page.screenshot({ path: join(SHOTS, 'editor-desktop.png'), fullPage: true });
    const mobile = await vp.context.newPage();
    await mobile.setViewportSize({ width: 390, height: 844 });
    await openEditor(mobile, projectId, documentId);
    await mobile.screenshot({ path: join(SHOTS, 'editor-mobile.png'), fullPage: true });
    await mobile.close();

    // The observer: read-only banner, disabled toolbar, typing changes nothing here nor for the others.
    const observer = await signInAs(suite.browser, suite.server, 'observateur@demo.mutualab.fr');
    await openEditor(observer.page, projectId, documentId);
    const banner = observer.page.getByTestId('doc-banner');
    await banner.waitFor();
    expect(await banner.getAttribute('data-reason')).toBe('read_only');
    expect(await observer.page.getByRole('button', { name: 'Gras' }).isDisabled()).toBe(true);
    const before = await editorText(observer.page);
    await observer.page.locator('.ProseMirror').click();
    await observer.page.keyboard.type('INTRUSION');
    await observer.page.waitForTimeout(800);
    expect(await editorText(observer.page)).toBe(before);
    expect(await editorText(vp.page)).not.toContain('INTRUSION');
    await observer.page.screenshot({ path: join(SHOTS, 'editor-observer.png') });

    // One connection per person in the server's registry (no orphan socket left by StrictMode or re-renders).
    await vp.page.locator('[data-testid="presence-list"] li[data-connections="1"]').first().waitFor({ timeout: 10_000 });
    const counts = await vp.page
      .locator('[data-testid="presence-list"] li')
      .evaluateAll((lis) => lis.map((li) => li.getAttribute('data-connections')).filter(Boolean));
    expect(counts.every((c) => c === '1'), `connexions: ${counts.join(',')}`).toBe(true);

    // A lock by the VP reaches the élu at once: banner and a non-editable text.
    expect((await apiPost(vp.page, `/documents/${documentId}/lock`)).status).toBe(200);
    const eluBanner = elu.page.getByTestId('doc-banner');
    await eluBanner.waitFor({ timeout: 5_000 });
    expect(await eluBanner.getAttribute('data-reason')).toBe('locked');
    expect(await elu.page.locator('.ProseMirror').getAttribute('contenteditable')).toBe('false');
    await elu.page.getByTestId('presence-list').getByText('Claire Martin').waitFor({ timeout: 5_000 });
    await elu.page.screenshot({ path: join(SHOTS, 'editor-locked.png') });

    // Unlock: writable again without reloading.
    expect((await apiPost(vp.page, `/documents/${documentId}/unlock`)).status).toBe(200);
    await eluBanner.waitFor({ state: 'detached', timeout: 5_000 });
    expect(await elu.page.locator('.ProseMirror').getAttribute('contenteditable')).toBe('true');

    expect(await seriousViolations(vp.page)).toEqual([]);

    // A terminal close (unknown document) is explained and not retried.
    await vp.page.goto(`/projets/${projectId}/documents/document-inexistant`);
    const closed = vp.page.locator('[data-testid="doc-banner"][data-reason="closed"]');
    await closed.waitFor({ timeout: 10_000 });
    expect(await closed.innerText()).toMatch(/n'existe pas|pas accès/);
    expect(await vp.page.getByTestId('connection-status').getAttribute('data-status')).toBe('closed');
    await Promise.all([vp.context.close(), elu.context.close(), observer.context.close()]);
  });

  it('restores a named version from the panel: the text changes live for everyone, a backup version is kept', { timeout: 90_000 }, async () => {
    const vp = await signInAs(suite.browser, suite.server, 'vp@demo.mutualab.fr');
    const elu = await signInAs(suite.browser, suite.server, 'elu.fayence@demo.mutualab.fr');
    const { projectId, documentId } = await createDocument(vp.page, 'Note à restaurer');
    await openEditor(vp.page, projectId, documentId);
    await typeAtEnd(vp.page, 'Paragraphe stable.');
    await typeAtEnd(vp.page, 'Première rédaction.');
    await openEditor(elu.page, projectId, documentId);
    await waitForText(elu.page, 'Première rédaction.');

    await vp.page.getByLabel(/^Nom de la version/).fill('Avant atelier');
    await vp.page.getByRole('button', { name: 'Créer une version' }).click();
    await vp.page.getByText('Version « Avant atelier » créée.').waitFor();

    await typeAtEnd(vp.page, 'Ajout après la version.');
    await waitForText(elu.page, 'Ajout après la version.');

    const item = vp.page.getByRole('list', { name: /Versions du document/ }).getByRole('listitem').filter({ hasText: 'Avant atelier' });
    await item.getByRole('button', { name: 'Restaurer' }).click();
    await vp.page.getByRole('alertdialog').getByRole('button', { name: 'Oui, restaurer' }).click();
    await vp.page.getByText('Version « Avant atelier » restaurée. Le texte précédent a été sauvegardé.').waitFor();

    for (const page of [vp.page, elu.page]) {
      const deadline = Date.now() + 10_000;
      while ((await editorText(page)).includes('Ajout après la version.') && Date.now() < deadline) await page.waitForTimeout(100);
      const text = await editorText(page);
      expect(text).not.toContain('Ajout après la version.');
      expect(text).toContain('Paragraphe stable.');
      expect(text).toContain('Première rédaction.');
    }
    // History is not destroyed: the text before the restore is a version of its own.
    const versions = (await (await vp.page.request.get(`/api/documents/${documentId}/versions`)).json()) as { kind: string }[];
    expect(versions.map((v) => v.kind)).toEqual(['restore_backup', 'manual']);
    await Promise.all([vp.context.close(), elu.context.close()]);
  });

  it('opens a deep link to a document with every page chunk fetched at once, before the project data', { timeout: 60_000 }, async () => {
    const vp = await signInAs(suite.browser, suite.server, 'vp@demo.mutualab.fr');
    const { projectId, documentId } = await createDocument(vp.page, 'Lien direct');
    const requested: string[] = [];
    vp.page.on('request', (req) => requested.push(new URL(req.url()).pathname));
    await openEditor(vp.page, projectId, documentId); // a full page load of the document's address
    const editorChunk = requested.findIndex((path) => /\/assets\/DocumentEditorPage-[^/]+\.js$/.test(path));
    const projectData = requested.indexOf(`/api/projects/${projectId}`);
    expect(editorChunk).toBeGreaterThanOrEqual(0);
    expect(projectData).toBeGreaterThanOrEqual(0);
    // Discovered render by render, the editor's chunk came only after the project had loaded (one spinner each).
    expect(editorChunk).toBeLessThan(projectData);
    await vp.page.goto('/assets/DocumentEditorPage-perime0000.js'); // a chunk of a previous deployment
    expect(await vp.page.locator('body').innerText()).toContain('not_found');
    await vp.context.close();
  });

  it('adds, refuses and removes a link through an accessible dialog (no window.prompt)', { timeout: 60_000 }, async () => {
    const vp = await signInAs(suite.browser, suite.server, 'vp@demo.mutualab.fr');
    const { projectId, documentId } = await createDocument(vp.page, 'Note avec un lien');
    await openEditor(vp.page, projectId, documentId);
    await typeAtEnd(vp.page, 'Site de la communauté');
    await vp.page.keyboard.press('Shift+Home');
    await vp.page.getByRole('toolbar', { name: 'Mise en forme' }).getByRole('button', { name: 'Lien' }).click();
    const dialog = vp.page.getByRole('dialog', { name: 'Ajouter un lien' });
    const address = dialog.getByLabel('Adresse du lien');
    await address.fill('javascript:alert(1)');
    await address.press('ArrowLeft'); // stays in the field: the toolbar's arrow keys do not reach the dialog
    expect(await address.evaluate((el) => el === document.activeElement)).toBe(true);
    await dialog.getByRole('button', { name: 'Appliquer le lien' }).click();
    await dialog.getByRole('alert').filter({ hasText: 'Adresse non reconnue' }).waitFor();
    expect(await seriousViolations(vp.page)).toEqual([]);
    await address.fill('www.paysdefayence.fr');
    await dialog.getByRole('button', { name: 'Appliquer le lien' }).click();
    await dialog.waitFor({ state: 'hidden' });
    const link = vp.page.locator('.ProseMirror a');
    expect(await link.getAttribute('href')).toBe('https://www.paysdefayence.fr');
    expect(await link.textContent()).toBe('Site de la communauté');

    await link.click(); // caret inside the link: the dialog edits it
    await vp.page.getByRole('toolbar', { name: 'Mise en forme' }).getByRole('button', { name: 'Lien' }).click();
    const edit = vp.page.getByRole('dialog', { name: 'Modifier le lien' });
    expect(await edit.getByLabel('Adresse du lien').inputValue()).toBe('https://www.paysdefayence.fr');
    await edit.getByRole('button', { name: 'Retirer le lien' }).click();
    await edit.waitFor({ state: 'hidden' });
    expect(await vp.page.locator('.ProseMirror a').count()).toBe(0);
    expect(await editorText(vp.page)).toContain('Site de la communauté');
    await vp.context.close();
  });

  it('lights the bell live on the home page when someone mentions you in a project (personal stream, no reload)', { timeout: 60_000 }, async () => {
    const elu = await signInAs(suite.browser, suite.server, 'elu.fayence@demo.mutualab.fr');
    const vp = await signInAs(suite.browser, suite.server, 'vp@demo.mutualab.fr');
    const unread = async () => Number((await elu.page.getByTestId('notification-count').textContent({ timeout: 500 }).catch(() => '0')) ?? 0);
    const before = await unread();
    const projects = (await (await vp.page.request.get('/api/projects')).json()) as { id: string; title: string }[];
    const projectId = projects.find((p) => p.title === PROJECT_TITLE)!.id;
    const { scenarios } = (await (await vp.page.request.get(`/api/projects/${projectId}/scenarios`)).json()) as { scenarios: { id: string }[] };
    const people = (await (await vp.page.request.get(`/api/projects/${projectId}/comment-people`)).json()) as { id: string; name: string }[];
    const jean = people.find((p) => p.name === 'Jean Roux')!;
    const posted = await apiPost(vp.page, `/projects/${projectId}/comments`, {
      type: 'question',
      body: '@Jean Roux, ce chiffrage vous convient-il ?',
      anchors: [{ kind: 'scenario', scenarioId: scenarios[0].id }],
      mentions: [jean.id],
    });
    expect(posted.status).toBe(201);
    // Well under the 5-minute safety refetch: only the personal stream can bring it this fast.
    await elu.page.getByTestId('notification-count').filter({ hasText: String(before + 1) }).waitFor({ timeout: 10_000 });
    expect(elu.page.url()).toBe(`${suite.server.url}/`);
    await Promise.all([elu.context.close(), vp.context.close()]);
  });
});
