/** `GET …/convention`: where the project stands after the arbitration, and what the viewer may do. */
import type { AppDeps, SessionUser } from '../../context.js';
import type { Policy } from '../../policies/index.js';
import { INSTRUMENT_DEFS, type Instrument } from '../../../shared/scenarios/instruments.js';
import type { AvenantDto, ConventionDto, WithdrawalDto } from '../../../shared/convention/api.js';
import { getProjectOr404 } from '../projects/projects.service.js';
import { retainedScenario } from '../scenarios/scenarios.repo.js';
import { adoptionFor } from '../deliberations/deliberations.state.js';
import { conventionRepo } from './convention.repo.js';

/** The avenants of a project with their adoption status. */
export function listAvenants(deps: AppDeps, projectId: string): AvenantDto[] {
  return conventionRepo.avenants(deps.db, projectId).map((a) => ({
    id: a.id,
    number: a.number,
    kind: 'adhesion',
    communeId: a.communeId,
    communeName: conventionRepo.deliberations(deps.db, projectId, a.id).find((r) => r.d.communeId === a.communeId)?.d.name ?? '',
    document: conventionRepo.docTitle(deps.db, a.documentId) ?? { id: a.documentId, title: '' },
    status: a.status as AvenantDto['status'],
    effectiveOn: a.effectiveOn,
    adoptedAt: a.adoptedAt,
    signedVersionId: a.signedVersionId,
    adoption: adoptionFor(deps, projectId, a.id)!,
    createdAt: a.createdAt,
  }));
}

/** The withdrawals recorded in a project. */
export function listWithdrawals(deps: AppDeps, projectId: string): WithdrawalDto[] {
  return conventionRepo.withdrawals(deps.db, projectId).map(({ w, communeName, byName }) => ({
    id: w.id,
    communeId: w.communeId,
    communeName,
    decidedOn: w.decidedOn,
    effectiveOn: w.effectiveOn,
    effects: w.effects,
    deliberationRef: w.deliberationRef,
    createdAt: w.createdAt,
    createdBy: { id: w.createdBy, name: byName },
  }));
}

/** The convention side of a project: scenario, documents, status, adoption, avenants, withdrawals, rights. */
export function getConvention(deps: AppDeps, policy: Policy, user: SessionUser, projectId: string): ConventionDto {
  getProjectOr404(deps, projectId);
  const retained = retainedScenario(deps.db, projectId);
  const row = conventionRepo.byProject(deps.db, projectId);
  const instrument = (row?.instrument ?? retained?.instrument ?? null) as Instrument | null;
  return {
    projectId,
    retainedScenario: retained ? { id: retained.id, title: retained.title, instrument: retained.instrument, instrumentLabel: INSTRUMENT_DEFS[retained.instrument].label } : null,
    generatedFrom: row ? { scenarioId: row.scenarioId, title: row.scenarioTitle, instrument: row.instrument as Instrument } : null,
    cadre: conventionRepo.docTitle(deps.db, row?.cadreDocumentId ?? null),
    convention: conventionRepo.docTitle(deps.db, row?.documentId ?? null),
    ficheImpact: conventionRepo.docTitle(deps.db, row?.ficheImpactDocumentId ?? null),
    ficheImpactRequired: instrument ? INSTRUMENT_DEFS[instrument].requirements.ficheImpact : false,
    status: !row?.documentId ? 'absente' : row.status === 'signee' ? 'signee' : 'brouillon',
    signedAt: row?.signedAt ?? null,
    signedVersionId: row?.signedVersionId ?? null,
    annexesGeneratedAt: row?.annexesGeneratedAt ?? null,
    arretePrefectoralDate: row?.arretePrefectoralDate ?? null,
    adoption: adoptionFor(deps, projectId, null),
    avenants: listAvenants(deps, projectId),
    withdrawals: listWithdrawals(deps, projectId),
    can: {
      generate: policy.can(user, 'convention.generate', { projectId }),
      manageMembership: policy.can(user, 'membership.manage', { projectId }),
      settings: policy.can(user, 'membership.manage', { projectId }),
    },
  };
}
