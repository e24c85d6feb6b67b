/**
 * Attendance of a séance, from the server's connection registry plus explicit check-in (people in the room without a
 * screen are checked in by the facilitator), with the communes represented and a quorum indicator.
 */
import { NOT_FACILITATOR, refuse, type Verdict } from './verdict.js';

/** A person present, with the commune they represent (null for EPCI élus, partners). */
export type Attendee = { personId: string; communeId: string | null };

/**
 * A body's quorum rule, as data (it differs between COPIL, conférence des maires…):
 * - `none`: no quorum;
 * - `ratio`: at least numerator/denominator of member communes represented (`strict`: strictly more than that,
 *   e.g. "plus de la moitié");
 * - `count`: a fixed number of communes.
 */
export type QuorumRule =
  | { kind: 'none' }
  | { kind: 'ratio'; numerator: number; denominator: number; strict?: boolean }
  | { kind: 'count'; min: number };

/** Connections from the server's registry, explicit check-ins, and the body's rule. */
export type AttendanceInput = {
  connected: readonly Attendee[];
  checkedIn: readonly Attendee[];
  memberCommuneIds: readonly string[];
  quorum: QuorumRule;
};

/** A present person and where the presence comes from. */
export type AttendanceRow = Attendee & { source: 'connexion' | 'pointage' | 'les_deux' };

/** Attendance summary shown live and in the séance summary. */
export type Attendance = {
  present: AttendanceRow[];
  /** Communes with at least one person present, sorted; includes non-member (outside) communes. */
  communesRepresented: string[];
  memberCommunesRepresented: number;
  quorum: { required: number; reached: boolean } | null;
};

/** Number of member communes a rule requires. */
export function quorumRequired(rule: QuorumRule, memberCount: number): number | null {
  if (rule.kind === 'none') return null;
  if (rule.kind === 'count') return rule.min;
  const exact = (memberCount * rule.numerator) / rule.denominator;
  // "La moitié" of 7 is 3.5 → 4 communes; "plus de la moitié" of 8 is 4 → 5 communes.
  return rule.strict ? Math.floor(exact) + 1 : Math.ceil(exact);
}

/** Who is present (each person once), which communes are represented, and whether the quorum is reached. */
export function computeAttendance(input: AttendanceInput): Attendance {
  const rows = new Map<string, AttendanceRow>();
  for (const a of input.connected) rows.set(a.personId, { ...a, source: 'connexion' });
  for (const a of input.checkedIn) {
    const prev = rows.get(a.personId);
    rows.set(a.personId, prev ? { ...prev, source: 'les_deux' } : { ...a, source: 'pointage' });
  }
  const present = [...rows.values()].sort((a, b) => a.personId.localeCompare(b.personId));
  const communes = [...new Set(present.map((p) => p.communeId).filter((c): c is string => c !== null))].sort();
  const members = new Set(input.memberCommuneIds);
  const memberCommunesRepresented = communes.filter((c) => members.has(c)).length;
  const required = quorumRequired(input.quorum, members.size);
  return {
    present,
    communesRepresented: communes,
    memberCommunesRepresented,
    quorum: required === null ? null : { required, reached: memberCommunesRepresented >= required },
  };
}

/** A person checks themself in; the facilitator may check in anyone (people in the room without a screen). */
export function checkCheckIn(req: { actorId: string; personId: string; isFacilitator: boolean }): Verdict<object, 'not_facilitator'> {
  if (req.personId !== req.actorId && !req.isFacilitator) return refuse('not_facilitator', NOT_FACILITATOR);
  return { ok: true };
}
