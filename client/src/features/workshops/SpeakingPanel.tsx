import { formatClock, tickSpeaking } from '../../../../shared/workshops/live.js';
import type { SeanceViewDto } from '../../../../shared/workshops/types.js';
import { useMe } from '../../app/session';
import { Button } from '../../ui/Button';
import { ErrorMessage } from '../../ui/ErrorMessage';
import { useSeanceAction } from './api';
import { communeName, personName } from './format';
import { wm } from './messages';

/**
 * Demandes de parole: raise or lower one's hand (on behalf of one's commune), the ordered queue, the current
 * speaker with a running timer; the facilitator gives the floor to anyone in the queue and ends turns. Speaking time
 * per commune is shown below.
 */
export function SpeakingPanel({ state, now, control, participate }: { state: SeanceViewDto; now: number; control: boolean; participate: boolean }) {
  const me = useMe();
  const act = useSeanceAction(state.id);
  const speak = (body: unknown) => act.mutate({ path: '/speaking', body });
  const { queue, speaker } = state.speaking;
  const live = state.status === 'en_cours' || state.status === 'en_pause';
  const myRank = queue.findIndex((e) => e.personId === me.id);
  const iSpeak = speaker?.personId === me.id;
  // Cumulated time of the speaker, including the ongoing turn (a pause stops it).
  const speakerMs = speaker ? tickSpeaking(state.speaking.byPerson[speaker.personId] ?? 0, true, state, now) : 0;
  const byCommune = Object.entries(state.speaking.byCommune).sort((a, b) => b[1] - a[1]);
  const speakerCommune = speaker?.communeId ?? null;

  return (
    <section className="seance-panel" aria-labelledby="seance-speaking-title" data-testid="speaking-panel">
      <h3 id="seance-speaking-title">{wm.speakingTitle}</h3>
      {speaker ? (
        <div className={`seance-speaker${iSpeak ? ' seance-speaker-me' : ''}`} data-testid="speaker">
          <p>
            {iSpeak ? <strong>{wm.youSpeak}</strong> : <>{wm.speaker} : <strong>{personName(state, speaker.personId)}</strong></>}
            <span className="muted"> — {communeName(state, speaker.communeId)}</span>
          </p>
          <p className="seance-countdown" role="timer">
            <span className="muted">{wm.speakerTime} </span>
            {formatClock(speakerMs)}
          </p>
          {iSpeak || control ? (
            <Button variant="secondary" onClick={() => speak({ type: 'end_turn' })} disabled={act.isPending}>
              {iSpeak ? wm.endMyTurn : wm.endTurn}
            </Button>
          ) : null}
        </div>
      ) : null}
      {participate && live && !iSpeak ? (
        myRank >= 0 ? (
          <p className="seance-hand">
            <span>{wm.position(myRank + 1)}</span>{' '}
            <Button variant="secondary" onClick={() => speak({ type: 'lower' })} disabled={act.isPending}>
              {wm.lower}
            </Button>
          </p>
        ) : (
          <Button onClick={() => speak({ type: 'raise' })} disabled={act.isPending} data-testid="raise-hand">
            {wm.raise}
          </Button>
        )
      ) : null}
      <h4>{wm.queueTitle}</h4>
      {queue.length === 0 ? (
        <p className="muted">{wm.queueEmpty}</p>
      ) : (
        <ol className="seance-queue" data-testid="speaking-queue">
          {queue.map((e) => {
            const name = personName(state, e.personId);
            return (
              <li key={e.personId}>
                <span>
                  <strong>{name}</strong> <span className="muted">— {communeName(state, e.communeId)}</span>
                </span>
                {control ? (
                  <span className="seance-queue-actions">
                    <Button onClick={() => speak({ type: 'give_floor', personId: e.personId })} disabled={act.isPending || state.status !== 'en_cours'} aria-label={wm.giveFloor(name)}>
                      {wm.giveFloorShort}
                    </Button>
                    <Button variant="ghost" onClick={() => speak({ type: 'lower', personId: e.personId })} disabled={act.isPending} aria-label={wm.lowerFor(name)}>
                      ✕
                    </Button>
                  </span>
                ) : null}
              </li>
            );
          })}
        </ol>
      )}
      {byCommune.length ? (
        <>
          <h4>{wm.timesTitle}</h4>
          <ul className="plain-list seance-times">
            {byCommune.map(([id, ms]) => (
              <li key={id}>
                {communeName(state, id)} : {formatClock(tickSpeaking(ms, speakerCommune === id, state, now))}
              </li>
            ))}
          </ul>
        </>
      ) : null}
      {act.isError ? <ErrorMessage error={act.error} /> : null}
    </section>
  );
}
