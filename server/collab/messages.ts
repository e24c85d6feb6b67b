/**
 * Encoders of the messages the server sends (y-websocket framing). Each broadcast is encoded once and the same
 * bytes are sent to every peer.
 */
import * as Y from 'yjs';
import * as encoding from 'lib0/encoding';
import { MESSAGE_AWARENESS, MESSAGE_SYNC, SYNC_STEP1, SYNC_STEP2, SYNC_UPDATE } from '../../shared/collab/protocol.js';

/** `[0, 0, stateVector]`: the server's sync step 1 (the client answers with what the server lacks). */
export function syncStep1(doc: Y.Doc): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, MESSAGE_SYNC);
  encoding.writeVarUint(encoder, SYNC_STEP1);
  encoding.writeVarUint8Array(encoder, Y.encodeStateVector(doc));
  return encoding.toUint8Array(encoder);
}

/**
 * `Y.encodeStateAsUpdate` without the structs Yjs holds back for missing dependencies (`store.pendingStructs/
 * pendingDs`), which it would otherwise append: only integrated content, i.e. what the room emitted and committed.
 */
export function encodeIntegrated(doc: Y.Doc, stateVector?: Uint8Array): Uint8Array {
  const store = doc.store as { pendingStructs: unknown; pendingDs: unknown };
  const { pendingStructs, pendingDs } = store;
  store.pendingStructs = null;
  store.pendingDs = null;
  try {
    return Y.encodeStateAsUpdate(doc, stateVector);
  } finally {
    store.pendingStructs = pendingStructs;
    store.pendingDs = pendingDs;
  }
}

/**
 * `[0, 1, update]`: what the client with `stateVector` lacks, integrated content only. Yjs would append the structs
 * it holds back for missing dependencies (`store.pendingStructs/pendingDs`): those were never part of a committed
 * delta, so they stay out of sync replies (their author re-sends them with its next sync).
 */
export function syncStep2(doc: Y.Doc, stateVector: Uint8Array): Uint8Array {
  return syncMessage(SYNC_STEP2, encodeIntegrated(doc, stateVector));
}

/**
 * `[0, 1, snapshot]`: a sync step 2 made of stored bytes (a compacted snapshot, which is a complete update), for a
 * client that has nothing yet: no doc to build nor to encode.
 */
export function storedSyncStep2(snapshot: Uint8Array): Uint8Array {
  return syncMessage(SYNC_STEP2, snapshot);
}

/** `[0, 2, update]`: a committed delta. */
export function updateMessage(update: Uint8Array): Uint8Array {
  return syncMessage(SYNC_UPDATE, update);
}

/** `[0, type, payload]`: one framed sync message, encoded once and sent as is to every peer. */
function syncMessage(type: number, payload: Uint8Array): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, MESSAGE_SYNC);
  encoding.writeVarUint(encoder, type);
  encoding.writeVarUint8Array(encoder, payload);
  return encoding.toUint8Array(encoder);
}

/** `[1, awarenessUpdate]`. */
export function awarenessMessage(update: Uint8Array): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, MESSAGE_AWARENESS);
  encoding.writeVarUint8Array(encoder, update);
  return encoding.toUint8Array(encoder);
}
