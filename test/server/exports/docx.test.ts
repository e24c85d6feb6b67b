import { describe, it, expect, beforeAll } from 'vitest';
import type { JSONContent } from '@tiptap/core';
import { collectTexts } from '../../../server/features/exports/render/index.js';
import { renderDocx } from '../../../server/features/exports/render/docx.js';
import { EDITOR_FIXTURE } from '../../../shared/editor/fixture.js';
import { FIXTURE_INPUT, META, readDocx } from './support.js';

type Docx = Awaited<ReturnType<typeof readDocx>>;

/** The `w:p` elements of the body, in order. */
const paragraphs = (xml: string) => xml.match(/<w:p>.*?<\/w:p>|<w:p [^>]*>.*?<\/w:p>/g) ?? [];
const paragraphWith = (xml: string, text: string) => paragraphs(xml).find((p) => p.includes(`>${text}</w:t>`)) ?? '';

describe('DOCX export of the editor fixture', () => {
  let docx: Docx;
  beforeAll(async () => {
    docx = await readDocx(await renderDocx(FIXTURE_INPUT));
  });

  it('contains every text of the fixture as a run, « » ’ · and narrow spaces included', () => {
    const texts = collectTexts(EDITOR_FIXTURE);
    expect(texts).toHaveLength(28);
    for (const text of texts) expect(docx.runs, text).toContain(text);
  });

  it('uses the built-in Title and Heading 1–3 styles, defined in styles.xml', () => {
    expect(paragraphWith(docx.document, 'Convention du service commun jeunesse')).toContain('<w:pStyle w:val="Title"/>');
    expect(paragraphWith(docx.document, 'Convention de mutualisation')).toContain('<w:pStyle w:val="Heading1"/>');
    expect(paragraphWith(docx.document, 'Objet')).toContain('<w:pStyle w:val="Heading2"/>');
    expect(paragraphWith(docx.document, 'Modalités')).toContain('<w:pStyle w:val="Heading2"/>');
    expect(paragraphWith(docx.document, 'Périmètre')).toContain('<w:pStyle w:val="Heading3"/>');
    for (const id of ['Title', 'Heading1', 'Heading2', 'Heading3', 'Hyperlink']) expect(docx.styles).toContain(`w:styleId="${id}"`);
    // Heading runs carry no explicit <w:b w:val="false"/> that would cancel the style's bold.
    expect(docx.document).not.toContain('w:val="false"');
  });

  it('writes real list numbering: bullets on levels 0–2, decimal numbers on their own definition', () => {
    const numPr = (text: string) => /<w:numPr><w:ilvl w:val="(\d)"\/><w:numId w:val="(\d+)"\/><\/w:numPr>/.exec(paragraphWith(docx.document, text))?.slice(1);
    const [, bullets] = numPr('Voirie')!;
    expect(numPr('Voirie')).toEqual(['0', bullets]);
    expect(numPr('Entretien')).toEqual(['1', bullets]);
    expect(numPr('Déneigement')).toEqual(['2', bullets]);
    expect(numPr('Éclairage public')).toEqual(['0', bullets]);
    const [, ordered] = numPr('Délibération concordante')!;
    expect(ordered).not.toBe(bullets);
    expect(numPr('Signature')).toEqual(['0', ordered]);
    expect(docx.numbering).toContain('<w:numFmt w:val="bullet"/>');
    expect(docx.numbering).toContain('<w:numFmt w:val="decimal"/>');
    expect(docx.numbering).toContain('<w:lvlText w:val="%1."/>');
  });

  it('writes the table as w:tbl with a repeated header row of bold cells', () => {
    const table = /<w:tbl>.*<\/w:tbl>/.exec(docx.document)?.[0] ?? '';
    expect(table).not.toBe('');
    expect(table.match(/<w:tr>|<w:tr /g)).toHaveLength(3);
    expect(table.match(/<w:tc>|<w:tc /g)).toHaveLength(9);
    const [header, ...body] = table.split(/<w:tr[ >]/).slice(1);
    expect(header).toContain('<w:tblHeader/>');
    expect(header).toMatch(/<w:b\/>.*>Commune<\/w:t>/);
    expect(body.join('')).not.toContain('<w:tblHeader/>');
    expect(table).toContain('<w:insideV w:val="single"');
  });

  it('writes bold, italic and an external hyperlink', () => {
    expect(docx.document).toMatch(/<w:r><w:rPr><w:b\/><w:bCs\/><\/w:rPr><w:t xml:space="preserve">élu·e·s<\/w:t>/);
    expect(docx.document).toMatch(/<w:r><w:rPr><w:i\/><w:iCs\/><\/w:rPr><w:t xml:space="preserve">commun<\/w:t>/);
    const rId = /<w:hyperlink w:history="1" r:id="([^"]+)"><w:r><w:rPr><w:rStyle w:val="Hyperlink"\/><\/w:rPr><w:t xml:space="preserve">le site officiel</.exec(docx.document)?.[1];
    expect(rId).toBeDefined();
    expect(docx.rels).toContain(`Id="${rId}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/hyperlink" Target="https://www.collectivites-locales.gouv.fr" TargetMode="External"`);
  });

  it('has French properties, French proofing language and a « Page X / Y » footer', () => {
    expect(docx.core).toContain('<dc:title>Convention du service commun jeunesse</dc:title>');
    expect(docx.core).toContain('<dc:subject>Mutualisation du service jeunesse</dc:subject>');
    expect(docx.core).toContain('<dc:creator>Mutualab</dc:creator>');
    expect(docx.core).toContain('<dc:description>Document de travail — version du 27 novembre 2026 à 10 h 00</dc:description>');
    expect(docx.styles).toContain('<w:lang w:val="fr-FR"/>');
    expect(docx.footer).toContain('Page </w:t>');
    expect(docx.footer).toContain('PAGE');
    expect(docx.footer).toContain('NUMPAGES');
    expect(docx.footer).toContain(' / </w:t>');
  });
});

