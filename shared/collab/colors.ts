/**
 * Caret/presence colour of a user, derived from the user id so every client and the server agree without
 * storing it. Pure: used by the server to stamp awareness and by the client for lists.
 */

/** A readable colour (`#rrggbb`, mid lightness so white caret labels stay legible) for a user id. */
export function userColor(userId: string): string {
  // FNV-1a: cheap, stable, well spread for short ids.
  let hash = 0x811c9dc5;
  for (let i = 0; i < userId.length; i++) {
    hash ^= userId.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hslToHex(hash % 360, 0.62, 0.42);
}

function hslToHex(h: number, s: number, l: number): string {
  const a = s * Math.min(l, 1 - l);
  const channel = (n: number) => {
    const k = (n + h / 30) % 12;
    const c = l - a * Math.max(-1, Math.min(k - 3, 9 - k, 1));
    return Math.round(c * 255)
      .toString(16)
      .padStart(2, '0');
  };
  return `#${channel(0)}${channel(8)}${channel(4)}`;
}
