/**
 * Reading numbers as people type them in French spreadsheets (« 1 234,50 € », « 80 % », « 12.5 »), exactly:
 * money is converted to integer cents from the digits, never through a floating-point multiplication.
 */

export type Parsed<T> = { ok: true; value: T } | { ok: false; message: string };
const ok = <T>(value: T): Parsed<T> => ({ ok: true, value });
const fail = (message: string): Parsed<never> => ({ ok: false, message });

/** Splits a French or English decimal into sign, integer digits and fraction digits; null when it is not a number. */
function splitDecimal(raw: string): { negative: boolean; int: string; frac: string } | null {
  let s = raw.replace(/[\s\u00a0\u202f']/g, '');
  const negative = s.startsWith('-') || s.startsWith('−');
  if (negative || s.startsWith('+')) s = s.slice(1);
  if (!/^[\d.,]+$/.test(s) || !/\d/.test(s)) return null;
  const comma = s.lastIndexOf(',');
  const dot = s.lastIndexOf('.');
  let int = s;
  let frac = '';
  if (comma >= 0 && dot >= 0) {
    // Both present: the last one is the decimal separator, the other groups thousands.
    const decimalAt = Math.max(comma, dot);
    int = s.slice(0, decimalAt).replace(/[.,]/g, '');
    frac = s.slice(decimalAt + 1);
    if (/[.,]/.test(frac)) return null;
  } else if (comma >= 0) {
    if (s.indexOf(',') !== comma) return null; // « 1,234,567 » is ambiguous in a French file
    int = s.slice(0, comma);
    frac = s.slice(comma + 1);
  } else if (dot >= 0) {
    // Several dots can only group thousands (« 1.234.567 »); one dot is a decimal point.
    if (s.indexOf('.') !== dot) {
      if (!/^\d{1,3}(\.\d{3})+$/.test(s)) return null;
      int = s.replace(/\./g, '');
    } else {
      int = s.slice(0, dot);
      frac = s.slice(dot + 1);
    }
  }
  if (int === '') int = '0';
  if (!/^\d+$/.test(int) || !/^\d*$/.test(frac)) return null;
  return { negative, int, frac };
}

/** « 1 234,50 € » → 123450 cents. Two decimals at most; negative amounts only when allowed. */
export function parseMoneyCents(raw: string, allowNegative = false): Parsed<number> {
  const cleaned = raw.replace(/€|eur(os?)?/gi, '');
  const d = splitDecimal(cleaned);
  if (!d) return fail('Montant attendu, par exemple 1 234,50.');
  if (d.frac.length > 2) return fail('Deux décimales au plus pour un montant en euros.');
  if (d.negative && !allowNegative) return fail('Le montant ne peut pas être négatif.');
  if (d.int.replace(/^0+/, '').length > 11) return fail('Montant trop élevé.');
  const cents = Number(d.int) * 100 + Number(d.frac.padEnd(2, '0'));
  return ok(d.negative && cents !== 0 ? -cents : cents);
}

/** « 12,5 » → 12.5 with at most `maxDecimals` decimals; « % » is accepted and ignored. */
export function parseDecimal(raw: string, maxDecimals = 2): Parsed<number> {
  const d = splitDecimal(raw.replace(/%/g, ''));
  if (!d) return fail('Nombre attendu, par exemple 12,5.');
  if (d.negative) return fail('Le nombre ne peut pas être négatif.');
  if (d.frac.length > maxDecimals) return fail(maxDecimals === 0 ? 'Nombre entier attendu.' : `${maxDecimals} décimales au plus.`);
  if (d.int.replace(/^0+/, '').length > 12) return fail('Nombre trop grand.');
  return ok(Number(`${d.int}.${d.frac || '0'}`));
}

/** A whole number (« 1 250 »). */
export function parseInteger(raw: string): Parsed<number> {
  const d = splitDecimal(raw);
  if (!d || d.negative) return fail('Nombre entier positif attendu.');
  if (d.frac.replace(/0+$/, '') !== '') return fail('Nombre entier attendu.');
  if (d.int.replace(/^0+/, '').length > 12) return fail('Nombre trop grand.');
  return ok(Number(d.int));
}

/** « 21/09/2026 », « 2026-09-21 » → « 2026-09-21 ». */
export function parseDate(raw: string): Parsed<string> {
  const s = raw.trim();
  let y: number, m: number, d: number;
  let match = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ].*)?$/.exec(s);
  if (match) [y, m, d] = [Number(match[1]), Number(match[2]), Number(match[3])];
  else if ((match = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(s))) [d, m, y] = [Number(match[1]), Number(match[2]), Number(match[3])];
  else return fail('Date attendue au format JJ/MM/AAAA.');
  const date = new Date(Date.UTC(y, m - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d) return fail('Cette date n’existe pas.');
  return ok(date.toISOString().slice(0, 10));
}

/** Rounds half away from zero to `decimals` places, robust to binary artefacts (1.005 → 1.01). */
export function round(x: number, decimals = 0): number {
  const factor = 10 ** decimals;
  const scaled = Math.abs(x) * factor;
  const r = Math.round(Number(scaled.toPrecision(15)));
  const out = (Math.sign(x) * r) / factor;
  return out === 0 ? 0 : out; // no « -0 » in tables
}

/** Cents as French euros text without symbol: 123450 → « 1234,50 » (files), or grouped for display. */
export function centsToEuroText(cents: number, grouped = false): string {
  const negative = cents < 0;
  const abs = Math.abs(cents);
  const euros = Math.floor(abs / 100).toString();
  const rest = String(abs % 100).padStart(2, '0');
  const int = grouped ? euros.replace(/\B(?=(\d{3})+(?!\d))/g, '\u202f') : euros;
  return `${negative ? '-' : ''}${int},${rest}`;
}
