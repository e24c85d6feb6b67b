/**
 * Verdicts of the séance rules: the new value, or a refusal with an explicit code (`not_facilitator` → 403,
 * `poll_closed` → 409…) and a French message. Kept separate from the rounds' helper so the two features stay
 * independent.
 */
export type Refusal<C extends string> = { ok: false; code: C; message: string };

/** Either the accepted result or a refusal with its code. */
export type Verdict<T, C extends string> = ({ ok: true } & T) | Refusal<C>;

/** Builds a refusal. */
export function refuse<C extends string>(code: C, message: string): Refusal<C> {
  return { ok: false, code, message };
}

/** The single refusal used when someone other than the facilitator tries to steer the séance. */
export const NOT_FACILITATOR = "Seul·e l'animateur·rice de la séance peut faire cela.";

/** Milliseconds since the epoch for an ISO date-time; throws on garbage so bad data never passes silently. */
export function toMs(iso: string): number {
  const ms = Date.parse(iso);
  if (Number.isNaN(ms)) throw new Error(`Date-heure invalide : ${iso}`);
  return ms;
}

/** A half-open time interval [start, end) in milliseconds. */
export type Interval = { start: number; end: number };

/** Total length of the overlap between [from, to) and a list of disjoint intervals. */
export function overlapMs(from: number, to: number, intervals: readonly Interval[]): number {
  let total = 0;
  for (const i of intervals) total += Math.max(0, Math.min(to, i.end) - Math.max(from, i.start));
  return total;
}
