import { describe, it, expect } from 'vitest';
import { parseCell, formatCell, normalize, type CellContext } from '../../../shared/diagnostic/cells.js';
import { SECTION_FIELDS, fieldOf, type FieldDef } from '../../../shared/diagnostic/fields.js';
import { SECTION_SCHEMAS } from '../../../shared/diagnostic/schemas.js';
import { SECTIONS } from '../../../shared/diagnostic/sections.js';

const ctx: CellContext = {
  communes: [
    { id: 'c1', name: 'Fayence', inseeCode: '83055' },
    { id: 'c2', name: "Les Adrets-de-l'Estérel", inseeCode: '83001' },
  ],
  missions: [
    { key: 'accueil_loisirs', label: 'Accueil de loisirs' },
    { key: 'mis_x', label: 'Transport des jeunes' },
  ],
  services: [
    { id: 's1', name: 'ALSH', communeId: 'c1' },
    { id: 's2', name: 'ALSH', communeId: 'c2' },
    { id: 's3', name: 'PIJ', communeId: 'c1' },
  ],
  partners: [{ id: 'p1', name: 'CAF du Var' }],
  people: [
    { id: 'u1', name: 'Inès Moreau', email: 'caf@demo.mutualab.fr' },
    { id: 'u2', name: 'Jean Roux', email: 'a@x.fr' },
    { id: 'u3', name: 'Jean Roux', email: 'b@x.fr' },
  ],
};
const field = (section: (typeof SECTIONS)[number], key: string) => fieldOf(section, key)!;

describe('every field has a schema key and every schema key a field', () => {
  it.each(SECTIONS.map((s) => [s]))('%s', (section) => {
    expect(SECTION_FIELDS[section].map((f) => f.key).sort()).toEqual(Object.keys(SECTION_SCHEMAS[section].shape).sort());
  });
});

describe('parseCell', () => {
  const table: [string, FieldDef, unknown, unknown][] = [
    ['empty cell', field('agents', 'quotitePct'), '  ', null],
    ['commune by name', field('agents', 'communeId'), 'fayence', 'c1'],
    ['commune by code', field('agents', 'communeId'), '83001', 'c2'],
    ['commune as exported', field('agents', 'communeId'), "Les Adrets-de-l'Estérel (83001)", 'c2'],
    ['enum by label, any case and accents', field('agents', 'status'), 'contractuel·le (cdd)', 'contractuel_cdd'],
    ['enum by key', field('agents', 'category'), 'B', 'B'],
    ['enum list', field('agents', 'qualifications'), 'BAFA, bpjeps; PSC1', ['bafa', 'bpjeps', 'psc1']],
    ['enum list whose labels hold commas', field('services', 'openingPeriods'), 'Périscolaire (matin, midi, soir), Été', ['periscolaire', 'ete']],
    ['money from an XLSX number', field('agents', 'annualCostCents'), 32500.5, 3250050],
    ['money with a currency sign', field('agents', 'annualCostCents'), '32 500,50 €', 3250050],
    ['signed money', field('finances', 'acCents'), '-150 000', -15000000],
    ['percent with sign', field('agents', 'quotitePct'), '80 %', 80],
    ['bool', field('besoins', 'unmetNeed'), 'Oui', true],
    ['mission by label', field('besoins', 'missionKey'), 'transport des jeunes', 'mis_x'],
    ['mission list', field('services', 'missions'), 'Accueil de loisirs, Transport des jeunes', ['accueil_loisirs', 'mis_x']],
    ['service with its commune', field('usages', 'serviceId'), 'ALSH (Fayence)', 's1'],
    ['service by unique name', field('usages', 'serviceId'), 'PIJ', 's3'],
    ['residence outside', field('usages', 'residence'), 'hors territoire', 'hors_territoire'],
    ['date from an XLSX date', field('consultations', 'date'), new Date('2026-10-05T00:00:00Z'), '2026-10-05'],
    ['date in French', field('consultations', 'date'), '05/10/2026', '2026-10-05'],
    ['partner', field('consultations', 'partnerId'), 'caf du var', 'p1'],
    ['users by e-mail', field('consultations', 'participantUserIds'), 'caf@demo.mutualab.fr, a@x.fr', ['u1', 'u2']],
    ['communes', field('consultations', 'communeIds'), 'Fayence (83055), 83001', ['c1', 'c2']],
    [
      'needs, one per line or separated by |',
      field('consultations', 'needs'),
      'Besoin (Accueil de loisirs) : places le mercredi | Souhait : un PIJ itinérant\nramassage le soir',
      [
        { kind: 'besoin', text: 'places le mercredi', missionKey: 'accueil_loisirs' },
        { kind: 'souhait', text: 'un PIJ itinérant', missionKey: null },
        { kind: 'besoin', text: 'ramassage le soir', missionKey: null },
      ],
    ],
  ];
  it.each(table)('%s', (_n, f, raw, value) => {
    expect(parseCell(f, raw as never, ctx)).toEqual({ ok: true, value });
  });

  const errors: [string, FieldDef, unknown, string][] = [
    ['unknown commune', field('agents', 'communeId'), 'Paris', 'Commune inconnue dans ce projet : « Paris ».'],
    ['ambiguous service', field('usages', 'serviceId'), 'ALSH', 'Plusieurs services s’appellent « ALSH » : précisez la commune entre parenthèses.'],
    ['ambiguous person', field('consultations', 'participantUserIds'), 'Jean Roux', 'Plusieurs comptes s’appellent « Jean Roux » : indiquez l’adresse e-mail.'],
    ['bad bool', field('besoins', 'unmetNeed'), 'peut-être', '« Oui » ou « Non » attendu.'],
    ['bad money', field('agents', 'annualCostCents'), 'beaucoup', 'Montant attendu, par exemple 1 234,50.'],
    ['unknown mission', field('besoins', 'missionKey'), 'Piscine', 'Mission inconnue : « Piscine ». Ajoutez-la d’abord à la liste des missions du projet.'],
  ];
  it.each(errors)('%s', (_n, f, raw, message) => {
    expect(parseCell(f, raw as never, ctx)).toEqual({ ok: false, message });
  });
  it('lists the allowed values for an unknown enum value', () => {
    const r = parseCell(field('agents', 'category'), 'D', ctx);
    expect(r).toEqual({ ok: false, message: 'Valeur inconnue « D ». Valeurs possibles : Catégorie A, Catégorie B, Catégorie C.' });
  });
});

