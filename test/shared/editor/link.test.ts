import { describe, it, expect } from 'vitest';
import { checkLinkHref } from '../../../shared/editor/link.js';

describe('checkLinkHref', () => {
  it.each([
    ['https://www.paysdefayence.fr/jeunesse', 'https://www.paysdefayence.fr/jeunesse'],
    ['  http://mairie-callian.fr  ', 'http://mairie-callian.fr'],
    ['www.legifrance.gouv.fr/codes', 'https://www.legifrance.gouv.fr/codes'],
    ['collectivites-locales.gouv.fr', 'https://collectivites-locales.gouv.fr'],
    ['mailto:dgs@cc-paysdefayence.fr', 'mailto:dgs@cc-paysdefayence.fr'],
    ['tel:+33494000000', 'tel:+33494000000'],
  ])('accepts %s', (input, href) => {
    expect(checkLinkHref(input)).toEqual({ ok: true, href });
  });

  it.each([
    ['', 'Saisissez une adresse'],
    ['https://', 'Saisissez une adresse'],
    ['javascript:alert(1)', 'Adresse non reconnue'],
    ['data:text/html,<b>x</b>', 'Adresse non reconnue'],
    ['/projets/abc', 'Adresse non reconnue'],
    ['https://intranet', 'il manque le nom de domaine'],
    ['https://exemple .fr', 'ne contient pas d’espace'],
    ['https://[::1', 'mal formée'],
  ])('refuses %j with a French reason', (input, reason) => {
    const check = checkLinkHref(input);
    expect(check.ok).toBe(false);
    expect(check.ok ? '' : check.reason).toContain(reason);
  });
});
