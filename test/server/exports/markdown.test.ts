import { describe, it, expect } from 'vitest';
import type { JSONContent } from '@tiptap/core';
import { renderMarkdown } from '../../../server/features/exports/render/index.js';
import { blocksLines } from '../../../server/features/exports/render/markdown.js';
import { FIXTURE_INPUT, META } from './support.js';

const NNBSP = '\u202f';
const md = (...content: JSONContent[]) => blocksLines(content).join('\n');
const p = (...content: JSONContent[]): JSONContent => ({ type: 'paragraph', content });
const t = (text: string, ...marks: string[]): JSONContent => ({ type: 'text', text, ...(marks.length ? { marks: marks.map((type) => ({ type })) } : {}) });
const item = (...content: JSONContent[]): JSONContent => ({ type: 'listItem', content });

describe('Markdown export of the editor fixture', () => {
  it('is exactly this (title block, headings, nested lists, GFM table)', () => {
    expect(renderMarkdown(FIXTURE_INPUT)).toBe(
      [
        '**Convention du service commun jeunesse**\\',
        'Convention · Mutualisation du service jeunesse\\',
        '*Document de travail — version du 27 novembre 2026 à 10 h 00*',
        '',
        '---',
        '',
        '# Convention de mutualisation',
        '',
        `Les **élu·e·s** de l’intercommunalité adoptent la «${NNBSP}charte commune${NNBSP}».`,
        '',
        '## Objet',
        '',
        'Le service *commun* est décrit sur [le site officiel](https://www.collectivites-locales.gouv.fr).',
        '',
        '### Périmètre',
        '',
        '- Voirie',
        '  - Entretien',
        '    - Déneigement',
        '- Éclairage public',
        '',
        '## Modalités',
        '',
        '1. Délibération concordante',
        '2. Signature',
        '',
        '| Commune | Population | Quote-part |',
        '| --- | --- | --- |',
        '| Saint-Étienne | 1 200 | 40 % |',
        '| L’Haÿ | 1 800 | 60 % |',
        '',
        'Fait à Lyon, le 3 mars.',
        '',
      ].join('\n'),
    );
  });
});

