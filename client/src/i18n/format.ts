/** French formatting of numbers and dates, shared by every page so that figures read the same everywhere. */
const numberFormat = new Intl.NumberFormat('fr-FR');
const dateFormat = new Intl.DateTimeFormat('fr-FR', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
const dateTimeFormat = new Intl.DateTimeFormat('fr-FR', { dateStyle: 'long', timeStyle: 'short' });

/** 12 345 (with the French narrow no-break space). */
export function formatNumber(n: number): string {
  return numberFormat.format(n);
}

/**
 * A calendar date `YYYY-MM-DD` (or the date part of an ISO timestamp) as « 15 septembre 2026 ».
 * Formatted in UTC on purpose: a planned date is a day, not an instant, and must not shift with the time zone.
 */
export function formatDate(iso: string): string {
  const day = iso.slice(0, 10);
  const date = new Date(`${day}T00:00:00Z`);
  return Number.isNaN(date.getTime()) ? iso : dateFormat.format(date);
}

/** An instant (ISO 8601 UTC) in the user's time zone: « 21 septembre 2026 à 10:00 ». */
export function formatDateTime(iso: string): string {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? iso : dateTimeFormat.format(date);
}

/** Today's date in the user's time zone as `YYYY-MM-DD`, the format of planned dates. */
export function todayISO(now: Date = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

const shortDateTimeFormat = new Intl.DateTimeFormat('fr-FR', { dateStyle: 'short', timeStyle: 'short' });

/** An instant in compact form for dense tables: « 27/11/2026 06:49 ». */
export function formatDateTimeShort(iso: string): string {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? iso : shortDateTimeFormat.format(date);
}
