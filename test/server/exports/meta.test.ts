import { describe, it, expect } from 'vitest';
import { contentDisposition, safeHref, slugify, versionLine } from '../../../server/features/exports/render/meta.js';
import { META } from './support.js';

describe('export metadata', () => {
  it.each([
    ['Convention de mutualisation', 'convention-de-mutualisation'],
    ['Délibération « concordante » n° 2 — L’Haÿ-les-Roses', 'deliberation-concordante-n-2-l-hay-les-roses'],
    ['Œuvre  &  Co / Été 2026', 'oeuvre-co-ete-2026'],
    ['«  »', 'document'],
    ['', 'document'],
  ])('slugify(%j) = %j', (title, slug) => {
    expect(slugify(title)).toBe(slug);
  });

  it('bounds the slug to 80 characters without a trailing dash', () => {
    const slug = slugify(`${'a'.repeat(79)} b`);
    expect(slug).toBe('a'.repeat(79));
  });

  it('writes Content-Disposition with an ASCII filename and its RFC 5987 twin', () => {
    expect(contentDisposition('Compte rendu du 3 mars', 'pdf')).toBe(
      `attachment; filename="compte-rendu-du-3-mars.pdf"; filename*=UTF-8''compte-rendu-du-3-mars.pdf`,
    );
  });

  it('writes the version line in Paris time with French typography', () => {
    expect(versionLine(META)).toBe('Document de travail — version du 27 novembre 2026 à 10 h 00');
    // 23:30 UTC is already the next day in Paris.
    expect(versionLine({ ...META, generatedAt: new Date('2026-06-30T22:30:00Z') })).toBe(
      'Document de travail — version du 1 juillet 2026 à 00 h 30',
    );
  });

  it.each([
    ['https://www.collectivites-locales.gouv.fr', 'https://www.collectivites-locales.gouv.fr'],
    ['http://exemple.fr/a?b=c', 'http://exemple.fr/a?b=c'],
    ['mailto:mairie@exemple.fr', 'mailto:mairie@exemple.fr'],
    ['javascript:alert(1)', null],
    ['JaVaScRiPt:alert(1)', null],
    ['file:///etc/passwd', null],
    ['data:text/html,<b>x</b>', null],
    ['/relatif', null],
    [42, null],
  ])('safeHref(%j) = %j', (href, expected) => {
    expect(safeHref(href)).toBe(expected);
  });
});
