import { describe, it, expect, beforeAll } from 'vitest';
import { collectTexts } from '../../../server/features/exports/render/index.js';
import { renderPdf } from '../../../server/features/exports/render/pdf.js';
import { EDITOR_FIXTURE } from '../../../shared/editor/fixture.js';
import { FIXTURE_INPUT, META, normalize, readPdf } from './support.js';

type Pdf = Awaited<ReturnType<typeof readPdf>>;

describe('PDF export of the editor fixture', () => {
  let bytes: Buffer;
  let pdf: Pdf;
  beforeAll(async () => {
    bytes = await renderPdf(FIXTURE_INPUT);
    pdf = await readPdf(bytes);
  });

  it('is a one-page PDF whose text contains every text of the fixture', () => {
    expect(bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(pdf.pages).toBe(1);
    const text = normalize(pdf.text);
    for (const fragment of collectTexts(EDITOR_FIXTURE)) expect(text, fragment).toContain(normalize(fragment));
  });

  it('prints the title block, list markers, table rows and the page footer', () => {
    const lines = pdf.text.split('\n').map(normalize);
    // Title and version line do not both fit beside the page number: the version line wins.
    expect(lines).toContain('Document de travail — version du 27 novembre 2026 à 10 h 00 Page 1 / 1');
    expect(lines.slice(0, 3)).toEqual([
      'Convention du service commun jeunesse',
      'Convention · Mutualisation du service jeunesse',
      'Document de travail — version du 27 novembre 2026 à 10 h 00',
    ]);
    expect(lines).toEqual(
      expect.arrayContaining([
        '• Voirie',
        '◦ Entretien',
        '▪ Déneigement',
        '• Éclairage public',
        '1. Délibération concordante',
        '2. Signature',
        'Commune Population Quote-part',
        'Saint-Étienne 1 200 40 %',
        'L’Haÿ 1 800 60 %',
        'Les élu·e·s de l’intercommunalité adoptent la « charte commune ».',
      ]),
    );
  });

  it('embeds DejaVu Sans (regular, bold, oblique) rather than a standard font', () => {
    const raw = bytes.toString('latin1');
    expect(raw).toMatch(/\/BaseFont \/[A-Z]{6}\+DejaVuSans\b/);
    expect(raw).toMatch(/\/BaseFont \/[A-Z]{6}\+DejaVuSans-Bold\b/);
    expect(raw).toMatch(/\/BaseFont \/[A-Z]{6}\+DejaVuSans-Oblique\b/);
    expect(raw).toContain('/FontFile2');
    expect(raw).not.toContain('/Helvetica');
  });

  it('makes the link clickable and fills the document properties', () => {
    // pdf.js reads the URI back normalised (trailing slash).
    expect(pdf.links).toEqual([{ page: 1, text: 'le site officiel', url: 'https://www.collectivites-locales.gouv.fr/' }]);
    expect(pdf.info).toMatchObject({
      Title: 'Convention du service commun jeunesse',
      Author: 'Mutualab',
      Subject: 'Mutualisation du service jeunesse — Document de travail — version du 27 novembre 2026 à 10 h 00',
    });
  });
});

describe('PDF layout', () => {
  it('breaks pages, repeats the table header and numbers every page « Page X / Y »', async () => {
    const row = (i: number) => ({
      type: 'tableRow',
      content: [`Commune ${i} au nom assez long pour passer à la ligne dans sa colonne`, String(1000 + i), `${i} %`].map((text) => ({
        type: 'tableCell',
        content: [{ type: 'paragraph', content: [{ type: 'text', text }] }],
      })),
    });
    const table = EDITOR_FIXTURE.content!.find((n) => n.type === 'table')!;
    const content = { type: 'doc', content: [{ ...table, content: [table.content![0], ...Array.from({ length: 60 }, (_, i) => row(i + 1))] }] };
    const pdf = await readPdf(await renderPdf({ meta: META, content }));
    expect(pdf.pages).toBeGreaterThanOrEqual(3);
    const lines = pdf.text.split('\n').map(normalize);
    for (let page = 1; page <= pdf.pages; page++) {
      expect(lines.filter((l) => l.endsWith(`Page ${page} / ${pdf.pages}`)), `page ${page}`).toHaveLength(1);
    }
    expect(lines.filter((l) => l === 'Commune Population Quote-part')).toHaveLength(pdf.pages);
    for (let i = 1; i <= 60; i++) expect(normalize(pdf.text)).toContain(`Commune ${i} au nom assez long`);
  });

  it('starts a new line at each hard break, left-aligned (not after the previous segment)', async () => {
    const t = (text: string, ...marks: string[]) => ({ type: 'text', text, marks: marks.map((type) => ({ type })) });
    const content = { type: 'doc', content: [{ type: 'paragraph', content: [t('un', 'bold'), { type: 'hardBreak' }, t('deux'), { type: 'hardBreak' }, { type: 'hardBreak' }, t('quatre', 'italic')] }] };
    const lines = (await readPdf(await renderPdf({ meta: META, content }))).text.split('\n').map(normalize);
    expect(lines.slice(3, 6)).toEqual(['un', 'deux', 'quatre']);
  });

  it('writes a PDF without a link annotation for an unsafe target', async () => {
    const content = { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', marks: [{ type: 'link', attrs: { href: 'javascript:alert(1)' } }], text: 'piège' }] }] };
    const bytes = await renderPdf({ meta: META, content });
    const pdf = await readPdf(bytes);
    expect(normalize(pdf.text)).toContain('piège');
    expect(pdf.links).toEqual([]);
    expect(bytes.toString('latin1')).not.toContain('javascript');
  });
});
