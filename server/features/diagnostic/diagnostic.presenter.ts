/**
 * Records as the API returns them: every field (null when unknown), the stable id and who changed it last.
 */
import type { SectionKey } from '../../../shared/diagnostic/sections.js';
import type { SectionRecords } from '../../../shared/diagnostic/types.js';
import { agentEtp } from '../../../shared/diagnostic/indicators.js';
import { round } from '../../../shared/diagnostic/numbers.js';
import { storedKeys, type Row } from './diagnostic.tables.js';

/** One record; `names` resolves user ids to names (load them once per list). */
export function presentRecord<S extends SectionKey>(section: S, row: Row, names: Map<string, string>): SectionRecords[S] {
  const out: Record<string, unknown> = {
    id: row.id,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
    updatedBy: row.updatedBy ? { id: row.updatedBy, name: names.get(row.updatedBy) ?? '—' } : null,
  };
  for (const key of storedKeys(section)) out[key] = row[key] ?? null;
  if (section === 'agents') {
    const q = row.quotitePct as number | null;
    const etpService = agentEtp({ quotitePct: q, serviceSharePct: row.serviceSharePct as number | null });
    out.etp = q === null ? null : round(q / 100, 2);
    out.etpService = etpService === null ? null : round(etpService, 2);
  }
  return out as SectionRecords[S];
}

/** A list of records with the names of their last editors resolved in one query. */
export function presentRecords<S extends SectionKey>(section: S, rows: Row[], names: Map<string, string>): SectionRecords[S][] {
  return rows.map((r) => presentRecord(section, r, names));
}
