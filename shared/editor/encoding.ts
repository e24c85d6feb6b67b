import * as Y from 'yjs';
import { fromBase64UrlEncoded, toBase64UrlEncoded } from 'lib0/buffer';

/**
 * Encodes a Yjs relative position as base64url (RFC 4648 §5, no padding).
 * URL-safe on purpose: section ids and anchors travel in paths, query strings and JSON columns.
 */
export function encodeRelativePosition(rel: Y.RelativePosition): string {
  return toBase64UrlEncoded(Y.encodeRelativePosition(rel));
}

/**
 * Decodes what {@link encodeRelativePosition} produced (standard base64 is accepted too).
 * Returns null instead of throwing on garbage, because ids come from clients.
 */
export function decodeRelativePosition(encoded: string): Y.RelativePosition | null {
  try {
    if (!/^[A-Za-z0-9+/_-]+={0,2}$/.test(encoded)) return null;
    return Y.decodeRelativePosition(fromBase64UrlEncoded(encoded));
  } catch {
    return null;
  }
}
