/**
 * The arbitration: the facilitator records which scenario is retained, when, by which body, why and after which
 * rounds; every other scenario of the project becomes « écarté ». One transaction, audited, with a status event per
 * scenario; the élus of the participating communes are notified. Revisiting a decision is a new arbitration that names the one in force (`replacesArbitrationId`): the
 * old one is kept as superseded, so the history of decisions is never rewritten.
 */
import type { AppDeps } from '../../context.js';
import { badRequest, conflict, notFound } from '../../lib/errors.js';
import { newId } from '../../lib/ids.js';
import { recordAudit } from '../../lib/audit.js';
import type { ArbitrationDto } from '../../../shared/scenarios/api.js';
import { ARBITRATION_BODY_LABELS, type ArbitrationBody, type ScenarioStatus } from '../../../shared/scenarios/model.js';
import type { ArbitrationInputSchema } from '../../../shared/scenarios/schemas.js';
import type { z } from 'zod';
import { listRounds } from '../rounds/rounds.repo.js';
import { getScenario, listScenarios, scenariosRepo, type ArbitrationRow } from './scenarios.repo.js';
import { createFiguresCache } from './scenarios.figures.js';
import { notifyArbitration } from './scenarios.notify.js';
import type { Ctx } from './scenarios.service.js';

type Input = z.output<typeof ArbitrationInputSchema>;

function present(deps: AppDeps, rows: { a: ArbitrationRow; name: string }[], projectId: string): ArbitrationDto[] {
  const titles = scenariosRepo.titles(deps.db, [...new Set(rows.flatMap(({ a }) => [a.retainedScenarioId, ...a.discardedScenarioIds]))]);
  const rounds = new Map(listRounds(deps.db, projectId).map((r) => [r.id, r.title]));
  return rows.map(({ a, name }) => ({
    id: a.id,
    projectId: a.projectId,
    retainedScenario: { id: a.retainedScenarioId, title: titles.get(a.retainedScenarioId) ?? 'Scénario supprimé' },
    discardedScenarios: a.discardedScenarioIds.map((id) => ({ id, title: titles.get(id) ?? 'Scénario supprimé' })),
    decisionDate: a.decisionDate,
    body: a.body as ArbitrationBody,
    bodyLabel: a.bodyLabel,
    reasons: a.reasons,
    rounds: a.roundIds.map((id) => ({ id, title: rounds.get(id) ?? null })),
    recordedAt: a.recordedAt,
    recordedBy: { id: a.recordedBy, name },
    supersededAt: a.supersededAt,
    supersededBy: a.supersededBy,
  }));
}

/** Every arbitration of the project, the most recent first (superseded ones included). */
export function listArbitrations(deps: AppDeps, projectId: string): ArbitrationDto[] {
  return present(deps, scenariosRepo.arbitrations(deps.db, projectId), projectId);
}

/** The arbitration in force, or null. */
export function currentArbitration(deps: AppDeps, projectId: string): ArbitrationDto | null {
  return listArbitrations(deps, projectId).find((a) => a.supersededAt === null) ?? null;
}

