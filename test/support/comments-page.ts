/** Browser helpers for the comments panel of the editor (comments, rounds and workshops suites). */
import type { Page } from 'playwright-core';

/** Selects the first occurrence of `text` in the editor, as a user dragging over it would (DOM selection). */
export async function selectText(page: Page, text: string): Promise<void> {
  await page.locator('.ProseMirror').evaluate((root, needle) => {
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const at = node.textContent!.indexOf(needle);
      if (at < 0) continue;
      (root as HTMLElement).focus();
      const range = document.createRange();
      range.setStart(node, at);
      range.setEnd(node, at + needle.length);
      const selection = document.getSelection()!;
      selection.removeAllRanges();
      selection.addRange(range);
      return;
    }
    throw new Error(`texte introuvable : ${needle}`);
  }, text);
  await page.getByRole('button', { name: 'Commenter la sélection' }).and(page.locator(':enabled')).waitFor();
}

/** Opens the composer on the selection, picks a type, writes the comment (and the replacement), publishes. */
export async function postComment(page: Page, type: string, body: string, replacement?: string): Promise<void> {
  await page.getByRole('button', { name: 'Commenter la sélection' }).click();
  const form = page.getByRole('form', { name: 'Nouveau commentaire' });
  await form.getByLabel('Type de commentaire').selectOption({ label: type });
  await form.getByLabel('Votre commentaire').fill(body);
  if (replacement !== undefined) await form.getByLabel('Texte proposé en remplacement').fill(replacement);
  await form.getByRole('button', { name: 'Publier' }).click();
  await form.waitFor({ state: 'detached' });
}
