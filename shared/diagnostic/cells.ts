/**
 * One cell of a file (or of the inline editor) ↔ one field value. Reference columns are written with names people
 * recognise (« Fayence (83055) », « Accueil de loisirs ») and read back from a name, a code or an id.
 */
import type { FieldDef } from './fields.js';
import { OUTSIDE_TERRITORY } from './schemas.js';
import { NEED_KINDS } from './vocab.js';
import { parseDate, parseDecimal, parseInteger, parseMoneyCents, centsToEuroText, type Parsed } from './numbers.js';

/** What reference columns are resolved against. */
export type CellContext = {
  communes: { id: string; name: string; inseeCode: string }[];
  missions: { key: string; label: string }[];
  services: { id: string; name: string; communeId: string }[];
  partners: { id: string; name: string }[];
  people: { id: string; name: string; email?: string | null }[];
};

export type RawCell = string | number | boolean | Date | null | undefined;

export const OUTSIDE_LABEL = 'Hors territoire';

/** Lower case, no accents, punctuation as single spaces: how labels are compared. */
export function normalize(s: string): string {
  return s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[’'`]/g, ' ')
    .replace(/[^a-z0-9%]+/g, ' ')
    .trim();
}

const ok = <T>(value: T): Parsed<T> => ({ ok: true, value });
const fail = (message: string): Parsed<never> => ({ ok: false, message });

function asText(raw: RawCell): string {
  if (raw instanceof Date) return raw.toISOString().slice(0, 10);
  return raw === null || raw === undefined ? '' : String(raw).trim();
}

/** Splits « a, b; c | d » into items, ignoring separators inside parentheses (« Périscolaire (matin, midi, soir) »). */
export function splitList(s: string): string[] {
  const items: string[] = [];
  let depth = 0;
  let current = '';
  for (const ch of s) {
    if (ch === '(') depth++;
    if (ch === ')') depth = Math.max(0, depth - 1);
    if (depth === 0 && /[,;|\n]/.test(ch)) {
      items.push(current);
      current = '';
    } else current += ch;
  }
  items.push(current);
  return items.map((x) => x.trim()).filter(Boolean);
}

function communeLabel(c: { name: string; inseeCode: string }): string {
  return `${c.name} (${c.inseeCode})`;
}

function findCommune(s: string, ctx: CellContext) {
  const code = /\((\d[\dAB]\d{3})\)\s*$/.exec(s)?.[1] ?? (/^\d[\dAB]\d{3}$/.test(s) ? s : null);
  if (code) return ctx.communes.find((c) => c.inseeCode === code);
  const n = normalize(s);
  return ctx.communes.find((c) => c.id === s || normalize(c.name) === n);
}

function findVocab(s: string, vocab: Readonly<Record<string, string>>): string | undefined {
  const n = normalize(s);
  return Object.keys(vocab).find((k) => k === s || normalize(k) === n || normalize(vocab[k]) === n);
}

function serviceLabel(s: { name: string; communeId: string }, ctx: CellContext): string {
  const c = ctx.communes.find((x) => x.id === s.communeId);
  return c ? `${s.name} (${c.name})` : s.name;
}

/** Parses a cell into the value the section schema expects (null for an empty cell). */
export function parseCell(field: FieldDef, raw: RawCell, ctx: CellContext): Parsed<unknown> {
  if (typeof raw === 'number' && (field.kind === 'money' || field.kind === 'signedMoney')) raw = String(raw);
  const s = asText(raw);
  if (s === '') return ok(null);
  switch (field.kind) {
    case 'text':
    case 'longtext':
      return ok(s);
    case 'int':
    case 'year':
      return parseInteger(s);
    case 'decimal':
    case 'percent':
      return parseDecimal(s, 2);
    case 'money':
      return parseMoneyCents(s, false);
    case 'signedMoney':
      return parseMoneyCents(s, true);
    case 'date':
      return parseDate(s);
    case 'bool': {
      const n = normalize(s);
      if (['oui', 'o', 'vrai', 'x', '1', 'yes'].includes(n)) return ok(true);
      if (['non', 'n', 'faux', '0', 'no'].includes(n)) return ok(false);
      return fail('« Oui » ou « Non » attendu.');
    }
    case 'enum': {
      const key = findVocab(s, field.vocab!);
      return key ? ok(key) : fail(`Valeur inconnue « ${s} ». Valeurs possibles : ${Object.values(field.vocab!).join(', ')}.`);
    }
    case 'enumList': {
      const keys: string[] = [];
      for (const item of splitList(s)) {
        const key = findVocab(item, field.vocab!);
        if (!key) return fail(`Valeur inconnue « ${item} ». Valeurs possibles : ${Object.values(field.vocab!).join(', ')}.`);
        if (!keys.includes(key)) keys.push(key);
      }
      return ok(keys);
    }
    case 'commune': {
      const c = findCommune(s, ctx);
      return c ? ok(c.id) : fail(`Commune inconnue dans ce projet : « ${s} ».`);
    }
    case 'residence': {
      if (normalize(s) === normalize(OUTSIDE_LABEL) || s === OUTSIDE_TERRITORY) return ok(OUTSIDE_TERRITORY);
      const c = findCommune(s, ctx);
      return c ? ok(c.id) : fail(`Commune inconnue : « ${s} » (ou écrivez « ${OUTSIDE_LABEL} »).`);
    }
    case 'communeList': {
      const ids: string[] = [];
      for (const item of splitList(s)) {
        const c = findCommune(item, ctx);
        if (!c) return fail(`Commune inconnue dans ce projet : « ${item} ».`);
        if (!ids.includes(c.id)) ids.push(c.id);
      }
      return ok(ids);
    }
    case 'mission':
    case 'missionList': {
      const keys: string[] = [];
      for (const item of field.kind === 'mission' ? [s] : splitList(s)) {
        const n = normalize(item);
        const m = ctx.missions.find((x) => x.key === item || normalize(x.label) === n);
        if (!m) return fail(`Mission inconnue : « ${item} ». Ajoutez-la d’abord à la liste des missions du projet.`);
        if (!keys.includes(m.key)) keys.push(m.key);
      }
      return ok(field.kind === 'mission' ? keys[0] : keys);
    }
    case 'service': {
      const byId = ctx.services.find((x) => x.id === s);
      if (byId) return ok(byId.id);
      const n = normalize(s);
      const full = ctx.services.filter((x) => normalize(serviceLabel(x, ctx)) === n);
      const byName = full.length ? full : ctx.services.filter((x) => normalize(x.name) === n);
      if (byName.length === 1) return ok(byName[0].id);
      return fail(byName.length > 1 ? `Plusieurs services s’appellent « ${s} » : précisez la commune entre parenthèses.` : `Service inconnu : « ${s} ».`);
    }
    case 'partner': {
      const n = normalize(s);
      const p = ctx.partners.find((x) => x.id === s || normalize(x.name) === n);
      return p ? ok(p.id) : fail(`Partenaire inconnu : « ${s} ».`);
    }
    case 'users': {
      const ids: string[] = [];
      for (const item of splitList(s)) {
        const n = normalize(item);
        const found = ctx.people.filter((p) => p.id === item || (p.email && p.email.toLowerCase() === item.toLowerCase()) || normalize(p.name) === n);
        if (found.length !== 1) return fail(found.length ? `Plusieurs comptes s’appellent « ${item} » : indiquez l’adresse e-mail.` : `Personne inconnue dans ce projet : « ${item} ».`);
        if (!ids.includes(found[0].id)) ids.push(found[0].id);
      }
      return ok(ids);
    }
    case 'needs': {
      const items = [];
      for (const line of s.split(/\r?\n|\|/).map((x) => x.trim()).filter(Boolean)) {
        const m = /^(besoin|souhait)\s*(?:\(([^)]*)\))?\s*:\s*(.+)$/i.exec(line);
        const kind = m ? (normalize(m[1]) as keyof typeof NEED_KINDS) : 'besoin';
        let missionKey: string | null = null;
        if (m?.[2]) {
          const mission = ctx.missions.find((x) => normalize(x.label) === normalize(m[2]) || x.key === m[2]);
          if (!mission) return fail(`Mission inconnue : « ${m[2]} ».`);
          missionKey = mission.key;
        }
        items.push({ kind, text: (m ? m[3] : line).trim(), missionKey });
      }
      return ok(items);
    }
  }
}

