/**
 * The collaboration wire protocol: stock y-websocket framing (y-protocols sync, awareness, auth, query-awareness)
 * plus one Mutualab extension carried by the auth message, so any stock `WebsocketProvider` interoperates.
 *
 * Messages (first varUint of every binary frame):
 * - `0` sync: `[0, 0, stateVector]` step 1, `[0, 1, update]` step 2, `[0, 2, update]` update (y-protocols/sync).
 * - `1` awareness: `[1, awarenessUpdate]` (y-protocols/awareness). The server overwrites the `user` field of every
 *   state with the signed-in user (see `AwarenessUser`) and only accepts client ids the connection introduced.
 * - `2` auth, with a sub-type:
 *   - `[2, 0, reason]` permission-denied (y-protocols/auth): the connection is read-only and its document updates
 *     were (or will be) dropped. `reason` is a `PermissionDeniedReason`: `read_only` (role/participation) or
 *     `locked` (workshop lock). Sent right after the initial sync step 1 for read-only connections, after a lock
 *     change, and (at most once per second) in answer to dropped updates.
 *   - `[2, 1, 'writable']` **Mutualab extension**, permission-granted: the connection may write again (unlock).
 *     Stock clients ignore unknown auth sub-types, so this is safe for them.
 * - `3` query-awareness: the server answers with every awareness state of the room.
 *
 * Client usage (y-websocket 3): replace the auth handler to learn both directions:
 * ```ts
 * provider.messageHandlers[MESSAGE_AUTH] = (_enc, decoder) => {
 *   const msg = readAuthMessage(decoder);
 *   if (msg?.type === 'permission-denied') showReadOnlyBanner(msg.reason);
 *   else if (msg?.type === 'writable') hideReadOnlyBanner();
 * };
 * ```
 * Pure module (lib0 only): imported by the server and the browser client.
 */
import * as encoding from 'lib0/encoding';
import * as decoding from 'lib0/decoding';
import type { PermissionDeniedReason } from './close-codes.js';

export const MESSAGE_SYNC = 0;
export const MESSAGE_AWARENESS = 1;
export const MESSAGE_AUTH = 2;
export const MESSAGE_QUERY_AWARENESS = 3;

export const SYNC_STEP1 = 0;
export const SYNC_STEP2 = 1;
export const SYNC_UPDATE = 2;

/** y-protocols/auth `messagePermissionDenied`. */
export const AUTH_PERMISSION_DENIED = 0;
/** Mutualab extension: the connection may write again. */
export const AUTH_PERMISSION_GRANTED = 1;
export const WRITABLE = 'writable';

/** Server limits (defaults; the server may be configured lower in tests). */
export const COLLAB_LIMITS = {
  /** Largest WebSocket frame accepted (closed with 4413 beyond). */
  maxFrameBytes: 1024 * 1024,
  /** Largest encoded document state: an update that would exceed it is refused with 4413. */
  maxDocumentBytes: 8 * 1024 * 1024,
  /** Largest single awareness state (JSON). */
  maxAwarenessStateBytes: 16 * 1024,
  /** Awareness messages per second a connection may send, sustained (4429 beyond). */
  awarenessPerSecond: 50,
} as const;

/** The `user` field the server stamps into every awareness state (clients' own claims are overwritten). */
export type AwarenessUser = { id: string; name: string; role: string; communeId: string | null; color: string };

/** An auth message as the client sees it. */
export type AuthMessage = { type: 'permission-denied'; reason: PermissionDeniedReason | string } | { type: 'writable' };

/** `[2, 0, reason]`: the connection is read-only. */
export function encodePermissionDenied(reason: PermissionDeniedReason): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, MESSAGE_AUTH);
  encoding.writeVarUint(encoder, AUTH_PERMISSION_DENIED);
  encoding.writeVarString(encoder, reason);
  return encoding.toUint8Array(encoder);
}

/** `[2, 1, 'writable']`: the connection may write again. */
export function encodeWritable(): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, MESSAGE_AUTH);
  encoding.writeVarUint(encoder, AUTH_PERMISSION_GRANTED);
  encoding.writeVarString(encoder, WRITABLE);
  return encoding.toUint8Array(encoder);
}

/**
 * Reads the body of an auth message (the decoder is positioned after the `2` message type).
 * Returns null for sub-types this version does not know.
 */
export function readAuthMessage(decoder: decoding.Decoder): AuthMessage | null {
  const subType = decoding.readVarUint(decoder);
  if (subType === AUTH_PERMISSION_DENIED) return { type: 'permission-denied', reason: decoding.readVarString(decoder) };
  if (subType === AUTH_PERMISSION_GRANTED) return { type: 'writable' };
  return null;
}
