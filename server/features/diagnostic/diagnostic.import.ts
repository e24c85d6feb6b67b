/**
 * Import of a CSV/XLSX file into one section, in two steps: a preview that lists every invalid line (line, column,
 * French message) without writing anything, and a commit that writes the whole file in one transaction, only when it
 * has no error. A line with an id updates that record (comments and history stay attached); a line without creates.
 */
import type { AppDeps, SessionUser } from '../../context.js';
import type { Policy } from '../../policies/index.js';
import { badRequest } from '../../lib/errors.js';
import { recordAudit } from '../../lib/audit.js';
import { SECTION_FIELDS, ID_COLUMN, type FieldDef } from '../../../shared/diagnostic/fields.js';
import { SECTION_SCHEMAS } from '../../../shared/diagnostic/schemas.js';
import { SECTION_LABELS, SHEET_NAMES, type SectionKey } from '../../../shared/diagnostic/sections.js';
import { parseCell, normalize as norm } from '../../../shared/diagnostic/cells.js';
import type { ImportErrorDto, ImportPreviewDto, ImportCommitDto } from '../../../shared/diagnostic/types.js';
import { cellContext, communeName, type DiagContext } from './diagnostic.context.js';
import { checkReferences, normalize, uniqueKeyOf, duplicateMessage } from './diagnostic.checks.js';
import { diagnosticRepo } from './diagnostic.repo.js';
import { storedKeys, type Row } from './diagnostic.tables.js';
import { writeChecks, allowed } from './diagnostic.authz.js';
import { communesTouched, announce, type Ctx } from './diagnostic.service.js';
import { diffFields, insertRecord, updateRecord, reopenSections } from './diagnostic.write.js';
import { detectFormat, readTable, type Format } from './diagnostic.tabular.js';

/** More lines than a diagnostic section ever needs; beyond, the file is refused as a whole. */
export const MAX_IMPORT_ROWS = 20_000;

type PlanRow = { line: number; existing: Row | null; values: Record<string, unknown>; action: 'create' | 'update' | 'unchanged' };
type Plan = { format: Format; rows: PlanRow[]; errors: ImportErrorDto[] };

/** Maps file headers to fields by label or key (case and accents ignored); reports missing required columns. */
function mapHeaders(section: SectionKey, headers: string[], errors: ImportErrorDto[]) {
  const fields = SECTION_FIELDS[section];
  const byHeader = new Map<number, FieldDef | 'id'>();
  headers.forEach((h, i) => {
    const n = norm(h);
    if (!n) return;
    const target = n === ID_COLUMN ? 'id' : fields.find((f) => norm(f.label) === n || norm(f.key) === n);
    if (!target) return; // extra columns (notes, formulas) are ignored
    if ([...byHeader.values()].includes(target)) errors.push({ line: 1, column: h, message: `La colonne « ${h} » apparaît deux fois.` });
    else byHeader.set(i, target);
  });
  for (const f of fields.filter((x) => x.required)) {
    if (![...byHeader.values()].includes(f)) errors.push({ line: 1, column: f.label, message: `Colonne obligatoire absente : « ${f.label} ».` });
  }
  return byHeader;
}

