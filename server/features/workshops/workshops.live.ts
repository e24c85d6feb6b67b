/**
 * What happens during a séance besides the facilitator's steering: speaking requests, check-ins, quick polls and
 * votes, the relevé de décisions, attendance from the connection registry. The shared rules decide; this module
 * stores, audits what matters and publishes the new public state.
 */
import type { DbLike } from '../../db/client.js';
import type { SessionUser } from '../../context.js';
import { and, eq } from 'drizzle-orm';
import { seancePolls } from '../../db/schema/index.js';
import { newId } from '../../lib/ids.js';
import { badRequest, conflict } from '../../lib/errors.js';
import { recordAudit } from '../../lib/audit.js';
import { insertBlock, listSections, DEFAULT_FRAGMENT } from '../../../shared/editor/index.js';
import { applySpeaking, type SpeakingCommand, type SpeakingState } from '../../../shared/workshops/speaking.js';
import { checkCheckIn } from '../../../shared/workshops/attendance.js';
import { ballotKey, castVote, checkVoter, closePoll, createPoll, pollResults } from '../../../shared/workshops/polls.js';
import { replaySeance, type SeanceStatus } from '../../../shared/workshops/seance.js';
import { DECISION_KIND_LABELS, type CreateDecisionInput, type CreatePollInput, type DecisionKind, type SpeakingInput } from '../../../shared/workshops/types.js';
import { workshopsRepo, type SeanceRow } from './workshops.repo.js';
import { accept, decisionNotFound, pollNotFound, refusalError } from './workshops.errors.js';
import { publishState, seanceDocumentIds, toPoll } from './workshops.state.js';
import { asActor, notEnded, presenceOf, seanceOr404, type Ctx, type Services } from './workshops.context.js';

const now = (s: Services) => s.deps.clock.now().toISOString();
const status = (row: SeanceRow): SeanceStatus => replaySeance(row.agenda, row.events).status;
const controls = (s: Services, user: SessionUser, row: SeanceRow) => s.policy.can(user, 'workshop.control', { projectId: row.projectId });

/** Bumps the revision (another table changed) and publishes. */
function touchAndPublish(s: Services, seanceId: string) {
  workshopsRepo.update(s.deps.db, seanceId, { updatedAt: now(s) });
  return publishState(s.deps, seanceId, presenceOf(s))!;
}

/** Raise or lower a hand, give the floor, end a turn (the route checked `workshop.participate`). */
export function speak(s: Services, seanceId: string, input: SpeakingInput, ctx: Ctx) {
  const row = seanceOr404(s.deps, seanceId);
  const me = ctx.user;
  let command: SpeakingCommand;
  if (input.type === 'raise') command = { type: 'raise', personId: input.personId ?? me.id, communeId: me.communeId ?? null };
  else if (input.type === 'lower') command = { type: 'lower', personId: input.personId ?? me.id };
  else if (input.type === 'give_floor') {
    if (!input.personId) throw badRequest('Indiquez à qui donner la parole (personId).');
    command = { type: 'give_floor', personId: input.personId };
  } else command = { type: 'end_turn' };
  const at = now(s);
  const verdict = applySpeaking(row.speaking, command, { actorId: me.id, isFacilitator: controls(s, me, row), seanceStatus: status(row), at });
  accept(verdict);
  workshopsRepo.update(s.deps.db, seanceId, { speaking: verdict.state, updatedAt: at });
  return publishState(s.deps, seanceId, presenceOf(s))!;
}

/** The open turn closes when the séance ends, so that speaking times stop there. */
export function endTurnAtClose(speaking: SpeakingState, at: string): SpeakingState {
  return speaking.speaker ? { ...speaking, speaker: null, turns: [...speaking.turns, { ...speaking.speaker, to: at }] } : speaking;
}

/** Explicit check-in: oneself, or anyone with access to the project by the facilitator (people without a screen). */
export function checkIn(s: Services, seanceId: string, personId: string | undefined, ctx: Ctx) {
  const row = seanceOr404(s.deps, seanceId);
  notEnded(row);
  const target = personId ?? ctx.user.id;
  accept(checkCheckIn({ actorId: ctx.user.id, personId: target, isFacilitator: controls(s, ctx.user, row) }));
  const person = workshopsRepo.user(s.deps.db, target);
  if (!person || person.disabledAt || !s.policy.can(asActor(person), 'workshop.read', { projectId: row.projectId })) {
    throw refusalError({ code: 'unknown_person', message: 'Cette personne n’a pas accès au projet.' });
  }
  workshopsRepo.checkIn(s.deps.db, seanceId, target, person.communeId, now(s), ctx.user.id);
  return touchAndPublish(s, seanceId);
}

/**
 * Records everyone connected to a document of the séance as having attended (first connection kept). Returns true
 * when someone was seen for the first time.
 */
