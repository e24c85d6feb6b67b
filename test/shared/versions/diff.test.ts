import { describe, it, expect } from 'vitest';
import { diffDocuments, diffWords, textBlocks, tokenize } from '../../../shared/versions/diff.js';

const p = (text: string) => ({ type: 'paragraph', content: text ? [{ type: 'text', text }] : [] });
const h = (level: number, text: string) => ({ type: 'heading', attrs: { level }, content: [{ type: 'text', text }] });
const doc = (...content: unknown[]) => ({ type: 'doc', content }) as never;
const NNBSP = '\u202f';
const NBSP = '\u00a0';

describe('tokenize', () => {
  it.each([
    ['« Bonjour », dit l’élu·e', ['«', ' ', 'Bonjour', ' ', '»', ',', ' ', 'dit', ' ', 'l’élu·e']],
    [`Vraiment${NNBSP}?`, ['Vraiment', NNBSP, '?']],
    ['porte-parole du 1er janvier', ['porte-parole', ' ', 'du', ' ', '1er', ' ', 'janvier']],
    ["aujourd'hui : 12,5 %", ["aujourd'hui", ' ', ':', ' ', '12', ',', '5', ' ', '%']],
    ['', []],
  ])('%j', (text, tokens) => {
    expect(tokenize(text)).toEqual(tokens);
  });
});

describe('diffWords', () => {
  it.each([
    ['identical', 'Le service commun.', 'Le service commun.', [{ op: '=', text: 'Le service commun.' }]],
    ['one word replaced', 'Le service commun est créé.', 'Le service unifié est créé.', [
      { op: '=', text: 'Le service ' }, { op: '-', text: 'commun' }, { op: '+', text: 'unifié' }, { op: '=', text: ' est créé.' },
    ]],
    ['two separate changes', 'créé le 1er janvier.', 'créé le 2 mars 2027.', [
      { op: '=', text: 'créé le ' }, { op: '-', text: '1er janvier' }, { op: '+', text: '2 mars 2027' }, { op: '=', text: '.' },
    ]],
    ['word inserted', 'Les communes votent.', 'Les communes membres votent.', [
      { op: '=', text: 'Les communes ' }, { op: '+', text: 'membres ' }, { op: '=', text: 'votent.' },
    ]],
    ['word deleted', 'Les communes membres votent.', 'Les communes votent.', [
      { op: '=', text: 'Les communes ' }, { op: '-', text: 'membres ' }, { op: '=', text: 'votent.' },
    ]],
    ['French quotes kept around a changed word', '« Oui », dit-il.', '« Non », dit-il.', [
      { op: '=', text: '« ' }, { op: '-', text: 'Oui' }, { op: '+', text: 'Non' }, { op: '=', text: ' », dit-il.' },
    ]],
    ['punctuation with a narrow no-break space', 'Nous validons.', `Nous validons${NNBSP}!`, [
      { op: '=', text: 'Nous validons' }, { op: '-', text: '.' }, { op: '+', text: `${NNBSP}!` },
    ]],
    ['apostrophe words stay whole', 'l’élu signe', 'l’élue signe', [
      { op: '-', text: 'l’élu' }, { op: '+', text: 'l’élue' }, { op: '=', text: ' signe' },
    ]],
    ['from empty', '', 'Nouveau texte', [{ op: '+', text: 'Nouveau texte' }]],
    ['to empty', 'Ancien texte', '', [{ op: '-', text: 'Ancien texte' }]],
  ])('%s', (_name, before, after, expected) => {
    expect(diffWords(before, after)).toEqual(expected);
  });

  it('the equal and removed parts rebuild the old text, the equal and added parts the new one', () => {
    const before = `Article 2${NBSP}: la commune de Fayence met à disposition un agent (0,5 ETP).`;
    const after = `Article 2${NBSP}: les communes de Fayence et Seillans mettent à disposition deux agents (1 ETP).`;
    const ops = diffWords(before, after);
    expect(ops.filter((o) => o.op !== '+').map((o) => o.text).join('')).toBe(before);
    expect(ops.filter((o) => o.op !== '-').map((o) => o.text).join('')).toBe(after);
  });
});

