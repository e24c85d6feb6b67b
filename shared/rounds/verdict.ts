/**
 * Verdicts shared by the round (tour de table) and amendment rules: either the new value, or a refusal carrying an
 * explicit code (for the HTTP layer: `round_closed` → 409, `not_allowed` → 403…) and a French message for the user.
 */
export type Refusal<C extends string> = { ok: false; code: C; message: string };

/** Either the accepted result or a refusal with its code. */
export type Verdict<T, C extends string> = ({ ok: true } & T) | Refusal<C>;

/** Builds a refusal; kept as a helper so every module phrases refusals the same way. */
export function refuse<C extends string>(code: C, message: string): Refusal<C> {
  return { ok: false, code, message };
}

/** True for a text that says something: blank or two-letter motivations are treated as missing. */
export function isMeaningful(text: string | null | undefined): boolean {
  return typeof text === 'string' && text.trim().length >= 3;
}

/** Milliseconds since the epoch for an ISO date-time; throws on garbage so that bad data never passes silently. */
export function toMs(iso: string): number {
  const ms = Date.parse(iso);
  if (Number.isNaN(ms)) throw new Error(`Date-heure invalide : ${iso}`);
  return ms;
}
