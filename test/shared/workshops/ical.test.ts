import { describe, it, expect } from 'vitest';
import { escapeICalText, foldLine, icalUtc, seanceToICalendar } from '../../../shared/workshops/ical.js';

describe('iCalendar text escaping (RFC 5545 §3.3.11)', () => {
  const table: [string, string, string][] = [
    ['plain', 'COPIL jeunesse', 'COPIL jeunesse'],
    ['comma and semicolon', 'Fayence, Seillans; Mons', 'Fayence\\, Seillans\\; Mons'],
    ['backslash first', 'a\\b', 'a\\\\b'],
    ['newlines of every kind', 'un\ndeux\r\ntrois\rquatre', 'un\\ndeux\\ntrois\\nquatre'],
  ];
  it.each(table)('%s', (_label, input, expected) => {
    expect(escapeICalText(input)).toBe(expected);
  });
});

describe('line folding (RFC 5545 §3.1)', () => {
  it('keeps short lines and folds long ones at 75 octets, continuation lines starting with a space', () => {
    expect(foldLine('SUMMARY:Court')).toBe('SUMMARY:Court');
    const long = `DESCRIPTION:${'a'.repeat(200)}`;
    const lines = foldLine(long).split('\r\n');
    expect(lines.map((l) => Buffer.byteLength(l))).toEqual([75, 75, 64]);
    expect(lines.slice(1).every((l) => l.startsWith(' '))).toBe(true);
    expect(lines.map((l, i) => (i === 0 ? l : l.slice(1))).join('')).toBe(long);
  });

  it('never cuts inside a UTF-8 sequence', () => {
    const long = `SUMMARY:${'é'.repeat(80)}`; // 2 octets each
    const lines = foldLine(long).split('\r\n');
    for (const l of lines) expect(Buffer.byteLength(l)).toBeLessThanOrEqual(75);
    expect(lines.map((l, i) => (i === 0 ? l : l.slice(1))).join('')).toBe(long);
    expect(lines.join('')).not.toContain('\uFFFD');
  });
});

describe('the séance as one VEVENT', () => {
  const ics = seanceToICalendar({
    id: 'sea_1',
    title: 'COPIL, service jeunesse',
    startsAt: '2026-12-08T13:00:00.000Z',
    durationMinutes: 55,
    location: 'Salle du conseil; mairie de Fayence',
    videoUrl: 'https://visio.example.fr/copil',
    description: 'Ordre du jour :\n1. Accueil',
    stampedAt: '2026-11-27T09:00:00.000Z',
    sequence: 3,
  });

  it('is a complete calendar with CRLF line ends and the escaped, computed fields', () => {
    expect(ics.endsWith('\r\n')).toBe(true);
    expect(ics.replace(/\r\n/g, '').includes('\n')).toBe(false);
    expect(ics.split('\r\n')).toEqual([
      'BEGIN:VCALENDAR',
      'VERSION:2.0',
      'PRODID:-//Mutualab//Seances//FR',
      'CALSCALE:GREGORIAN',
      'METHOD:PUBLISH',
      'BEGIN:VEVENT',
      'UID:sea_1@mutualab',
      'DTSTAMP:20261127T090000Z',
      'DTSTART:20261208T130000Z',
      'DTEND:20261208T135500Z',
      'SEQUENCE:3',
      'SUMMARY:COPIL\\, service jeunesse',
      'LOCATION:Salle du conseil\\; mairie de Fayence — https://visio.example.fr/',
      ' copil',
      'DESCRIPTION:Ordre du jour :\\n1. Accueil',
      'URL:https://visio.example.fr/copil',
      'STATUS:CONFIRMED',
      'END:VEVENT',
      'END:VCALENDAR',
      '',
    ]);
  });

  it('a line break in a URL cannot forge a property; an empty agenda still lasts a quarter of an hour', () => {
    const forged = seanceToICalendar({ id: 'x', title: 'T', startsAt: '2026-12-08T13:00:00Z', durationMinutes: 0, location: '', videoUrl: 'https://a.fr/\r\nATTENDEE:evil', description: '', stampedAt: '2026-12-01T00:00:00Z', sequence: 0 });
    expect(forged).toContain('URL:https://a.fr/ATTENDEE:evil\r\n');
    expect(forged.split('\r\n').filter((l) => l.startsWith('ATTENDEE'))).toEqual([]);
    expect(forged).toContain('DTEND:20261208T131500Z');
    expect(() => icalUtc('pas une date')).toThrow();
  });
});
