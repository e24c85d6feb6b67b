/**
 * Who a round notifies and with what words: élus and technicians of the invited communes (the élu·e records the
 * position, the technician prepares it), and the facilitator at closing. Sent through `notify()`, with a dedupe key
 * per round × moment × commune so a job that runs twice never notifies twice.
 */
import { and, inArray, isNull } from 'drizzle-orm';
import type { AppDeps } from '../../context.js';
import type { DbLike } from '../../db/client.js';
import { users } from '../../db/schema/index.js';
import { notify } from '../notifications/notify.js';
import { COMMUNE_ROLES } from '../../../shared/auth/roles.js';
import type { ReminderMoment } from '../../../shared/rounds/reminders.js';
import { formatDateTimeFr } from '../../../shared/rounds/synthesis-render.js';
import type { NotificationKind } from '../../../shared/notifications/types.js';
import type { RoundRow } from './rounds.repo.js';

type Deps = Pick<AppDeps, 'db' | 'clock' | 'events'>;

/** In-app path of a round page. */
export const roundLink = (projectId: string, roundId: string) => `/projets/${projectId}/tours-de-table/${roundId}`;

/** Active élus and technicians of each commune, by commune id. */
export function communeUsers(db: DbLike, communeIds: readonly string[]): Map<string, string[]> {
  const out = new Map<string, string[]>(communeIds.map((id) => [id, []]));
  if (communeIds.length === 0) return out;
  const rows = db
    .select({ id: users.id, communeId: users.communeId, role: users.role })
    .from(users)
    .where(and(inArray(users.communeId, [...communeIds]), inArray(users.role, [...COMMUNE_ROLES]), isNull(users.disabledAt)))
    .all();
  for (const r of rows) if (r.communeId) out.get(r.communeId)?.push(r.id);
  return out;
}

const MOMENT_KIND: Record<ReminderMoment, NotificationKind> = { ouverture: 'round_opened', avant_cloture: 'round_closing_soon', cloture: 'round_closed' };

/** The scheduled reminder of `moment` to the people of one commune without a position. */
export function sendScheduledReminder(deps: Deps, round: RoundRow, communeId: string, moment: ReminderMoment, userIds: readonly string[]): number {
  const deadline = formatDateTimeFr(round.closesAt);
  const texts: Record<ReminderMoment, { title: string; body: string }> = {
    ouverture: { title: `Tour de table ouvert : ${round.title}`, body: `Votre commune est invitée à donner sa position avant le ${deadline}. Question : ${round.question}` },
    avant_cloture: { title: `Tour de table bientôt clos : ${round.title}`, body: `Il reste moins de 48 h : la position de votre commune est attendue avant le ${deadline}.` },
    cloture: { title: `Tour de table clos : ${round.title}`, body: 'Le tour de table est clos sans la position de votre commune. La synthèse est disponible.' },
  };
  return notify(deps, {
    userIds,
    projectId: round.projectId,
    kind: MOMENT_KIND[moment],
    ...texts[moment],
    link: roundLink(round.projectId, round.id),
    // The 48 h reminder is keyed by the deadline too: a prolonged round reminds again before its new deadline.
    dedupeKey: moment === 'avant_cloture' ? `round:${round.id}:${moment}:${communeId}:${round.closesAt}` : `round:${round.id}:${moment}:${communeId}`,
  }).length;
}

/** At closing, the communes that answered (and the facilitator) learn it is closed; the others got the `cloture` reminder. */
export function sendClosedNotice(deps: Deps, round: RoundRow, communeId: string | null, userIds: readonly string[], exceptUserId?: string): number {
  return notify(deps, {
    userIds,
    exceptUserId,
    projectId: round.projectId,
    kind: 'round_closed',
    title: `Tour de table clos : ${round.title}`,
    body: communeId ? 'Les positions sont figées ; la synthèse est disponible.' : 'Les positions sont figées ; la synthèse a été générée, relisez-la et complétez-la.',
    link: roundLink(round.projectId, round.id),
    dedupeKey: `round:${round.id}:cloture:${communeId ?? 'animation'}`,
  }).length;
}

/** The facilitator's « Relancer maintenant »: not deduplicated (each click is a new, deliberate reminder). */
export function sendManualReminder(deps: Deps, round: RoundRow, userIds: readonly string[], exceptUserId: string): number {
  return notify(deps, {
    userIds,
    exceptUserId,
    projectId: round.projectId,
    kind: 'round_position_missing',
    title: `Position attendue : ${round.title}`,
    body: `L’animateur·rice relance votre commune : sa position est attendue avant le ${formatDateTimeFr(round.closesAt)}.`,
    link: roundLink(round.projectId, round.id),
  }).length;
}

/** A prolonged round: the people of the invited communes without a position learn the new deadline and why. */
export function sendExtendedNotice(deps: Deps, round: RoundRow, userIds: readonly string[], reason: string, exceptUserId: string): number {
  return notify(deps, {
    userIds,
    exceptUserId,
    projectId: round.projectId,
    kind: 'round_extended',
    title: `Tour de table prolongé : ${round.title}`,
    body: `Nouvelle date de clôture : ${formatDateTimeFr(round.closesAt)}. ${reason}`,
    link: roundLink(round.projectId, round.id),
  }).length;
}
