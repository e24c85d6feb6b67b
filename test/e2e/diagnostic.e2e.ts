/**
 * Diagnostic, in real browsers against the real server (demo mode, built client): a communal technician edits an
 * agent's quotité (hence the ETP) of his commune; in another browser context the facilitator, who keeps the diagnostic
 * synthesis open, sees the indicators and the chart change without reloading (live event → refetch). The synthesis and
 * the commune page also pass axe-core (no serious or critical violation).
 */
import { expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { e2eDescribe, browserSuite } from '../support/browser.js';
import type { ServerProcess } from '../support/server-process.js';
import { openProjectTab } from '../support/editor-page.js';
import { seriousViolations } from '../support/axe.js';

/** Signs in with the demo button of `email` and opens the demo project's diagnostic at `subPath`. */
async function openDiagnostic(browser: Browser, server: ServerProcess, email: string, subPath = ''): Promise<{ context: BrowserContext; page: Page }> {
  const opened = await openProjectTab(browser, server, email, 'Diagnostic');
  if (subPath) await opened.page.getByRole('navigation', { name: 'Rubriques du diagnostic' }).getByRole('link', { name: subPath }).click();
  return opened;
}

/** The text of the value of an indicator card of the synthesis (e.g. `etp`). */
const kpi = (page: Page, key: string) => page.locator(`[data-indicator="${key}"] .diag-kpi-value`).first();

e2eDescribe('diagnostic (browser)', () => {
  const suite = browserSuite();

  it('a technician edits an agent’s ETP; the facilitator’s indicators and chart update live, without reload', async () => {
    const vp = await openDiagnostic(suite.browser, suite.server, 'vp@demo.mutualab.fr');
    await vp.page.getByText('Mises à jour en direct').waitFor();
    const etpChart = vp.page.locator('figure[data-chart="etp-per-1000"]');
    await etpChart.locator('svg').first().waitFor();
    expect(await kpi(vp.page, 'etp').textContent()).toBe('12,9');
    expect(await etpChart.locator('svg text', { hasText: '0,71' }).count()).toBe(1);
    await vp.page.evaluate(() => ((window as unknown as { notReloaded: boolean }).notReloaded = true));

    const tech = await openDiagnostic(suite.browser, suite.server, 'tech.fayence@demo.mutualab.fr', 'Communes');
    await tech.page.getByRole('heading', { level: 3, name: 'Fayence' }).waitFor();
    await tech.page.getByRole('button', { name: 'Modifier la ligne « Animatrice accueil de loisirs »' }).click();
    const editor = tech.page.getByRole('form', { name: 'Modifier' });
    const quotite = editor.getByLabel("Quotité (% d'un temps complet)");
    expect(await quotite.inputValue()).toBe('80');
    await quotite.fill('120');
    await editor.getByRole('button', { name: 'Enregistrer' }).click();
    await editor.getByText('Au plus 100 %.').waitFor(); // French message, nothing sent
    await quotite.fill('100');
    await editor.getByRole('button', { name: 'Enregistrer' }).click();
    await tech.page.getByText('Modification enregistrée.').waitFor({ state: 'attached' });
    const row = tech.page.locator('tr', { has: tech.page.getByRole('rowheader', { name: 'Animatrice accueil de loisirs' }) });
    await expect.poll(() => row.locator('td').nth(3).textContent()).toBe('100 %');

    // The facilitator's page follows: ETP 12,9 → 13,1 for the perimeter, Fayence 0,71 → 0,75 per 1 000 inhabitants.
    await expect.poll(() => kpi(vp.page, 'etp').textContent(), { timeout: 10_000 }).toBe('13,1');
    // Fayence's bar label: 0,71 was the only one of its kind (0,75 is also Montauroux's label and an axis tick).
    await expect.poll(() => etpChart.locator('svg text', { hasText: '0,71' }).count(), { timeout: 10_000 }).toBe(0);
    expect(await etpChart.locator('table').textContent()).toContain('Fayence0,75');
    await vp.page.getByText('Données mises à jour par Luc Bernard.').waitFor();
    expect(await vp.page.evaluate(() => (window as unknown as { notReloaded?: boolean }).notReloaded)).toBe(true);

    // Fayence's agents were submitted for validation: the change reopened the section, for everyone.
    const board = vp.page.getByRole('region', { name: 'Avancement par commune' });
    await expect.poll(() => board.locator('tr', { hasText: 'Fayence' }).locator('td').nth(2).textContent()).toContain('En cours');
    await vp.context.close();
    await tech.context.close();
  });

  it('the synthesis and a commune page pass axe (no serious or critical violation)', async () => {
    const { context, page } = await openDiagnostic(suite.browser, suite.server, 'elu.fayence@demo.mutualab.fr');
    await page.locator('figure[data-chart="cost-per-inhabitant"] svg').first().waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await page.getByRole('navigation', { name: 'Rubriques du diagnostic' }).getByRole('link', { name: 'Communes' }).click();
    await page.getByRole('heading', { level: 3, name: 'Fayence' }).waitFor();
    await page.getByRole('heading', { name: 'Agents' }).waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await context.close();
  });
});
