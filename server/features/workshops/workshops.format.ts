/** French wording of séance facts for notifications and exports (Paris time: the users are French local authorities). */
import { SEANCE_BODY_LABELS, type SeanceBody } from '../../../shared/workshops/bodies.js';

const DATE_TIME = new Intl.DateTimeFormat('fr-FR', { timeZone: 'Europe/Paris', weekday: 'long', day: 'numeric', month: 'long', year: 'numeric', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });

/** « mardi 8 décembre 2026 à 14 h 00 » (French typography: « 14 h 00 »). */
export function seanceDateTime(iso: string): string {
  const parts = DATE_TIME.formatToParts(new Date(iso));
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  return `${get('weekday')} ${get('day')} ${get('month')} ${get('year')} à ${get('hour')} h ${get('minute')}`;
}

/** « Comité de pilotage (COPIL) — mardi 8 décembre 2026 à 14 h 00 — Salle du conseil, Fayence ». */
export function seanceLine(s: { body: string; startsAt: string; location: string; videoUrl: string | null }): string {
  const where = [s.location.trim(), s.videoUrl ? `visioconférence : ${s.videoUrl}` : ''].filter(Boolean).join(' ; ');
  return [SEANCE_BODY_LABELS[s.body as SeanceBody] ?? s.body, seanceDateTime(s.startsAt), where].filter(Boolean).join(' — ');
}

/** Minutes, rounded to the nearest one (at least one when something was spent). */
export function roundMinutes(ms: number): number {
  return ms <= 0 ? 0 : Math.max(1, Math.round(ms / 60_000));
}
