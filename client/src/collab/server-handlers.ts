/**
 * Hooks into y-websocket's message handlers (contracts.md "Real-time documents"): the auth message (read-only,
 * locked, writable again) and the server's sync step 1, from which we learn whether our replica holds changes the
 * server does not have — the only moment we can tell, without an ack in the protocol, that a read-only connection's
 * edits were dropped and the replica diverged.
 */
import * as Y from 'yjs';
import * as decoding from 'lib0/decoding';
import type { WebsocketProvider } from 'y-websocket';
import { MESSAGE_AUTH, MESSAGE_SYNC, SYNC_STEP1, readAuthMessage, type AuthMessage } from '../../../shared/collab/protocol.js';

/** What the handlers report. */
export type ServerHandlerCallbacks = {
  onAuth(message: AuthMessage): void;
  /** The server sent its state vector; `ahead` is true when our replica has content the server lacks. */
  onServerStateVector(ahead: boolean): void;
};

/** True when `doc` holds structs (inserted content) that a peer with `stateVector` does not have. */
export function isAheadOf(doc: Y.Doc, stateVector: Uint8Array): boolean {
  const diff = Y.encodeStateAsUpdate(doc, stateVector);
  return Y.decodeUpdate(diff).structs.length > 0;
}

/** Replaces the auth handler and wraps the sync handler of `provider`. */
export function installServerHandlers(provider: WebsocketProvider, callbacks: ServerHandlerCallbacks): void {
  const handlers = provider.messageHandlers as unknown as Array<
    (encoder: unknown, decoder: decoding.Decoder, provider: WebsocketProvider, emitSynced: boolean, type: number) => void
  >;
  const originalSync = handlers[MESSAGE_SYNC]!;
  handlers[MESSAGE_SYNC] = (encoder, decoder, prov, emitSynced, type) => {
    const peek = decoding.clone(decoder);
    try {
      if (decoding.readVarUint(peek) === SYNC_STEP1) {
        callbacks.onServerStateVector(isAheadOf(prov.doc, decoding.readVarUint8Array(peek)));
      }
    } catch {
      // Malformed frame: the original handler reports it.
    }
    originalSync(encoder, decoder, prov, emitSynced, type);
  };
  handlers[MESSAGE_AUTH] = (_encoder, decoder) => {
    const message = readAuthMessage(decoder);
    if (message) callbacks.onAuth(message);
  };
}