/** Writes a value for a file: numbers stay numbers in XLSX (money in euros), text in CSV is French-formatted. */
export function formatCell(field: FieldDef, value: unknown, ctx: CellContext, target: 'csv' | 'xlsx'): string | number | Date | null {
  if (value === null || value === undefined) return null;
  switch (field.kind) {
    case 'money':
    case 'signedMoney':
      return target === 'xlsx' ? (value as number) / 100 : centsToEuroText(value as number);
    case 'decimal':
    case 'percent':
      return target === 'xlsx' ? (value as number) : String(value).replace('.', ',');
    case 'int':
    case 'year':
      return value as number;
    case 'date': {
      const iso = value as string;
      return target === 'xlsx' ? new Date(`${iso}T00:00:00Z`) : `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}`;
    }
    case 'bool':
      return value ? 'Oui' : 'Non';
    case 'enum':
      return field.vocab![value as string] ?? String(value);
    case 'enumList':
      return (value as string[]).map((k) => field.vocab![k] ?? k).join(', ');
    case 'commune':
    case 'residence': {
      if (value === OUTSIDE_TERRITORY) return OUTSIDE_LABEL;
      const c = ctx.communes.find((x) => x.id === value);
      return c ? communeLabel(c) : String(value);
    }
    case 'communeList':
      return (value as string[]).map((id) => {
        const c = ctx.communes.find((x) => x.id === id);
        return c ? communeLabel(c) : id;
      }).join(', ');
    case 'mission':
      return ctx.missions.find((m) => m.key === value)?.label ?? String(value);
    case 'missionList':
      return (value as string[]).map((k) => ctx.missions.find((m) => m.key === k)?.label ?? k).join(', ');
    case 'service': {
      const s = ctx.services.find((x) => x.id === value);
      return s ? serviceLabel(s, ctx) : String(value);
    }
    case 'partner':
      return ctx.partners.find((p) => p.id === value)?.name ?? String(value);
    case 'users':
      return (value as string[]).map((id) => {
        const p = ctx.people.find((x) => x.id === id);
        return p ? p.name : id;
      }).join(', ');
    case 'needs':
      return (value as { kind: string; text: string; missionKey: string | null }[])
        .map((n) => {
          const mission = n.missionKey ? ctx.missions.find((m) => m.key === n.missionKey)?.label : null;
          return `${NEED_KINDS[n.kind as keyof typeof NEED_KINDS] ?? 'Besoin'}${mission ? ` (${mission})` : ''} : ${n.text}`;
        })
        .join('\n');
    default:
      return String(value);
  }
}
