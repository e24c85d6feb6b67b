/**
 * Séances: preparation (create, edit the agenda, invite) and the facilitator's steering (start, pause, resume, next,
 * go to an item, end; « Suivre l'animatrice » target; locks). Every change is committed, audited when it matters,
 * then published as the séance's whole public state (`seance.state`).
 */
import type { AppDeps } from '../../context.js';
import { newId } from '../../lib/ids.js';
import { badRequest, conflict } from '../../lib/errors.js';
import { recordAudit } from '../../lib/audit.js';
import { notify } from '../notifications/notify.js';
import { createDocument, setLocked } from '../documents/documents.service.js';
import { EMPTY_SPEAKING } from '../../../shared/workshops/speaking.js';
import { checkAgenda, checkSeanceCommand, replaySeance, type SeanceCommand, type SeanceEvent } from '../../../shared/workshops/seance.js';
import { nextItemId } from '../../../shared/workshops/live.js';
import type { AgendaItemDto, AgendaItemInput, CreateSeanceInput, FollowInput, FollowTarget, SeanceCommandInput, UpdateSeanceInput } from '../../../shared/workshops/types.js';
import { workshopsRepo, type SeanceRow } from './workshops.repo.js';
import { accept, refusalError } from './workshops.errors.js';
import { publishState, seanceDocumentIds } from './workshops.state.js';
import { asActor, notEnded, presenceOf, seanceOr404, type Ctx, type Services } from './workshops.context.js';
import { seanceLine } from './workshops.format.js';
import { closeOpenPolls, endTurnAtClose, recordConnected, writeDecisionsIntoMinutes } from './workshops.live.js';

/** Agenda items from the form: existing ids are kept, new items get a server id; links are checked. */
function normalizeAgenda(s: Services, projectId: string, input: AgendaItemInput[], existing: AgendaItemDto[]): AgendaItemDto[] {
  const known = new Set(existing.map((i) => i.id));
  const items: AgendaItemDto[] = input.map((i) => ({
    id: i.id && known.has(i.id) ? i.id : newId('itm_'),
    title: i.title,
    plannedMinutes: i.plannedMinutes,
    outcome: i.outcome,
    documentId: i.documentId ?? null,
    sectionId: i.documentId ? (i.sectionId ?? null) : null,
    sectionTitle: i.documentId ? (i.sectionTitle ?? null) : null,
    scenarioId: i.scenarioId ?? null,
    roundId: i.roundId ?? null,
    diagnosticView: i.diagnosticView ?? null,
    notes: i.notes ?? '',
  }));
  accept(checkAgenda(items));
  const docIds = [...new Set(items.map((i) => i.documentId).filter((d): d is string => !!d))];
  const found = workshopsRepo.documents(s.deps.db, projectId, docIds).filter((d) => d.archivedAt === null);
  const missing = docIds.find((id) => !found.some((d) => d.id === id));
  if (missing) throw refusalError({ code: 'unknown_document', message: 'Un point de l’ordre du jour renvoie à un document qui n’est pas (ou plus) dans le projet.' });
  return items;
}

/** Invited communes must take part in the project in some way; invited people must have access to it. */
function checkInvitations(s: Services, projectId: string, communeIds: string[], userIds: string[]): void {
  const allowed = new Set(workshopsRepo.projectCommuneIds(s.deps.db, projectId));
  if (communeIds.some((c) => !allowed.has(c))) throw refusalError({ code: 'unknown_commune', message: 'Une commune invitée ne participe pas au projet.' });
  for (const id of userIds) {
    const u = workshopsRepo.user(s.deps.db, id);
    if (!u || u.disabledAt || !s.policy.can(asActor(u), 'workshop.read', { projectId })) {
      throw refusalError({ code: 'unknown_person', message: 'Une personne invitée n’a pas accès au projet.' });
    }
  }
}

/** Notifies invited people and the élus of invited communes who may open the séance (not the author). */
function sendInvitations(s: Services, row: SeanceRow, communeIds: string[], userIds: string[], authorId: string): void {
  const candidates = [...userIds, ...workshopsRepo.usersOfCommunes(s.deps.db, communeIds, ['elu_communal'])];
  const recipients = candidates.filter((id) => {
    const u = workshopsRepo.user(s.deps.db, id);
    return !!u && s.policy.can(asActor(u), 'workshop.read', { projectId: row.projectId });
  });
  if (recipients.length === 0) return;
  notify(s.deps, {
    userIds: recipients,
    exceptUserId: authorId,
    projectId: row.projectId,
    kind: 'seance_invitation',
    title: `Invitation : ${row.title}`,
    body: seanceLine(row),
    link: `/projets/${row.projectId}/seances/${row.id}`,
    dedupeKey: `seance_invitation:${row.id}`,
  });
}

/** A project's séances (the route checked `workshop.read`). */
export function listSeances(deps: AppDeps, projectId: string): SeanceRow[] {
  return workshopsRepo.list(deps.db, projectId);
}

