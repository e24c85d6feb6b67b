import { useEffect, useRef, useState } from 'react';
import type { LiveEvent, LiveEventType } from '../../../shared/events/types.js';
import { subscribeProjectEvents, type LiveState } from './projectEvents';

export type { LiveState } from './projectEvents';

/**
 * Listens to `types` on the project's shared event stream (see `projectEvents.ts`). `onEvent` and `onReconnect` may
 * change on every render: the latest ones are called. Returns the stream's state for a « en direct » indicator.
 * `projectId` undefined: no subscription (state stays `connecting`).
 */
export function useProjectEvents(
  projectId: string | undefined,
  types: readonly LiveEventType[],
  onEvent: (event: LiveEvent) => void,
  onReconnect?: () => void,
): LiveState {
  const [state, setState] = useState<LiveState>('connecting');
  const handlers = useRef({ onEvent, onReconnect });
  handlers.current = { onEvent, onReconnect };
  const typesKey = types.join(',');
  useEffect(() => {
    if (!projectId) return;
    return subscribeProjectEvents(projectId, {
      types: typesKey.split(',') as LiveEventType[],
      onEvent: (e) => handlers.current.onEvent(e),
      onReconnect: () => handlers.current.onReconnect?.(),
      onState: setState,
    });
  }, [projectId, typesKey]);
  return state;
}
