/**
 * Decodes one client frame (y-websocket framing) and hands it to the room. Anything malformed throws (lib0 decoders
 * bound every read to the frame; ProtocolError carries a specific close code) and the connection closes with 4400.
 */
import * as decoding from 'lib0/decoding';
import {
  MESSAGE_AUTH,
  MESSAGE_AWARENESS,
  MESSAGE_QUERY_AWARENESS,
  MESSAGE_SYNC,
  SYNC_STEP1,
  SYNC_STEP2,
  SYNC_UPDATE,
} from '../../shared/collab/protocol.js';
import type { Connection } from './connection.js';
import type { Room } from './room.js';
import { ProtocolError } from './errors.js';

/** Handles one binary message of a joined connection. */
export function handleMessage(room: Room, conn: Connection, message: Uint8Array): void {
  const decoder = decoding.createDecoder(message);
  switch (decoding.readVarUint(decoder)) {
    case MESSAGE_SYNC: {
      const type = decoding.readVarUint(decoder);
      if (type === SYNC_STEP1) return room.answerSync(conn, decoding.readVarUint8Array(decoder));
      if (type === SYNC_STEP2 || type === SYNC_UPDATE) return room.receiveUpdate(conn, decoding.readVarUint8Array(decoder));
      throw new ProtocolError(4400, 'unknown sync message');
    }
    case MESSAGE_AWARENESS:
      return room.receiveAwareness(conn, decoding.readVarUint8Array(decoder));
    case MESSAGE_AUTH:
      return; // nothing a client may say here; the reference server ignores it too
    case MESSAGE_QUERY_AWARENESS:
      return room.sendAwarenessTo(conn);
    default:
      throw new ProtocolError(4400, 'unknown message type');
  }
}
