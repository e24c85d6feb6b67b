import { describe, it, expect } from 'vitest';
import { csvCell, positionsCsv, synthesisDocumentJSON, formatDateTimeFr, type SynthesisMeta } from '../../../shared/rounds/synthesis-render.js';
import { buildSynthesis } from '../../../shared/rounds/synthesis.js';
import { parseEditorJSON } from '../../../shared/editor/index.js';
import { open, position } from './fixtures.js';

describe('csvCell', () => {
  it.each([
    [null, ''],
    ['Fayence', 'Fayence'],
    [12, '12'],
    [-3, '-3'],
    ['a;b', '"a;b"'],
    ['dit "non"', '"dit ""non"""'],
    ['deux\nlignes', '"deux\nlignes"'],
    ['=SOMME(A1)', "'=SOMME(A1)"],
    ['+33 4 94', "'+33 4 94"],
    ['-moins', "'-moins"],
    ['@cible', "'@cible"],
  ] as const)('%j → %j', (value, expected) => {
    expect(csvCell(value)).toBe(expected);
  });
});

describe('positionsCsv', () => {
  it('writes a BOM, the header and one CRLF line per commune', () => {
    const csv = positionsCsv([
      { communeName: 'Seillans', inseeCode: '83124', kind: 'favorable_avec_reserves', motivation: 'Sous conditions', conditions: ['Local maintenu', 'Tarifs'], actionImpacts: [{ title: 'Maison des jeunes', impact: 'renforce' }, { title: 'ALSH', impact: 'affaiblit' }], authorName: 'Sophie Garnier', recordedAt: '2026-12-02T10:00:00.000Z' },
      { communeName: 'Mons', inseeCode: '83080', kind: null, motivation: null, conditions: [], actionImpacts: [], authorName: null, recordedAt: null },
    ]);
    expect(csv).toBe(
      '\uFEFFCommune;Code INSEE;Position;Motivation;Conditions;Actions renforcées;Actions neutres;Actions affaiblies;Détail des actions;Exprimée par;Date (UTC)\r\n' +
        'Seillans;83124;Favorable avec réserves;Sous conditions;"Local maintenu ; Tarifs";1;0;1;"Maison des jeunes : Renforce ; ALSH : Affaiblit";Sophie Garnier;2026-12-02T10:00:00.000Z\r\n' +
        'Mons;83080;Sans position;;;;;;;;\r\n',
    );
  });
});

describe('synthesisDocumentJSON', () => {
  const meta: SynthesisMeta = {
    title: 'Convention',
    question: 'Renforce-t-elle vos actions ?',
    opensAt: '2026-12-01T08:00:00.000Z',
    closedAt: '2026-12-15T17:00:00.000Z',
    frozenVersions: [{ title: 'Projet de convention', label: 'Tour de table — Convention (ouverture)' }],
    hasScenarioSnapshot: true,
    userNames: { u1: 'Sophie Garnier' },
    communeNames: { seillans: 'Seillans', fayence: 'Fayence', montauroux: 'Montauroux', tourrettes: 'Tourrettes' },
  };
  const synthesis = buildSynthesis({
    round: open,
    positions: [
      position('seillans', '2026-12-02T10:00:00.000Z', { kind: 'defavorable', motivation: 'Trop cher', actionImpacts: [{ actionId: 'a1', impact: 'affaiblit' }] }),
      position('fayence', '2026-12-03T10:00:00.000Z', { actionImpacts: [{ actionId: 'a2', impact: 'renforce' }] }),
    ],
    comments: [
      { id: 'c1', type: 'objection', status: 'open', authorId: 'u1', authorCommuneId: 'seillans', body: 'Le  prorata\npénalise', targets: [{ kind: 'section', id: 'd:Art. 2', label: 'Convention — Art. 2' }], createdAt: '2026-12-04T10:00:00.000Z' },
    ],
    actions: [
      { id: 'a1', communeId: 'seillans', title: 'Maison des jeunes' },
      { id: 'a2', communeId: 'fayence', title: 'Local jeunes' },
    ],
    communeNames: meta.communeNames,
  });
  const json = synthesisDocumentJSON(synthesis, meta);
  const texts = (node: { text?: string; content?: unknown[] }): string[] => [...(node.text ? [node.text] : []), ...((node.content ?? []) as never[]).flatMap(texts)];

  it('is a valid document of the shared editor schema (tables, lists, headings)', () => {
    expect(() => parseEditorJSON(json)).not.toThrow();
    expect(json.content!.map((n) => n.type === 'heading' ? `h${n.attrs!.level}:${n.content![0].text}` : n.type)).toEqual([
      'h1:Synthèse du tour de table « Convention »',
      'paragraph',
      'paragraph',
      'paragraph',
      'bulletList',
      'h2:Positions par commune',
      'table',
      'paragraph',
      'h2:Effet sur les programmes communaux',
      'table',
      'h3:Détail par action',
      'table',
      'h2:Commentaires par type',
      'h3:Objection (1)',
      'bulletList',
      'h2:Commentaires par section ou donnée',
      'h3:Convention — Art. 2',
      'bulletList',
      'h2:Objections ouvertes',
      'bulletList',
      'h2:Analyse et suites à donner',
      'paragraph',
    ]);
  });

  it('says what was debated, who answered what and the impact tally, in French', () => {
    const all = texts(json);
    expect(all).toContain(`Tour de table ouvert le ${formatDateTimeFr(meta.opensAt)}, clos le ${formatDateTimeFr(meta.closedAt)}. 4 commune(s) invitée(s), 2 position(s) exprimée(s).`);
    expect(formatDateTimeFr('2026-12-15T17:00:00.000Z')).toBe('15 décembre 2026 à 18:00');
    expect(all).toContain('Projet de convention — version « Tour de table — Convention (ouverture) »');
    expect(all).toContain('Chiffres des scénarios figés à l’ouverture');
    expect(all).toContain('Favorable : 1 · Favorable avec réserves : 0 · Défavorable : 1 · Abstention : 0 · Sans position : 2');
    const positionsTable = json.content![6];
    const rows = positionsTable.content!.map((r) => r.content!.map((c) => texts(c).join('')));
    expect(rows).toEqual([
      ['Commune', 'Position', 'Motivation', 'Conditions'],
      ['Seillans', 'Défavorable', 'Trop cher', ''],
      ['Fayence', 'Favorable', '', ''],
      ['Montauroux', 'Sans position', '', ''],
      ['Tourrettes', 'Sans position', '', ''],
    ]);
    const tally = json.content![9].content!.map((r) => r.content!.map((c) => texts(c).join('')));
    expect(tally).toEqual([
      ['Commune', 'Renforce', 'Neutre', 'Affaiblit'],
      ['Seillans', '0', '0', '1'],
      ['Fayence', '1', '0', '0'],
      ['Total', '1', '0', '1'],
    ]);
    expect(all).toContain('Sophie Garnier (Seillans) : Le prorata pénalise');
  });

  it('says so when there is nothing to list', () => {
    const empty = synthesisDocumentJSON(buildSynthesis({ round: open, positions: [], comments: [], actions: [], communeNames: {} }), { ...meta, frozenVersions: [], hasScenarioSnapshot: false });
    const all = texts(empty);
    expect(all).toContain('Aucune action de programme communal n’a été évaluée.');
    expect(all).toContain('Aucun commentaire pendant le tour de table.');
    expect(all).toContain('Aucune objection ouverte à la clôture.');
    expect(all).not.toContain('Textes débattus (figés à l’ouverture) :');
  });
});
