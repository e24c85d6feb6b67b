/**
 * The editor's working copy of a record: what the inputs hold (French text for numbers and money, keys for lists),
 * and its conversion back to API values with the same parser as the file import and the same schema as the server,
 * so a value refused here would be refused there, with the same French message.
 */
import type { FieldDef } from '../../../../shared/diagnostic/fields.js';
import { SECTION_FIELDS } from '../../../../shared/diagnostic/fields.js';
import { SECTION_SCHEMAS } from '../../../../shared/diagnostic/schemas.js';
import { parseCell, type CellContext } from '../../../../shared/diagnostic/cells.js';
import { centsToEuroText } from '../../../../shared/diagnostic/numbers.js';
import type { SectionKey } from '../../../../shared/diagnostic/sections.js';

export type NeedDraft = { id?: string; kind: 'besoin' | 'souhait'; text: string; missionKey: string | null };
export type Draft = Record<string, string | string[] | NeedDraft[]>;
export type FieldErrors = Record<string, string>;

const LIST_KINDS = new Set(['enumList', 'missionList', 'communeList', 'users']);
const TYPED_KINDS = new Set(['int', 'year', 'decimal', 'percent', 'money', 'signedMoney']);

/** Input text of one value. */
function toInput(field: FieldDef, value: unknown): string | string[] | NeedDraft[] {
  if (field.kind === 'needs') return ((value as NeedDraft[] | null) ?? []).map((n) => ({ ...n }));
  if (LIST_KINDS.has(field.kind)) return [...((value as string[] | null) ?? [])];
  if (value === null || value === undefined) return '';
  if (field.kind === 'money' || field.kind === 'signedMoney') return centsToEuroText(value as number);
  if (field.kind === 'decimal' || field.kind === 'percent') return String(value).replace('.', ',');
  if (field.kind === 'bool') return value ? 'oui' : 'non';
  return String(value);
}

/** The working copy of a record (or of a new one, from `defaults`). */
export function toDraft(section: SectionKey, record: Record<string, unknown> | null, defaults: Record<string, unknown> = {}): Draft {
  const source = { ...defaults, ...(record ?? {}) };
  return Object.fromEntries(SECTION_FIELDS[section].map((f) => [f.key, toInput(f, source[f.key])]));
}

/**
 * API values from the working copy, with French errors by field. For an update, only changed fields are returned
 * (the whole record is still validated, so a required field cannot be emptied).
 */
export function fromDraft(section: SectionKey, draft: Draft, ctx: CellContext, record: Record<string, unknown> | null): { values: Record<string, unknown>; errors: FieldErrors } {
  const errors: FieldErrors = {};
  const values: Record<string, unknown> = {};
  for (const f of SECTION_FIELDS[section]) {
    const raw = draft[f.key];
    if (f.kind === 'needs') {
      values[f.key] = (raw as NeedDraft[]).filter((n) => n.text.trim()).map((n) => ({ ...(n.id ? { id: n.id } : {}), kind: n.kind, text: n.text.trim(), missionKey: n.missionKey || null }));
    } else if (Array.isArray(raw)) values[f.key] = raw;
    else if (raw.trim() === '') values[f.key] = null;
    else if (f.kind === 'bool') values[f.key] = raw === 'oui';
    else if (TYPED_KINDS.has(f.kind) || f.kind === 'date') {
      const parsed = parseCell(f, raw, ctx);
      if (parsed.ok) values[f.key] = parsed.value;
      else errors[f.key] = parsed.message;
    } else values[f.key] = raw.trim();
  }
  if (section === 'consultations') values.communeIds ??= [];
  const candidate = Object.fromEntries(Object.entries(values).filter(([, v]) => v !== null));
  const check = SECTION_SCHEMAS[section].safeParse(candidate);
  if (!check.success) for (const issue of check.error.issues) errors[String(issue.path[0])] ??= issue.message;
  if (!record) return { values: candidate, errors };
  const changed = Object.fromEntries(Object.entries(values).filter(([k, v]) => JSON.stringify(v ?? null) !== JSON.stringify(record[k] ?? null)));
  return { values: changed, errors };
}

/** Field errors from a server answer (`details: [{ path, message }]`), when it names fields. */
export function serverFieldErrors(details: unknown): FieldErrors {
  const out: FieldErrors = {};
  if (Array.isArray(details)) {
    for (const d of details as { path?: string; field?: string; message?: string }[]) {
      const key = (d.path ?? d.field ?? '').split('.')[0];
      if (key && d.message) out[key] ??= d.message;
    }
  }
  return out;
}
