/**
 * From scenarios to the convention in a real browser against the real server (demo mode, built client): the
 * facilitator builds two scenarios with the scenario form, presents them, compares them side by side, retains one in
 * the arbitration dialog, generates the convention from « Plan & convention » and downloads its DOCX — which holds
 * every standard section title and the allocation table. She then adds an action to the plan and records a council's
 * vote. Every page passes axe-core (no serious or critical violation).
 */
import { expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import JSZip from 'jszip';
import type { Page } from 'playwright-core';
import { e2eDescribe, browserSuite } from '../support/browser.js';
import { seriousViolations } from '../support/axe.js';
import { templateHeadings } from '../../shared/documents/templates.js';

const PROJECT_TITLE = 'Mutualisation du service jeunesse';
const CONTEXT_OPTIONS = { bypassCSP: true, viewport: { width: 1280, height: 900 }, locale: 'fr-FR', acceptDownloads: true } as const;
const A = 'Service commun des quatre villages';
const B = 'Service commun Fayence – Seillans – Montauroux';

/** Builds a scenario with the form (default perimeter: the participating communes), one post line, then presents it. */
async function buildScenario(page: Page, title: string, without: string[] = []) {
  await page.getByRole('link', { name: 'Nouveau scénario' }).click();
  await page.getByRole('heading', { level: 3, name: 'Nouveau scénario' }).waitFor();
  await page.getByLabel('Titre').fill(title);
  for (const name of without) await page.getByRole('checkbox', { name: new RegExp(`^${name}`) }).uncheck();
  await page.getByRole('button', { name: 'Ajouter une ligne de postes' }).click();
  await page.getByRole('button', { name: 'Enregistrer le scénario' }).click();
  await page.getByRole('heading', { level: 3, name: title }).waitFor();
  await page.getByRole('button', { name: 'Présenter aux élus' }).click();
  await page.getByRole('button', { name: 'Renvoyer en brouillon' }).waitFor();
  await page.getByRole('navigation', { name: 'Navigation des scénarios' }).getByRole('link', { name: 'Liste' }).click();
}

e2eDescribe('convention (browser)', () => {
  const suite = browserSuite();

  it('scenarios → comparison → arbitration → convention → DOCX with every section and the allocation table', { timeout: 120_000 }, async () => {
    const context = await suite.browser.newContext({ ...CONTEXT_OPTIONS, baseURL: suite.server.url });
    const page = await context.newPage();
    await page.goto('/connexion');
    await page.getByTestId('demo-login-vp@demo.mutualab.fr').click();
    await page.waitForURL(`${suite.server.url}/`);
    await page.getByRole('link', { name: PROJECT_TITLE }).click();
    await page.waitForURL(/\/projets\/[^/]+$/);
    const sections = page.getByRole('navigation', { name: 'Rubriques du projet' });

    // Before the arbitration, « Plan & convention » says what to do first.
    await sections.getByRole('link', { name: 'Plan & convention' }).click();
    await page.getByRole('heading', { level: 2, name: 'Aucun scénario n’est encore retenu' }).waitFor();
    expect(await seriousViolations(page)).toEqual([]);

    await sections.getByRole('link', { name: 'Scénarios' }).click();
    await page.getByTestId('scenario-card').first().waitFor();
    await buildScenario(page, A);
    await buildScenario(page, B, ['Tourrettes']);

    await page.getByRole('checkbox', { name: `Comparer « ${A} »` }).check();
    await page.getByRole('checkbox', { name: `Comparer « ${B} »` }).check();
    await page.getByRole('button', { name: 'Comparer les 2 scénarios cochés' }).click();
    const table = page.getByTestId('comparison-table');
    await table.waitFor();
    expect((await table.locator('thead th').allTextContents()).map((t) => t.replace(' le moins coûteux', ''))).toEqual([A, B]);

    await page.getByRole('button', { name: 'Arbitrer : retenir un scénario' }).click();
    const dialog = page.getByTestId('arbitration-dialog');
    await dialog.getByRole('radio', { name: A }).check();
    await dialog.getByLabel('Motifs de la décision').fill('Une offre dans chacun des quatre villages.');
    await dialog.getByRole('button', { name: 'Enregistrer l’arbitrage' }).click();
    await page.waitForURL(/\/scenarios\/arbitrage$/);

    // The convention, generated from the retained scenario.
    await sections.getByRole('link', { name: 'Plan & convention' }).click();
    await page.getByText(A, { exact: true }).waitFor();
    await page.getByRole('button', { name: 'Générer la convention' }).click();
    await page.getByRole('link', { name: `Ouvrir dans l’éditeur : Convention — ${A}` }).waitFor();
    await page.getByRole('link', { name: `Ouvrir dans l’éditeur : Fiche d’impact — ${A}` }).waitFor();
    expect(await page.getByRole('heading', { level: 3, name: /Adoption par les conseils/ }).textContent()).toContain('En attente');
    expect(await seriousViolations(page)).toEqual([]);

    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'Télécharger la convention (DOCX)' }).click()]);
    expect(download.suggestedFilename()).toMatch(/^convention-service-commun-des-quatre-villages.*\.docx$/);
    const zip = await JSZip.loadAsync(readFileSync((await download.path())!));
    const xml = await zip.file('word/document.xml')!.async('string');
    const text = [...xml.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1].replace(/&apos;/g, "'").replace(/&amp;/g, '&')).join(' ');
    for (const title of templateHeadings('convention')) expect(text).toContain(title);
    expect(text).toContain('Annexe 2 — Tableau de répartition');
    // The allocation table: a real Word table whose header and commune rows follow the annex heading.
    const annex2 = xml.slice(xml.indexOf('Annexe 2 — Tableau de répartition'));
    const allocationTable = annex2.slice(annex2.indexOf('<w:tbl>'), annex2.indexOf('</w:tbl>'));
    for (const cell of ['Commune', 'Code INSEE', 'Part (%)', 'Contribution annuelle', 'Fayence', '83055', 'Seillans', 'Montauroux', 'Tourrettes', 'Total']) expect(allocationTable).toContain(cell);
    expect((allocationTable.match(/<w:tr[ >]/g) ?? []).length).toBe(6); // header, four communes, total

    // The action plan: objectives come with the cadre; an action added through the form shows in the table.
    await page.getByRole('button', { name: 'Générer le cadre stratégique' }).click();
    await page.getByRole('link', { name: `Ouvrir dans l’éditeur : Cadre stratégique — ${A}` }).waitFor();
    const tabs = page.getByRole('navigation', { name: 'Rubriques du plan et de la convention' });
    await tabs.getByRole('link', { name: 'Plan d’actions' }).click();
    await page.getByText('Un coût net maîtrisé').waitFor();
    await page.getByRole('button', { name: 'Ajouter une action' }).click();
    const form = page.getByRole('form', { name: 'Nouvelle action' });
    await form.getByLabel('Intitulé').fill('Recruter la coordinatrice enfance-jeunesse');
    await form.getByLabel('Objectif du cadre stratégique').selectOption({ label: 'Une équipe mutualisée' });
    await form.getByLabel('Échéance').fill('2027-03-31');
    await form.getByLabel('Budget (€)').fill('56 000');
    await form.getByRole('button', { name: 'Enregistrer l’action' }).click();
    await page.getByRole('rowheader', { name: /Recruter la coordinatrice enfance-jeunesse/ }).waitFor();
    expect(await page.getByRole('cell', { name: '56 000,00 €' }).count()).toBe(1);
    expect(await seriousViolations(page)).toEqual([]);

    // The board: the facilitator records the conseil communautaire's vote.
    await tabs.getByRole('link', { name: 'Délibérations' }).click();
    await page.getByRole('button', { name: 'Enregistrer — Conseil communautaire — CC du Pays de Fayence' }).click();
    const record = page.getByRole('form', { name: 'Enregistrer pour Conseil communautaire — CC du Pays de Fayence' });
    await record.getByLabel('Date de la séance').fill('2027-06-20');
    await record.getByLabel('Pour', { exact: true }).fill('28');
    await record.getByLabel('Contre', { exact: true }).fill('3');
    await record.getByLabel('Abstentions').fill('2');
    await record.getByRole('button', { name: 'Enregistrer', exact: true }).click();
    await page.getByRole('cell', { name: '28 / 3 / 2' }).waitFor();
    expect(await seriousViolations(page)).toEqual([]);

    await tabs.getByRole('link', { name: 'Adhésions, retraits et bilans' }).click();
    await page.getByRole('heading', { level: 3, name: 'Adhésions par avenant' }).waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await context.close();
  });
});
