/**
 * The moment of signature: when every party of the convention (or of an avenant) has signed, the text is frozen —
 * a named version is taken (the signed version, never modified afterwards), the document is locked, and the
 * signature is recorded and audited. Later changes go through an avenant, a separate document.
 */
import type { AppDeps, SessionUser } from '../../context.js';
import type { Collaboration } from '../../collab/types.js';
import { recordAudit } from '../../lib/audit.js';
import { frenchDate } from '../../../shared/convention/facts.js';
import { fullySigned, partiesOf } from '../../../shared/convention/adoption-state.js';
import { getDocumentOr404, setLocked } from '../documents/documents.service.js';
import { createVersion } from '../versions/versions.service.js';
import { setParticipation } from '../projects/projects.service.js';
import { projectsRepo } from '../projects/projects.repo.js';
import { announce } from '../convention/convention.service.js';
import { conventionRepo } from '../convention/convention.repo.js';
import { adoptionInput } from './deliberations.state.js';

type Ctx = { user: SessionUser; requestId?: string };

/** Takes the signed version of a document and locks it (read-only for everyone but the facilitator). */
async function freezeDocument(deps: AppDeps, collaboration: Collaboration, documentId: string, label: string, ctx: Ctx): Promise<string> {
  const version = await createVersion(deps, collaboration, documentId, label, ctx);
  if (getDocumentOr404(deps, documentId).d.lockedAt === null) setLocked(deps, collaboration, documentId, true, ctx);
  return version.id;
}

/** True when the convention's parties (or the avenant's) have all signed. */
export function isFullySigned(deps: AppDeps, projectId: string, avenantId: string | null): boolean {
  const input = adoptionInput(deps, deps.db, projectId, avenantId);
  return !!input && fullySigned(input.instrument, partiesOf(input.rows, input.withdrawn));
}

/** Freezes the convention if every party signed; returns true when it did. Errors are logged, never thrown. */
export async function freezeConventionIfSigned(deps: AppDeps, collaboration: Collaboration, projectId: string, ctx: Ctx): Promise<boolean> {
  const row = conventionRepo.byProject(deps.db, projectId);
  if (!row?.documentId || row.status === 'signee' || !isFullySigned(deps, projectId, null)) return false;
  const today = deps.clock.now().toISOString().slice(0, 10);
  const label = `Version signée — ${frenchDate(today)}`;
  try {
    const versionId = await freezeDocument(deps, collaboration, row.documentId, label, ctx);
    const now = deps.clock.now().toISOString();
    // Compare-and-set: a concurrent last signature may have frozen it already; the extra version is harmless.
    if (!conventionRepo.markSigned(deps.db, projectId, { signedAt: now, signedVersionId: versionId, updatedAt: now })) return false;
    if (row.ficheImpactDocumentId) await freezeDocument(deps, collaboration, row.ficheImpactDocumentId, label, ctx);
    recordAudit(deps.db, { at: now, userId: ctx.user.id, action: 'convention.signed', targetType: 'document', targetId: row.documentId, projectId, after: { signedVersionId: versionId, signedOn: today }, requestId: ctx.requestId });
    announce(deps, projectId, ctx.user.id, 'signed');
    return true;
  } catch (err) {
    deps.logger.error('convention signature freeze failed', { projectId, error: String(err) });
    return false;
  }
}

/**
 * Adopts an avenant whose parties all signed: signed version of the avenant, lock, and the joining commune becomes
 * a participating commune of the project. The convention's signed version is not touched.
 */
export async function adoptAvenantIfSigned(deps: AppDeps, collaboration: Collaboration, projectId: string, avenantId: string, ctx: Ctx): Promise<boolean> {
  const avenant = conventionRepo.avenant(deps.db, projectId, avenantId);
  if (!avenant || avenant.status !== 'en_cours' || !isFullySigned(deps, projectId, avenantId)) return false;
  const today = deps.clock.now().toISOString().slice(0, 10);
  try {
    const versionId = await freezeDocument(deps, collaboration, avenant.documentId, `Avenant n° ${avenant.number} signé — ${frenchDate(today)}`, ctx);
    const now = deps.clock.now().toISOString();
    if (!conventionRepo.markAvenantAdopted(deps.db, avenantId, { adoptedAt: now, signedVersionId: versionId })) return false;
    if (projectsRepo.participation(deps.db, projectId, avenant.communeId)?.state !== 'participante') {
      setParticipation(deps, projectId, avenant.communeId, 'participante', `Adhésion par l’avenant n° ${avenant.number}`, ctx);
    }
    recordAudit(deps.db, { at: now, userId: ctx.user.id, action: 'avenant.adopted', targetType: 'avenant', targetId: avenantId, projectId, after: { number: avenant.number, communeId: avenant.communeId, signedVersionId: versionId }, requestId: ctx.requestId });
    announce(deps, projectId, ctx.user.id, 'avenant');
    return true;
  } catch (err) {
    deps.logger.error('avenant adoption failed', { projectId, avenantId, error: String(err) });
    return false;
  }
}
