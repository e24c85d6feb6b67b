/**
 * Tells the élus of the participating communes (and the facilitator) that a scenario was retained: the arbitration
 * is the decision their councils will deliberate on next.
 */
import { and, eq, inArray, isNull } from 'drizzle-orm';
import type { AppDeps } from '../../context.js';
import { participations, projects, users } from '../../db/schema/index.js';
import { notify } from '../notifications/notify.js';

type DbLike = Pick<AppDeps['db'], 'select'>;

/** The élus communaux of the communes that participate in the project, and the project's facilitator. */
export function arbitrationRecipients(db: DbLike, projectId: string): string[] {
  const communeIds = db
    .select({ communeId: participations.communeId })
    .from(participations)
    .where(and(eq(participations.projectId, projectId), eq(participations.state, 'participante')))
    .all()
    .map((p) => p.communeId);
  const elus = communeIds.length
    ? db
        .select({ id: users.id })
        .from(users)
        .where(and(inArray(users.communeId, communeIds), eq(users.role, 'elu_communal'), isNull(users.disabledAt)))
        .all()
        .map((u) => u.id)
    : [];
  const facilitator = db.select({ id: projects.facilitatorId }).from(projects).where(eq(projects.id, projectId)).get()?.id;
  return facilitator ? [...elus, facilitator] : elus;
}

/** One notification per recipient (the author of the decision excepted), linking to the arbitration page. */
export function notifyArbitration(
  deps: Pick<AppDeps, 'db' | 'clock' | 'events'>,
  input: { projectId: string; retainedTitle: string; decision: string; byUserId: string },
): number {
  return notify(deps, {
    userIds: arbitrationRecipients(deps.db, input.projectId),
    exceptUserId: input.byUserId,
    projectId: input.projectId,
    kind: 'scenario_decided',
    title: `Scénario retenu : ${input.retainedTitle}`,
    body: `${input.decision}. Les autres scénarios sont écartés ; la convention peut maintenant être préparée.`,
    link: `/projets/${input.projectId}/scenarios/arbitrage`,
  }).length;
}
