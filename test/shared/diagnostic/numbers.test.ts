import { describe, it, expect } from 'vitest';
import { parseMoneyCents, parseDecimal, parseInteger, parseDate, round, centsToEuroText } from '../../../shared/diagnostic/numbers.js';

describe('parseMoneyCents (French spreadsheets, exact cents)', () => {
  const table: [string, number | string, boolean?][] = [
    ['1234', 123400],
    ['1 234,50', 123450],
    ['1\u202f234,5 €', 123450],
    ['1234.56', 123456],
    ['1.234,56', 123456],
    ['1,234.56', 123456],
    ['1.234.567', 123456700],
    ['0,07', 7],
    [',5', 50],
    ['19,99 EUR', 1999],
    ['-12,5', 'Le montant ne peut pas être négatif.'],
    ['-12,5', -1250, true],
    ['12,345', 'Deux décimales au plus pour un montant en euros.'],
    ['1,234,567', 'Montant attendu, par exemple 1 234,50.'],
    ['douze', 'Montant attendu, par exemple 1 234,50.'],
    ['1e5', 'Montant attendu, par exemple 1 234,50.'],
    ['999999999999', 'Montant trop élevé.'],
  ];
  it.each(table)('%s → %s', (raw, expected, negative) => {
    const r = parseMoneyCents(raw, negative ?? false);
    if (typeof expected === 'number') expect(r).toEqual({ ok: true, value: expected });
    else expect(r).toEqual({ ok: false, message: expected });
  });
  it('never goes through floating point: 0,29 € is 29 cents (0.29 × 100 = 28.999…)', () => {
    expect(parseMoneyCents('0,29')).toEqual({ ok: true, value: 29 });
    expect(parseMoneyCents('1005,35')).toEqual({ ok: true, value: 100535 });
  });
});

describe('parseDecimal, parseInteger, parseDate', () => {
  it.each([
    ['80', 80],
    ['80 %', 80],
    ['12,5', 12.5],
    ['0.25', 0.25],
  ] as const)('decimal %s → %s', (raw, v) => expect(parseDecimal(raw)).toEqual({ ok: true, value: v }));
  it('refuses negative numbers and too many decimals', () => {
    expect(parseDecimal('-3')).toEqual({ ok: false, message: 'Le nombre ne peut pas être négatif.' });
    expect(parseDecimal('1,234')).toEqual({ ok: false, message: '2 décimales au plus.' });
  });
  it.each([
    ['1 250', 1250],
    ['12,0', 12],
  ] as const)('integer %s → %s', (raw, v) => expect(parseInteger(raw)).toEqual({ ok: true, value: v }));
  it('refuses a decimal where an integer is expected', () => expect(parseInteger('12,5')).toEqual({ ok: false, message: 'Nombre entier attendu.' }));
  it.each([
    ['21/09/2026', '2026-09-21'],
    ['1/2/2027', '2027-02-01'],
    ['2026-09-21', '2026-09-21'],
    ['2026-09-21T10:00:00.000Z', '2026-09-21'],
  ])('date %s → %s', (raw, v) => expect(parseDate(raw)).toEqual({ ok: true, value: v }));
  it('refuses impossible or unreadable dates', () => {
    expect(parseDate('31/02/2026')).toEqual({ ok: false, message: 'Cette date n’existe pas.' });
    expect(parseDate('septembre 2026')).toEqual({ ok: false, message: 'Date attendue au format JJ/MM/AAAA.' });
  });
});

describe('round and euro text', () => {
  it.each([
    [1.005, 2, 1.01],
    [0.125, 2, 0.13],
    [2.5, 0, 3],
    [-2.5, 0, -3],
    [-0.0001, 2, 0],
    [1234.567, 0, 1235],
  ] as const)('round(%s, %s) = %s', (x, d, v) => expect(round(x, d)).toBe(v));
  it('formats cents as euros', () => {
    expect(centsToEuroText(123450)).toBe('1234,50');
    expect(centsToEuroText(-5)).toBe('-0,05');
    expect(centsToEuroText(123456789, true)).toBe('1\u202f234\u202f567,89');
  });
});