/** Records the decision (see the module comment). */
export function recordArbitration(deps: AppDeps, projectId: string, input: Input, ctx: Ctx): ArbitrationDto {
  const retained = getScenario(deps.db, input.retainedScenarioId);
  if (!retained || retained.projectId !== projectId) throw notFound('Scénario introuvable dans ce projet.', 'scenario_not_found');
  const current = scenariosRepo.currentArbitration(deps.db, projectId);
  if (current && input.replacesArbitrationId !== current.id) {
    throw conflict(
      `Un arbitrage est déjà en vigueur (${ARBITRATION_BODY_LABELS[current.body as ArbitrationBody]}, ${current.decisionDate}). Pour revenir sur cette décision, confirmez que le nouvel arbitrage la remplace.`,
      { arbitrationId: current.id },
      'already_arbitrated',
    );
  }
  if (!current && input.replacesArbitrationId) throw conflict('L’arbitrage à remplacer n’est plus en vigueur : rechargez la page.', undefined, 'arbitration_not_in_force');
  const allowed: ScenarioStatus[] = current ? ['presente', 'ecarte'] : ['presente'];
  if (!allowed.includes(retained.status)) {
    throw conflict(
      retained.status === 'retenu' ? 'Ce scénario est déjà retenu.' : 'Seul un scénario présenté aux élus peut être retenu : présentez-le d’abord.',
      undefined,
      retained.status === 'retenu' ? 'already_retained' : 'scenario_not_presented',
    );
  }
  const blocking = createFiguresCache(deps).figuresOf(retained).violations.filter((v) => v.severity === 'error');
  if (blocking.length) throw conflict(`Ce scénario ne peut pas être retenu tant qu’il reste des problèmes bloquants : ${blocking.map((v) => v.message).join(' ')}`, { violations: blocking }, 'scenario_not_ready');
  if (input.body === 'autre' && !input.bodyLabel?.trim()) throw badRequest('Précisez l’instance qui a décidé.', [{ path: 'bodyLabel', message: 'Champ obligatoire.' }]);
  const today = deps.clock.now().toISOString().slice(0, 10);
  if (input.decisionDate > today) throw badRequest('La date de la décision ne peut pas être dans le futur.', [{ path: 'decisionDate', message: 'Date future.' }], 'decision_date_future');

  const roundIds = [...new Set(input.roundIds)];
  const rounds = new Map(listRounds(deps.db, projectId).map((r) => [r.id, r]));
  for (const id of roundIds) {
    const r = rounds.get(id);
    if (!r) throw badRequest('Un tour de table lié n’existe pas dans ce projet.', [{ path: 'roundIds', message: id }], 'round_unknown');
    if (r.status === 'brouillon') throw conflict(`Le tour de table « ${r.title} » n’a pas encore été ouvert : il n’a pas de résultats à lier.`, undefined, 'round_not_opened');
  }

  const id = newId('arb_');
  const now = deps.clock.now().toISOString();
  const others = listScenarios(deps.db, projectId).filter((s) => s.id !== retained.id);
  const discarded = others.filter((s) => s.status !== 'ecarte');
  const reason = `Arbitrage du ${input.decisionDate} (${input.body === 'autre' ? input.bodyLabel : ARBITRATION_BODY_LABELS[input.body]})`;
  deps.db.transaction((tx) => {
    if (current && !scenariosRepo.supersede(tx, current.id, now, id)) throw conflict('Un autre arbitrage vient d’être enregistré : rechargez la page.', undefined, 'already_arbitrated');
    scenariosRepo.insertArbitration(tx, {
      id, projectId, retainedScenarioId: retained.id, decisionDate: input.decisionDate, body: input.body, bodyLabel: input.bodyLabel?.trim() || null,
      reasons: input.reasons, roundIds, discardedScenarioIds: discarded.map((s) => s.id), recordedAt: now, recordedBy: ctx.user.id,
    });
    for (const [s, to] of [[retained, 'retenu'] as const, ...discarded.map((d) => [d, 'ecarte'] as const)]) {
      if (!scenariosRepo.update(tx, s.id, s.revision, { status: to, decidedAt: now, arbitrationId: id, updatedAt: now, updatedBy: ctx.user.id })) {
        throw conflict(`Le scénario « ${s.title} » a été modifié pendant l’arbitrage : rechargez la page.`, undefined, 'scenario_stale');
      }
      scenariosRepo.addStatusEvent(tx, { scenarioId: s.id, projectId, fromStatus: s.status, toStatus: to, at: now, byUserId: ctx.user.id, reason, arbitrationId: id });
      recordAudit(tx, { at: now, userId: ctx.user.id, action: 'scenario.status_changed', targetType: 'scenario', targetId: s.id, projectId, before: { status: s.status }, after: { status: to, arbitrationId: id }, requestId: ctx.requestId });
    }
    recordAudit(tx, {
      at: now, userId: ctx.user.id, action: 'scenario.arbitrated', targetType: 'arbitration', targetId: id, projectId,
      before: current ? { arbitrationId: current.id, retainedScenarioId: current.retainedScenarioId } : null,
      after: { retainedScenarioId: retained.id, discardedScenarioIds: discarded.map((s) => s.id), decisionDate: input.decisionDate, body: input.body, roundIds },
      requestId: ctx.requestId,
    });
    // better-sqlite3 transactions hold the connection: deps.db writes here are part of this transaction.
    notifyArbitration(deps, { projectId, retainedTitle: retained.title, decision: reason, byUserId: ctx.user.id });
  });
  deps.events.publish(projectId, 'scenario.decided', { arbitrationId: id, retainedScenarioId: retained.id, discardedScenarioIds: discarded.map((s) => s.id), by: ctx.user.id }, { ability: 'scenario.read' });
  return listArbitrations(deps, projectId).find((a) => a.id === id)!;
}
