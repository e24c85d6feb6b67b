/**
 * Amendments (*propositions d'amendement*): a replacement text for an anchored range, supported or opposed by
 * others, then accepted or rejected.
 *
 * Rules:
 * - Support/oppose: one stance per person; the latest replaces the earlier one; the author's own proposal counts as
 *   support without a vote.
 * - Who may accept or reject is decided by the abilities table, passed here as `actorMayDecide`.
 * - Reject needs a motivation.
 * - Accept is refused with `text_changed` when the anchored text today differs from the text the proposal replaced:
 *   the server answers 409 with the current text instead of guessing how to merge.
 * - A decided amendment is final: a second accept (the concurrent one) gets `already_decided`.
 */
import { isMeaningful, refuse, toMs, type Refusal, type Verdict } from './verdict.js';

/** Lifecycle of an amendment: proposed, then accepted or rejected (final). */
export const AMENDMENT_STATUSES = ['proposee', 'acceptee', 'rejetee'] as const;
/** One of `AMENDMENT_STATUSES`. */
export type AmendmentStatus = (typeof AMENDMENT_STATUSES)[number];

/** What the rules need to know about an amendment. */
export type Amendment = {
  id: string;
  authorId: string;
  /** The author's commune (null for EPCI élus, partners), counted among supporting communes. */
  authorCommuneId: string | null;
  status: AmendmentStatus;
  /** The anchored text when the amendment was proposed. */
  originalText: string;
  replacementText: string;
};

/** A person's stance on an amendment. */
export type AmendmentStance = 'soutien' | 'opposition';
/** A stored stance; the latest per person counts. */
export type AmendmentVote = { userId: string; communeId: string | null; stance: AmendmentStance; at: string };

/** Support/oppose counts shown next to the amendment. */
export type AmendmentTally = {
  support: number;
  oppose: number;
  /** Distinct communes among supporters / opponents (élus of a same commune count once here). */
  supportCommunes: string[];
  opposeCommunes: string[];
};

/** Counts supports and oppositions, latest stance per person; the author counts as a supporter. */
export function tallyAmendment(amendment: Amendment, votes: readonly AmendmentVote[]): AmendmentTally {
  const latest = new Map<string, AmendmentVote>();
  for (const v of votes) {
    const prev = latest.get(v.userId);
    if (!prev || toMs(prev.at) <= toMs(v.at)) latest.set(v.userId, v);
  }
  // The author proposed it: an explicit vote by the author is ignored rather than allowed to oppose their own text.
  latest.delete(amendment.authorId);
  const supporters = [...latest.values()].filter((v) => v.stance === 'soutien');
  const opponents = [...latest.values()].filter((v) => v.stance === 'opposition');
  const communes = (ids: (string | null)[]) => [...new Set(ids.filter((c): c is string => c !== null))].sort();
  return {
    support: supporters.length + 1,
    oppose: opponents.length,
    supportCommunes: communes([amendment.authorCommuneId, ...supporters.map((v) => v.communeId)]),
    opposeCommunes: communes(opponents.map((v) => v.communeId)),
  };
}

/** Refusal codes of accept/reject (`text_changed` and `already_decided` → 409). */
export type AmendmentRefusalCode = 'not_allowed' | 'already_decided' | 'text_changed' | 'motivation_required';

/** Refusal of an accept on a changed text: carries the current text so the client can show it. */
export type TextChangedRefusal = { ok: false; code: 'text_changed'; message: string; currentText: string };

/** Decision record to store in the same transaction as the text change. */
export type AmendmentDecision = {
  amendmentId: string;
  status: 'acceptee' | 'rejetee';
  decidedBy: string;
  decidedAt: string;
  originalText: string;
  newText: string | null;
  motivation: string | null;
};

function checkDecidable(amendment: Amendment, actorMayDecide: boolean): Refusal<'not_allowed' | 'already_decided'> | null {
  if (!actorMayDecide) return refuse('not_allowed', "Vous n'avez pas le droit de statuer sur cet amendement.");
  if (amendment.status !== 'proposee') {
    return refuse('already_decided', `Cet amendement a déjà été ${amendment.status === 'acceptee' ? 'accepté' : 'rejeté'}.`);
  }
  return null;
}

/**
 * Accepts an amendment if the anchored text is still the one it replaces (exact comparison, no normalisation: a
 * changed space is a changed text). The refusal `text_changed` carries `currentText` for the 409 body.
 */
export function acceptAmendment(req: {
  amendment: Amendment;
  actorId: string;
  actorMayDecide: boolean;
  currentText: string;
  now: string;
}): Verdict<{ decision: AmendmentDecision }, Exclude<AmendmentRefusalCode, 'text_changed'>> | TextChangedRefusal {
  const refusal = checkDecidable(req.amendment, req.actorMayDecide);
  if (refusal) return refusal;
  if (req.currentText !== req.amendment.originalText) {
    return {
      ok: false,
      code: 'text_changed',
      message: 'Le passage visé a changé depuis la proposition : relisez le texte actuel avant de statuer.',
      currentText: req.currentText,
    };
  }
  return {
    ok: true,
    decision: {
      amendmentId: req.amendment.id,
      status: 'acceptee',
      decidedBy: req.actorId,
      decidedAt: req.now,
      originalText: req.amendment.originalText,
      newText: req.amendment.replacementText,
      motivation: null,
    },
  };
}

/** Rejects an amendment; a motivation is required so that the author knows why. */
export function rejectAmendment(req: {
  amendment: Amendment;
  actorId: string;
  actorMayDecide: boolean;
  motivation: string | null | undefined;
  now: string;
}): Verdict<{ decision: AmendmentDecision }, AmendmentRefusalCode> {
  const refusal = checkDecidable(req.amendment, req.actorMayDecide);
  if (refusal) return refusal;
  if (!isMeaningful(req.motivation)) return refuse('motivation_required', 'Un rejet doit être motivé.');
  return {
    ok: true,
    decision: {
      amendmentId: req.amendment.id,
      status: 'rejetee',
      decidedBy: req.actorId,
      decidedAt: req.now,
      originalText: req.amendment.originalText,
      newText: null,
      motivation: req.motivation!.trim(),
    },
  };
}