describe('Markdown serializer', () => {
  it('escapes Markdown syntax typed as text', () => {
    expect(md(p(t('*a* _b_ [c](d) <e> `f` ~g~ h|i \\ &amp;')))).toBe('\\*a\\* \\_b\\_ \\[c\\](d) \\<e\\> \\`f\\` \\~g\\~ h\\|i \\\\ &amp;amp;');
  });

  it.each([
    ['# pas un titre', '\\# pas un titre'],
    ['- pas une puce', '\\- pas une puce'],
    ['+ pas une puce', '\\+ pas une puce'],
    ['1. pas un numéro', '1\\. pas un numéro'],
    ['2026) pas un numéro', '2026\\) pas un numéro'],
    ['===', '\\==='],
    ['    pas du code', 'pas du code'],
    ['Le 1. est un nombre', 'Le 1. est un nombre'],
  ])('escapes %j at the start of a line', (text, expected) => {
    expect(md(p(t(text)))).toBe(expected);
  });

  it('keeps shared marks open and moves edge whitespace outside the delimiters', () => {
    expect(md(p(t('gras '), t('et italique', 'bold', 'italic'), t(' fin')))).toBe('gras ***et italique*** fin');
    expect(md(p(t('a ', 'bold'), t('b', 'bold', 'italic'), t(' c')))).toBe('**a *b*** c');
    expect(md(p(t('Le mot ', 'bold'), t('suivant')))).toBe('**Le mot** suivant');
    expect(md(p(t('a'), t(' ', 'bold'), t('b')))).toBe('a b');
    expect(md(p(t('barré', 'strike'), t(' '), t('souligné', 'underline')))).toBe('~~barré~~ <u>souligné</u>');
  });

  it('writes links around their marks and drops unsafe targets', () => {
    const link = (href: string) => ({ type: 'link', attrs: { href } });
    expect(md(p({ type: 'text', text: 'la charte', marks: [{ type: 'bold' }, link('https://exemple.fr/a (b)')] }))).toBe(
      '[**la charte**](https://exemple.fr/a%20%28b%29)',
    );
    expect(md(p({ type: 'text', text: 'piège', marks: [link('javascript:alert(1)')] }))).toBe('piège');
  });

  it('writes code spans with a fence longer than their backticks, unescaped', () => {
    expect(md(p(t('a*b', 'code')))).toBe('`a*b`');
    expect(md(p(t('x ` y', 'code')))).toBe('``x ` y``');
    expect(md(p(t('`z', 'code')))).toBe('`` `z ``');
  });

  it('writes hard breaks as backslash line ends, closing marks first', () => {
    expect(md(p(t('ligne 1', 'bold'), { type: 'hardBreak' }, t('- ligne 2')))).toBe('**ligne 1**\\\n\\- ligne 2');
  });

  it('indents nested lists under their marker width, ordered inside bullets and back', () => {
    const nested: JSONContent = {
      type: 'orderedList',
      attrs: { start: 9 },
      content: [
        item(p(t('neuf')), { type: 'bulletList', content: [item(p(t('puce')), { type: 'orderedList', attrs: { start: 1 }, content: [item(p(t('un')))] })] }),
        item(p(t('dix')), p(t('second paragraphe'))),
      ],
    };
    expect(md(nested)).toBe(['9. neuf', '   - puce', '     1. un', '10. dix', '', '    second paragraphe'].join('\n'));
  });

  it('separates two lists in a row so that they do not merge', () => {
    const list = { type: 'bulletList', content: [item(p(t('a')))] };
    expect(md(list, list)).toBe('- a\n\n<!-- -->\n\n- a');
  });

  it('writes table cells on one line, escaping pipes and filling spans', () => {
    const cell = (type: string, attrs: Record<string, number>, ...content: JSONContent[]): JSONContent => ({ type, attrs: { colspan: 1, rowspan: 1, ...attrs }, content });
    const table: JSONContent = {
      type: 'table',
      content: [
        { type: 'tableRow', content: [cell('tableHeader', { colspan: 2 }, p(t('A|B'))), cell('tableHeader', {}, p(t('C')))] },
        { type: 'tableRow', content: [cell('tableCell', { rowspan: 2 }, p(t('x')), p(t('y'))), cell('tableCell', {}, p(t('1', 'bold'), { type: 'hardBreak' }, t('2'))), cell('tableCell', {})] },
        { type: 'tableRow', content: [cell('tableCell', {}, p(t('`|`', 'code'))), cell('tableCell', {}, p(t('z')))] },
      ],
    };
    expect(md(table)).toBe(
      ['| A\\|B |   | C |', '| --- | --- | --- |', '| x<br>y | **1**<br>2 |   |', '|   | `` `\\|` `` | z |'].join('\n'),
    );
  });

  it('writes blockquotes, code blocks and rules', () => {
    expect(md({ type: 'blockquote', content: [p(t('cité')), p(t('suite'))] })).toBe('> cité\n>\n> suite');
    expect(md({ type: 'codeBlock', attrs: { language: 'ts' }, content: [t('const a = 1;\n```')] })).toBe('````ts\nconst a = 1;\n```\n````');
    expect(md({ type: 'horizontalRule' })).toBe('---');
    expect(md({ type: 'heading', attrs: { level: 2 }, content: [t('Article #')] })).toBe('## Article \\#');
  });

  it('escapes the title block too', () => {
    const out = renderMarkdown({ content: { type: 'doc', content: [] }, meta: { ...META, title: 'Note *urgente*', kindLabel: undefined, projectTitle: '1. Jeunesse' } });
    expect(out.split('\n').slice(0, 2)).toEqual(['**Note \\*urgente\\***\\', '1\\. Jeunesse\\']);
  });
});