/** Creates a séance with its compte rendu document, sends the invitations, publishes the state. */
export async function createSeance(s: Services, projectId: string, input: CreateSeanceInput & { location: string; videoUrl: string | null; invitedCommuneIds: string[]; invitedUserIds: string[]; agenda: AgendaItemInput[] }, ctx: Ctx) {
  const agenda = normalizeAgenda(s, projectId, input.agenda, []);
  checkInvitations(s, projectId, input.invitedCommuneIds, input.invitedUserIds);
  const minutes = await createDocument(s.deps, s.collaboration, projectId, { kind: 'compte_rendu', title: `Compte rendu — ${input.title}`.slice(0, 200) }, ctx);
  const now = s.deps.clock.now().toISOString();
  const id = newId('sea_');
  const invitedCommuneIds = [...new Set(input.invitedCommuneIds)];
  const invitedUserIds = [...new Set(input.invitedUserIds)];
  s.deps.db.transaction((tx) => {
    workshopsRepo.insert(tx, {
      id, projectId, title: input.title, body: input.body, startsAt: new Date(input.startsAt).toISOString(), location: input.location, videoUrl: input.videoUrl,
      invitedCommuneIds, invitedUserIds, agenda, status: 'planifiee', events: [], follow: null, speaking: EMPTY_SPEAKING,
      compteRenduId: minutes.d.id, revision: 1, createdBy: ctx.user.id, createdAt: now, updatedAt: now,
    });
    recordAudit(tx, { at: now, userId: ctx.user.id, action: 'seance.created', targetType: 'seance', targetId: id, projectId, after: { title: input.title, body: input.body, startsAt: input.startsAt, items: agenda.length }, requestId: ctx.requestId });
  });
  const row = seanceOr404(s.deps, id);
  sendInvitations(s, row, invitedCommuneIds, invitedUserIds, ctx.user.id);
  return publishState(s.deps, id, presenceOf(s))!;
}

/** Edits a séance that has not ended; items already dealt with cannot leave the agenda; new invitees are notified. */
export function updateSeance(s: Services, seanceId: string, input: UpdateSeanceInput, ctx: Ctx) {
  const before = seanceOr404(s.deps, seanceId);
  notEnded(before);
  const agenda = input.agenda ? normalizeAgenda(s, before.projectId, input.agenda, before.agenda) : before.agenda;
  const used = new Set(before.events.flatMap((e) => (e.type === 'goto' ? [e.itemId] : [])));
  const current = replaySeance(before.agenda, before.events).currentItemId;
  if (current) used.add(current);
  const removed = [...used].find((id) => !agenda.some((i) => i.id === id));
  if (removed) throw conflict('Un point déjà abordé pendant la séance ne peut pas être retiré de l’ordre du jour.', undefined, 'item_in_use');
  if (before.status !== 'planifiee' && agenda.length === 0) throw refusalError({ code: 'empty_agenda', message: 'Une séance commencée garde au moins un point à l’ordre du jour.' });
  const invitedCommuneIds = input.invitedCommuneIds ? [...new Set(input.invitedCommuneIds)] : before.invitedCommuneIds;
  const invitedUserIds = input.invitedUserIds ? [...new Set(input.invitedUserIds)] : before.invitedUserIds;
  checkInvitations(s, before.projectId, invitedCommuneIds, invitedUserIds);
  const now = s.deps.clock.now().toISOString();
  const patch = {
    ...(input.title !== undefined ? { title: input.title } : {}),
    ...(input.body !== undefined ? { body: input.body } : {}),
    ...(input.startsAt !== undefined ? { startsAt: new Date(input.startsAt).toISOString() } : {}),
    ...(input.location !== undefined ? { location: input.location } : {}),
    ...(input.videoUrl !== undefined ? { videoUrl: input.videoUrl } : {}),
    invitedCommuneIds,
    invitedUserIds,
    agenda,
    updatedAt: now,
  };
  s.deps.db.transaction((tx) => {
    workshopsRepo.update(tx, seanceId, patch);
    recordAudit(tx, { at: now, userId: ctx.user.id, action: 'seance.updated', targetType: 'seance', targetId: seanceId, projectId: before.projectId, before: { title: before.title, startsAt: before.startsAt, items: before.agenda.length }, after: { title: patch.title ?? before.title, startsAt: patch.startsAt ?? before.startsAt, items: agenda.length }, requestId: ctx.requestId });
  });
  const row = seanceOr404(s.deps, seanceId);
  sendInvitations(
    s,
    row,
    invitedCommuneIds.filter((c) => !before.invitedCommuneIds.includes(c)),
    invitedUserIds.filter((u) => !before.invitedUserIds.includes(u)),
    ctx.user.id,
  );
  return publishState(s.deps, seanceId, presenceOf(s))!;
}

/** The follow target of an agenda item that points at a document (or null when it does not). */
function itemTarget(item: AgendaItemDto | undefined, at: string): FollowTarget | null {
  return item?.documentId ? { itemId: item.id, documentId: item.documentId, sectionId: item.sectionId, sectionTitle: item.sectionTitle, at } : null;
}

