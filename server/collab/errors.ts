import type { CloseCode } from '../../shared/collab/close-codes.js';

/** A client broke the protocol or a limit: its connection is closed with `code` (never the process). */
export class ProtocolError extends Error {
  constructor(
    readonly code: CloseCode,
    message: string,
  ) {
    super(message);
    this.name = 'ProtocolError';
  }
}
