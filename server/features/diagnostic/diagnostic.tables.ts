/**
 * The table behind each section and how its records are identified. Columns carry the same names as the section's
 * input fields, so one generic code path stores, reads, diffs and audits every section.
 */
import type { SQLiteTable } from 'drizzle-orm/sqlite-core';
import { diagBesoins, diagServices, diagUsages, diagAgents, diagEquipements, diagFinances, diagConsultations } from '../../db/schema/index.js';
import type { SectionKey } from '../../../shared/diagnostic/sections.js';
import { SECTION_FIELDS } from '../../../shared/diagnostic/fields.js';

type SectionTable = {
  table: SQLiteTable;
  /** Id prefix: tells a record's section at a glance in logs and audit. */
  prefix: string;
  /** Audit target type, e.g. `diagnostic.agent`. */
  target: string;
  /** French name of one record, for messages. */
  noun: string;
};

export const SECTION_TABLES: Record<SectionKey, SectionTable> = {
  besoins: { table: diagBesoins, prefix: 'dbe_', target: 'diagnostic.besoin', noun: 'réponse au questionnaire' },
  services: { table: diagServices, prefix: 'dsv_', target: 'diagnostic.service', noun: 'service' },
  usages: { table: diagUsages, prefix: 'dus_', target: 'diagnostic.usage', noun: 'fréquentation' },
  agents: { table: diagAgents, prefix: 'dag_', target: 'diagnostic.agent', noun: 'agent' },
  equipements: { table: diagEquipements, prefix: 'deq_', target: 'diagnostic.equipement', noun: 'équipement' },
  finances: { table: diagFinances, prefix: 'dfi_', target: 'diagnostic.finances', noun: 'fiche finances' },
  consultations: { table: diagConsultations, prefix: 'dco_', target: 'diagnostic.consultation', noun: 'consultation' },
};

/** Stored fields of a section: the input fields, plus the commune of a usage (copied from its service). */
export function storedKeys(section: SectionKey): string[] {
  const keys = SECTION_FIELDS[section].map((f) => f.key);
  return section === 'usages' ? ['communeId', ...keys] : keys;
}

/** A stored record as the generic code handles it: id, project, fields and stamps. */
export type Row = Record<string, unknown> & {
  id: string;
  projectId: string;
  createdAt: string;
  createdBy: string;
  updatedAt: string;
  updatedBy: string;
};

/** The communes whose data a record is (one for commune sections, the linked ones for a consultation). */
export function communesOfRow(section: SectionKey, row: Record<string, unknown>): string[] {
  if (section === 'consultations') return (row.communeIds as string[] | null) ?? [];
  return [row.communeId as string];
}