/**
 * Applies one command of the facilitator (the route checked `workshop.control`): the shared machine decides, the
 * accepted command is appended to the stored events with the server's time. Going to an item that points at a
 * document moves « Suivre l'animatrice » there. Ending closes the current turn and the open polls and writes the
 * decisions into the compte rendu.
 */
export async function commandSeance(s: Services, seanceId: string, input: SeanceCommandInput, ctx: Ctx) {
  const row = seanceOr404(s.deps, seanceId);
  const isFacilitator = s.policy.can(ctx.user, 'workshop.control', { projectId: row.projectId });
  const { status, currentItemId } = replaySeance(row.agenda, row.events);
  let command: SeanceCommand = input.type === 'next' ? { type: 'goto', itemId: currentItemId ?? '' } : (input as SeanceCommand);
  if (input.type === 'next' && (status === 'en_cours' || status === 'en_pause')) {
    // Before the start or after the end the machine refuses the `goto` itself, with its own message.
    const next = nextItemId(row.agenda, currentItemId);
    if (!next) throw conflict('C’est le dernier point de l’ordre du jour.', undefined, 'no_next_item');
    command = { type: 'goto', itemId: next };
  }
  const verdict = checkSeanceCommand(status, command, { isFacilitator, agenda: row.agenda });
  accept(verdict);
  const now = s.deps.clock.now().toISOString();
  const events: SeanceEvent[] = [...row.events, { ...command, at: now }];
  const replayed = replaySeance(row.agenda, events);
  let follow = row.follow;
  if (command.type === 'goto' || command.type === 'start') {
    const item = row.agenda.find((i) => i.id === replayed.currentItemId);
    follow = itemTarget(item, now) ?? (command.type === 'start' && row.compteRenduId ? { itemId: item?.id ?? null, documentId: row.compteRenduId, sectionId: null, sectionTitle: null, at: now } : follow);
  }
  s.deps.db.transaction((tx) => {
    const speaking = command.type === 'end' ? endTurnAtClose(row.speaking, now) : row.speaking;
    workshopsRepo.update(tx, seanceId, { events, status: replayed.status, follow, speaking, updatedAt: now });
    if (command.type === 'end') closeOpenPolls(tx, seanceId, now);
    recordAudit(tx, { at: now, userId: ctx.user.id, action: `seance.${command.type}`, targetType: 'seance', targetId: seanceId, projectId: row.projectId, before: { status }, after: { status: replayed.status, currentItemId: replayed.currentItemId }, requestId: ctx.requestId });
  });
  if (command.type === 'start') recordConnected(s, seanceOr404(s.deps, seanceId));
  if (command.type === 'end') await writeDecisionsIntoMinutes(s, seanceOr404(s.deps, seanceId), ctx);
  return publishState(s.deps, seanceId, presenceOf(s))!;
}

/** Sets what participants following the facilitator see: a document of the séance and one of its sections. */
export function setFollow(s: Services, seanceId: string, input: FollowInput, ctx: Ctx) {
  const row = seanceOr404(s.deps, seanceId);
  notEnded(row);
  if (input.documentId && !seanceDocumentIds(row).includes(input.documentId)) {
    throw refusalError({ code: 'unknown_document', message: 'Ce document ne fait pas partie de la séance.' });
  }
  const now = s.deps.clock.now().toISOString();
  const currentItemId = replaySeance(row.agenda, row.events).currentItemId;
  const follow: FollowTarget | null = input.documentId
    ? { itemId: currentItemId, documentId: input.documentId, sectionId: input.sectionId ?? null, sectionTitle: input.sectionTitle ?? null, at: now }
    : null;
  workshopsRepo.update(s.deps.db, seanceId, { follow, updatedAt: now });
  void ctx;
  return publishState(s.deps, seanceId, presenceOf(s))!;
}

/**
 * Locks or unlocks one document of the séance, or all of them, through the documents' lock (audited there, and
 * enforced by the collaboration server for every connection). Documents already in the asked state are skipped when
 * acting on all of them; for one document, the documents service answers `409 already_locked` / `not_locked`.
 */
export function setSeanceLocks(s: Services, seanceId: string, input: { documentId?: string; locked: boolean }, ctx: Ctx) {
  const row = seanceOr404(s.deps, seanceId);
  notEnded(row);
  const ids = seanceDocumentIds(row);
  if (input.documentId && !ids.includes(input.documentId)) throw refusalError({ code: 'unknown_document', message: 'Ce document ne fait pas partie de la séance.' });
  const docs = workshopsRepo.documents(s.deps.db, row.projectId, input.documentId ? [input.documentId] : ids);
  const targets = input.documentId ? docs : docs.filter((d) => d.archivedAt === null && (d.lockedAt !== null) !== input.locked);
  for (const d of targets) setLocked(s.deps, s.collaboration, d.id, input.locked, ctx);
  if (!input.documentId && targets.length === 0 && docs.length === 0) throw badRequest('La séance n’a aucun document à verrouiller.', undefined, 'no_documents');
  workshopsRepo.update(s.deps.db, seanceId, { updatedAt: s.deps.clock.now().toISOString() });
  return publishState(s.deps, seanceId, presenceOf(s))!;
}