describe('formatCell reads back with parseCell (round trip)', () => {
  const values: [string, FieldDef, unknown][] = [
    ['money', field('agents', 'annualCostCents'), 3250050],
    ['negative AC', field('finances', 'acCents'), -15000005],
    ['percent', field('agents', 'quotitePct'), 87.5],
    ['enum', field('agents', 'status'), 'contractuel_cdi'],
    ['enum list', field('agents', 'qualifications'), ['bafa', 'eje']],
    ['commune', field('agents', 'communeId'), 'c2'],
    ['service', field('usages', 'serviceId'), 's2'],
    ['date', field('consultations', 'date'), '2026-10-05'],
    ['needs', field('consultations', 'needs'), [{ kind: 'souhait', text: 'Un PIJ itinérant, deux jours', missionKey: 'accueil_loisirs' }]],
    ['users', field('consultations', 'participantUserIds'), ['u1']],
  ];
  for (const target of ['csv', 'xlsx'] as const) {
    it.each(values)(`%s (${target})`, (_n, f, value) => {
      const cell = formatCell(f, value, ctx, target);
      expect(parseCell(f, cell, ctx)).toEqual({ ok: true, value });
    });
  }
  it('writes French text in CSV', () => {
    expect(formatCell(field('agents', 'annualCostCents'), 3250050, ctx, 'csv')).toBe('32500,50');
    expect(formatCell(field('agents', 'quotitePct'), 87.5, ctx, 'csv')).toBe('87,5');
    expect(formatCell(field('consultations', 'date'), '2026-10-05', ctx, 'csv')).toBe('05/10/2026');
    expect(formatCell(field('agents', 'communeId'), 'c1', ctx, 'csv')).toBe('Fayence (83055)');
  });
  it('normalizes labels for comparison', () => expect(normalize('  Éducateurs  territoriaux d’APS ')).toBe('educateurs territoriaux d aps'));
});
