/**
 * Who is connected to which document, from the server's own connection registry (contracts.md: attendance lists
 * never come from what clients claim). Aggregated by user with a connection count (several tabs, devices).
 */
import type { PresenceUser } from '../../shared/events/types.js';
import type { AwarenessUser } from '../../shared/collab/protocol.js';
import type { Logger } from '../lib/logger.js';

export type PresenceListener = (documentId: string, users: PresenceUser[]) => void;

export class PresenceRegistry {
  private readonly byDocument = new Map<string, Map<string, PresenceUser>>();
  private readonly listeners = new Set<PresenceListener>();

  constructor(private readonly logger: Logger) {}

  /** A connection of `user` opened on the document. */
  join(documentId: string, user: AwarenessUser): void {
    let users = this.byDocument.get(documentId);
    if (!users) this.byDocument.set(documentId, (users = new Map()));
    const current = users.get(user.id);
    users.set(user.id, current ? { ...current, connections: current.connections + 1 } : { ...user, connections: 1 });
    this.emit(documentId);
  }

  /** A connection of `userId` closed. */
  leave(documentId: string, userId: string): void {
    const users = this.byDocument.get(documentId);
    const current = users?.get(userId);
    if (!users || !current) return;
    if (current.connections > 1) users.set(userId, { ...current, connections: current.connections - 1 });
    else users.delete(userId);
    if (users.size === 0) this.byDocument.delete(documentId);
    this.emit(documentId);
  }

  /** Connected users of a document, sorted by name for stable lists. */
  list(documentId: string): PresenceUser[] {
    const users = this.byDocument.get(documentId);
    if (!users) return [];
    return [...users.values()].map((u) => ({ ...u })).sort((a, b) => a.name.localeCompare(b.name, 'fr') || a.id.localeCompare(b.id));
  }

  /** Subscribes to every join/leave; returns the unsubscribe function. */
  onChange(listener: PresenceListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private emit(documentId: string): void {
    if (this.listeners.size === 0) return;
    const users = this.list(documentId);
    for (const listener of this.listeners) {
      // A failing subscriber (e.g. the SSE bus) must not break the socket that triggered the change.
      try {
        listener(documentId, users);
      } catch (err) {
        this.logger.error('presence listener failed', { documentId, error: String(err) });
      }
    }
  }
}
