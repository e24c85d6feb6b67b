/**
 * Scenarios in a real browser against the real server (demo mode, built client): the facilitator opens the demo
 * project's Scénarios tab, opens a scenario, ticks the two demo scenarios and compares them side by side, opens the
 * arbitration dialog; an EPCI technician builds a scenario and sees a rule violation live. Each page passes axe-core
 * (no serious or critical violation).
 */
import { expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { e2eDescribe, browserSuite } from '../support/browser.js';
import type { ServerProcess } from '../support/server-process.js';
import { openProjectTab } from '../support/editor-page.js';
import { seriousViolations } from '../support/axe.js';

const SERVICE_COMMUN = 'Service commun jeunesse porté par la CC';
const ENTENTE = 'Entente intercommunale entre communes volontaires';

async function openScenarios(browser: Browser, server: ServerProcess, email: string): Promise<{ context: BrowserContext; page: Page }> {
  const opened = await openProjectTab(browser, server, email, 'Scénarios');
  await opened.page.getByTestId('scenario-card').first().waitFor();
  return opened;
}

e2eDescribe('scenarios (browser)', () => {
  const suite = browserSuite();

  it('the facilitator reads a scenario, compares the two demo scenarios and opens the arbitration; every page is axe-clean', { timeout: 60_000 }, async () => {
    const { context, page } = await openScenarios(suite.browser, suite.server, 'vp@demo.mutualab.fr');
    expect(await page.getByTestId('scenario-card').count()).toBe(2);
    expect(await seriousViolations(page)).toEqual([]);

    await page.getByRole('link', { name: SERVICE_COMMUN }).click();
    await page.getByRole('heading', { level: 3, name: SERVICE_COMMUN }).waitFor();
    await page.getByTestId('allocation-table').waitFor();
    expect(await page.getByTestId('allocation-table').locator('tbody tr').count()).toBe(4);
    await page.locator('figure[data-chart="scn-contrib"] svg').first().waitFor();
    expect(await seriousViolations(page)).toEqual([]);

    await page.getByRole('navigation', { name: 'Navigation des scénarios' }).getByRole('link', { name: 'Liste' }).click();
    await page.getByRole('checkbox', { name: `Comparer « ${SERVICE_COMMUN} »` }).check();
    await page.getByRole('checkbox', { name: `Comparer « ${ENTENTE} »` }).check();
    await page.getByRole('button', { name: 'Comparer les 2 scénarios cochés' }).click();
    const table = page.getByTestId('comparison-table');
    await table.waitFor();
    expect(await table.locator('thead th').allTextContents()).toEqual([SERVICE_COMMUN, `${ENTENTE} le moins coûteux`]);
    const netRow = table.locator('tr', { has: page.getByRole('rowheader', { name: 'Coût net projeté', exact: true }) });
    expect((await netRow.locator('td').allTextContents()).map((t) => t.replace(/\s/g, ' '))).toEqual(['687 500,00 €', '435 560,00 €']);
    await page.locator('figure[data-chart="cmp-net"] svg').first().waitFor();
    expect(await page.getByRole('link', { name: 'Télécharger le tableur (XLSX)' }).getAttribute('href')).toMatch(/compare\/export\?ids=.+&format=xlsx$/);
    expect(await seriousViolations(page)).toEqual([]);

    await page.getByRole('button', { name: 'Arbitrer : retenir un scénario' }).click();
    const dialog = page.getByTestId('arbitration-dialog');
    await dialog.getByRole('radio', { name: SERVICE_COMMUN }).waitFor();
    expect(await dialog.getByRole('radio').count()).toBe(2);
    expect(await seriousViolations(page)).toEqual([]);
    await dialog.getByRole('button', { name: 'Annuler' }).click();
    await context.close();
  });

  it('an EPCI technician building a scenario sees the rule violation live, next to the perimeter', { timeout: 60_000 }, async () => {
    const { context, page } = await openScenarios(suite.browser, suite.server, 'tech.epci@demo.mutualab.fr');
    await page.getByRole('link', { name: 'Nouveau scénario' }).click();
    await page.getByRole('heading', { level: 3, name: 'Nouveau scénario' }).waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await page.getByRole('checkbox', { name: /Les Adrets-de-l'Estérel/ }).check();
    await expect.poll(() => page.getByTestId('live-violations').textContent()).toContain("Les Adrets-de-l'Estérel n'est pas membre de l'EPCI");
    await page.getByTestId('instrument-select').selectOption('entente');
    await expect.poll(() => page.getByTestId('live-violations').textContent()).not.toContain("n'est pas membre");
    expect(await seriousViolations(page)).toEqual([]);
    await context.close();
  });
});
