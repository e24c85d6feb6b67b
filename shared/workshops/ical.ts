/**
 * iCalendar (RFC 5545) of a séance: one VCALENDAR with one VEVENT, so that the invitation lands in any agenda
 * (Outlook, Thunderbird, Google, the mairie's groupware). Pure and table-tested.
 *
 * RFC rules applied: CRLF line ends; TEXT values escape backslash, semicolon, comma and newlines (§3.3.11); content
 * lines longer than 75 octets are folded with CRLF + one space, never inside a UTF-8 sequence (§3.1); dates in UTC
 * (`YYYYMMDDTHHMMSSZ`, §3.3.5); UID, DTSTAMP and DTSTART are present (§3.6.1).
 */

/** What the calendar entry says about the séance. */
export type ICalSeance = {
  id: string;
  title: string;
  startsAt: string;
  /** Planned length (the sum of the agenda's durations), at least a quarter of an hour. */
  durationMinutes: number;
  location: string;
  videoUrl: string | null;
  description: string;
  /** When the file is produced (DTSTAMP). */
  stampedAt: string;
  /** Increases with every change of the séance so that agendas replace an older copy (SEQUENCE). */
  sequence: number;
  /** Absolute URL of the séance in the app, when known. */
  url?: string;
  cancelled?: boolean;
};

/** Escapes a TEXT value (RFC 5545 §3.3.11). */
export function escapeICalText(value: string): string {
  return value
    .replace(/\\/g, '\\\\')
    .replace(/;/g, '\\;')
    .replace(/,/g, '\\,')
    .replace(/\r\n|\r|\n/g, '\\n');
}

/** `20261208T130000Z` for an ISO date-time. */
export function icalUtc(iso: string): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) throw new Error(`Date-heure invalide : ${iso}`);
  return d.toISOString().replace(/[-:]/g, '').replace(/\.\d{3}/, '');
}

const encoder = new TextEncoder();

/** Folds one content line to at most 75 octets per physical line, cutting between characters only. */
export function foldLine(line: string): string {
  const parts: string[] = [];
  let current = '';
  let bytes = 0;
  // The first physical line holds 75 octets; continuation lines start with a space, so they hold 74 more.
  let limit = 75;
  for (const char of line) {
    const size = encoder.encode(char).length;
    if (bytes + size > limit) {
      parts.push(current);
      current = '';
      bytes = 0;
      limit = 74;
    }
    current += char;
    bytes += size;
  }
  parts.push(current);
  return parts.join('\r\n ');
}

/** URIs go out as they are, but a line break inside one would forge a new property: drop control characters. */
const uri = (value: string) => value.replace(/[\u0000-\u001f\u007f]/g, '');

/** The whole `.ics` file. */
export function seanceToICalendar(s: ICalSeance): string {
  const start = new Date(s.startsAt);
  const end = new Date(start.getTime() + Math.max(15, s.durationMinutes) * 60_000);
  const location = [s.location.trim(), s.videoUrl ?? ''].filter(Boolean).join(' — ');
  const lines = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//Mutualab//Seances//FR',
    'CALSCALE:GREGORIAN',
    'METHOD:PUBLISH',
    'BEGIN:VEVENT',
    `UID:${uri(s.id)}@mutualab`,
    `DTSTAMP:${icalUtc(s.stampedAt)}`,
    `DTSTART:${icalUtc(s.startsAt)}`,
    `DTEND:${icalUtc(end.toISOString())}`,
    `SEQUENCE:${Math.max(0, Math.floor(s.sequence))}`,
    `SUMMARY:${escapeICalText(s.title)}`,
    ...(location ? [`LOCATION:${escapeICalText(location)}`] : []),
    ...(s.description ? [`DESCRIPTION:${escapeICalText(s.description)}`] : []),
    ...(s.url ? [`URL:${uri(s.url)}`] : s.videoUrl ? [`URL:${uri(s.videoUrl)}`] : []),
    `STATUS:${s.cancelled ? 'CANCELLED' : 'CONFIRMED'}`,
    'END:VEVENT',
    'END:VCALENDAR',
  ];
  return lines.map(foldLine).join('\r\n') + '\r\n';
}