export function recordConnected(s: Services, row: SeanceRow): boolean {
  const known = new Set(workshopsRepo.attendance(s.deps.db, row.id).filter((a) => a.connectedAt).map((a) => a.personId));
  let added = false;
  const at = now(s);
  for (const documentId of seanceDocumentIds(row)) {
    for (const u of s.collaboration.presence(documentId)) {
      if (known.has(u.id)) continue;
      workshopsRepo.markConnected(s.deps.db, row.id, u.id, u.communeId, at);
      known.add(u.id);
      added = true;
    }
  }
  return added;
}

/**
 * The bridge from the connection registry: when someone joins or leaves a document of a running séance, the
 * attendance changes; it is recorded and the state republished.
 */
export function onSeanceDocumentPresence(s: Services, projectId: string, documentId: string): void {
  for (const row of workshopsRepo.live(s.deps.db, projectId)) {
    if (!seanceDocumentIds(row).includes(documentId)) continue;
    recordConnected(s, row);
    touchAndPublish(s, row.id);
  }
}

/** Opens a quick poll on the current (or a given) agenda item, optionally about a passage of a séance document. */
export function openPoll(s: Services, seanceId: string, input: CreatePollInput, ctx: Ctx) {
  const row = seanceOr404(s.deps, seanceId);
  const st = status(row);
  if (st !== 'en_cours' && st !== 'en_pause') throw conflict('Les sondages se font pendant la séance.', undefined, 'seance_not_running');
  const itemId = input.itemId ?? replaySeance(row.agenda, row.events).currentItemId;
  if (itemId && !row.agenda.some((i) => i.id === itemId)) throw refusalError({ code: 'unknown_item', message: "Ce point n'est pas à l'ordre du jour." });
  if (input.passage && !seanceDocumentIds(row).includes(input.passage.documentId)) {
    throw refusalError({ code: 'unknown_document', message: 'Ce document ne fait pas partie de la séance.' });
  }
  const verdict = createPoll({ id: newId('pol_'), question: input.question, kind: input.kind, choices: input.choices, scope: input.scope }, controls(s, ctx.user, row));
  accept(verdict);
  const at = now(s);
  const { poll } = verdict;
  s.deps.db.transaction((tx) => {
    workshopsRepo.insertPoll(tx, { id: poll.id, seanceId, itemId: itemId ?? null, question: poll.question, kind: poll.kind, choices: [...poll.choices], scope: poll.scope, status: 'ouvert', passage: input.passage ?? null, createdBy: ctx.user.id, createdAt: at });
    recordAudit(tx, { at, userId: ctx.user.id, action: 'seance.poll_opened', targetType: 'seance', targetId: seanceId, projectId: row.projectId, after: { pollId: poll.id, question: poll.question, kind: poll.kind, scope: poll.scope }, requestId: ctx.requestId });
  });
  return touchAndPublish(s, seanceId);
}

/** Casts or changes a vote (who may vote: `checkVoter`; what counts: `castVote`). */
export function vote(s: Services, seanceId: string, pollId: string, value: string | number, ctx: Ctx) {
  const row = seanceOr404(s.deps, seanceId);
  const pollRow = workshopsRepo.poll(s.deps.db, seanceId, pollId);
  if (!pollRow) throw pollNotFound();
  const poll = toPoll(pollRow, workshopsRepo.votes(s.deps.db, [pollId]));
  const me = { voterId: ctx.user.id, communeId: ctx.user.communeId ?? null };
  if (poll.status === 'ouvert') accept(checkVoter(poll.scope, { role: ctx.user.role, communeId: me.communeId }, s.policy.can(ctx.user, 'workshop.participate', { projectId: row.projectId })));
  const at = now(s);
  accept(castVote(poll, { ...me, value, at }, true));
  workshopsRepo.upsertVote(s.deps.db, { pollId, ballotKey: ballotKey(poll, me), ...me, value, at });
  return touchAndPublish(s, seanceId);
}

/** Closes a poll: its results are recorded (audited) and final. */
export function closeSeancePoll(s: Services, seanceId: string, pollId: string, ctx: Ctx) {
  const row = seanceOr404(s.deps, seanceId);
  const pollRow = workshopsRepo.poll(s.deps.db, seanceId, pollId);
  if (!pollRow) throw pollNotFound();
  const at = now(s);
  const verdict = closePoll(toPoll(pollRow, workshopsRepo.votes(s.deps.db, [pollId])), controls(s, ctx.user, row), at);
  accept(verdict);
  s.deps.db.transaction((tx) => {
    workshopsRepo.closePoll(tx, pollId, at);
    recordAudit(tx, { at, userId: ctx.user.id, action: 'seance.poll_closed', targetType: 'seance', targetId: seanceId, projectId: row.projectId, after: { pollId, results: pollResults(verdict.poll) }, requestId: ctx.requestId });
  });
  return touchAndPublish(s, seanceId);
}

/** Closes every open poll of a séance that ends (inside the caller's transaction). */
export function closeOpenPolls(tx: DbLike, seanceId: string, at: string): void {
  tx.update(seancePolls).set({ status: 'clos', closedAt: at }).where(and(eq(seancePolls.seanceId, seanceId), eq(seancePolls.status, 'ouvert'))).run();
}

