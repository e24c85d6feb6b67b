/** Small display helpers of the séances screens. */
import type { BadgeTone } from '../../ui/Badge';
import type { SeanceStatus } from '../../../../shared/workshops/seance.js';
import type { SeanceStateDto } from '../../../../shared/workshops/types.js';
import { wm } from './messages';

/** Badge colour of a séance status (the text always says it too). */
export const STATUS_TONE: Record<SeanceStatus, BadgeTone> = { planifiee: 'info', en_cours: 'success', en_pause: 'warning', terminee: 'neutral' };

const DATE_TIME = new Intl.DateTimeFormat('fr-FR', { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric', hour: '2-digit', minute: '2-digit' });

/** « mardi 8 décembre 2026 à 14:00 » in the user's time zone. */
export function seanceDate(iso: string): string {
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? iso : DATE_TIME.format(d);
}

/** A person's name as the state knows it. */
export function personName(state: Pick<SeanceStateDto, 'people'>, id: string): string {
  return state.people[id]?.name ?? 'Participant·e';
}

/** A commune's name, or « EPCI et partenaires » for people speaking for no commune. */
export function communeName(state: Pick<SeanceStateDto, 'communes'>, id: string | null): string {
  return id ? (state.communes[id] ?? id) : wm.noCommune;
}

/** `YYYY-MM-DDTHH:mm` in local time, the value of a datetime-local input. */
export function toLocalInput(iso: string): string {
  const d = new Date(iso);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
}
