import { describe, it, expect } from 'vitest';
import { renderHtml } from '../../../server/features/exports/render/index.js';
import { FIXTURE_INPUT, META } from './support.js';

describe('HTML export', () => {
  const html = renderHtml(FIXTURE_INPUT);

  it('is a standalone French UTF-8 page with the title block', () => {
    expect(html.startsWith('<!doctype html>\n<html lang="fr">\n<head>\n<meta charset="utf-8">\n')).toBe(true);
    expect(html).toContain('<title>Convention du service commun jeunesse</title>');
    expect(html).toContain('<p class="doc-title">Convention du service commun jeunesse</p>');
    expect(html).toContain('<p class="doc-subtitle">Convention · Mutualisation du service jeunesse</p>');
    expect(html).toContain('<p class="doc-version">Document de travail — version du 27 novembre 2026 à 10 h 00</p>');
    expect(html.trimEnd().endsWith('</main>\n</body>\n</html>')).toBe(true);
  });

  it('carries a print stylesheet with bordered tables and nothing fetched from elsewhere', () => {
    expect(html).toContain('th, td { border: 1px solid #555;');
    expect(html).toContain('table { border-collapse: collapse;');
    expect(html).toContain('@media print');
    expect(html).toContain('@page { size: A4; margin: 2cm; }');
    expect(html).not.toMatch(/<link |<script|src=/);
  });

  it('renders headings, marks and the link as the editor does', () => {
    expect(html).toContain('<h1>Convention de mutualisation</h1>');
    expect(html).toContain('<h2>Objet</h2>');
    expect(html).toContain('<h3>Périmètre</h3>');
    expect(html).toContain('<p>Les <strong>élu·e·s</strong> de l’intercommunalité adoptent la «\u202fcharte commune\u202f».</p>');
    expect(html).toContain('<p>Le service <em>commun</em> est décrit sur <a target="_blank" rel="noopener noreferrer nofollow" href="https://www.collectivites-locales.gouv.fr">le site officiel</a>.</p>');
  });

  it('nests the lists three levels deep and keeps the ordered list', () => {
    expect(html).toContain(
      '<ul><li><p>Voirie</p><ul><li><p>Entretien</p><ul><li><p>Déneigement</p></li></ul></li></ul></li><li><p>Éclairage public</p></li></ul>',
    );
    expect(html).toContain('<ol><li><p>Délibération concordante</p></li><li><p>Signature</p></li></ol>');
  });

  it('renders the table with its header row', () => {
    expect(html).toMatch(/<table[^>]*>/);
    expect(html).toContain('<tr><th colspan="1" rowspan="1"><p>Commune</p></th><th colspan="1" rowspan="1"><p>Population</p></th><th colspan="1" rowspan="1"><p>Quote-part</p></th></tr>');
    expect(html).toContain('<tr><td colspan="1" rowspan="1"><p>L’Haÿ</p></td><td colspan="1" rowspan="1"><p>1 800</p></td><td colspan="1" rowspan="1"><p>60 %</p></td></tr>');
  });

  it('escapes text and titles, and drops a javascript: link target', () => {
    const out = renderHtml({
      meta: { ...META, title: '<script>alert("x")</script> & Cie' },
      content: {
        type: 'doc',
        content: [
          {
            type: 'paragraph',
            content: [
              { type: 'text', text: '<img src=x onerror=alert(1)> & ' },
              { type: 'text', marks: [{ type: 'link', attrs: { href: 'javascript:alert(1)' } }], text: 'cliquez' },
            ],
          },
        ],
      },
    });
    expect(out).toContain('<title>&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; Cie</title>');
    expect(out).toContain('<p>&lt;img src=x onerror=alert(1)&gt; &amp; <a target="_blank" rel="noopener noreferrer nofollow" href="">cliquez</a></p>');
    expect(out).not.toContain('javascript:');
  });
});
