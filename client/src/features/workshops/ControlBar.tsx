import { useState } from 'react';
import type { SeanceViewDto } from '../../../../shared/workshops/types.js';
import { nextItemId } from '../../../../shared/workshops/live.js';
import { Button } from '../../ui/Button';
import { ErrorMessage } from '../../ui/ErrorMessage';
import { useSeanceAction } from './api';
import { wm } from './messages';

/** The facilitator's bar: start, pause/resume, next item, end (confirmed), lock or unlock every document. */
export function ControlBar({ state }: { state: SeanceViewDto }) {
  const act = useSeanceAction(state.id);
  const [confirming, setConfirming] = useState(false);
  const command = (type: string) => act.mutate({ path: '/commands', body: { type } });
  const allLocked = state.documents.length > 0 && state.documents.every((d) => d.locked || d.archived);
  if (state.status === 'terminee') return null;
  return (
    <div className="seance-controls" role="toolbar" aria-label={wm.controls}>
      {state.status === 'planifiee' ? (
        <Button onClick={() => command('start')} busy={act.isPending} disabled={state.agenda.length === 0}>
          {wm.start}
        </Button>
      ) : (
        <>
          {state.status === 'en_cours' ? (
            <Button variant="secondary" onClick={() => command('pause')} disabled={act.isPending}>
              {wm.pause}
            </Button>
          ) : (
            <Button onClick={() => command('resume')} disabled={act.isPending}>
              {wm.resume}
            </Button>
          )}
          <Button variant="secondary" onClick={() => command('next')} disabled={act.isPending || !nextItemId(state.agenda, state.currentItemId)}>
            {wm.next}
          </Button>
          {confirming ? (
            <>
              <Button variant="danger" onClick={() => (setConfirming(false), command('end'))}>
                {wm.confirmEnd}
              </Button>
              <Button variant="ghost" onClick={() => setConfirming(false)}>
                {wm.cancelEnd}
              </Button>
            </>
          ) : (
            <Button variant="danger" onClick={() => setConfirming(true)}>
              {wm.end}
            </Button>
          )}
        </>
      )}
      {state.documents.length ? (
        <Button variant="ghost" onClick={() => act.mutate({ path: '/locks', body: { locked: !allLocked } })} disabled={act.isPending}>
          {allLocked ? wm.unlockAll : wm.lockAll}
        </Button>
      ) : null}
      {act.isError ? <ErrorMessage error={act.error} /> : null}
    </div>
  );
}