/** Reads, validates and authorizes every line; writes nothing. */
export async function planImport(deps: AppDeps, policy: Policy, user: SessionUser, ctx: DiagContext, section: SectionKey, bytes: Uint8Array, fileName: string): Promise<Plan> {
  const format = detectFormat(bytes, fileName);
  const errors: ImportErrorDto[] = [];
  let table;
  try {
    table = await readTable(bytes, format, SHEET_NAMES[section]);
  } catch {
    throw badRequest(`Le fichier n’a pas pu être lu comme un ${format === 'xlsx' ? 'classeur XLSX' : 'fichier CSV'}.`, undefined, 'unreadable_file');
  }
  if (table.rows.length > MAX_IMPORT_ROWS) throw badRequest(`Le fichier compte plus de ${MAX_IMPORT_ROWS} lignes : découpez-le.`, undefined, 'too_many_rows');
  const columns = mapHeaders(section, table.headers, errors);
  if (errors.length) return { format, rows: [], errors };
  if (table.rows.length === 0) return { format, rows: [], errors: [{ line: 2, column: null, message: 'Le fichier ne contient aucune ligne de données.' }] };

  const cells = cellContext(ctx);
  const projectId = ctx.project.id;
  const current = new Map(diagnosticRepo.list(deps.db, section, projectId).map((r) => [r.id, r]));
  const seenIds = new Set<string>();
  const rows: PlanRow[] = [];
  const labelOf = (key: string) => SECTION_FIELDS[section].find((f) => f.key === key)?.label ?? key;
  // Thousands of lines touch a handful of communes: ask the policy once per distinct set of checks.
  const decided = new Map<string, boolean>();
  const mayWrite = (checks: Parameters<typeof allowed>[2]) => {
    const key = JSON.stringify(checks);
    if (!decided.has(key)) decided.set(key, allowed(policy, user, checks));
    return decided.get(key)!;
  };

  for (const { line, cells: raw } of table.rows) {
    const err = (column: string | null, message: string) => errors.push({ line, column, message });
    const before = errors.length;
    const input: Record<string, unknown> = {};
    const unreadable = new Set<string>();
    let existing: Row | null = null;
    for (const [i, target] of columns) {
      const value = raw[i];
      if (target === 'id') {
        const id = value === null || value === undefined ? '' : String(value).trim();
        if (!id) continue;
        if (seenIds.has(id)) err(ID_COLUMN, `L’identifiant ${id} apparaît sur plusieurs lignes.`);
        seenIds.add(id);
        existing = current.get(id) ?? null;
        if (!existing) err(ID_COLUMN, `Identifiant inconnu dans la rubrique « ${SECTION_LABELS[section]} » de ce projet : ${id}. Laissez la colonne vide pour créer une fiche.`);
        continue;
      }
      const parsed = parseCell(target, value, cells);
      if (parsed.ok) input[target.key] = parsed.value;
      else {
        err(target.label, parsed.message);
        unreadable.add(target.key);
      }
    }
    if (existing === null && errors.length > before && errors.slice(before).some((e) => e.column === ID_COLUMN)) continue;
    // Columns absent from the file keep their stored value; a present but empty cell clears the field.
    const merged: Record<string, unknown> = { ...(existing ? Object.fromEntries(storedKeys(section).map((k) => [k, existing![k]])) : {}), ...input };
    if (section === 'consultations') merged.communeIds ??= []; // no commune: a consultation of the whole EPCI
    const candidate = Object.fromEntries(Object.entries(merged).filter(([, v]) => v !== null));
    const check = SECTION_SCHEMAS[section].safeParse(candidate);
    // Schema rules on the readable cells too, so that a line lists all its problems at once.
    if (!check.success) for (const issue of check.error.issues) if (!unreadable.has(String(issue.path[0]))) err(labelOf(String(issue.path[0] ?? '')), issue.message);
    if (!check.success || errors.length > before) continue;
    const values = normalize(ctx, section, { ...merged, ...check.data }, existing);
    for (const i of checkReferences(ctx, section, values)) err(labelOf(i.field), i.message);
    if (errors.length > before) continue;
    const communes = communesTouched(ctx, section, values, existing);
    const checks = writeChecks(section, projectId, existing ? 'update' : 'create', communes, {
      consultationId: existing?.id,
      changedFields: existing ? Object.keys(diffFields(section, existing, values).after) : undefined,
    });
    if (!mayWrite(checks)) {
      err(section === 'consultations' ? labelOf('communeIds') : labelOf(section === 'usages' ? 'serviceId' : 'communeId'), `Vous ne pouvez pas modifier les données de ${communes.map((c) => communeName(ctx, c)).join(', ') || 'l’intercommunalité'}.`);
      continue;
    }
    const action = !existing ? 'create' : diffFields(section, existing, values).changed ? 'update' : 'unchanged';
    rows.push({ line, existing, values, action });
  }

  // One answer per commune and mission, one finances record per commune: checked on the state after the import.
  const finalKeys = new Map<string, string>();
  const fileIds = new Set(rows.map((r) => r.existing?.id).filter(Boolean));
  for (const r of current.values()) if (!fileIds.has(r.id)) finalKeys.set(uniqueKeyOf(section, r) ?? r.id, r.id);
  for (const r of rows) {
    const key = uniqueKeyOf(section, { ...(r.existing ?? {}), ...r.values });
    if (!key) continue;
    const clash = finalKeys.get(key);
    if (clash) {
      const d = duplicateMessage(ctx, section, { ...(r.existing ?? {}), ...r.values }, clash.startsWith('line:') ? `ligne ${clash.slice(5)}` : clash);
      errors.push({ line: r.line, column: labelOf(d.field), message: d.message });
    } else finalKeys.set(key, r.existing?.id ?? `line:${r.line}`);
  }
  errors.sort((a, b) => a.line - b.line);
  return { format, rows, errors };
}

