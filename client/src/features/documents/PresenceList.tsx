import { useEffect, useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import type { AwarenessUser } from '../../../../shared/collab/protocol.js';
import type { PresenceUser } from '../../../../shared/events/types.js';
import { ROLE_LABELS, type Role } from '../../../../shared/auth/roles.js';
import { q } from '../../api/queries';
import type { CollabSession } from '../../collab/session';
import { dm } from './messages';

/** The distinct users of the awareness states (the server stamped `user`), in arrival order. */
function awarenessUsers(session: CollabSession): AwarenessUser[] {
  const byId = new Map<string, AwarenessUser>();
  for (const state of session.provider.awareness.getStates().values()) {
    const user = (state as { user?: AwarenessUser }).user;
    if (user?.id && !byId.has(user.id)) byId.set(user.id, user);
  }
  return [...byId.values()];
}

/** Live list of the people on the document, from the awareness states. */
export function useAwarenessUsers(session: CollabSession | null): AwarenessUser[] {
  const [users, setUsers] = useState<AwarenessUser[]>([]);
  useEffect(() => {
    if (!session) return setUsers([]);
    const update = () => setUsers(awarenessUsers(session));
    update();
    session.provider.awareness.on('change', update);
    return () => session.provider.awareness.off('change', update);
  }, [session]);
  return users;
}

/**
 * Who is here: name, role, commune and caret colour of each person, from the awareness states the server stamps.
 * `registry` (from the server's `presence.changed` events) adds how many connections each person holds.
 */
export function PresenceList({
  session,
  meId,
  territoryId,
  registry,
}: {
  session: CollabSession | null;
  meId: string;
  territoryId: string;
  registry: PresenceUser[] | null;
}) {
  const users = useAwarenessUsers(session);
  const communes = useQuery(q.communes(territoryId));
  const communeName = (id: string | null) => (id ? communes.data?.find((c) => c.id === id)?.name : undefined);
  const others = users.filter((u) => u.id !== meId);

  return (
    <section className="doc-presence" aria-labelledby="doc-presence-title">
      <h2 id="doc-presence-title" className="doc-side-title">
        {dm.presence}
      </h2>
      <ul data-testid="presence-list">
        {users.map((u) => {
          const connections = registry?.find((r) => r.id === u.id)?.connections;
          const commune = communeName(u.communeId);
          return (
            <li key={u.id} data-user-id={u.id} data-connections={connections ?? ''}>
              <span className="doc-presence-dot" style={{ backgroundColor: u.color }} aria-hidden="true" />
              <span className="doc-presence-who">
                <span className="doc-presence-name">
                  {u.name} {u.id === meId ? <span className="muted">{dm.you}</span> : null}
                </span>
                <span className="doc-presence-meta">
                  {ROLE_LABELS[u.role as Role] ?? u.role}
                  {commune ? ` — ${commune}` : ''}
                  {connections && connections > 1 ? ` — ${dm.connections(connections)}` : ''}
                </span>
              </span>
            </li>
          );
        })}
      </ul>
      {others.length === 0 ? <p className="muted">{dm.presenceAlone}</p> : null}
    </section>
  );
}