describe('DOCX serializer', () => {
  const render = async (...content: JSONContent[]) => readDocx(await renderDocx({ meta: META, content: { type: 'doc', content } }));
  const ordered = (start: number, ...texts: string[]): JSONContent => ({
    type: 'orderedList',
    attrs: { start },
    content: texts.map((text) => ({ type: 'listItem', content: [{ type: 'paragraph', content: [{ type: 'text', text }] }] })),
  });

  it('restarts numbering for each ordered list and honours its start', async () => {
    const docx = await render(ordered(1, 'a'), { type: 'paragraph', content: [{ type: 'text', text: 'entre' }] }, ordered(1, 'b'), ordered(9, 'neuf'));
    const numId = (text: string) => /<w:numId w:val="(\d+)"\/>/.exec(paragraphWith(docx.document, text))?.[1];
    expect(new Set([numId('a'), numId('b'), numId('neuf')]).size).toBe(3);
    expect(docx.numbering).toContain('<w:start w:val="9"/>');
  });

  it('escapes XML and drops unsafe link targets', async () => {
    const docx = await render({
      type: 'paragraph',
      content: [
        { type: 'text', text: 'A & B <c> "d" ' },
        { type: 'text', marks: [{ type: 'link', attrs: { href: 'javascript:alert(1)' } }], text: 'lien' },
      ],
    });
    expect(docx.runs).toContain('A & B <c> "d" ');
    expect(docx.document).toContain('A &amp; B &lt;c&gt;');
    expect(docx.runs).toContain('lien');
    expect(docx.document).not.toContain('w:hyperlink');
    expect(docx.rels).not.toContain('javascript');
  });

  it('writes hard breaks as w:br and code in a monospace font', async () => {
    const docx = await render({
      type: 'paragraph',
      content: [{ type: 'text', text: 'ligne 1' }, { type: 'hardBreak' }, { type: 'text', marks: [{ type: 'code' }], text: 'x = 1' }],
    });
    expect(docx.document).toMatch(/ligne 1<\/w:t><\/w:r><w:r><w:br\/>/);
    expect(docx.document).toMatch(/<w:rFonts w:ascii="Consolas"[^>]*\/><\/w:rPr><w:t xml:space="preserve">x = 1</);
  });
});