/** The preview the user confirms from. */
export function presentPlan(ctx: DiagContext, section: SectionKey, plan: Plan): ImportPreviewDto {
  const label = (v: Record<string, unknown>) => String(v.jobTitle ?? v.name ?? v.title ?? ctx.missions.find((m) => m.key === v.missionKey)?.label ?? ctx.services.find((s) => s.id === v.serviceId)?.name ?? v.year ?? '');
  const rows = plan.rows.map((r) => {
    const communeId = (r.values.communeId ?? r.existing?.communeId) as string | undefined;
    return { line: r.line, action: r.action, id: r.existing?.id ?? null, communeName: communeId ? communeName(ctx, communeId) : null, label: label({ ...(r.existing ?? {}), ...r.values }) };
  });
  const count = (a: string) => rows.filter((r) => r.action === a).length;
  return { section, format: plan.format, rows, errors: plan.errors, summary: { create: count('create'), update: count('update'), unchanged: count('unchanged'), total: rows.length } };
}

/** Writes a plan without errors in one transaction, with the audit of each record and of the import itself. */
export function commitPlan(deps: AppDeps, ctx: DiagContext, section: SectionKey, plan: Plan, fileName: string, c: Ctx): ImportCommitDto {
  if (plan.errors.length) {
    throw badRequest(`Le fichier contient ${plan.errors.length} erreur(s) : rien n’a été enregistré.`, { errors: plan.errors }, 'import_invalid');
  }
  const projectId = ctx.project.id;
  const w = { userId: c.user.id, requestId: c.requestId, projectId, now: deps.clock.now().toISOString() };
  const ids: string[] = [];
  const touched = new Set<string>();
  let created = 0;
  let updated = 0;
  deps.db.transaction((tx) => {
    for (const r of plan.rows) {
      if (r.action === 'create') {
        const res = insertRecord(tx, section, r.values, w);
        ids.push(res.id);
        res.communes.forEach((x) => touched.add(x));
        created++;
      } else if (r.action === 'update' && r.existing) {
        const res = updateRecord(tx, section, r.existing, r.values, w);
        ids.push(r.existing.id);
        res.communes.forEach((x) => touched.add(x));
        updated++;
      }
    }
    reopenSections(tx, section, touched, w);
    recordAudit(tx, { at: w.now, userId: w.userId, action: 'diagnostic.import.committed', targetType: 'diagnostic.import', targetId: section, projectId, after: { section, fileName, created, updated, unchanged: plan.rows.length - created - updated }, requestId: c.requestId });
  });
  if (ids.length) announce(deps, projectId, { section, action: 'imported', communeIds: [...touched], recordIds: ids }, c.user.id);
  return { section, created, updated, unchanged: plan.rows.length - created - updated, ids };
}
