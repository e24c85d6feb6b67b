/**
 * Ids the authorization matrix needs for the diagnostic routes (see test/server/authz/rows/diagnostic.ts): a Fayence
 * record of each section, the Fayence visit the CAF took part in, and a project mission nobody uses (added here).
 */
import { and, eq, like } from 'drizzle-orm';
import type { TestApp } from '../../support/test-app.js';
import { diagMissions, diagConsultations } from '../../../server/db/schema/index.js';
import { diagnosticRepo } from '../../../server/features/diagnostic/diagnostic.repo.js';
import { SECTIONS, type SectionKey } from '../../../shared/diagnostic/sections.js';

export type DiagnosticMatrixIds = { fayence: string; mons: string; records: Record<SectionKey, string>; missionKey: string };

/** Call before serializing the seeded database: it adds the unused mission. */
export function diagnosticMatrixIds(t: TestApp): DiagnosticMatrixIds {
  const projectId = t.demoProject().id;
  const fayence = t.communeByInsee('83055').id;
  const records = {} as Record<SectionKey, string>;
  for (const s of SECTIONS) records[s] = diagnosticRepo.list(t.db, s, projectId).find((r) => r.communeId === fayence)?.id ?? '';
  records.consultations = t.db.select().from(diagConsultations).where(and(eq(diagConsultations.projectId, projectId), like(diagConsultations.title, 'Visite%'))).get()!.id;
  const missionKey = 'mis_matrix_unused';
  const at = new Date().toISOString();
  const by = t.userByEmail('vp@demo.mutualab.fr').id;
  t.db.insert(diagMissions).values({ id: missionKey, projectId, label: 'Mission sans fiche', createdAt: at, createdBy: by, updatedAt: at, updatedBy: by }).run();
  return { fayence, mons: t.communeByInsee('83080').id, records, missionKey };
}

/** Concrete path of a diagnostic route. */
export function diagnosticPath(path: string, projectId: string, ids: DiagnosticMatrixIds): string {
  const section = SECTIONS.find((s) => path.includes(`/diagnostic/${s}/`));
  return path
    .replace(':projectId', projectId)
    .replace(':communeId', ids.fayence)
    .replace(':section', path.endsWith('/submit') ? 'consultations' : 'agents')
    .replace(':missionKey', ids.missionKey)
    .replace(':recordId', section ? ids.records[section] : '');
}

/** Replaces `{fayence}`, `{mons}` and `{fayenceService}` anywhere in a body. */
export function diagnosticBody(body: unknown, ids: DiagnosticMatrixIds): unknown {
  const map: Record<string, string> = { '{fayence}': ids.fayence, '{mons}': ids.mons, '{fayenceService}': ids.records.services };
  const walk = (v: unknown): unknown =>
    typeof v === 'string' ? (map[v] ?? v) : Array.isArray(v) ? v.map(walk) : v && typeof v === 'object' ? Object.fromEntries(Object.entries(v).map(([k, x]) => [k, walk(x)])) : v;
  return walk(body);
}