describe('textBlocks', () => {
  it('flattens headings (with level), paragraphs, list items and table cells, hard breaks as new lines', () => {
    const json = doc(
      h(2, 'Objet'),
      { type: 'paragraph', content: [{ type: 'text', text: 'Ligne 1' }, { type: 'hardBreak' }, { type: 'text', text: 'Ligne 2', marks: [{ type: 'bold' }] }] },
      { type: 'bulletList', content: [{ type: 'listItem', content: [p('Point A')] }, { type: 'listItem', content: [p('Point B')] }] },
      { type: 'table', content: [{ type: 'tableRow', content: [{ type: 'tableCell', content: [p('Cellule')] }] }] },
      { type: 'horizontalRule' },
    );
    expect(textBlocks(json)).toEqual([
      { type: 'heading2', text: 'Objet' },
      { type: 'paragraph', text: 'Ligne 1\nLigne 2' },
      { type: 'paragraph', text: 'Point A' },
      { type: 'paragraph', text: 'Point B' },
      { type: 'paragraph', text: 'Cellule' },
      { type: 'horizontalRule', text: '———' },
    ]);
  });
});

describe('diffDocuments', () => {
  it('no change: every block is the same', () => {
    expect(diffDocuments(doc(h(1, 'Titre'), p('Texte')), doc(h(1, 'Titre'), p('Texte')))).toEqual({
      blocks: [
        { status: 'same', type: 'heading1', before: 'Titre', after: 'Titre' },
        { status: 'same', type: 'paragraph', before: 'Texte', after: 'Texte' },
      ],
      stats: { same: 2, added: 0, removed: 0, changed: 0 },
    });
  });

  it('a paragraph added in the middle', () => {
    expect(diffDocuments(doc(p('Un'), p('Trois')), doc(p('Un'), p('Deux'), p('Trois'))).blocks).toEqual([
      { status: 'same', type: 'paragraph', before: 'Un', after: 'Un' },
      { status: 'added', type: 'paragraph', after: 'Deux' },
      { status: 'same', type: 'paragraph', before: 'Trois', after: 'Trois' },
    ]);
  });

  it('a paragraph removed at the end', () => {
    expect(diffDocuments(doc(p('Un'), p('Deux')), doc(p('Un'))).blocks).toEqual([
      { status: 'same', type: 'paragraph', before: 'Un', after: 'Un' },
      { status: 'removed', type: 'paragraph', before: 'Deux' },
    ]);
  });

  it('a paragraph changed: word-level diff inside it', () => {
    const result = diffDocuments(
      doc(h(2, 'Article 1'), p('La commune de Fayence adhère au service commun.')),
      doc(h(2, 'Article 1'), p('La commune de Seillans adhère au service commun.')),
    );
    expect(result.blocks[1]).toEqual({
      status: 'changed',
      type: 'paragraph',
      before: 'La commune de Fayence adhère au service commun.',
      after: 'La commune de Seillans adhère au service commun.',
      words: [
        { op: '=', text: 'La commune de ' }, { op: '-', text: 'Fayence' }, { op: '+', text: 'Seillans' }, { op: '=', text: ' adhère au service commun.' },
      ],
    });
    expect(result.stats).toEqual({ same: 1, added: 0, removed: 0, changed: 1 });
  });

  it('unrelated replacement: removed then added, not a noisy word diff', () => {
    expect(diffDocuments(doc(p('Budget prévisionnel détaillé')), doc(p('Calendrier des délibérations'))).blocks).toEqual([
      { status: 'removed', type: 'paragraph', before: 'Budget prévisionnel détaillé' },
      { status: 'added', type: 'paragraph', after: 'Calendrier des délibérations' },
    ]);
  });

  it('a paragraph turned into a heading with the same text is a changed block of the new type', () => {
    expect(diffDocuments(doc(p('Objet')), doc(h(2, 'Objet'))).blocks).toEqual([
      { status: 'changed', type: 'heading2', before: 'Objet', after: 'Objet', words: [{ op: '=', text: 'Objet' }] },
    ]);
  });

  it('empty documents', () => {
    expect(diffDocuments(doc(), doc())).toEqual({ blocks: [], stats: { same: 0, added: 0, removed: 0, changed: 0 } });
    expect(diffDocuments(doc(), doc(p('Premier')))).toEqual({
      blocks: [{ status: 'added', type: 'paragraph', after: 'Premier' }],
      stats: { same: 0, added: 1, removed: 0, changed: 0 },
    });
  });
});
