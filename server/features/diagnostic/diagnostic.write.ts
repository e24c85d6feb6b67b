/**
 * The one write path of the diagnostic, used inside a transaction by the API and by the import: insert or update a
 * record with a field-level audit (who, when, old → new), delete with its trace, and reopen the completeness of the
 * communes whose submitted or validated data changed.
 */
import type { Tx } from '../../db/client.js';
import { diagCompleteness } from '../../db/schema/index.js';
import { and, eq } from 'drizzle-orm';
import { recordAudit } from '../../lib/audit.js';
import { newId } from '../../lib/ids.js';
import { boardSectionOf, type SectionKey } from '../../../shared/diagnostic/sections.js';
import { diagnosticRepo } from './diagnostic.repo.js';
import { SECTION_TABLES, storedKeys, communesOfRow, type Row } from './diagnostic.tables.js';

export type WriteCtx = { userId: string; requestId?: string; projectId: string; now: string };

const same = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);

/** Fields that differ between a stored record and new values, as `{ before, after }` summaries for the audit. */
export function diffFields(section: SectionKey, existing: Row, values: Record<string, unknown>) {
  const before: Record<string, unknown> = {};
  const after: Record<string, unknown> = {};
  for (const key of storedKeys(section)) {
    if (!(key in values) || same(existing[key], values[key])) continue;
    before[key] = existing[key] ?? null;
    after[key] = values[key] ?? null;
  }
  return { before, after, changed: Object.keys(after).length > 0 };
}

/** Creates a record; returns its id and the communes whose data it is. */
export function insertRecord(tx: Tx, section: SectionKey, values: Record<string, unknown>, w: WriteCtx): { id: string; communes: string[] } {
  const id = newId(SECTION_TABLES[section].prefix);
  const row: Row = { id, projectId: w.projectId, createdAt: w.now, createdBy: w.userId, updatedAt: w.now, updatedBy: w.userId };
  for (const key of storedKeys(section)) row[key] = values[key] ?? null;
  diagnosticRepo.insert(tx, section, row);
  recordAudit(tx, { at: w.now, userId: w.userId, action: `diagnostic.${section}.created`, targetType: SECTION_TABLES[section].target, targetId: id, projectId: w.projectId, after: pick(section, row), requestId: w.requestId });
  return { id, communes: communesOfRow(section, row) };
}

/** Updates the given fields of a record; no write and no trace when nothing changes. */
export function updateRecord(tx: Tx, section: SectionKey, existing: Row, values: Record<string, unknown>, w: WriteCtx): { changed: boolean; communes: string[] } {
  const diff = diffFields(section, existing, values);
  if (!diff.changed) return { changed: false, communes: [] };
  diagnosticRepo.update(tx, section, existing.id, { ...diff.after, updatedAt: w.now, updatedBy: w.userId });
  recordAudit(tx, { at: w.now, userId: w.userId, action: `diagnostic.${section}.updated`, targetType: SECTION_TABLES[section].target, targetId: existing.id, projectId: w.projectId, before: diff.before, after: diff.after, requestId: w.requestId });
  const communes = new Set([...communesOfRow(section, existing), ...communesOfRow(section, { ...existing, ...values })]);
  return { changed: true, communes: [...communes] };
}

/** Deletes a record and keeps its last values in the audit. */
export function deleteRecord(tx: Tx, section: SectionKey, existing: Row, w: WriteCtx): string[] {
  diagnosticRepo.remove(tx, section, existing.id);
  recordAudit(tx, { at: w.now, userId: w.userId, action: `diagnostic.${section}.deleted`, targetType: SECTION_TABLES[section].target, targetId: existing.id, projectId: w.projectId, before: pick(section, existing), requestId: w.requestId });
  return communesOfRow(section, existing);
}

/**
 * A change to data that was submitted or validated reopens the section (« en cours »): a validation must describe
 * the data as it is. A section « à revoir » stays so until it is submitted again.
 */
export function reopenSections(tx: Tx, section: SectionKey, communeIds: Iterable<string>, w: WriteCtx): void {
  const board = boardSectionOf(section);
  for (const communeId of new Set(communeIds)) {
    const stored = diagnosticRepo.completenessOf(tx, w.projectId, communeId, board);
    if (!stored || (stored.status !== 'soumis' && stored.status !== 'valide')) continue;
    tx.update(diagCompleteness)
      .set({ status: 'en_cours', updatedAt: w.now })
      .where(and(eq(diagCompleteness.projectId, w.projectId), eq(diagCompleteness.communeId, communeId), eq(diagCompleteness.section, board)))
      .run();
    recordAudit(tx, {
      at: w.now, userId: w.userId, action: 'diagnostic.completeness.reopened', targetType: 'diagnostic.completeness', targetId: `${communeId}:${board}`, projectId: w.projectId,
      before: { status: stored.status }, after: { status: 'en_cours', reason: 'Données modifiées après soumission ou validation' }, requestId: w.requestId,
    });
  }
}

function pick(section: SectionKey, row: Record<string, unknown>) {
  return Object.fromEntries(storedKeys(section).map((k) => [k, row[k] ?? null]));
}
