/**
 * Records of the diagnostic: list, create, update, delete. Each change is one transaction with its audit trail,
 * followed by a `diagnostic.changed` live event so that other people's screens refresh.
 */
import type { AppDeps, SessionUser } from '../../context.js';
import { badRequest, conflict, notFound } from '../../lib/errors.js';
import type { SectionKey } from '../../../shared/diagnostic/sections.js';
import type { DiagnosticChangedPayload } from '../../../shared/diagnostic/types.js';
import type { DiagContext } from './diagnostic.context.js';
import { checkReferences, normalize, uniqueKeyOf, duplicateMessage, type FieldIssue } from './diagnostic.checks.js';
import { diagnosticRepo } from './diagnostic.repo.js';
import { SECTION_TABLES, communesOfRow, type Row } from './diagnostic.tables.js';
import { insertRecord, updateRecord, deleteRecord, reopenSections, type WriteCtx } from './diagnostic.write.js';
import { presentRecord, presentRecords } from './diagnostic.presenter.js';

export type Ctx = { user: SessionUser; requestId?: string };

/** Publishes the live event other screens refresh on. */
export function announce(deps: AppDeps, projectId: string, payload: Omit<DiagnosticChangedPayload, 'by'>, by: string): void {
  deps.events.publish(projectId, 'diagnostic.changed', { ...payload, by });
}

/** Records of a section, optionally of one commune (a consultation belongs to each commune it is linked to). */
export function listRecords<S extends SectionKey>(deps: AppDeps, projectId: string, section: S, communeId?: string) {
  let rows = diagnosticRepo.list(deps.db, section, projectId);
  if (communeId) rows = rows.filter((r) => communesOfRow(section, r).includes(communeId));
  const names = diagnosticRepo.userNames(deps.db, [...new Set(rows.map((r) => r.updatedBy))]);
  return presentRecords(section, rows, names);
}

/** A record of this project and section, or 404. */
export function getRecordOr404(deps: AppDeps, projectId: string, section: SectionKey, id: string): Row {
  const row = diagnosticRepo.byId(deps.db, section, id);
  if (!row || row.projectId !== projectId) throw notFound(`Fiche introuvable (${SECTION_TABLES[section].noun}).`, 'record_not_found');
  return row;
}

/**
 * The communes a change touches, which the caller must be allowed to write: those of the existing record and of
 * the new values (a usage belongs to its service's commune).
 */
export function communesTouched(ctx: DiagContext, section: SectionKey, input: Record<string, unknown>, existing: Row | null): string[] {
  const merged = { ...(existing ?? {}), ...input };
  if (section === 'usages') {
    const svc = ctx.services.find((s) => s.id === merged.serviceId);
    merged.communeId = svc?.communeId ?? existing?.communeId;
  }
  const out = new Set(existing ? communesOfRow(section, existing) : []);
  for (const id of communesOfRow(section, merged)) if (id) out.add(id);
  return [...out];
}

/** Normalises and checks values against the project; returns the issues (field + French message). */
export function prepare(deps: AppDeps, ctx: DiagContext, section: SectionKey, input: Record<string, unknown>, existing: Row | null) {
  const values = normalize(ctx, section, input, existing);
  const merged = { ...(existing ?? {}), ...values };
  const issues: FieldIssue[] = checkReferences(ctx, section, merged);
  const key = uniqueKeyOf(section, merged);
  if (key) {
    const clash = diagnosticRepo.list(deps.db, section, ctx.project.id).find((r) => r.id !== existing?.id && uniqueKeyOf(section, r) === key);
    if (clash) issues.push(duplicateMessage(ctx, section, merged, clash.id));
  }
  return { values, issues };
}

function refuse(issues: FieldIssue[]): never {
  const duplicate = issues.find((i) => i.duplicate);
  if (duplicate) throw conflict(duplicate.message, issues, 'duplicate_record');
  throw badRequest(issues.length === 1 ? issues[0].message : `${issues[0].message} (et ${issues.length - 1} autre(s) problème(s))`, issues);
}

const writeCtx = (deps: AppDeps, projectId: string, c: Ctx): WriteCtx => ({ userId: c.user.id, requestId: c.requestId, projectId, now: deps.clock.now().toISOString() });

export function createRecord<S extends SectionKey>(deps: AppDeps, ctx: DiagContext, section: S, input: Record<string, unknown>, c: Ctx) {
  const projectId = ctx.project.id;
  const { values, issues } = prepare(deps, ctx, section, input, null);
  if (issues.length) refuse(issues);
  const w = writeCtx(deps, projectId, c);
  const { id, communes } = deps.db.transaction((tx) => {
    const res = insertRecord(tx, section, values, w);
    reopenSections(tx, section, res.communes, w);
    return res;
  });
  announce(deps, projectId, { section, action: 'created', communeIds: communes, recordIds: [id] }, c.user.id);
  return presentOne(deps, section, id);
}

export function updateRecordById<S extends SectionKey>(deps: AppDeps, ctx: DiagContext, section: S, existing: Row, input: Record<string, unknown>, c: Ctx) {
  const projectId = ctx.project.id;
  const { values, issues } = prepare(deps, ctx, section, input, existing);
  if (issues.length) refuse(issues);
  const w = writeCtx(deps, projectId, c);
  const res = deps.db.transaction((tx) => {
    const r = updateRecord(tx, section, existing, values, w);
    if (r.changed) reopenSections(tx, section, r.communes, w);
    // A usage follows its service: moving a service to another commune moves its usages too.
    if (r.changed && section === 'services' && 'communeId' in values && values.communeId !== existing.communeId) {
      for (const u of diagnosticRepo.list(tx, 'usages', projectId).filter((u) => u.serviceId === existing.id)) {
        updateRecord(tx, 'usages', u, { communeId: values.communeId }, w);
      }
    }
    return r;
  });
  if (res.changed) announce(deps, projectId, { section, action: 'updated', communeIds: res.communes, recordIds: [existing.id] }, c.user.id);
  return presentOne(deps, section, existing.id);
}

export function deleteRecordById(deps: AppDeps, ctx: DiagContext, section: SectionKey, existing: Row, c: Ctx): void {
  const projectId = ctx.project.id;
  const w = writeCtx(deps, projectId, c);
  const ids = [existing.id];
  const communes = deps.db.transaction((tx) => {
    // The usages of a deleted service go with it (each keeps its trace in the audit).
    if (section === 'services') {
      for (const u of diagnosticRepo.list(tx, 'usages', projectId).filter((u) => u.serviceId === existing.id)) {
        deleteRecord(tx, 'usages', u, w);
        ids.push(u.id);
      }
    }
    const touched = deleteRecord(tx, section, existing, w);
    reopenSections(tx, section, touched, w);
    return touched;
  });
  announce(deps, projectId, { section, action: 'deleted', communeIds: communes, recordIds: ids }, c.user.id);
}

function presentOne<S extends SectionKey>(deps: AppDeps, section: S, id: string) {
  const row = diagnosticRepo.byId(deps.db, section, id)!;
  return presentRecord(section, row, diagnosticRepo.userNames(deps.db, [row.updatedBy]));
}