/** What the caller voted in each poll (per commune: their commune's ballot). */
export function myVotes(s: Services, seanceId: string, user: SessionUser): Record<string, string | number> {
  const polls = workshopsRepo.polls(s.deps.db, seanceId);
  const votes = workshopsRepo.votes(s.deps.db, polls.map((p) => p.id));
  const out: Record<string, string | number> = {};
  for (const p of polls) {
    const key = ballotKey({ scope: p.scope as 'personne' | 'commune' }, { voterId: user.id, communeId: user.communeId ?? null });
    const mine = votes.find((v) => v.pollId === p.id && v.ballotKey === key);
    if (mine && (p.scope === 'personne' || user.communeId)) out[p.id] = mine.value;
  }
  return out;
}

/** Adds a decision or an open question to the relevé, linked to an item, a poll, an amendment or an arbitration. */
export function recordDecision(s: Services, seanceId: string, input: CreateDecisionInput, ctx: Ctx) {
  const row = seanceOr404(s.deps, seanceId);
  if (status(row) === 'planifiee') throw conflict('Le relevé de décisions commence avec la séance.', undefined, 'seance_not_started');
  const itemId = input.itemId === undefined ? replaySeance(row.agenda, row.events).currentItemId : input.itemId;
  if (itemId && !row.agenda.some((i) => i.id === itemId)) throw refusalError({ code: 'unknown_item', message: "Ce point n'est pas à l'ordre du jour." });
  if (input.pollId && !workshopsRepo.poll(s.deps.db, seanceId, input.pollId)) throw refusalError({ code: 'unknown_poll', message: "Ce sondage n'appartient pas à la séance." });
  const at = now(s);
  const id = newId('dec_');
  s.deps.db.transaction((tx) => {
    workshopsRepo.insertDecision(tx, { id, seanceId, kind: input.kind, text: input.text, itemId: itemId ?? null, pollId: input.pollId ?? null, amendmentId: input.amendmentId ?? null, arbitrationId: input.arbitrationId ?? null, createdBy: ctx.user.id, createdAt: at });
    recordAudit(tx, { at, userId: ctx.user.id, action: 'seance.decision_recorded', targetType: 'seance', targetId: seanceId, projectId: row.projectId, after: { decisionId: id, kind: input.kind, text: input.text }, requestId: ctx.requestId });
  });
  return touchAndPublish(s, seanceId);
}

/** Removes an entry of the relevé (audited with its text). */
export function removeDecision(s: Services, seanceId: string, decisionId: string, ctx: Ctx) {
  const row = seanceOr404(s.deps, seanceId);
  const decision = workshopsRepo.decision(s.deps.db, seanceId, decisionId);
  if (!decision) throw decisionNotFound();
  const at = now(s);
  s.deps.db.transaction((tx) => {
    workshopsRepo.deleteDecision(tx, decisionId);
    recordAudit(tx, { at, userId: ctx.user.id, action: 'seance.decision_removed', targetType: 'seance', targetId: seanceId, projectId: row.projectId, before: { decisionId, kind: decision.kind, text: decision.text }, requestId: ctx.requestId });
  });
  return touchAndPublish(s, seanceId);
}

/**
 * At the end of the séance, the relevé is written into the compte rendu: a paragraph and a bullet list at the end of
 * its « Décisions » section (or of the text), through the collaboration service like any server-side edit. A failure
 * is logged: the structured decisions stay the record.
 */
export async function writeDecisionsIntoMinutes(s: Services, row: SeanceRow, ctx: Ctx): Promise<void> {
  const decisions = workshopsRepo.decisions(s.deps.db, row.id);
  if (!row.compteRenduId || decisions.length === 0) return;
  const titles = new Map(row.agenda.map((i) => [i.id, i.title]));
  const items = decisions.map((d) => {
    const where = d.itemId && titles.get(d.itemId) ? ` (${titles.get(d.itemId)})` : '';
    const text = `${DECISION_KIND_LABELS[d.kind as DecisionKind]}${where} : ${d.text}`;
    return { type: 'listItem', content: [{ type: 'paragraph', content: [{ type: 'text', text }] }] };
  });
  try {
    await s.collaboration.edit(row.compteRenduId, (doc) => {
      const decisionsSection = listSections(doc).find((sec) => sec.title.trim().toLowerCase() === 'décisions');
      const index = decisionsSection ? decisionsSection.end : doc.getXmlFragment(DEFAULT_FRAGMENT).length;
      insertBlock(doc, index, { type: 'paragraph', content: [{ type: 'text', text: 'Relevé de décisions enregistré pendant la séance :' }] }, 'seance-minutes');
      insertBlock(doc, index + 1, { type: 'bulletList', content: items }, 'seance-minutes');
    });
  } catch (err) {
    s.deps.logger.error('relevé de décisions non écrit dans le compte rendu', { seanceId: row.id, requestId: ctx.requestId, error: String(err) });
  }
}
